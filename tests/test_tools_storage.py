"""The browser tools under bad state: corrupt or foreign values in storage, a full storage,
a two-digit year from a phone keyboard, a broken character pasted in, and another site on
the same origin. Each tool must keep working, say what went wrong, and throw nothing."""

from __future__ import annotations

import functools
import json
import re
import threading
from http.server import ThreadingHTTPServer
from urllib.parse import unquote

import pytest

from conftest import _Quiet, goto_waits_for_tools

CAUSE = "causes/not-received/"
# What a broken or foreign value can look like: JSON of the wrong shape, or not JSON at all.
CORRUPT = ["null", "123", '{"includes":1}', "[]", '"x"', "{not json"]
OPT_INS = ["letters.remember", "checklists.remember"]
DATA = ["letters.fields", "checklists.ticks"]
# Keys an older version wrote for every site on the origin, naming the reason; "1" was its opt-in.
LEGACY_OPT_IN = "flex-letter-remember"
LEGACY = ["flex-letter-fields", "flex-checklist-not-received"]


def seed(page, opt_in: str, data: str) -> None:
    """Write values where the tools look (keys named by the site's own helper), then reload."""
    page.evaluate("""([optIns, data, legacyOptIn, legacy, optIn, value]) => {
        const key = (n) => window.flexTools ? flexTools.key(n) : n;
        for (const n of optIns) localStorage.setItem(key(n), optIn);
        for (const n of data) localStorage.setItem(key(n), value);
        localStorage.setItem(legacyOptIn, "1");
        for (const k of legacy) localStorage.setItem(k, value);
    }""", [OPT_INS, DATA, LEGACY_OPT_IN, LEGACY, opt_in, data])
    page.reload()


def stored(page, name: str):
    raw = page.evaluate("n => localStorage.getItem(flexTools.key(n))", name)
    return None if raw is None else json.loads(raw)  # anything left must be valid JSON


def letter_works(page, box=None, name: str = "Lee Park") -> None:
    scope = box or page.locator(".letter[data-letter]").first
    scope.get_by_label("Your full name").fill(name)
    assert f"My name is {name}." in scope.locator("pre > code").nth(1).inner_text()


def checklist_works(page) -> None:
    first = page.locator("ul.checklist input[type=checkbox]").first
    page.locator("ul.checklist label").first.click()
    assert first.is_checked()


def calculator_works(page) -> None:
    page.get_by_label("What date is on your deactivation email or notice?").fill("2026-11-26")
    page.get_by_role("button", name="Show my dates").click()
    assert "December 6, 2026" in page.locator(".deadline-results").inner_text()


def finder_works(page) -> None:
    page.get_by_label("Paste your notice, or type a few words about what happened").fill("bot warning")
    page.get_by_role("button", name="Find my reason").click()
    assert "bot" in page.locator("#finder-results li").first.inner_text().lower()


@pytest.mark.parametrize("value", CORRUPT)
def test_corrupt_stored_values_are_ignored_and_repaired(page, value):
    page.goto(CAUSE)
    seed(page, "true", value)  # opted in, so the tools do read the broken data
    assert page.get_by_label("Remember what I type on this device").is_checked()
    letter_works(page)
    checklist_works(page)
    assert page.errors == [], "a broken stored value threw"
    fields = stored(page, "letters.fields")
    assert isinstance(fields, dict) and fields.get("name") == "Lee Park", "the broken value was replaced"
    ticks = stored(page, "checklists.ticks")
    assert isinstance(ticks, dict) and list(ticks.values()) == [[0]]
    assert page.evaluate("ks => ks.filter(k => localStorage.getItem(k) !== null)", [LEGACY_OPT_IN, *LEGACY]) == [], (
        "old keys removed")

    for path, works in [("letters/", letter_works), ("timelines/", calculator_works),
                        ("find-your-reason/", finder_works)]:
        page.goto(path)
        seed(page, "true", value)
        works(page)
    assert page.errors == []


@pytest.mark.parametrize("value", CORRUPT + ['"1"', "1"])
def test_a_corrupt_opt_in_counts_as_no_and_is_removed(page, value):
    page.goto(CAUSE)
    seed(page, value, value)
    assert not page.get_by_label("Remember what I type on this device").is_checked()
    assert not page.get_by_label("Remember my ticks on this device").is_checked()
    letter_works(page)
    checklist_works(page)
    assert page.errors == [], "a broken stored value threw"
    for name in OPT_INS + DATA:
        assert page.evaluate("n => localStorage.getItem(flexTools.key(n))", name) is None, f"{name} is still stored"
    assert page.errors == []


