"""`make bench`: figures about speed and weight. It prints; it does not judge.

`--no-scale` skips the 10x/40x builds, `--no-lighthouse` the Lighthouse runs.

Each figure is shown beside stock Material built from the same Markdown in the same run
(same pages, data, macros and Markdown extensions; no theme overrides, hooks, scripts or
features), median of 3 where it is timed:
- build time of the real site, and of synthetic sites with 10x and 40x the causes;
- first view of a cause page: every file Chromium fetches before the driver types, gzip;
- search ranking on the four query sets in tests/ (through each site's own search worker);
- time from a keystroke to the first result painted, at 4x CPU slowdown;
- main-thread blocking on those five pages (4x CPU, slow 4G; as tests/test_weight.py measures it);
- Lighthouse mobile (simulated slow 4G, 4x CPU) on five pages: scores and total blocking time.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import statistics
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM_ARGS, mkdocs_build  # noqa: E402


def timed_build(project: Path, out: Path) -> float:
    start = time.perf_counter()
    result = mkdocs_build(project, out)
    if result.returncode:
        raise SystemExit(result.stdout + result.stderr)
    return time.perf_counter() - start


def synthetic(times: int, workdir: Path) -> Path:
    """A copy of the project whose causes are repeated `times` times under new ids."""
    project = workdir / f"x{times}"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "site", ".git", "__pycache__"))
    data_path = project / "data" / "deactivation.yml"
    es_path = project / "data" / "deactivation.es.yml"
    data = yaml.safe_load(data_path.read_text())
    es = yaml.safe_load(es_path.read_text())
    originals = list(data["causes"])
    for n in range(1, times):
        for cause in originals:
            copy = json.loads(json.dumps(cause, default=str))
            copy["id"] = f"{cause['id']}-copy{n}"
            data["causes"].append(copy)
            es["causes"][copy["id"]] = json.loads(json.dumps(es["causes"][cause["id"]]))  # no YAML aliases
            for suffix in (".md", ".es.md"):  # both editions, as a real new cause has
                page = (ROOT / "docs" / "causes" / f"{cause['id']}{suffix}").read_text()
                (project / "docs" / "causes" / f"{copy['id']}{suffix}").write_text(page)
    data_path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    # 40x the causes is more than the site accepts in one file (macros/data.py stops a runaway
    # paste at MAX_FILE_BYTES); the copy, and only the copy, raises its own limit.
    data_py = project / "macros" / "data.py"
    text, found = re.subn(r"^MAX_FILE_BYTES = [\d_]+", "MAX_FILE_BYTES = 100_000_000", data_py.read_text(), count=1, flags=re.M)
    if not found:
        raise SystemExit("bench: macros/data.py has no MAX_FILE_BYTES to raise for the synthetic site")
    data_py.write_text(text)
    es_path.write_text(yaml.safe_dump(es, sort_keys=False, allow_unicode=True))
    return project


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def gzip_server(site: Path):
    """Serve the site compressed, as any static host or CDN does (http.server alone does not)."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Gzip(SimpleHTTPRequestHandler):
        # Persistent connections, as every static host and CDN keeps them (http.server's
        # default, HTTP/1.0, opens a new connection for every file).
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            text = path.suffix in (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")
            if not (text and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
                return super().send_head()
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=3600")
            self.end_headers()
            import io
            return io.BytesIO(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Gzip, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def lighthouse(site: Path, page: str) -> dict[str, int] | str:
    if not shutil.which("npx") or not shutil.which("chromium"):
        return "skipped: needs npx and chromium"
    server = gzip_server(site)
    out = Path(tempfile.mkdtemp()) / "lh.json"
    env = {**os.environ, "CHROME_PATH": shutil.which("chromium")}
    cmd = ["npx", "--yes", "lighthouse@12.2.3", f"http://127.0.0.1:{server.server_address[1]}/{page}",
           "--quiet", "--output=json", f"--output-path={out}", "--form-factor=mobile",
           "--only-categories=performance,accessibility,best-practices,seo",
           "--chrome-flags=--headless=new " + " ".join(CHROMIUM_ARGS)]
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    server.shutdown()
    if not out.exists():
        return "failed: " + (result.stderr or result.stdout)[-500:]
    report = json.loads(out.read_text())
    scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    scores["TBT ms"] = round(report["audits"]["total-blocking-time"]["numericValue"])
    scores["CLS"] = round(report["audits"]["cumulative-layout-shift"]["numericValue"], 3)
    return scores


class _EnvLoader(yaml.SafeLoader):
    pass


def _env(loader, node):
    if isinstance(node, yaml.SequenceNode):
        *names, default = loader.construct_sequence(node)
        return next((os.environ[n] for n in names if n in os.environ), default)
    return os.environ.get(loader.construct_scalar(node), "http://127.0.0.1:8000/")


_EnvLoader.add_constructor("!ENV", _env)


def stock(workdir: Path) -> Path:
    """The same project with Material as it comes: no overrides, hooks, extra CSS or scripts,
    no theme features, default search settings."""
    project = workdir / "stock"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", "site", ".git", "__pycache__"))
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_EnvLoader)
    for key in ("extra_css", "extra_javascript", "watch"):
        config.pop(key, None)
    # Keep the hooks that shape the Markdown itself; drop the site's search and security ones.
    config["hooks"] = [h for h in config.get("hooks", []) if "search" not in h and "site" not in h]
    config["theme"] = {k: v for k, v in config["theme"].items() if k not in ("custom_dir", "features")}
    config["plugins"] = ["search" if isinstance(p, dict) and "search" in p else p for p in config["plugins"]]
    shutil.rmtree(project / "overrides")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    return project


def fetched_on_first_view(site: Path, page: str) -> dict[str, int]:
    """Every file Chromium fetches for a page until the network is quiet, gzip-compressed."""
    from playwright.sync_api import sync_playwright
    from urllib.parse import urlparse

    server = gzip_server(site)
    urls = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        pg = browser.new_page(viewport={"width": 360, "height": 740})
        pg.on("request", lambda r: urls.append(r.url))
        pg.goto(f"http://127.0.0.1:{server.server_address[1]}/{page}")
        pg.wait_for_load_state("networkidle")
        pg.wait_for_timeout(500)
        browser.close()
    server.shutdown()
    sizes = {}
    for url in dict.fromkeys(urls):
        path = urlparse(url).path.lstrip("/")
        file = site / path
        file = file / "index.html" if file.is_dir() else file
        if file.is_file():
            sizes[path or "index.html"] = gz(file)
    return sizes


def search_figures(site: Path) -> str:
    from test_search import SETS, query_set, score

    out = []
    for name, _kind, _t1, _t3 in SETS:
        top1, top3, _ = score(site, query_set(name))
        out.append(f"{name} top-1 {top1:.1%} top-3 {top3:.1%}")
    return "; ".join(out)


def typing_at_4x(site: Path, pause_ms: int) -> float:
    """Keystroke to first result painted, CPU slowed 4x; `pause_ms` between opening search and typing."""
    from playwright.sync_api import sync_playwright

    server = gzip_server(site)
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        for query in ("dnr", "selfie", "appeal"):
            page = browser.new_page(viewport={"width": 360, "height": 740})
            cdp = page.context.new_cdp_session(page)
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/causes/not-received/")
            page.wait_for_load_state("networkidle")
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.locator("label.md-header__button[for=__search]").click()
            page.wait_for_timeout(pause_ms)
            start = time.perf_counter()
            page.keyboard.type(query[0])
            page.locator(".md-search-result__item").first.wait_for(timeout=30000)
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
            times.append((time.perf_counter() - start) * 1000)
            page.close()
        browser.close()
    server.shutdown()
    return statistics.median(times)


def lighthouse_median(site: Path, page: str, runs: int = 3) -> dict | str:
    results = [lighthouse(site, page) for _ in range(runs)]
    if any(isinstance(r, str) for r in results):
        return next(r for r in results if isinstance(r, str))
    return {k: statistics.median(r[k] for r in results) for k in results[0]}


def blocking_figures(site: Path, base: Path) -> None:
    """Main-thread blocking on the five pages (tests/test_weight.py's measure), median of 3."""
    from playwright.sync_api import sync_playwright
    from test_weight import PAGES, blocking_ms

    servers = {name: gzip_server(s) for name, s in (("site", site), ("stock", base))}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        medians = {}
        for page in PAGES:
            for name, server in servers.items():
                url = f"http://127.0.0.1:{server.server_address[1]}/{page}"
                medians[(name, page)] = statistics.median(blocking_ms(browser, url) for _ in range(3))
            print(f"main thread blocked at 4x CPU, slow 4G /{page} (median of 3): "
                  f"site {medians[('site', page)]:.0f} ms, stock {medians[('stock', page)]:.0f} ms")
        browser.close()
    for server in servers.values():
        server.shutdown()
    total = {name: sum(medians[(name, p)] for p in PAGES) for name in servers}
    print(f"main thread blocked, five pages: site {total['site']:.0f} ms, stock {total['stock']:.0f} ms, "
          f"ratio {total['site'] / total['stock']:.2f} (test: at most 1.3)")


def main() -> None:
    work = Path(tempfile.mkdtemp())
    site, base = work / "site", work / "stock-site"
    real = [timed_build(ROOT, site) for _ in range(3)]
    stock_project = stock(work)
    plain = [timed_build(stock_project, base) for _ in range(3)]
    print(f"build, real site: {statistics.median(real):.1f} s (stock Material {statistics.median(plain):.1f} s)")
    times = {}
    for factor in () if "--no-scale" in sys.argv else (10, 40):
        project = synthetic(factor, work)
        times[factor] = statistics.median(timed_build(project, work / f"site{factor}") for _ in range(3))
        print(f"build, {factor}x causes: {times[factor]:.1f} s")
    if times:
        print(f"growth: 40x / 10x build time = {times[40] / times[10]:.2f} (4.0 would be exactly linear)")

    for name, s in (("site", site), ("stock", base)):
        sizes = fetched_on_first_view(s, "causes/not-received/")
        print(f"first view of a cause page, {name}: {sum(sizes.values()) / 1024:.1f} KB gzip in {len(sizes)} files: "
              + ", ".join(f"{k} {v / 1024:.1f}" for k, v in sorted(sizes.items(), key=lambda kv: -kv[1])))
    for name, s in (("site", site), ("stock", base)):
        print(f"search, {name}: {search_figures(s)}")
    for pause in (0, 1000):
        print(f"keystroke to first result at 4x CPU, {pause} ms after opening search (median of 3): "
              f"site {typing_at_4x(site, pause):.0f} ms, stock {typing_at_4x(base, pause):.0f} ms")
    blocking_figures(site, base)
    for page in () if "--no-lighthouse" in sys.argv else ("", "causes/not-received/", "letters/", "find-your-reason/", "timelines/"):
        print(f"lighthouse mobile /{page} (median of 3): site {lighthouse_median(site, page)}; "
              f"stock {lighthouse_median(base, page)}")


if __name__ == "__main__":
    main()
