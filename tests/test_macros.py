"""Macro rendering: what each macro puts on a page, from the data alone."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT
from macros import render
from macros.data import LABEL_TEXT, STATEMENTS_MARKER, load

DATA = load(ROOT)
CAUSE = DATA.causes[0]


def test_checklist_is_a_task_list_whose_boxes_are_named_by_their_text():
    html = render.checklist(CAUSE)
    assert html.count('type="checkbox"') == len(CAUSE.checklist)
    for item, label in zip(CAUSE.checklist, re.findall(r"<label[^>]*>(.*?)</label>", html, re.S)):
        assert render.esc(item) in label and 'type="checkbox"' in label


def test_letter_block_shows_subject_and_body_as_copyable_plain_text():
    md = render.letter_block(DATA, CAUSE.id, CAUSE.letter)
    assert f"```text\n{CAUSE.letter.subject}\n```" in md
    assert CAUSE.letter.body.strip() in md
    blanks = json.loads(re.search(r'class="letter-blanks">(.*?)</script>', md).group(1))
    placeholders = {b["placeholder"] for b in blanks}
    texts = CAUSE.letter.subject + CAUSE.letter.body + "".join(st.text for st in CAUSE.letter.statements)
    used = set(re.findall(r"\[([^\]]+)\]", texts)) - {STATEMENTS_MARKER[1:-1]}
    assert placeholders == used, "the builder must offer exactly the blanks the letter and its sentences use"


def test_letter_blank_json_cannot_close_its_script_element():
    from macros.data import Letter, LetterField

    letter = Letter(subject="S", body="[X]", fields=[LetterField(id="x", label="</script><b>", placeholder="X")])
    md = render.letter_block(DATA, "t", letter)
    assert "</script><b>" not in md


def test_every_claim_label_renders_its_words_and_links_its_source():
    source_id, source = next(iter(DATA.sources.items()))
    for label, words in LABEL_TEXT.items():
        html = render.claim(DATA, label, source_id)
        assert words in html and source.url in html


@pytest.mark.parametrize("args", [("maybe", "x"), ("drivers-report",), ("drivers-report", "no-such-source")])
def test_a_claim_with_a_bad_label_or_source_fails_the_build(args):
    with pytest.raises(ValueError):
        render.claim(DATA, *args)


def test_deadline_table_lists_days_counting_and_label():
    table = render.deadlines_table(DATA, list(DATA.deadlines))
    for d in DATA.deadlines.values():
        assert f"| {d.days} days | {d.counting} days |" in table
        assert LABEL_TEXT[d.confidence] in table


def test_causes_table_links_every_cause():
    table = render.causes_table(DATA)
    for cause in DATA.causes:
        assert f"]({cause.id}.md)" in table
