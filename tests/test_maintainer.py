"""A maintainer adds a reason by README's steps alone, and the usual slips stop the build by name.

The test takes the data entry and the page straight from README's "How to add a cause", adds
them to a copy of the real site the way a person would (paste the entry under `causes:`, save
the page), and builds it. Then it makes the slips a tired maintainer makes.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, copy_of_site, mkdocs_build

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## How to add a cause", 1)[1].split("\n## ", 1)[0]


def readme_block(language: str, which: int = 0) -> str:
    blocks = re.findall(rf"```{language}\n(.*?)```", SECTION, re.S)
    assert len(blocks) > which, f"README's 'How to add a cause' has no {language} block number {which + 1}"
    return textwrap.dedent(blocks[which])


ENTRY = readme_block("yaml")
PAGE = readme_block("markdown")
ENTRY_ES = readme_block("yaml", 1)       # the Spanish words, keyed by the same id
HEADING_ES = readme_block("markdown", 1)  # how a Spanish heading keeps the English id
NEW_ID = re.search(r"^- id: ([a-z0-9-]+)", ENTRY, re.M).group(1)
TITLE = re.search(r'^  title: "([^"]+)"', ENTRY, re.M).group(1)


def project_with_new_cause(tmp_path: Path, page: str = PAGE, entry: str = ENTRY) -> Path:
    project = copy_of_site(tmp_path)
    data = project / "data" / "deactivation.yml"
    text = data.read_text(encoding="utf-8")
    assert "\ncauses:\n" in text
    text = text.replace("\ncauses:\n", "\ncauses:\n" + textwrap.indent(entry, "  "), 1)
    data.write_text(text, encoding="utf-8")
    (project / "docs" / "causes" / f"{NEW_ID}.md").write_text(page, encoding="utf-8")
    es = project / "data" / "deactivation.es.yml"
    text = es.read_text(encoding="utf-8")
    assert "\ncauses:\n" in text or text.startswith("causes:\n")
    es.write_text(re.sub(r"^causes:\n", "causes:\n" + textwrap.indent(ENTRY_ES, "  "), text, count=1, flags=re.M),
                  encoding="utf-8")
    # The Spanish page: the README's page with one heading translated the README's way.
    page_es = page.replace("## What to do first", HEADING_ES.strip())
    (project / "docs" / "causes" / f"{NEW_ID}.es.md").write_text(page_es, encoding="utf-8")
    return project


def build(project: Path, tmp_path: Path):
    result = mkdocs_build(project, tmp_path / "out")
    return result, result.stdout + result.stderr


def test_a_cause_added_by_readme_alone_builds_and_is_listed(tmp_path):
    project = project_with_new_cause(tmp_path)
    result, output = build(project, tmp_path)
    assert result.returncode == 0, output
    page = (tmp_path / "out" / "causes" / NEW_ID / "index.html").read_text(encoding="utf-8")
    assert f"<h1>{TITLE}</h1>" in page, "the title comes from the data"
    assert 'class="sources"' in page and "reddit" in page.split('class="sources"')[1][:2000]
    listing = (tmp_path / "out" / "causes" / "index.html").read_text(encoding="utf-8")
    assert f'href="{NEW_ID}/"' in listing, "/causes/ lists the new reason"
    spanish = (tmp_path / "out" / "es" / "causes" / NEW_ID / "index.html").read_text(encoding="utf-8")
    title_es = re.search(r'^  title: "([^"]+)"', ENTRY_ES, re.M).group(1)
    assert f"<h1>{title_es}</h1>" in spanish and 'id="what-to-do-first"' in spanish
    assert 'lang="es"' in spanish.split(">", 2)[1]


def test_removing_a_source_the_page_cites_stops_the_build_naming_it(tmp_path):
    project = project_with_new_cause(tmp_path)
    cited = re.search(r'claim\("[a-z-]+", "([a-z0-9-]+)"\)', PAGE).group(1)
    data = project / "data" / "deactivation.yml"
    text = data.read_text(encoding="utf-8")
    block = re.search(rf"^  {re.escape(cited)}:\n(?:    .*\n|\n)*?(?=  \S|\S)", text, re.M)
    assert block, f"source {cited} not found in the data"
    data.write_text(text.replace(block.group(0), "", 1), encoding="utf-8")
    result, output = build(project, tmp_path)
    assert result.returncode != 0 and f"unknown source '{cited}'" in output, output[-3000:]
    assert "Traceback" not in output


def test_a_title_in_the_page_that_differs_from_the_data_stops_the_build(tmp_path):
    page = PAGE.replace("---\n", '---\ntitle: "A different title"\n', 1)
    result, output = build(project_with_new_cause(tmp_path, page=page), tmp_path)
    assert result.returncode != 0, output
    assert f"docs/causes/{NEW_ID}.md: front matter title 'A different title' differs" in output, output[-3000:]


def test_a_heading_that_repeats_the_title_stops_the_build(tmp_path):
    page = PAGE.replace("{{ cause_summary() }}", f"# {TITLE}\n\n{{{{ cause_summary() }}}}", 1)
    result, output = build(project_with_new_cause(tmp_path, page=page), tmp_path)
    assert result.returncode != 0 and f"docs/causes/{NEW_ID}.md: remove the '# ' heading" in output, output[-3000:]


@pytest.mark.parametrize("draft", ["PLACEHOLDER", "TODO: write this", "Lorem ipsum dolor sit amet", "TBD"])
def test_draft_text_stops_the_build_naming_page_and_line(tmp_path, draft):
    page = PAGE.replace("## What does this mean?\n", f"## What does this mean?\n\n{draft}\n", 1)
    line = page.splitlines().index(draft) + 1
    result, output = build(project_with_new_cause(tmp_path, page=page), tmp_path)
    assert result.returncode != 0, output
    assert f"docs/causes/{NEW_ID}.md: line {line}: draft text" in output, output[-3000:]


def test_an_id_passed_to_a_cause_macro_is_not_needed(tmp_path):
    """The id is written once, in the file name: cause macros take no id."""
    assert "cause_" in PAGE and not re.search(r'cause_\w+\(\s*"', PAGE)
