"""Search on the Spanish pages: Spanish words, Spanglish and typos find the right Spanish page.

The worker a Spanish page starts (named with ?lang=es) searches the Spanish index only, with the
same ranking code as the English pages (hooks/search_worker.js) run under Node.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import ROOT
from test_search import query_set


def rank_es(site: Path, queries: list[str]) -> list[list[str]]:
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "search_rank.js"), str(site), "es"],
        input=json.dumps(queries), capture_output=True, text=True, timeout=300, check=True,
    )
    return json.loads(result.stdout)


def test_spanish_queries_find_the_right_spanish_page(site):
    queries = query_set("queries_es.tsv")
    ranked = rank_es(site, [q for q, _ in queries])
    top1 = top3 = 0
    misses = []
    for (query, expected), pages in zip(queries, ranked):
        assert all(p.startswith("es/") for p in pages), f"{query!r} found English pages: {pages[:3]}"
        top1 += bool(pages[:1] and pages[0] in expected)
        if any(p in expected for p in pages[:3]):
            top3 += 1
        else:
            misses.append(f"{query!r}: want {expected}, got {pages[:3]}")
    n = len(queries)
    print(f"\nsearch in Spanish: {n} queries, top-1 {top1 / n:.1%}, top-3 {top3 / n:.1%}")
    for m in misses:
        print("  miss", m)
    assert n >= 60
    assert top3 / n >= 0.95, misses
    assert top1 / n >= 0.85, misses


def test_each_edition_has_its_own_index_and_spanish_pages_use_theirs(site):
    stub = json.loads((site / "search" / "search_index.json").read_text())
    names = stub["config"]["indexes"]
    english = json.loads((site / "search" / names["en"]).read_text())["docs"]
    spanish = json.loads((site / "search" / names["es"]).read_text())["docs"]
    assert english and all(not d["location"].startswith("es/") for d in english)
    assert spanish and all(d["location"].startswith("es/") for d in spanish)
    home = (site / "es" / "index.html").read_text(encoding="utf-8")
    assert "?lang=es" in home.split('"search":', 1)[1][:200]
