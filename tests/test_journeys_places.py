"""Driver journeys on a phone (360 x 740, Chromium) and the places a
page sends a driver next: no page is a dead end."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from conftest import goto_waits_for_tools


@pytest.fixture
def phone(browser, base_url):
    """A 360 x 740 phone on the built site, recording page errors."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, base_url=base_url, has_touch=True,
        permissions=["clipboard-read", "clipboard-write"], accept_downloads=True,
    )
    pg = goto_waits_for_tools(context.new_page())
    pg.errors = []
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def tap_link(page, name: str | re.Pattern, where: str = "article") -> None:
    """Tap the first visible link with this accessible name, as a driver would."""
    links = page.locator(where).get_by_role("link", name=name)
    for i in range(links.count()):
        link = links.nth(i)
        if link.is_visible():
            link.tap()
            return
    raise AssertionError(f"no visible link named {name!r} on {page.url}")


def tap_to_page(page, name: str | re.Pattern, url: str | re.Pattern) -> None:
    """Tap a link to another page and wait until that page's content is in place."""
    old = page.locator("article h1").inner_text()
    tap_link(page, name)
    page.wait_for_url(url)
    page.wait_for_function("(old) => { const h = document.querySelector('article h1');"
                           " return h && h.textContent.trim() !== old.trim(); }", arg=old)


# ---------------------------------------------------------------------------------------------
# Journey 2: a background-check deactivation, from the home page to the dispute route, its legal
# time limits and the dispute letter, in at most 3 taps.

def test_background_check_driver_finds_dispute_route_time_limits_and_letter_in_three_taps(phone):
    page = phone
    page.goto("")
    taps = 0

    tap_to_page(page, re.compile(r"^background checks?$", re.I), "**/policies/background-checks/")
    taps += 1
    article = page.locator("article")
    dispute = article.get_by_role("heading", name=re.compile(r"dispute", re.I)).first
    expect(dispute).to_be_visible()
    text = article.inner_text()
    # The legal time limits, each labelled as the law's and linked to its source.
    assert re.search(r"The law says[^\n]*\n?[^\n]*60 days", text), "no 60-day limit for the free copy, labelled as law"
    assert re.search(r"30 days", text) and re.search(r"15 more days", text), "no 30 (+15) day dispute limit"
    law_links = article.locator(".claim--law-says a, .claim--law-says + .cite a, .cite a")
    assert law_links.count() >= 1

    tap_to_page(page, re.compile(r"dispute letter", re.I), re.compile(r"/letters/#fcra-dispute$"))
    taps += 1
    page.wait_for_function(  # the tap lands on the letter's heading, on screen
        "() => { const r = document.getElementById('fcra-dispute').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight; }", timeout=10000)
    letter = page.locator("#fcra-dispute ~ .letter").first
    expect(letter).to_be_visible()
    assert re.search(r"dispute", letter.inner_text(), re.I)
    # The letter can be filled and copied right there.
    expect(letter.get_by_role("button", name="Copy letter")).to_be_visible()

    assert taps <= 3
    assert not page.errors, page.errors


# ---------------------------------------------------------------------------------------------
# Journey 4: a driver in Seattle or New York City finds what the local law gives them and a
# concrete next step they can take from the phone.

NEXT_STEP = re.compile(r"^(https://|tel:|mailto:)")


def section_links(page, heading_id: str):
    """Links in the /rights/ section that starts at this heading, up to the next h2."""
    return page.evaluate(
        """(id) => {
            const h = document.getElementById(id);
            if (!h) return null;
            const out = [];
            for (let n = h.nextElementSibling; n && n.tagName !== "H2"; n = n.nextElementSibling) {
                n.querySelectorAll("a[href]").forEach((a) => {
                    const r = a.getBoundingClientRect();
                    out.push({ href: a.getAttribute("href"), name: a.textContent.trim(),
                               inSource: !!a.closest(".cite"), height: r.height });
                });
            }
            return out;
        }""",
        heading_id,
    )