def type_two_digit_year(page, field) -> None:
    """What a phone keyboard gives a date field when the driver types 11/26/26."""
    field.click()
    page.keyboard.type("112626")
    for _ in range(4):  # Tab goes through the field's own parts (and its calendar button) first
        if field.evaluate("f => document.activeElement !== f"):
            break
        page.keyboard.press("Tab")
    assert field.evaluate("f => document.activeElement !== f"), "the driver moved on from the date"


def test_a_two_digit_year_in_the_letter_is_refused_with_words(page):
    page.goto(CAUSE)
    field = page.get_by_label("The date on your notice")
    assert field.get_attribute("min") == "1900-01-01" and field.get_attribute("max") == "2200-12-31"
    assert "between 1900 and 2200" in page.locator(f"#{field.get_attribute('id')}-hint").inner_text()
    type_two_digit_year(page, field)
    assert field.input_value() == "0026-11-26", "Chromium really holds year 26 here"
    body = page.locator(".letter pre > code").nth(1).inner_text()
    assert "1926" not in body and "November 26, 26" not in body
    assert "[Date on the Notice]" in body, "a wrong date never goes into the letter"
    error = page.locator(f"#{field.get_attribute('id')}-error")
    assert "between 1900 and 2200" in error.inner_text() and "26" in error.inner_text()
    assert field.get_attribute("aria-invalid") == "true"
    assert error.get_attribute("id") in field.get_attribute("aria-describedby")
    page.get_by_role("button", name="Copy letter").click()
    page.locator(".letter .letter-status").filter(has_text="Check the date").wait_for()
    field.fill("2026-11-26")
    assert "On November 26, 2026" in page.locator(".letter pre > code").nth(1).inner_text()
    assert error.inner_text() == ""
    assert page.errors == []


def test_a_two_digit_year_in_the_calculator_says_why_no_dates_show(page):
    page.goto("timelines/")
    field = page.get_by_label("What date is on your deactivation email or notice?")
    assert field.get_attribute("min") == "1900-01-01" and field.get_attribute("max") == "2200-12-31"
    type_two_digit_year(page, field)
    page.get_by_role("button", name="Show my dates").click()
    results = page.locator(".deadline-results")
    results.filter(has_text="between 1900 and 2200").wait_for()
    assert results.locator("li").count() == 0
    assert "1926" not in results.inner_text()
    assert page.evaluate("document.activeElement.id") == "deadline-notice", "the driver is taken to the date"
    field.fill("2026-11-26")
    page.get_by_role("button", name="Show my dates").click()
    assert "December 6, 2026" in results.inner_text()
    assert "between 1900" not in results.inner_text()
    assert page.errors == []


def test_remembering_is_one_choice_shown_in_every_letter(page):
    page.goto("letters/")
    boxes = page.locator(".letter[data-letter]")
    assert boxes.count() >= 2
    boxes.nth(1).get_by_label("Your full name").fill("Jo Banks")
    assert "Jo Banks" not in page.evaluate("Object.values(localStorage).join(' ')"), "nothing stored before opting in"
    boxes.nth(0).get_by_label("Remember what I type on this device").check()
    for i in range(boxes.count()):
        assert boxes.nth(i).get_by_label("Remember what I type on this device").is_checked(), f"box {i} shows the truth"
    assert "Jo Banks" in page.evaluate("Object.values(localStorage).join(' ')"), "what was typed is kept once opted in"
    boxes.nth(2).get_by_label("Remember what I type on this device").uncheck()
    for i in range(boxes.count()):
        assert not boxes.nth(i).get_by_label("Remember what I type on this device").is_checked()
    assert "Jo Banks" not in page.evaluate("Object.values(localStorage).join(' ')")
    boxes.nth(0).get_by_label("Your full name").fill("Jo Banks")
    assert "Jo Banks" not in page.evaluate("Object.values(localStorage).join(' ')")
    assert page.errors == []


FULL_STORAGE = """
    window.__storageFull = false;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
        if (window.__storageFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return setItem.call(this, k, v);
    };
"""


