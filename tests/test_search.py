"""Search ranks the right page for the way drivers phrase their problem.

Ranking runs in Material's own search worker (the built search.*.min.js) under Node, so the
order is exactly what a browser shows; lunr.py would rank differently.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT

def query_set(name: str) -> list[tuple[str, list[str]]]:
    return [
        (q, expected.split("|"))
        for q, expected in (
            line.split("\t") for line in (ROOT / "tests" / name).read_text().splitlines()
            if line.strip() and not line.startswith("#")
        )
    ]


def rank(site: Path, queries: list[str]) -> list[list[str]]:
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "search_rank.js"), str(site)],
        input=json.dumps(queries), capture_output=True, text=True, timeout=300, check=True,
    )
    return json.loads(result.stdout)


def score(site: Path, queries: list[tuple[str, list[str]]]) -> tuple[float, float, list[str]]:
    ranked = rank(site, [q for q, _ in queries])
    top1 = top3 = 0
    misses = []
    for (query, expected), pages in zip(queries, ranked):
        top1 += bool(pages[:1] and pages[0] in expected)
        if any(p in expected for p in pages[:3]):
            top3 += 1
        else:
            misses.append(f"{query!r}: want {expected}, got {pages[:3]}")
    return top1 / len(queries), top3 / len(queries), misses


# name, what a driver types, minimum top-1, minimum top-3 (share of queries with a right page there).
# The floors are issue 13's targets: reasons top-1 0.90 and top-3 0.98, process questions top-1
# 0.85 and top-3 0.95, typos and body text top-3 0.90 (body text top-1 is not a target; its floor
# is a little under today's 71%). Three held-out sets of process questions were each written
# before the ranking changes they measure and scored blind once: the first at 79.0% top-1 /
# 93.5% top-3, the second at 71.1% / 88.9%, the third at 75.0% / 97.5%. The first two were then
# used to find general faults (so the first is held to the target, the second near where it
# ended); the third was not, and is held just under its blind figure.
SETS = [
    ("queries.tsv", "what is my reason", 0.90, 0.98),
    ("queries_process.tsv", "questions about the process", 0.85, 0.95),
    ("queries_typos.tsv", "typos made on a phone", 0.85, 0.90),
    ("queries_body.tsv", "answers found only in body text", 0.68, 0.90),
    ("queries_process_holdout.tsv", "held-out process questions, first set", 0.85, 0.95),
    ("queries_process_holdout2.tsv", "held-out process questions, second set", 0.75, 0.95),
    ("queries_process_holdout3.tsv", "held-out process questions, third set (blind)", 0.72, 0.95),
]


@pytest.mark.parametrize(("name", "kind", "min_top1", "min_top3"), SETS, ids=[s[0] for s in SETS])
def test_search_finds_the_right_page(site, name, kind, min_top1, min_top3):
    queries = query_set(name)
    top1, top3, misses = score(site, queries)
    print(f"\nsearch, {kind}: {len(queries)} queries, top-1 {top1:.1%}, top-3 {top3:.1%}")
    for m in misses:
        print("  miss", m)
    assert len(queries) >= 30
    assert top3 >= min_top3, misses
    assert top1 >= min_top1, misses


# How a question is asked decides where it goes, not which everyday words it shares with a page.
SHAPES = [
    ("what now", ["appeal/after/"]),                                   # all shape, no subject
    ("how long", ["timelines/", "appeal/after/"]),
    ("will i still get paid for my blocks", ["reapply/"]),             # "blocks" is a reason's word too
    ("can i make a new account", ["reapply/"]),                        # so is "account"
    ("how long do i have to appeal a bot warning", ["causes/bots-and-automation/"]),  # names a reason
    ("can i appeal a selfie check", ["causes/identity-selfie/"]),
]


@pytest.mark.parametrize(("query", "expected"), SHAPES, ids=[q for q, _ in SHAPES])
def test_the_shape_of_a_question_sends_it_to_the_guide_unless_it_names_a_reason(site, query, expected):
    pages = rank(site, [query])[0]
    assert pages[:1] and pages[0] in expected, (query, pages[:3])


def full_index(site: Path) -> dict:
    stub = json.loads((site / "search" / "search_index.json").read_text())
    return json.loads((site / "search" / stub["config"]["index"]).read_text())


def test_every_page_fetches_the_settings_but_no_documents(site):
    """The documents are fetched when a driver searches, not on every page view."""
    stub = json.loads((site / "search" / "search_index.json").read_text())
    assert stub["docs"] == []
    assert len((site / "search" / "search_index.json").read_bytes()) < 1024
    assert len(full_index(site)["docs"]) > 100


def test_every_cause_page_carries_its_aliases_in_the_index(site):
    from macros.data import load

    index = full_index(site)
    assert "keywords" in index["config"]["fields"], "the keywords field must be declared to be ranked"
    by_location = {d["location"]: d for d in index["docs"]}
    for cause in load(ROOT).causes:
        keywords = by_location[f"causes/{cause.id}/"].get("keywords", "")
        assert all(a in keywords for a in cause.aliases), cause.id


def test_letters_and_repeated_tables_are_left_out_of_the_index(site):
    """A letter's words ("account", "blocks", "days") must not pull questions to every cause page."""
    docs = full_index(site)["docs"]
    text = " ".join(d["text"] for d in docs)
    assert "Hello Amazon Flex Support" not in text  # the opening line of the letters
    assert not [d["location"] for d in docs if d["location"].startswith("causes/") and d["location"].endswith("#sources")]


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


