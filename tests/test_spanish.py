"""The Spanish edition: every page in Spanish under /es/, linked both ways to its English twin.

Reading ease in Spanish is in test_content.py, search in test_search.py, the tools in
test_tools_es.py; the gates (axe, other hosts, CSP, valid HTML, links, 360 px) run over every
built page, so over the Spanish ones too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from readability import page_prose

DOCS = ROOT / "docs"
ENGLISH_PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if not p.name.endswith(".es.md"))


def url_of(src: str) -> str:
    """`causes/not-received.md` -> `causes/not-received/`; `index.md` -> ``."""
    stem = src[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def html_of(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_every_english_page_has_a_spanish_file():
    missing = [src for src in ENGLISH_PAGES if not (DOCS / src.replace(".md", ".es.md")).exists()]
    orphans = [p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.es.md")
               if not p.with_name(p.name.replace(".es.md", ".md")).exists()]
    assert len(ENGLISH_PAGES) >= 31
    assert not missing, f"no Spanish page for: {missing}"
    assert not orphans, f"Spanish pages with no English page: {orphans}"


@pytest.mark.parametrize("src", ENGLISH_PAGES)
def test_each_page_is_published_in_both_languages_and_each_links_to_the_other(site, src):
    url = url_of(src)
    english, spanish = html_of(site, url), html_of(site, "es/" + url)
    assert re.search(r'<html lang="en"', english) and re.search(r'<html lang="es"', spanish)
    # The switch, first in the content, opens the same page in the other language.
    to_es = re.search(r'<p class="lang-switch[^"]*"><a href="([^"]+)" hreflang="es" lang="es" target="_self">Leer en español</a>', english)
    to_en = re.search(r'<p class="lang-switch[^"]*"><a href="([^"]+)" hreflang="en" lang="en" target="_self">Read in English</a>', spanish)
    assert to_es and to_en, "no language switch"
    assert (site / url / to_es.group(1)).resolve() == (site / "es" / url).resolve()
    assert (site / "es" / url / to_en.group(1)).resolve() == (site / url).resolve()


def test_spanish_pages_are_in_spanish(site):
    """The theme's words, the site name and the page's own words are Spanish, not a fallback."""
    english_words = re.compile(r"\b(the|and|you|your|with|what|this)\b", re.I)
    for src in ENGLISH_PAGES:
        url = url_of(src)
        page = html_of(site, "es/" + url)
        assert "Ayuda por desactivación de Flex" in page
        assert 'placeholder="Búsqueda"' in page, f"es/{url}: the theme's search box is not in Spanish"
        # The page's prose: not the letters (English, to send), source names or lang="en" parts.
        text = page_prose(page)
        words = text.split()
        english = len(english_words.findall(text))
        assert english / max(len(words), 1) < 0.02, f"es/{url}: {english} common English words in {len(words)}"


def test_the_sitemap_pairs_each_page_with_its_twin(site):
    """hreflang both ways, for search engines: each page's entry names both languages' addresses."""
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    entries = re.findall(r"<url>(.*?)</url>", sitemap, re.S)
    by_loc = {re.search(r"<loc>([^<]+)</loc>", e).group(1): e for e in entries}
    for src in ENGLISH_PAGES:
        url = url_of(src)
        en = next(loc for loc in by_loc if loc.endswith("/" + url) and "/es/" not in loc)
        es = next(loc for loc in by_loc if loc.endswith("/es/" + url))
        for loc in (en, es):
            assert f'hreflang="en" href="{en}"' in by_loc[loc], (loc, by_loc[loc])
            assert f'hreflang="es" href="{es}"' in by_loc[loc], (loc, by_loc[loc])


def test_the_switch_keeps_the_reader_on_the_same_page_by_tap(page):
    page.goto("es/causes/identity-selfie/")
    page.get_by_role("link", name="Read in English").click()
    page.wait_for_url("**/causes/identity-selfie/")
    assert "/es/" not in page.url
    assert page.evaluate("document.documentElement.lang") == "en"
    page.get_by_role("link", name="Leer en español").click()
    page.wait_for_url("**/es/causes/identity-selfie/")
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.locator("article h1").inner_text() != ""
