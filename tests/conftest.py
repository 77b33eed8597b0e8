"""Shared fixtures: a strict build of the real site, a local server for it, and Chromium."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site_dir: Path, *extra: str, site_url: str = "http://127.0.0.1:8000/") -> subprocess.CompletedProcess:
    env = dict(ENV)
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-d", str(site_dir), *extra],
        cwd=project, capture_output=True, text=True, env=env, timeout=600,
    )


def copy_of_site(tmp_path: Path) -> Path:
    """A copy of the real site to change in a test: pages, data and theme copied, code linked."""
    project = tmp_path / "project"
    project.mkdir()
    for folder in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    for code in ("macros", "hooks"):
        (project / code).symlink_to(ROOT / code, target_is_directory=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def tab_until_focused(page, locator, limit: int, what: str) -> None:
    """Press Tab from where the focus is until `locator` has it, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"Tab never reaches {what}")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


class _SiteServer(ThreadingHTTPServer):
    """Bound first, so the site can be built for its address; serves whatever `directory` is."""

    directory = "."

    def finish_request(self, request, client_address) -> None:
        _Quiet(request, client_address, self, directory=self.directory)


@pytest.fixture(scope="session")
def server():
    srv = _SiteServer(("127.0.0.1", 0), _Quiet)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()


@pytest.fixture(scope="session")
def site(tmp_path_factory, server) -> Path:
    """The real site, built once with --strict for the address it is served from (as a real
    deploy is: canonical links and the sitemap name it)."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(ROOT, out, site_url=f"http://127.0.0.1:{server.server_address[1]}/")
    assert result.returncode == 0, result.stdout + result.stderr
    server.directory = str(out)
    return out


@pytest.fixture(scope="session")
def base_url(site: Path, server):
    """The built site served on 127.0.0.1 from inside the test process."""
    return f"http://127.0.0.1:{server.server_address[1]}/"


CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Chromium is missing: `make test` installs it (Debian package chromium)"
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def back_cache_browser(browser):
    """Chromium as a phone's browser runs it: a page left by a link is kept whole for the Back
    button (the back/forward cache, which Playwright turns off unless told)."""
    b = browser.browser_type.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS,
                                    ignore_default_args=["--disable-back-forward-cache"])
    yield b
    b.close()


@pytest.fixture
def back_cache_phone(back_cache_browser, base_url):
    """A 360 x 740 phone in that browser, on the built site, recording page errors."""
    context = back_cache_browser.new_context(viewport={"width": 360, "height": 740}, base_url=base_url, has_touch=True)
    pg = goto_waits_for_tools(context.new_page())
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def left_and_back(pg, link, away: str) -> None:
    """Follow `link` to another page (a full page load), then press Back, as a driver does."""
    link.click()
    pg.wait_for_url(away)
    pg.wait_for_load_state("load")
    pg.go_back(wait_until="commit")  # a page the browser kept whole fires no load event
    pg.wait_for_function("document.readyState === 'complete'")


# Every tool on a page has set itself up. Tools do so when the phone is idle (at most about a
# second after the page opens: flexTools.onEachPage in site.js), so a test that looks at a tool
# right after opening a page waits for this first, as a driver's eyes would.
TOOLS_READY = """() => {
  const every = (selector, ready) => [...document.querySelectorAll(selector)].every(ready);
  return every(".letter[data-letter]", (box) => box.querySelector(":scope > .letter-tools"))
    && every("ul.checklist[data-checklist]", (list) => list.dataset.ready)
    && every("#deadline-calculator", (box) => box.querySelector("form"))
    && every("#finder", (form) => form.dataset.ready)
    && every(".evidence-log", (log) => log.dataset.ready)
    && every("button[data-print]", (button) => button.dataset.ready);
}"""


def tools_ready(pg, timeout: float = 10000) -> None:
    pg.wait_for_function(TOOLS_READY, timeout=timeout)


def goto_waits_for_tools(pg):
    """`pg.goto` opens the page, then waits until its tools are set up."""
    goto = pg.goto

    def go(url, **kwargs):
        response = goto(url, **kwargs)
        tools_ready(pg)
        return response

    pg.goto = go
    return pg


@pytest.fixture
def page(browser, base_url):
    """A phone-sized page that records every request it makes and every console error."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, base_url=base_url,
        permissions=["clipboard-read", "clipboard-write"], accept_downloads=True,
    )
    pg = goto_waits_for_tools(context.new_page())
    pg.requests = []
    pg.errors = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()
