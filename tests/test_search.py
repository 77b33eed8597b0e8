"""Search ranks the right page for the way drivers phrase their problem.

Ranking runs in Material's own search worker (the built search.*.min.js) under Node, so the
order is exactly what a browser shows; lunr.py would rank differently.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from conftest import ROOT

QUERIES = [
    (q, expected.split("|"))
    for q, expected in (
        line.split("\t") for line in (ROOT / "tests" / "queries.tsv").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    )
]


def rank(site: Path, queries: list[str]) -> list[list[str]]:
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "search_rank.js"), str(site)],
        input=json.dumps(queries), capture_output=True, text=True, timeout=300, check=True,
    )
    return json.loads(result.stdout)


def test_golden_queries_find_the_right_page(site):
    ranked = rank(site, [q for q, _ in QUERIES])
    top1 = top3 = 0
    misses = []
    for (query, expected), pages in zip(QUERIES, ranked):
        if pages[:1] and pages[0] in expected:
            top1 += 1
        if any(p in expected for p in pages[:3]):
            top3 += 1
        else:
            misses.append(f"{query!r}: want {expected}, got {pages[:3]}")
    n = len(QUERIES)
    print(f"\nsearch: {n} queries, top-1 {top1 / n:.1%}, top-3 {top3 / n:.1%}")
    for m in misses:
        print("  miss", m)
    assert n >= 100
    assert top3 / n >= 0.95, misses
    assert top1 / n >= 0.80, misses


def test_every_cause_page_carries_its_aliases_in_the_index(site):
    from macros.data import load

    index = json.loads((site / "search" / "search_index.json").read_text())
    assert "keywords" in index["config"]["fields"], "the keywords field must be declared to be ranked"
    by_location = {d["location"]: d for d in index["docs"]}
    for cause in load(ROOT).causes:
        keywords = by_location[f"causes/{cause.id}/"].get("keywords", "")
        assert all(a in keywords for a in cause.aliases), cause.id


def test_a_driver_types_in_the_search_box_and_opens_a_result(page):
    page.goto("")
    page.locator("label.md-header__button[for=__search]").click()  # the magnifier in the header
    box = page.get_by_role("textbox", name="Search")
    box.focus()
    box.press_sequentially("selfie didnt match", delay=30)
    first = page.locator(".md-search-result__item a").first
    first.wait_for()
    assert "identity-selfie" in first.get_attribute("href")
    first.click()
    page.wait_for_url(re.compile(r"/causes/identity-selfie/"))
    assert page.get_by_role("heading", level=1).inner_text().strip()


def test_suggest_share_and_highlight_still_work(page):
    """A driver can complete a word, send the search to someone, and see the words marked."""
    violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.goto("")
    page.locator("label.md-header__button[for=__search]").click()
    page.get_by_role("textbox", name="Search").press_sequentially("selfi", delay=30)
    first = page.locator(".md-search-result__item a").first
    first.wait_for()
    assert page.locator(".md-search__suggest").inner_text().strip().startswith("selfie")
    assert "h=selfi" in first.get_attribute("href"), "results carry the highlight parameter"
    page.get_by_role("link", name="Share").click()
    assert "?q=self" in page.evaluate("navigator.clipboard.readText()")  # the share link trails the last key
    page.goto("causes/identity-selfie/?h=selfie")
    assert page.locator("article mark").count() > 0, "the searched word is highlighted on the page"
    assert not violations, violations