def test_a_full_storage_is_told_to_the_driver(page):
    page.context.add_init_script(FULL_STORAGE)
    page.goto(CAUSE)
    page.get_by_label("Remember what I type on this device").check()
    page.evaluate("window.__storageFull = true")
    page.get_by_label("Your full name").fill("Rae Long")
    status = page.locator(".letter .letter-status")
    status.filter(has_text="Could not save on this device: storage is full. Your letter is still here; copy it.").wait_for()
    assert "My name is Rae Long." in page.locator(".letter pre > code").nth(1).inner_text()
    assert page.errors == []


def test_a_broken_character_does_not_break_the_mail_link(page):
    page.goto(CAUSE)
    page.get_by_label("Your full name").fill("Ana")
    # A lone half of an emoji, as a bad paste leaves it; fill() cannot type one.
    page.evaluate("""() => {
        const input = document.querySelector('.letter input[name="name"]');
        input.value = "Ana \\uD800 Ruiz";
        input.dispatchEvent(new Event("input", { bubbles: true }));
    }""")
    assert page.errors == [], "encodeURIComponent must not throw"
    mail = page.get_by_role("link", name="Open in email app").get_attribute("href")
    assert "Ana \ufffd Ruiz" in unquote(mail)
    page.get_by_role("button", name="Copy letter").click()
    page.locator(".letter .letter-status").filter(has_text="Letter copied").wait_for()
    assert page.errors == []


def test_mail_links_use_crlf_and_a_letter_too_long_for_one_is_copied_instead(page):
    page.goto(CAUSE)
    page.get_by_label("Your full name").fill("Kim Lee")
    mail = page.get_by_role("link", name="Open in email app")
    href = mail.get_attribute("href")
    assert "%0D%0A" in href and not re.search(r"(?<!%0D)%0A", href), "RFC 6068: line breaks are CRLF"
    assert len(href) <= 1800
    page.get_by_label("The words in your notice").fill("a long sentence copied from the notice, " * 30)
    status = page.locator(".letter .letter-status")
    status.filter(has_text="too long for a mail link").wait_for()
    assert mail.count() == 0 or not mail.is_visible(), "no mail link that would arrive cut short"
    assert page.locator(".letter a[href^='mailto:']").count() == 0
    note = page.locator(".letter-too-long")
    assert note.is_visible() and "Copy the letter and paste it into your email" in note.inner_text()
    note.get_by_role("button", name="Copy the letter for your email").click()
    status.filter(has_text="Letter copied").wait_for()
    assert "a long sentence copied from the notice" in page.evaluate("navigator.clipboard.readText()")
    page.get_by_label("The words in your notice").fill("Your account was deactivated.")
    assert page.get_by_role("link", name="Open in email app").is_visible()
    assert page.errors == []


@pytest.fixture(scope="module")
def two_sites(site):
    """The same site served twice on one origin, as two project sites on one github.io host."""

    class TwoSites(_Quiet):
        def translate_path(self, path):
            for prefix in ("/flex/help/", "/other/"):
                if path.startswith(prefix):
                    return super().translate_path("/" + path[len(prefix):])
            return super().translate_path("/missing-" + path.strip("/"))

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(TwoSites, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_another_site_on_the_same_origin_cannot_read_what_is_kept(browser, two_sites):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    pg = goto_waits_for_tools(context.new_page())
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(f"{two_sites}/flex/help/{CAUSE}")
    pg.get_by_label("Remember what I type on this device").check()
    pg.get_by_label("Your full name").fill("Dee Shaw")
    pg.get_by_label("Your phone number").fill("555-0199")
    pg.get_by_label("Remember my ticks on this device").check()
    pg.locator("ul.checklist label").first.click()
    keys = pg.evaluate("Object.keys(localStorage)")
    ours = [k for k in keys if "flex." in k]
    assert ours and all(k.startswith("/flex/help/") for k in ours), keys
    assert not any("not-received" in k for k in keys), "no key names the reason"

    pg.goto(f"{two_sites}/other/{CAUSE}")
    assert pg.get_by_label("Your full name").input_value() == ""
    assert not pg.get_by_label("Remember what I type on this device").is_checked()
    assert not pg.locator("ul.checklist input[type=checkbox]").first.is_checked()
    pg.goto(f"{two_sites}/flex/help/{CAUSE}")
    assert pg.get_by_label("Your full name").input_value() == "Dee Shaw", "the site still reads its own"
    assert errors == []
    context.close()
