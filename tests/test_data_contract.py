"""The data contract: good data builds; each kind of bad data stops the build and says where,
or (for markup in text) is published as text only.

Each bad case copies a two-cause fixture site (tests/fixtures/site), breaks one thing and
builds it with --strict. A case passes when the build stops within 30 s with one line naming
the file, the entry and the field, and no traceback.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import time
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, mkdocs_build
from macros.data import Data, load
from structure import page_structure, site_structure

FIXTURE = ROOT / "tests" / "fixtures" / "site"
FILE = "data/deactivation.yml"


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
    for code in ("macros", "hooks"):
        (project / code).symlink_to(ROOT / code, target_is_directory=True)
    return project


def edit_data(project: Path, change) -> None:
    path = project / "data" / "deactivation.yml"
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def write_data(project: Path, text: str | bytes) -> None:
    path = project / "data" / "deactivation.yml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def build_fails_with(project: Path, tmp_path: Path, expected: str, traceback_ok: bool = False) -> None:
    start = time.monotonic()
    result = mkdocs_build(project, tmp_path / "out")
    took = time.monotonic() - start
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"build passed but should fail with: {expected}\n{output}"
    assert expected in output, f"expected {expected!r} in:\n{output}"
    assert traceback_ok or "Traceback" not in output, "a data error must be a message, not a crash"
    assert took < 30, f"the build took {took:.0f} s to stop"


def test_fixture_site_builds(tmp_path):
    result = mkdocs_build(fixture_copy(tmp_path), tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr


def cause(i):
    return lambda d: d["causes"][i]


# Each bad case: how to break the fixture data, and the message that must name file, entry and field.
BAD_DATA = {
    # --- wrong types and missing fields
    "missing required field": (
        lambda d: d["causes"][1].pop("summary"),
        f"{FILE}: causes[1] (beta) .summary: Field required",
    ),
    "days as words": (
        lambda d: d["deadlines"]["appeal"].update(days="ten"),
        f"{FILE}: deadlines.appeal .days: Input should be a valid integer",
    ),
    "days: true is not 1": (
        lambda d: d["deadlines"]["appeal"].update(days=True),
        f"{FILE}: deadlines.appeal .days: Input should be a valid integer",
    ),
    "days as a quoted number": (
        lambda d: d["deadlines"]["appeal"].update(days="10"),
        f"{FILE}: deadlines.appeal .days: Input should be a valid integer",
    ),
    "a list where text belongs": (
        lambda d: d["causes"][0].update(summary=["a", "b"]),
        f"{FILE}: causes[0] (alpha) .summary: Input should be a valid string (got a list of 2 items)",
    ),
    "nothing where a list belongs": (
        lambda d: d["causes"][0].update(checklist=None),
        f"{FILE}: causes[0] (alpha) .checklist: Input should be a valid list",
    ),
    "unknown field (a typo)": (
        lambda d: d["causes"][0].update(checklst=["x"]),
        f"{FILE}: causes[0] (alpha) .checklst: Extra inputs are not permitted",
    ),
    "value outside the allowed set": (
        lambda d: d["sources"]["law-one"].update(kind="blog"),
        f"{FILE}: sources.law-one .kind: Input should be",
    ),
    "too few checklist items": (
        lambda d: d["causes"][0].update(checklist=["only one"]),
        f"{FILE}: causes[0] (alpha) .checklist: List should have at least 4 items",
    ),
    "an id that is not a slug": (
        lambda d: d["causes"][0].update(id="Alpha Reason"),
        f"{FILE}: causes[0] (Alpha Reason) .id: String should match pattern",
    ),
    # --- references and duplicates
    "duplicate cause id": (
        lambda d: d["causes"][1].update(id="alpha"),
        f"{FILE}: causes[1] (alpha) .id: duplicate cause id 'alpha'",
    ),
    "unknown deadline": (
        lambda d: d["causes"][1]["deadlines"].append("appeal-window"),
        f"{FILE}: causes[1] (beta) .deadlines[0]: unknown deadline 'appeal-window'",
    ),
    "unknown related cause": (
        lambda d: d["causes"][0]["related"].append("gamma"),
        f"{FILE}: causes[0] (alpha) .related[1]: unknown cause 'gamma'",
    ),
    "a cause related to itself": (
        lambda d: d["causes"][0]["related"].append("alpha"),
        f"{FILE}: causes[0] (alpha) .related: a cause cannot be related to itself",
    ),
    "unknown source behind a deadline": (
        lambda d: d["deadlines"]["appeal"]["sources"].append("nowhere"),
        f"{FILE}: deadlines.appeal .sources[1]: unknown source 'nowhere'",
    ),
    "unknown place": (
        lambda d: d["deadlines"]["appeal"].update(where=["atlantis"]),
        f"{FILE}: deadlines.appeal .where[0]: unknown place 'atlantis'",
    ),
    "unknown event": (
        lambda d: d["deadlines"]["appeal"].update(starts="moon-landing"),
        f"{FILE}: deadlines.appeal .starts: unknown event 'moon-landing'",
    ),
    "duplicate related entries": (
        lambda d: d["causes"][0].update(related=["beta", "beta"]),
        f"{FILE}: causes[0] (alpha) .related: item [1] repeats an earlier item",
    ),
    "duplicate checklist items": (
        lambda d: d["causes"][0].update(checklist=["one", "two", "three", "One"]),
        f"{FILE}: causes[0] (alpha) .checklist: item [3] repeats an earlier item",
    ),
    "duplicate aliases": (
        lambda d: d["causes"][0].update(aliases=["dnr", "DNR"]),
        f"{FILE}: causes[0] (alpha) .aliases: item [1] repeats an earlier item",
    ),
    "duplicate letter field id (two form fields with one element id)": (
        lambda d: d["causes"][1]["letter"]["fields"].append(
            {"id": "station", "label": "Again", "placeholder": "Station Again"}),
        f"{FILE}: causes[1] (beta) .letter.fields[1].id: duplicate letter field id 'station'",
    ),
    "a letter field that reuses a shared field's id": (
        lambda d: d["causes"][1]["letter"]["fields"].append(
            {"id": "name", "label": "Name again", "placeholder": "Name Again"}),
        f"{FILE}: causes[1] (beta) .letter.fields[1].id: duplicate letter field id 'name'",
    ),
    "duplicate placeholder": (
        lambda d: d["causes"][1]["letter"]["fields"].append(
            {"id": "station-2", "label": "Station", "placeholder": "Station Name"}),
        f"{FILE}: causes[1] (beta) .letter.fields[1].placeholder: duplicate placeholder '[Station Name]'",
    ),
    "duplicate statement id": (
        lambda d: d["causes"][0]["letter"]["statements"].append(
            {"id": "photo", "label": "Again", "text": "Again."}),
        f"{FILE}: causes[0] (alpha) .letter.statements[1].id: duplicate statement id 'photo'",
    ),
    "letter placeholder with no field": (
        lambda d: d["causes"][1]["letter"].update(body="Hi, [Your Nmae]."),
        f"{FILE}: causes[1] (beta) .letter.body: placeholder '[Your Nmae]'",
    ),
    "statements but no place for them in the letter": (
        lambda d: d["causes"][0]["letter"].update(body="Hello, I am [Your Full Name]."),
        f"{FILE}: causes[0] (alpha) .letter.body: has statements, so it needs the line",
    ),
    "a letter that would end its code block": (
        lambda d: d["causes"][1]["letter"].update(body="Hello\n```\n<script>x</script>"),
        f"{FILE}: causes[1] (beta) .letter.body: must not contain ```",
    ),
    "cause with no page": (
        lambda d: d["causes"].append({**copy.deepcopy(d["causes"][1]), "id": "gamma", "related": []}),
        f"{FILE}: causes[2] (gamma) .id: no page docs/causes/gamma.md",
    ),
    # --- URLs
    "http source URL": (
        lambda d: d["sources"]["law-one"].update(url="http://example.org/law"),
        f"{FILE}: sources.law-one .url: must be an https:// address",
    ),
    "javascript: URL": (
        lambda d: d["sources"]["law-one"].update(url="javascript:alert(1)"),
        f"{FILE}: sources.law-one .url: must be an https:// address",
    ),
    "data: URL": (
        lambda d: d["sources"]["law-one"].update(url="data:text/html,<script>alert(1)</script>"),
        f"{FILE}: sources.law-one .url: must be an https:// address",
    ),
    "URL with a quote that would end the attribute": (
        lambda d: d["sources"]["law-one"].update(url='https://example.org/" onmouseover="alert(1)'),
        f"{FILE}: sources.law-one .url: must be an https:// address",
    ),
    "URL with a Markdown link inside": (
        lambda d: d["sources"]["law-one"].update(url="https://example.org/[x](https://evil.example)"),
        f"{FILE}: sources.law-one .url: must be an https:// address",
    ),
    "URL with a space": (
        lambda d: d["sources"]["law-one"].update(url="https://example.org/a b"),
        f"{FILE}: sources.law-one .url: must be an https:// address",
    ),
    "URL with an angle bracket": (
        lambda d: d["sources"]["law-one"].update(url="https://example.org/<b>"),
        f"{FILE}: sources.law-one .url: must be an https:// address",
    ),
    # --- dates
    "checked in the future": (
        lambda d: d["sources"]["law-one"].update(checked="2999-01-01"),
        f"{FILE}: sources.law-one .checked: date 2999-01-01 is in the future",
    ),
    "reviewed in the future": (
        lambda d: d["causes"][0].update(reviewed="2999-01-01"),
        f"{FILE}: causes[0] (alpha) .reviewed: date 2999-01-01 is in the future",
    ),
    "a date that is not a date": (
        lambda d: d["causes"][0].update(reviewed="last week"),
        f"{FILE}: causes[0] (alpha) .reviewed: Input should be a valid date",
    ),
    # --- hidden characters and text that would change the page's structure
    "bidi override in a title": (
        lambda d: d["causes"][0].update(title="Alpha \u202ereason"),
        f"{FILE}: causes[0] (alpha) .title: one-line text must not contain the character U+202E",
    ),
    "zero-width space in a summary": (
        lambda d: d["causes"][0].update(summary="The first\u200b reason."),
        f"{FILE}: causes[0] (alpha) .summary: one-line text must not contain the character U+200B",
    ),
    "control character in a checklist item": (
        lambda d: d["causes"][0].update(checklist=["one\x07", "two", "three", "four"]),
        f"{FILE}: causes[0] (alpha) .checklist[0]: one-line text must not contain the character U+0007",
    ),
    "newlines in evidence (block Markdown: a heading, a link, an abbreviation)": (
        lambda d: d["causes"][0].update(evidence=[
            "one\n\n# Owned\n\n[click](https://evil.example)\n\n*[Amazon]: evil", "two", "three"]),
        f"{FILE}: causes[0] (alpha) .evidence[0]: one-line text must not contain the character U+000A",
    ),
    "markup in a title": (
        lambda d: d["causes"][0].update(title="At Risk](https://evil.example/phish) [x"),
        f"{FILE}: causes[0] (alpha) .title: a title is plain words; it must not contain ']'",
    ),
    "an HTML tag in a title (the theme does not escape titles)": (
        lambda d: d["causes"][0].update(title="Alpha <img src=x onerror=alert(1)>"),
        f"{FILE}: causes[0] (alpha) .title: a title is plain words; it must not contain '<'",
    ),
    # --- sizes
    "a summary of 10 MB": (
        lambda d: d["causes"][0].update(summary="x" * 10_000_000),
        f"{FILE}: file is",
    ),
    "a summary over the length limit": (
        lambda d: d["causes"][0].update(summary="word " * 200),
        f"{FILE}: causes[0] (alpha) .summary: String should have at most 600 characters (got 'word word",
    ),
    "a letter over the length limit": (
        lambda d: d["causes"][1]["letter"].update(body="Hello [Your Full Name]. " + "x" * 5000),
        f"{FILE}: causes[1] (beta) .letter.body: String should have at most 4000 characters",
    ),
    "too many aliases": (
        lambda d: d["causes"][0].update(aliases=[f"alias {i}" for i in range(100)]),
        f"{FILE}: causes[0] (alpha) .aliases: List should have at most 60 items",
    ),
}


@pytest.mark.parametrize("case", BAD_DATA)
def test_bad_data_stops_the_build_naming_file_entry_and_field(case, tmp_path):
    change, expected = BAD_DATA[case]
    project = fixture_copy(tmp_path)
    edit_data(project, change)
    build_fails_with(project, tmp_path, expected)


def _replace(old: str, new: str):
    def change(text: str) -> str:
        assert old in text, f"fixture has no {old!r}"
        return text.replace(old, new, 1)
    return change


# Bad files: what YAML itself cannot read, or must not be allowed to do.
BAD_FILES = {
    "malformed YAML (an unclosed quote)": (
        _replace('summary: "The first reason."', 'summary: "The first reason.'),
        f"{FILE}: line ",
    ),
    "a duplicate key": (
        _replace("  forum-one:\n", "  law-one:\n"),
        "duplicate key 'law-one'",
    ),
    "an impossible date written without quotes": (
        lambda t: t.replace("reviewed: 2026-11-26", "reviewed: 2026-02-30", 1),
        "'2026-02-30' is not a real date",
    ),
    "a simple alias": (
        lambda t: t.replace("    checklist: [one, two, three, four]\n", "    checklist: &c [one, two, three, four]\n", 1)
        .replace("    checklist: [one, two, three, four]\n", "    checklist: *c\n", 1),
        "aliases are not allowed",
    ),
    "an alias bomb (billion laughs)": (
        lambda t: t + "\nbomb:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(f"  {n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi")),
        "aliases are not allowed",
    ),
    "a list nested 200 deep": (
        lambda t: t + "\ndeep: " + "[" * 200 + "]" * 200 + "\n",
        "nested more than",
    ),
    "a control character in the file": (
        lambda t: t.replace('summary: "The first reason."', 'summary: The first\x01 reason.', 1),
        "the character U+0001 is not allowed",
    ),
    "a list at the top instead of a mapping": (
        lambda t: "- just\n- a list\n",
        f"{FILE}: expected a mapping",
    ),
    "an empty file": (
        lambda t: "",
        f"{FILE}: expected a mapping",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_stops_the_build_naming_the_line(case, tmp_path):
    change, expected = BAD_FILES[case]
    project = fixture_copy(tmp_path)
    path = project / "data" / "deactivation.yml"
    write_data(project, change(path.read_text(encoding="utf-8")))
    build_fails_with(project, tmp_path, expected)


def test_a_malformed_line_is_named(tmp_path):
    """YAML notices an unclosed quote a line or two later; the line it names must be that near."""
    project = fixture_copy(tmp_path)
    text = (project / "data" / "deactivation.yml").read_text()
    line = text[: text.index('summary: "The first reason."')].count("\n") + 1
    write_data(project, text.replace('summary: "The first reason."', 'summary: "The first reason.', 1))
    build_fails_with(project, tmp_path, f"{FILE}: line ")
    output = mkdocs_build(project, tmp_path / "again")
    named = int(re.search(r"deactivation\.yml: line (\d+)", output.stdout + output.stderr).group(1))
    assert line <= named <= line + 3, f"the bad quote is on line {line}; the message names line {named}"


def test_bytes_that_are_not_utf8_name_the_line(tmp_path):
    project = fixture_copy(tmp_path)
    raw = (project / "data" / "deactivation.yml").read_bytes()
    line = raw[: raw.index(b"The first reason.")].count(b"\n") + 1
    write_data(project, raw.replace(b"The first reason.", b"The first \xff reason.", 1))
    build_fails_with(project, tmp_path, f"{FILE}: line {line}: not UTF-8 text")


def test_missing_data_file_stops_the_build(tmp_path):
    project = fixture_copy(tmp_path)
    (project / "data" / "deactivation.yml").unlink()
    build_fails_with(project, tmp_path, f"{FILE}: file not found")


def test_a_cause_page_whose_id_is_not_in_the_data_stops_the_build(tmp_path):
    project = fixture_copy(tmp_path)
    (project / "docs" / "causes" / "gamma.md").write_text("Gamma\n")
    build_fails_with(project, tmp_path, "docs/causes/gamma.md: page has no cause with id 'gamma'")


@pytest.mark.parametrize("call, expected", [
    ('{{ claim("drivers-report", "nope") }}', "docs/index.md: claim('drivers-report', 'nope'): unknown source 'nope'"),
    ('{{ claim("rumour", "forum-one") }}', "docs/index.md: claim('rumour', 'forum-one'): unknown label 'rumour'"),
    ('{{ general_letter("nope") }}', "docs/index.md: general_letter('nope'): no letter with id 'nope'"),
    ('{{ deadlines_table("nope") }}', "docs/index.md: deadlines_table('nope'): unknown deadline 'nope'"),
    ("{{ cause_checklist() }}", "docs/index.md: cause_checklist(): cause macros work only on a cause page"),
])
def test_a_bad_macro_call_stops_the_build_with_one_line_naming_the_page(call, expected, tmp_path):
    project = fixture_copy(tmp_path)
    (project / "docs" / "index.md").write_text(f"# Home\n\n{call}\n")
    build_fails_with(project, tmp_path, expected)


def test_an_undefined_variable_stops_the_build(tmp_path):
    project = fixture_copy(tmp_path)
    (project / "docs" / "index.md").write_text("# Home\n\n{{ no_such_variable }}\n")
    # The macros plugin reports Jinja's own errors with its traceback; the name must be in it.
    build_fails_with(project, tmp_path, "no_such_variable", traceback_ok=True)


def test_markup_in_data_is_shown_as_text(tmp_path):
    """The payloads an outside test published through the old Markdown path, each in its field."""
    project = fixture_copy(tmp_path)
    baseline = tmp_path / "baseline"
    assert mkdocs_build(fixture_copy(tmp_path / "b"), baseline).returncode == 0
    payloads = {
        "summary": "[click](javascript:alert(1)) ![i](https://evil.example/a.png) <script>alert(1)</script> {{ 7 * 7 }}",
        "checklist": ["<img src=x onerror=alert(1)>", "a | b | c", "*[Amazon]: evil", "{: onclick=\"alert(1)\" }"],
        "mistakes": ["<https://evil.example>", "[x][y] and [y]: https://evil.example"],
        "source title": 'A [link](https://evil.example/" onfocus="alert(1)) title',
        "note": "&lt;b&gt; FLEXHTML3c623eFLEXEND <!-- --> ```",
    }

    def change(d):
        d["causes"][0]["summary"] = payloads["summary"]
        d["causes"][0]["checklist"] = payloads["checklist"]
        d["causes"][0]["mistakes"] = payloads["mistakes"]
        d["sources"]["forum-one"]["title"] = payloads["source title"]
        d["sources"]["forum-one"]["note"] = payloads["note"]
        d["causes"][0]["outcome"]["note"] = payloads["note"]

    edit_data(project, change)
    out = tmp_path / "out"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert site_structure(out) == site_structure(baseline), "data text added or changed elements"
    page = (out / "causes" / "alpha" / "index.html").read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "{{ 7 * 7 }}" in page
    assert "FLEXHTML3c623eFLEXEND" in page, "a fragment marker in data stays text"
    assert "evil.example" not in "".join(page_structure(page)["urls"])
