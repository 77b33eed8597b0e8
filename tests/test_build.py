"""The real site, built with --strict: every page exists, every cause is listed, no template leaks."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from conftest import ROOT
from macros.data import load

DATA = load(ROOT)
PAGES = [
    "", "causes/", "find-your-reason/", "appeal/", "appeal/after/", "appeal/escalate/", "timelines/",
    "letters/", "policies/standing/", "policies/terms/", "policies/background-checks/", "rights/",
    "evidence-log/", "reapply/", "about/",
] + [f"causes/{c.id}/" for c in DATA.causes]


def html_of(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("url", PAGES)
def test_every_page_in_the_site_map_is_built(site, url):
    assert (site / url / "index.html").is_file(), f"/{url} was not built"


def test_no_template_syntax_survives_into_any_page(site):
    leaks = []
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        # Material's own config JSON never contains these; any hit is an unrendered macro.
        for marker in ("{{", "{%", "%}"):
            if marker in text:
                leaks.append(f"{path.relative_to(site)}: {marker}")
    assert not leaks, leaks


def test_every_cause_has_a_row_on_the_causes_page(site):
    causes_page = html_of(site, "causes/")
    for cause in DATA.causes:
        assert f'href="{cause.id}/"' in causes_page, f"/causes/ has no link to {cause.id}"


def test_each_cause_page_heading_is_the_cause_title_from_the_data(site):
    for cause in DATA.causes:
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html_of(site, f"causes/{cause.id}/"), re.S)
        assert h1, f"causes/{cause.id}/ has no heading"
        heading = unescape(re.sub(r"<[^>]+>", "", h1.group(1))).strip()
        assert heading == cause.title, f"causes/{cause.id}/: heading {heading!r} != title {cause.title!r}"


def test_causes_are_not_in_the_side_navigation(site):
    """The nav is embedded in every page: listing causes there would grow the site quadratically."""
    home = html_of(site, "")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', home, re.S).group(0)
    listed = [c.id for c in DATA.causes if f"causes/{c.id}/" in nav]
    assert not listed, f"cause pages in the side nav: {listed}"


CAUSE_MACROS = ["cause_summary", "cause_shortcuts", "cause_outcome", "cause_checklist", "cause_evidence",
                "cause_mistakes", "cause_letter", "cause_deadlines", "cause_next", "cause_sources",
                "cause_reviewed"]


@pytest.mark.parametrize("cause", DATA.causes, ids=lambda c: c.id)
def test_each_cause_page_calls_every_cause_macro_and_names_its_id_only_in_its_file_name(cause):
    text = (ROOT / "docs" / "causes" / f"{cause.id}.md").read_text()
    missing = [m for m in CAUSE_MACROS if f"{{{{ {m}() }}}}" not in text]
    assert not missing, f"docs/causes/{cause.id}.md does not call {missing}"
    assert not re.search(r"cause_\w+\(\s*[\"']", text), f"docs/causes/{cause.id}.md passes an id to a cause macro"
    assert not re.search(r"^title:", text, re.M), f"docs/causes/{cause.id}.md repeats the title from the data"


@pytest.mark.parametrize("cause", DATA.causes, ids=lambda c: c.id)
def test_a_cause_page_lists_as_sources_exactly_the_sources_it_cites(site, cause):
    page = html_of(site, f"causes/{cause.id}/")
    body, _, sources = page.partition('id="sources"')
    sources = sources.split("<footer", 1)[0]
    listed = re.findall(r'<ul class="sources">(.*?)</ul>', sources, re.S)
    assert listed, f"causes/{cause.id}/ has no source list"
    listed_urls = set(re.findall(r'href="([^"]+)"', listed[0]))
    cites = " ".join(re.findall(r'<span class="cite">(.*?)</span>', body, re.S))
    cited_urls = set(re.findall(r'href="([^"]+)"', cites))
    assert listed_urls == cited_urls, (
        f"causes/{cause.id}/: listed but not cited {sorted(listed_urls - cited_urls)}; "
        f"cited but not listed {sorted(cited_urls - listed_urls)}"
    )


def test_without_repo_url_the_about_page_says_how_to_report(site):
    about = html_of(site, "about/")
    assert "built without a place to send reports" in about and "REPO_URL" in about
    assert "report-mistake" not in html_of(site, "causes/not-received/")


def test_with_repo_url_every_page_links_to_a_correction_form_naming_it(tmp_path):
    import subprocess
    from urllib.parse import parse_qs, urlparse

    from conftest import ENV, MKDOCS

    out = tmp_path / "site"
    env = {**ENV, "SITE_URL": "https://example.org/help/", "REPO_URL": "https://github.com/example/flex-help"}
    result = subprocess.run([*MKDOCS, "build", "--strict", "-d", str(out)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    for url in ("causes/not-received/", "rights/", ""):
        link = re.search(r'class="report-mistake[^"]*"><a href="([^"]+)">Report a mistake on this page', html_of(out, url))
        assert link, f"/{url} has no report link"
        target = urlparse(unescape(link.group(1)))
        assert target.netloc == "github.com" and target.path == "/example/flex-help/issues/new"
        assert parse_qs(target.query)["page"] == [f"https://example.org/help/{url}"]
    bad = subprocess.run([*MKDOCS, "build", "--strict", "-d", str(tmp_path / "bad")], cwd=ROOT,
                         env={**env, "REPO_URL": 'javascript:alert(1)"'}, capture_output=True, text=True, timeout=600)
    assert bad.returncode != 0 and "REPO_URL must be a repository address" in bad.stdout + bad.stderr