def test_seattle_driver_finds_what_the_law_gives_and_a_step_to_take(phone):
    page = phone
    page.goto("")
    tap_to_page(page, re.compile(r"^your rights", re.I), "**/rights/")
    tap_link(page, re.compile(r"^seattle$", re.I))
    expect(page.locator("#seattle")).to_be_visible()
    links = section_links(page, "seattle")
    assert links is not None, "no Seattle section on /rights/"
    steps = [link for link in links if NEXT_STEP.match(link["href"]) and not link["inSource"]]
    assert steps, f"the Seattle section has no form, phone or email link to act on: {links}"
    assert any(link["height"] >= 24 for link in steps)
    assert not page.errors, page.errors


def test_new_york_city_driver_finds_what_the_law_gives_and_a_next_step(phone):
    page = phone
    page.goto("rights/")
    tap_link(page, re.compile(r"^new york", re.I))
    expect(page.locator("#new-york-city")).to_be_visible()
    links = section_links(page, "new-york-city")
    assert links is not None, "no New York City section on /rights/"
    # A next step: a form, phone or email to act on, or a link to what to do instead.
    steps = [link for link in links if not link["inSource"]]
    assert steps, f"the New York City section has no next-step link: {links}"
    assert not page.errors, page.errors


# ---------------------------------------------------------------------------------------------
# Every page ends with "What next": at least two links to other pages of the site.

class _WhatNext(HTMLParser):
    """Finds the "What next" heading in the article and the internal links after it."""

    def __init__(self):
        super().__init__()
        self.depth = 0          # inside <article>
        self.heading = None     # collecting a heading's text
        self.found = False
        self.links: list[str] = []
        self.after_other_heading = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        if tag in ("h2", "h3"):
            self.heading = ""
            self.heading_id = a.get("id", "")
        if tag == "a" and self.found and not self.after_other_heading and a.get("href"):
            self.links.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        if self.depth and tag in ("h2", "h3") and self.heading is not None:
            # By its id, which the Spanish "Qué sigue" shares with the English "What next".
            if self.heading_id == "what-next" or self.heading.strip().lower() == "what next":
                self.found, self.links, self.after_other_heading = True, [], False
            elif self.found and tag == "h2":
                self.after_other_heading = True
            self.heading = None

    def handle_data(self, data):
        if self.heading is not None:
            self.heading += data


def internal(href: str) -> bool:
    target = urlparse(href)
    return not target.scheme and not href.startswith(("//", "#", "mailto:", "tel:"))


def test_every_page_ends_with_what_next_links(site):
    lacking = []
    for path in sorted(site.rglob("index.html")):
        parser = _WhatNext()
        parser.feed(path.read_text(encoding="utf-8"))
        links = [h for h in parser.links if internal(h)]
        if not parser.found or len(set(links)) < 2:
            lacking.append(path.parent.relative_to(site).as_posix() + "/")
    print(f"\npages without a 'What next' section of 2+ internal links: {len(lacking)}: {lacking}")
    assert not lacking, lacking


# ---------------------------------------------------------------------------------------------
# A driver locked out of the app asks "where do I send it?": the appeal page gives a ladder,
# each step labelled with who says so, or saying honestly that no source backs it, and prints
# no email address that Amazon has not confirmed.

def test_locked_out_driver_gets_a_ladder_of_places_to_send_the_appeal(site):
    html = (site / "appeal" / "index.html").read_text(encoding="utf-8")
    start = html.index('id="locked-out"')
    section = html[start: html.index("<h2", start)]
    steps = re.findall(r"<li>(.*?)</li>", section, re.S)
    assert len(steps) >= 3, f"{len(steps)} steps"
    names = [re.sub(r"<[^>]+>", "", re.search(r"<strong>(.*?)</strong>", s, re.S).group(1)) for s in steps]
    assert re.search(r"link in your notice", names[0], re.I), names
    assert any(re.search(r"reply", n, re.I) for n in names), names
    assert any(re.search(r"app", n, re.I) for n in names), names
    for name, step in zip(names, steps):
        labelled = re.search(r'class="claim claim--[a-z-]+"', step) and re.search(r'class="cite">\(source: <a href="https://', step)
        assert labelled or "We found no source" in step, f"step {name!r} says neither who says so nor that no source was found"
    text = re.sub(r"<[^>]+>", " ", section)
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), "an email address is printed in the ladder"