def _settled(page) -> None:
    """Wait until Material has read the search settings, which is when it marks ?h= words."""
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some(e => e.name.includes('search_index.json'))")
    page.wait_for_load_state("networkidle")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


LIST_TEXT = "els => els.map(e => e.innerText)"
# Every mark, with the character before it and the word it sits in.
MARKS = """() => [...document.querySelectorAll('article mark')].map(m => {
  const before = m.previousSibling && m.previousSibling.nodeType === 3 ? m.previousSibling.data.slice(-1) : '';
  const after = m.nextSibling && m.nextSibling.nodeType === 3 ? m.nextSibling.data.slice(0, 1) : '';
  return [before, m.textContent, after];
})"""


def test_opening_a_result_never_changes_checklists_letters_or_buttons(page, site):
    """?h= from a search result marks whole words in the text, and never a word inside a
    checklist, a letter or a button ("your n / o / t ice" broke the checklist layout)."""
    causes = sorted(p.parent.name for p in (site / "causes").glob("*/index.html"))
    assert len(causes) >= 10
    for cause in causes:
        page.goto(f"causes/{cause}/")
        _settled(page)
        lists = page.eval_on_selector_all("li", LIST_TEXT)
        checklist = " ".join(page.eval_on_selector_all(".checklist li", LIST_TEXT)).lower()
        assert checklist, f"{cause}: no checklist"
        common = Counter(w for w in re.findall(r"[a-z]{4,}", checklist)).most_common(1)[0][0]
        first = re.findall(r"[a-z]+", checklist)[0]
        for word in dict.fromkeys(["not", "your", first, common]):
            page.goto(f"causes/{cause}/?h={word}")
            _settled(page)
            assert page.eval_on_selector_all("li", LIST_TEXT) == lists, f"{cause} ?h={word}: list text changed"
            marked = page.locator(".checklist mark, .letter mark, button mark, label mark, pre mark")
            assert marked.count() == 0, f"{cause} ?h={word}: a mark inside a checklist, letter or button"
            for before, text, after in page.evaluate(MARKS):
                assert not re.match(r"\w", before) and not re.match(r"\w", after), \
                    f"{cause} ?h={word}: marked part of a word: {before!r}[{text}]{after!r}"
                assert text.lower().startswith(word), (cause, word, text)


def test_a_searched_word_is_still_marked_in_the_text(page):
    page.goto("appeal/after/?h=appeal")
    _settled(page)
    marks = page.locator("article mark")
    assert marks.count() > 0
    assert all(t.lower().startswith("appeal") for t in marks.all_inner_texts())


def test_search_needs_no_network_once_it_has_been_opened(page):
    """The documents come with the first search; after that a driver who loses signal can still search."""
    page.goto("causes/not-received/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in page.requests if "/search/index." in u], "documents fetched before any search"
    assert not [u for u in page.requests if "/flex-ranking." in u], "the ranking fetched before any search"
    page.locator("label.md-header__button[for=__search]").click()
    box = page.get_by_role("textbox", name="Search")
    box.press_sequentially("selfie", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    assert [u for u in page.requests if "/search/index." in u]
    page.context.set_offline(True)
    box.fill("")
    box.press_sequentially("recieved", delay=30)  # a typo, found all the same
    first = page.locator(".md-search-result__item a").first
    # The reply to the last key (earlier keys' replies, "recieve" -> "receive", come first).
    page.wait_for_function("() => (document.querySelector('.md-search-result__item a')?.href || '').includes('h=received')")
    assert "causes/not-received/" in first.get_attribute("href"), "the typo finds the page it meant, offline"
    page.context.set_offline(False)


def test_a_spanish_searched_word_is_marked_whole_with_its_spanish_ending(page):
    """On a Spanish page, ?h=paquete marks "paquetes" whole (a Spanish plural), and the English
    endings do not decide it."""
    page.goto("es/causes/not-received/?h=paquete")
    _settled(page)
    marks = page.evaluate(MARKS)
    texts = [text.lower() for _, text, _ in marks]
    assert "paquetes" in texts, texts
    for before, text, after in marks:
        assert not re.match(r"\w", before) and not re.match(r"\w", after), f"part of a word: {before!r}[{text}]{after!r}"
