"""What a driver on a cheap phone and a slow connection pays for a page.

- The first view of a cause page (everything it fetches before the driver types in search,
  gzip-compressed as any static host serves it) stays within 100 KB.
- Nothing moves after it is painted: layout shift at most 0.02 on the five pages drivers use
  most, under 4x CPU slowdown and a slow 4G connection (median of 3 loads).
"""

from __future__ import annotations

import gzip
import statistics
from pathlib import Path
from urllib.parse import urlparse

import pytest

from bench import gzip_server

PAGES = ["", "causes/not-received/", "letters/", "find-your-reason/", "timelines/"]
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8,
           "uploadThroughput": 750 * 1024 / 8}


def fetched_files(site: Path, urls: list[str]) -> list[Path]:
    files = []
    for url in dict.fromkeys(urls):
        path = urlparse(url).path.lstrip("/")
        file = site / path
        files.append(file / "index.html" if file.is_dir() or not path else file)
    return files


def test_first_view_of_a_cause_page_is_at_most_100_kb(page, site):
    page.goto("causes/not-received/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    files = fetched_files(site, page.requests)
    sizes = {f.relative_to(site).as_posix(): len(gzip.compress(f.read_bytes(), 9)) for f in files}
    total = sum(sizes.values())
    print(f"\nfirst view of a cause page: {total / 1024:.1f} KB gzip in {len(sizes)} files")
    for name, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"  {size / 1024:6.1f} KB  {name}")
    assert not any(n.startswith("search/index.") for n in sizes), "the search documents load before any search"
    assert total <= 100 * 1024


@pytest.fixture(scope="module")
def slow_server(site):
    server = gzip_server(site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def layout_shift(browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.add_init_script("""
      window.__cls = 0;
      new PerformanceObserver(list => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({type: 'layout-shift', buffered: true});
    """)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    cls = page.evaluate("window.__cls")
    context.close()
    return cls


@pytest.mark.parametrize("path", PAGES, ids=[p or "home" for p in PAGES])
def test_nothing_moves_after_the_first_paint(browser, slow_server, path):
    shifts = [layout_shift(browser, slow_server + path) for _ in range(3)]
    print(f"\nlayout shift /{path}: {shifts}")
    assert statistics.median(shifts) <= 0.02


def test_page_scripts_load_where_needed_and_after_instant_navigation(page):
    """Scripts come only with the pages that use them, and still start when a driver moves
    between pages without a reload (Material's instant navigation)."""
    page.goto("")
    page.wait_for_load_state("networkidle")
    loaded = lambda: {u.rsplit("/", 1)[-1] for u in page.requests if u.endswith(".js")}  # noqa: E731
    assert not loaded() & {"letters.js", "finder.js", "deadlines.js", "checklists.js"}, loaded()
    for path, needs, ready in [
        ("find-your-reason/", "finder.js", "#finder[data-ready]"),
        ("timelines/", "deadlines.js", "#deadline-calculator input"),
        ("causes/not-received/", "letters.js", ".letter > .letter-tools"),
        ("causes/not-received/", "checklists.js", "ul.checklist[data-ready]"),
    ]:
        # A link in the page, followed the way a driver taps it; Material loads the page in place.
        page.evaluate("""p => { const a = document.createElement('a'); a.href = new URL(p, location.origin + '/');
            a.textContent = 'go'; document.querySelector('article').append(a); a.click(); }""", path)
        page.wait_for_url(f"**/{path}")
        page.locator(ready).first.wait_for(state="attached")
        assert needs in loaded()
        assert page.evaluate("performance.getEntriesByType('navigation').length") == 1, "no full reload"
    assert not page.errors, page.errors
