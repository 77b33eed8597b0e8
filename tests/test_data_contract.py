"""The data contract: good data builds; each kind of bad data stops the build and says where."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, mkdocs_build
from macros.data import Data, load

FIXTURE = ROOT / "tests" / "fixtures" / "site"


def test_real_data_is_valid_and_has_the_sixteen_causes():
    data = load(ROOT)
    ids = {c.id for c in data.causes}
    assert {
        "standing-at-risk", "not-received", "late-or-missed-blocks", "undeliverable-returns",
        "background-check-criminal", "background-check-driving-record", "identity-selfie",
        "account-sharing", "bots-and-automation", "location-spoofing", "expired-documents",
        "conduct-complaints", "unsafe-driving", "fraud-or-theft", "inactivity", "no-reason-given",
    } <= ids


def test_published_json_schema_matches_the_models():
    published = json.loads((ROOT / "data" / "schema.json").read_text())
    assert published == Data.model_json_schema(), "data/schema.json is stale: run `make schema`"


def fixture_copy(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    (project / "macros").symlink_to(ROOT / "macros", target_is_directory=True)
    return project


def edit_data(project: Path, change) -> None:
    path = project / "data" / "deactivation.yml"
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def build_fails_with(project: Path, tmp_path: Path, expected: str, traceback_ok: bool = False) -> None:
    result = mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"build passed but should fail with: {expected}\n{output}"
    assert expected in output, f"expected {expected!r} in:\n{output}"
    assert traceback_ok or "Traceback" not in output, "a data error must be a message, not a crash"


def test_fixture_site_builds(tmp_path):
    result = mkdocs_build(fixture_copy(tmp_path), tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr


# Each bad case: how to break the fixture data, and the message that must name file, entry and field.
BAD_DATA = {
    "missing required field": (
        lambda d: d["causes"][1].pop("summary"),
        "data/deactivation.yml: causes[1] (beta) .summary: Field required",
    ),
    "wrong type": (
        lambda d: d["deadlines"]["appeal"].update(days="ten"),
        "data/deactivation.yml: deadlines.appeal .days: Input should be a valid integer",
    ),
    "unknown field (a typo)": (
        lambda d: d["causes"][0].update(checklst=["x"]),
        "data/deactivation.yml: causes[0] (alpha) .checklst: Extra inputs are not permitted",
    ),
    "value outside the allowed set": (
        lambda d: d["sources"]["law-one"].update(kind="blog"),
        "data/deactivation.yml: sources.law-one .kind: Input should be 'amazon', 'law'",
    ),
    "too few checklist items": (
        lambda d: d["causes"][0].update(checklist=["only one"]),
        "data/deactivation.yml: causes[0] (alpha) .checklist: List should have at least 4 items",
    ),
    "duplicate cause id": (
        lambda d: d["causes"][1].update(id="alpha"),
        "data/deactivation.yml: causes[1] (alpha) .id: duplicate cause id 'alpha'",
    ),
    "unknown source": (
        lambda d: d["causes"][0]["sources"].append("amzn-tos"),
        "data/deactivation.yml: causes[0] (alpha) .sources[1]: unknown source 'amzn-tos'",
    ),
    "unknown deadline": (
        lambda d: d["causes"][1]["deadlines"].append("appeal-window"),
        "data/deactivation.yml: causes[1] (beta) .deadlines[0]: unknown deadline 'appeal-window'",
    ),
    "unknown related cause": (
        lambda d: d["causes"][0]["related"].append("gamma"),
        "data/deactivation.yml: causes[0] (alpha) .related[1]: unknown cause 'gamma'",
    ),
    "unknown source behind a deadline": (
        lambda d: d["deadlines"]["appeal"]["sources"].append("nowhere"),
        "data/deactivation.yml: deadlines.appeal .sources[1]: unknown source 'nowhere'",
    ),
    "letter placeholder with no field": (
        lambda d: d["causes"][0]["letter"].update(body="Hi, [Your Nmae]."),
        "data/deactivation.yml: causes[0] (alpha) .letter.body: placeholder '[Your Nmae]'",
    ),
    "cause with no page": (
        lambda d: d["causes"].append({**d["causes"][1], "id": "gamma", "related": []}),
        "data/deactivation.yml: causes[2] (gamma) .id: no page docs/causes/gamma.md",
    ),
}


@pytest.mark.parametrize("case", BAD_DATA)
def test_bad_data_stops_the_build_naming_file_entry_and_field(case, tmp_path):
    change, expected = BAD_DATA[case]
    project = fixture_copy(tmp_path)
    edit_data(project, change)
    build_fails_with(project, tmp_path, expected)


def test_a_cause_page_whose_id_is_not_in_the_data_stops_the_build(tmp_path):
    project = fixture_copy(tmp_path)
    (project / "docs" / "causes" / "gamma.md").write_text("# Gamma\n")
    build_fails_with(project, tmp_path, "docs/causes/gamma.md: page has no cause with id 'gamma'")


def test_malformed_yaml_names_the_line(tmp_path):
    project = fixture_copy(tmp_path)
    path = project / "data" / "deactivation.yml"
    lines = path.read_text().splitlines()
    bad_line = next(i for i, line in enumerate(lines) if "summary: \"The first reason.\"" in line)
    lines[bad_line] = '    summary: "The first reason.'  # an unclosed quote
    path.write_text("\n".join(lines) + "\n")
    build_fails_with(project, tmp_path, "data/deactivation.yml: line ")
    result = mkdocs_build(project, tmp_path / "out2")
    assert "invalid YAML" in result.stdout + result.stderr


def test_duplicate_source_id_names_the_line(tmp_path):
    project = fixture_copy(tmp_path)
    path = project / "data" / "deactivation.yml"
    text = path.read_text().replace("  forum-one:\n", "  law-one:\n", 1)
    path.write_text(text)
    build_fails_with(project, tmp_path, "duplicate key 'law-one'")


def test_missing_data_file_stops_the_build(tmp_path):
    project = fixture_copy(tmp_path)
    (project / "data" / "deactivation.yml").unlink()
    build_fails_with(project, tmp_path, "data/deactivation.yml: file not found")


def test_markup_in_data_is_shown_as_text(tmp_path):
    project = fixture_copy(tmp_path)
    edit_data(project, lambda d: d["causes"][0].update(
        summary="<script>alert(1)</script> {{ 7 * 7 }} | pipe",
        checklist=["<img src=x onerror=alert(1)>", "two", "three", "four"],
    ))
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "out" / "causes" / "alpha" / "index.html").read_text()
    index = (tmp_path / "out" / "index.html").read_text()
    for html in (page, index):
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "49" not in html.split("alert(1)")[1][:40], "data must not be run as a template"
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.parametrize("call, expected", [
    ('{{ claim("drivers-report", "nope") }}', "unknown source 'nope'"),
    ('{{ claim("rumour", "forum-one") }}', "unknown label 'rumour'"),
    ("{{ no_such_variable }}", "no_such_variable"),
    ('{{ cause_checklist("gamma") }}', "no cause with id 'gamma'"),
])
def test_a_page_with_a_bad_macro_call_stops_the_build(call, expected, tmp_path):
    project = fixture_copy(tmp_path)
    (project / "docs" / "index.md").write_text(f"# Home\n\n{call}\n")
    # The macros plugin prints its own traceback for a failing macro; the message must be in it.
    build_fails_with(project, tmp_path, expected, traceback_ok=True)
