"""The Spanish words (data/deactivation.es.yml) against the English data: the contract.

A missing or orphaned translation stops the build naming file, entry and field, exactly as bad
English data does. Most cases check the file through `load_es` (the code the build runs); two
build a copy of the site to show the build really stops with that line.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_of_site, mkdocs_build
from macros.data import DataError, load
from macros.translations import ES_FILE, load_es, paragraphs

ES = ROOT / ES_FILE


def spanish() -> dict:
    return yaml.safe_load(ES.read_text(encoding="utf-8"))


def with_change(tmp_path: Path, change) -> Path:
    """A project folder whose Spanish file has one change (the English file is the real one)."""
    project = tmp_path / "project"
    (project / "data").mkdir(parents=True)
    (project / "data" / "deactivation.yml").write_bytes((ROOT / "data" / "deactivation.yml").read_bytes())
    raw = spanish()
    change(raw)
    (project / ES_FILE).write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


def problems(tmp_path: Path, change) -> str:
    with pytest.raises(DataError) as err:
        load_es(with_change(tmp_path, change))
    return str(err.value)


def test_the_real_spanish_words_keep_the_contract():
    view = load_es(ROOT)
    english = load(ROOT)
    assert [c.id for c in view.data.causes] == [c.id for c in english.causes]
    assert set(view.meanings) == {f"cause:{c.id}" for c in english.causes} | {f"letter:{x.id}" for x in english.letters}
    # The letter a driver sends stays English; its meaning has the same paragraphs.
    for cause in english.causes:
        localized = view.data.cause(cause.id)
        assert localized.letter.body == cause.letter.body
        assert len(paragraphs(view.meanings[f"cause:{cause.id}"].body)) == len(paragraphs(cause.letter.body))


def _drop_checklist_item(raw):
    raw["causes"]["not-received"]["checklist"].pop()


def _drop_summary(raw):
    del raw["causes"]["not-received"]["summary"]


def _orphan_cause(raw):
    raw["causes"]["ghost-reason"] = copy.deepcopy(raw["causes"]["not-received"])


def _orphan_field(raw):
    raw["causes"]["not-received"]["sumary"] = "Typo in the field name"


def _missing_cause(raw):
    del raw["causes"]["inactivity"]


def _missing_deadline(raw):
    raw["deadlines"].pop(next(iter(raw["deadlines"])))


def _merged_paragraphs(raw):
    letter = raw["causes"]["not-received"]["letter"]
    letter["body"] = letter["body"].replace("\n\n", "\n", 1)


def _lost_placeholder(raw):
    letter = raw["causes"]["not-received"]["letter"]
    letter["body"] = letter["body"].replace("[Your Full Name]", "tu nombre")


def _orphan_statement(raw):
    raw["causes"]["not-received"]["letter"]["statements"]["made-up"] = {"label": "x", "text": "y"}


def _markup_in_title(raw):
    raw["causes"]["not-received"]["title"] = "Paquetes <b>perdidos</b>"


@pytest.mark.parametrize("change, expected", [
    (_drop_checklist_item, "causes.not-received: .checklist: has"),
    (_drop_summary, "causes.not-received .summary: Field required"),
    (_orphan_cause, "causes.ghost-reason: no cause 'ghost-reason' in data/deactivation.yml"),
    (_orphan_field, "causes.not-received .sumary: Extra inputs are not permitted"),
    (_missing_cause, "causes.inactivity: missing: write the Spanish for cause 'inactivity'"),
    (_missing_deadline, "deadlines."),
    (_merged_paragraphs, "causes.not-received: .letter.body: has"),
    (_lost_placeholder, "causes.not-received: .letter.body: paragraph"),
    (_orphan_statement, "causes.not-received .letter.statements.made-up: no statement 'made-up'"),
    (_markup_in_title, "causes.not-received .title: a title is plain words"),
], ids=lambda v: getattr(v, "__name__", "")[1:] if callable(v) else "")
def test_a_broken_translation_names_file_entry_and_field(tmp_path, change, expected):
    message = problems(tmp_path, change)
    assert message.startswith("data/deactivation.es.yml: "), message
    assert expected in message, message
    assert "Traceback" not in message


@pytest.mark.parametrize("change, expected", [
    (_missing_cause, "data/deactivation.es.yml: causes.inactivity: missing"),
    (_orphan_cause, "data/deactivation.es.yml: causes.ghost-reason: no cause 'ghost-reason'"),
])
def test_the_build_stops_on_a_missing_or_orphaned_translation(tmp_path, change, expected):
    project = copy_of_site(tmp_path)
    raw = spanish()
    change(raw)
    (project / ES_FILE).write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in output, output[-2000:]
    assert "Traceback" not in output
