"""Macro rendering: what each macro puts on a page, from the data alone."""

from __future__ import annotations

import json
import re
from html import unescape

import markdown
import pytest

from conftest import ROOT
from macros import render
from macros.data import LABEL_TEXT, Letter, LetterField, Statement, label_fits, load

DATA = load(ROOT)
CAUSE = DATA.causes[0]
EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.superfences"]


def page(md: str) -> str:
    """What a page shows: Markdown first, then the macros' HTML put back (as the pages hook does)."""
    return render.expand(markdown.markdown(md, extensions=EXTENSIONS))


def test_checklist_is_a_task_list_whose_boxes_are_named_by_their_text():
    html = page(render.checklist(CAUSE))
    assert html.count('type="checkbox"') == len(CAUSE.checklist)
    labels = re.findall(r"<label[^>]*>(.*?)</label>", html, re.S)
    for item, label in zip(CAUSE.checklist, labels, strict=True):
        assert unescape(re.sub(r"<[^>]+>", "", label)).strip() == item and 'type="checkbox"' in label


def test_letter_block_shows_subject_and_body_as_copyable_plain_text():
    html = page(render.letter_block(DATA, CAUSE.id, CAUSE.letter))
    codes = [unescape(c) for c in re.findall(r"<pre[^>]*><code[^>]*>(.*?)</code></pre>", html, re.S)]
    assert codes[0] == CAUSE.letter.subject and codes[1] == CAUSE.letter.body.strip()
    blanks = json.loads(re.search(r'class="letter-blanks">(.*?)</template>', html).group(1))
    placeholders = {b["placeholder"] for b in blanks}
    every_text = CAUSE.letter.subject + CAUSE.letter.body + "".join(s.text for s in CAUSE.letter.statements)
    used = set(re.findall(r"\[([^\]]+)\]", every_text)) - {"Add any sentences below that are true for you"}
    assert placeholders == used, "the builder must offer exactly the blanks the letter uses"


def test_optional_sentences_are_shown_one_by_one_and_given_to_the_builder():
    letter = Letter(
        subject="S", body="Hello.\n\n[Add any sentences below that are true for you]\n\nBye.",
        fields=[LetterField(id="stop", label="Stop", placeholder="Stop")],
        statements=[Statement(id="photo", label="I have a photo", text="I have a photo of [Stop].")],
    )
    html = page(render.letter_block(DATA, "t", letter))
    assert "I have a photo of [Stop]." in unescape(html)
    statements = json.loads(re.search(r'class="letter-statements">(.*?)</template>', html).group(1))
    assert statements == [{"id": "photo", "label": "I have a photo", "text": "I have a photo of [Stop]."}]
    blanks = json.loads(re.search(r'class="letter-blanks">(.*?)</template>', html).group(1))
    assert "Stop" in {b["placeholder"] for b in blanks}, "a blank used only in a sentence is offered too"


def test_letter_blank_json_cannot_close_its_template_element():
    letter = Letter(subject="S", body="[X]", fields=[LetterField(id="x", label="X", placeholder="X", hint="</template><b>")])
    html = page(render.letter_block(DATA, "t", letter))
    assert "</template><b>" not in html and "<b>" not in html


def test_every_claim_label_renders_its_words_and_links_its_source():
    for label, words in LABEL_TEXT.items():
        source_id, source = next((i, s) for i, s in DATA.sources.items() if label_fits(label, s.kind))
        html = page(f"Text {render.claim(DATA, label, source_id)}: more.")
        assert words in html and f'href="{source.url}"'.replace("&", "&amp;") in html


def test_a_claim_whose_label_does_not_fit_its_source_is_an_error():
    forum = next(i for i, s in DATA.sources.items() if s.kind == "driver-report")
    with pytest.raises(render.RenderError, match="does not fit source"):
        render.claim(DATA, "law-says", forum)


@pytest.mark.parametrize("args", [("maybe", "x"), ("drivers-report",), ("drivers-report", "no-such-source")])
def test_a_claim_with_a_bad_label_or_source_is_an_error(args):
    with pytest.raises(render.RenderError):
        render.claim(DATA, *args)


def test_a_claim_at_the_start_of_a_line_stays_inside_its_paragraph():
    source_id = next(i for i, s in DATA.sources.items() if s.kind == "driver-report")
    html = page(f"First line.\n{render.claim(DATA, 'drivers-report', source_id)}: second line.")
    assert html.count("<p>") == 1 and "claim--drivers-report" in html.split("</p>")[0]


def test_deadline_table_lists_days_counting_and_label():
    html = page(render.deadlines_table(DATA, list(DATA.deadlines)))
    for d in DATA.deadlines.values():
        # Each cell names its column too, for the phone layout (the heading row is hidden there).
        assert (f'<td data-label="How long:">{d.days} days</td>'
                f'<td data-label="Counts:">{d.counting} days</td>') in html
        assert LABEL_TEXT[d.confidence] in html


def test_causes_table_links_every_cause_relative_to_the_page():
    from_index = page(render.causes_table(DATA, "causes/"))
    from_finder = page(render.causes_table(DATA, "find-your-reason/", grouped=False))
    for cause in DATA.causes:
        assert f'href="{cause.id}/"' in from_index
        assert f'href="../causes/{cause.id}/"' in from_finder


def test_dates_are_written_the_us_way():
    import datetime as dt

    assert render.day(dt.date(2026, 11, 6)) == "November 6, 2026"
