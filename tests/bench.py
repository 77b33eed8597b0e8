"""`make bench`: figures about speed and weight. It prints; it does not judge.

- build time of the real site, and of synthetic sites with 10x and 40x the causes;
- first-view weight of a cause page (HTML, CSS, JS, search index; gzip);
- search index size, and time from typing to the first search result in Chromium;
- Lighthouse mobile scores, where Node can run npm's lighthouse@12.2.3.
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
    data = yaml.safe_load(data_path.read_text())
    originals = list(data["causes"])
    for n in range(1, times):
        for cause in originals:
            copy = json.loads(json.dumps(cause, default=str))
            copy["id"] = f"{cause['id']}-copy{n}"
            data["causes"].append(copy)
            page = (ROOT / "docs" / "causes" / f"{cause['id']}.md").read_text()
            (project / "docs" / "causes" / f"{copy['id']}.md").write_text(
                page.replace(f'"{cause["id"]}"', f'"{copy["id"]}"'))
    data_path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return project


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def first_view_weight(site: Path, page: str) -> dict[str, int]:
    html_path = site / page / "index.html"
    html = html_path.read_text()
    parts = {"html": gz(html_path), "css": 0, "js": 0}
    for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html):
        parts["css"] += gz((html_path.parent / href).resolve())
    for src in re.findall(r'<script src="([^"]+)"', html):
        parts["js"] += gz((html_path.parent / src).resolve())
    worker = next((site / "assets/javascripts/workers").glob("search.*.min.js"))
    parts["js"] += gz(worker)
    parts["search index"] = gz(site / "search" / "search_index.json")
    return parts


def typing_to_first_result(site: Path) -> float:
    from playwright.sync_api import sync_playwright

    server = gzip_server(site)
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        for query in ("dnr", "selfie", "bot warning", "appeal"):
            page = browser.new_page(viewport={"width": 360, "height": 740})
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/causes/not-received/")
            page.wait_for_load_state("networkidle")
            page.locator("label.md-header__button[for=__search]").click()
            box = page.get_by_role("textbox", name="Search")
            box.focus()
            start = time.perf_counter()
            page.keyboard.type(query)
            page.locator(".md-search-result__item").first.wait_for()
            times.append((time.perf_counter() - start) * 1000)
            page.close()
        browser.close()
    server.shutdown()
    return sorted(times)[len(times) // 2]


def gzip_server(site: Path):
    """Serve the site compressed, as any static host or CDN does (http.server alone does not)."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Gzip(SimpleHTTPRequestHandler):
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
    return {k: round(v["score"] * 100) for k, v in report["categories"].items()}


def main() -> None:
    work = Path(tempfile.mkdtemp())
    real = timed_build(ROOT, work / "site")
    print(f"build, real site ({len(list((ROOT / 'docs/causes').glob('*.md'))) - 1} causes): {real:.1f} s")
    times = {}
    for factor in (10, 40):
        project = synthetic(factor, work)
        times[factor] = timed_build(project, work / f"site{factor}")
        print(f"build, {factor}x causes: {times[factor]:.1f} s")
    print(f"growth: 40x / 10x build time = {times[40] / times[10]:.2f} (4.0 would be exactly linear)")
    site = work / "site"
    weight = first_view_weight(site, "causes/not-received")
    total = sum(weight.values())
    print("first view of a cause page, gzip: " + ", ".join(f"{k} {v / 1024:.1f} KB" for k, v in weight.items())
          + f"; total {total / 1024:.1f} KB (budget 200 KB)")
    index = site / "search" / "search_index.json"
    print(f"search index: {index.stat().st_size / 1024:.1f} KB raw, {gz(index) / 1024:.1f} KB gzip")
    print(f"typing to first search result (median of 4): {typing_to_first_result(site):.0f} ms")
    for page in ("causes/not-received/", ""):
        print(f"lighthouse mobile /{page}: {lighthouse(site, page)}")


if __name__ == "__main__":
    main()
