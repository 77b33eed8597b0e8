"""Property: whatever text the data holds, a built page gains no element, attribute or link.

Hypothesis writes hostile strings (Markdown links and images, raw HTML, block Markdown,
attribute lists, abbreviations, template braces, our own fragment marker...) into every text
field of the fixture data at once, builds the fixture site, and compares the shape of every
page with the shape built from the harmless fixture text. Either the build stops with a
message naming the data file and a field, or the pages have exactly the baseline's elements,
attributes and link targets.
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import mkdocs_build
from structure import site_structure
from test_data_contract import FIXTURE, fixture_copy

PAYLOADS = [
    "[click](https://evil.example/phish)", "![x](https://evil.example/a.png)", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", '" onmouseover="alert(1)', "' onfocus='alert(1)", "javascript:alert(1)",
    "*[Amazon]: evil", "{: onclick=\"alert(1)\" }", "{ #id .cls }", "{{ 7 * 7 }}", "{% raw %}", "|", "`code`",
    "```", "~~~", "&lt;b&gt;", "&amp;", "<!--", "-->", "FLEXHTML3c623eFLEXEND", "FLEXEND", "# Heading",
    "> quote", "- item", "1. item", "***", "__bold__", "<https://evil.example>", "[x]: https://evil.example",
    "[x][y]", "\\", "</textarea>", "</script>", "<style>*{}</style>", "https://evil.example", "www.evil.example",
    "!!! note", "???+ note", "<div markdown>", "</div>", "<a href='https://evil.example'>a</a>", "%0A", "\u2028",
    "Amazon", "DNR", "@", ":smile:", "==mark==", "^^ins^^", "[[wiki]]", "$x$",
]

hostile = st.lists(
    st.one_of(st.sampled_from(PAYLOADS), st.text(alphabet=st.characters(codec="utf-8"), max_size=12)),
    min_size=1, max_size=6,
).map(lambda parts: " ".join(parts))

TEXT_KEYS = {"title", "summary", "note", "label", "ask", "hint", "use_when", "text"}
LIST_KEYS = {"aliases", "checklist", "evidence", "mistakes", "steps", "letter_steps"}
ENUM_LABELS = {("outcome", "label"), ("letters", "label")}  # a label id, not text
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")
_TITLE_MARKUP = re.compile(r"[<>&\"`{}\[\]|*_\\#]")


def one_line(text: str, limit: int = 500) -> str:
    return _CONTROL.sub(" ", text).strip()[:limit] or "x"


def fill(data: dict, draw_text, valid: bool) -> dict:
    """Every text field of the data, replaced by (or, for letters, prefixed with) hostile text.

    With `valid`, the text is trimmed to what the data contract allows (one line, no hidden
    characters, plain-word titles, no stray [placeholders]), so the build must succeed."""
    out = copy.deepcopy(data)

    def text_for(kind: str) -> str:
        value = draw_text()
        if not valid:
            return value
        if kind == "title":
            return one_line(_TITLE_MARKUP.sub(" ", value), 140)
        if kind == "letter":
            return _CONTROL.sub(" ", value.replace("[", "(").replace("]", ")").replace("```", "'''"))[:300].strip() or "x"
        return one_line(value)

    def walk(node, path: tuple):
        if isinstance(node, dict):
            for key, value in node.items():
                here = path + (key,)
                if key in LIST_KEYS and isinstance(value, list):
                    node[key] = [one_line(f"{i} {text_for('line')}", 75) for i in range(len(value))]  # unique items
                elif key in TEXT_KEYS and isinstance(value, str) and (path[-1:] + (key,)) not in ENUM_LABELS \
                        and not (len(path) >= 2 and path[-2] == "letters" and key == "label"):
                    is_title = (key == "title" and "sources" not in path) or (
                        key == "label" and ("fields" in path or "letter_fields" in path))
                    kind = "title" if is_title else "letter" if "statements" in path else "line"
                    node[key] = text_for(kind)
                elif key in ("subject",) and isinstance(value, str):
                    node[key] = one_line(text_for("letter"), 100) + " " + value
                elif key == "body" and isinstance(value, str):
                    node[key] = text_for("letter") + "\n\n" + value
                else:
                    walk(value, here)
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, path + (i,))

    walk(out, ())
    return out


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("baseline")
    result = mkdocs_build(fixture_copy(tmp), tmp / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    return site_structure(tmp / "out")


def build_with(data: dict, tmp: Path):
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    project = fixture_copy(tmp)
    (project / "data" / "deactivation.yml").write_text(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return mkdocs_build(project, tmp / "out"), tmp / "out"


FIXTURE_DATA = yaml.safe_load((FIXTURE / "data" / "deactivation.yml").read_text())


@settings(max_examples=6, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_hostile_text_that_the_contract_allows_publishes_only_text(baseline, tmp_path_factory, data):
    filled = fill(FIXTURE_DATA, lambda: data.draw(hostile), valid=True)
    result, out = build_with(filled, tmp_path_factory.mktemp("hostile"))
    assert result.returncode == 0, result.stdout + result.stderr
    shape = site_structure(out)
    changed = {page: (shape[page], baseline[page]) for page in baseline if shape.get(page) != baseline[page]}
    assert not changed, f"data text changed the shape of {sorted(changed)}"


@settings(max_examples=3, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_hostile_text_the_contract_refuses_stops_the_build_by_name(baseline, tmp_path_factory, data):
    filled = fill(FIXTURE_DATA, lambda: data.draw(hostile), valid=False)
    result, out = build_with(filled, tmp_path_factory.mktemp("refused"))
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    if result.returncode != 0:
        assert re.search(r"data/deactivation\.yml: (line \d+|[a-z_]+[\[.])", output), output[-2000:]
    else:
        assert site_structure(out) == baseline, "data text changed the shape of a page"
