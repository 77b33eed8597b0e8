"""The evidence log on a phone: a driver adds, changes and deletes rows, keeps the log on the
device only if they ask, copies it, downloads it and prints it; with scripts off the blank
tables remain."""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from conftest import goto_waits_for_tools, left_and_back, tab_until_focused

URL = "evidence-log/"
LOG_KEY = "__md_scope.pathname + '.flex-evidence-log'"
KEEP_KEY = "__md_scope.pathname + '.flex-evidence-log-keep'"


def status(page):
    return page.get_by_role("region", name="Your log").get_by_role("status")


def add_row(page, table: str, values: dict[str, str]) -> None:
    page.get_by_role("button", name=f"Add a row: {table}").click()
    form = page.get_by_role("form", name=f"Row in {table}")
    for label, value in values.items():
        form.get_by_label(label, exact=True).fill(value)
    form.get_by_role("button", name="Save row").click()


def rows(page, table: str):
    return page.get_by_role("list", name=f"Rows in {table}").get_by_role("listitem")


def stored(page):
    return page.evaluate(f"localStorage.getItem({LOG_KEY})")


def test_driver_adds_two_blocks_changes_one_then_copies_and_downloads(page):
    page.goto(URL)
    add_row(page, "Blocks", {"Date": "2026-11-20", "Station": "DSE4", "Start and end": "10:00 am to 2:00 pm",
                             "Packages": "38", "Notes": "App froze at check-in.\nCalled support."})
    expect(page.get_by_role("status").filter(has_text="Row 1 added in Blocks")).to_be_visible()
    add_row(page, "Blocks", {"Date": "2026-11-21", "Station": "DSE4", "Notes": "Rain."})
    expect(rows(page, "Blocks")).to_have_count(2)
    assert "November 20, 2026" in rows(page, "Blocks").first.inner_text()

    page.get_by_role("button", name="Edit row 1 of Blocks").click()
    form = page.get_by_role("form", name="Row in Blocks")
    assert form.get_by_label("Date", exact=True).evaluate("el => el === document.activeElement"), \
        "the form does not take the focus when it opens"
    expect(form.get_by_label("Station")).to_have_value("DSE4")
    form.get_by_label("Station").fill("DSE5 (Kent)")
    form.get_by_role("button", name="Save row").click()
    expect(page.get_by_role("status").filter(has_text="Row 1 changed in Blocks")).to_be_visible()
    expect(rows(page, "Blocks")).to_have_count(2)
    assert "DSE5 (Kent)" in rows(page, "Blocks").first.inner_text()

    add_row(page, "Support contacts", {"Date and time": "2026-11-22T09:10", "Case number": "12345"})
    assert "November 22, 2026, 9:10 AM" in rows(page, "Support contacts").first.inner_text()

    page.get_by_role("button", name="Copy the log").click()
    expect(status(page)).to_contain_text("Log copied (3 rows)")
    text = page.evaluate("navigator.clipboard.readText()")
    blocks = text[text.index("BLOCKS"): text.index('"NOT RECEIVED" REPORTS')]
    assert "Row 1\n  Date: November 20, 2026\n  Station: DSE5 (Kent)" in blocks
    assert "Row 2\n  Date: November 21, 2026\n  Station: DSE4\n  Notes: Rain." in blocks
    assert "Notes: App froze at check-in.\n    Called support." in blocks
    assert "Station: DSE4\n  Start and end" not in blocks  # the old value is gone
    assert "Case number: 12345" in text and "November 22, 2026, 9:10 AM" in text
    assert "(no rows)" in text[text.index('"NOT RECEIVED" REPORTS'):]

    with page.expect_download() as info:
        page.get_by_role("button", name="Download .txt").click()
    download = info.value
    assert re.fullmatch(r"evidence-log-\d{4}-\d{2}-\d{2}\.txt", download.suggested_filename)
    saved = open(download.path(), encoding="utf-8").read()
    assert saved.strip() == text.strip()

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the log scrolls sideways at 360 px ({width} px wide)"
    page.get_by_role("button", name="Add a row: Support contacts").click()  # a form open, with long labels
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the open form scrolls sideways at 360 px ({width} px wide)"
    assert stored(page) is None, "the log was kept on the device although the driver did not ask"
    assert not page.errors, page.errors


def test_log_is_kept_on_the_device_only_after_the_driver_ticks_the_box(page):
    page.goto(URL)
    keep = page.get_by_label("Keep this log on this device")
    expect(keep).to_be_visible()
    expect(keep).not_to_be_checked()
    add_row(page, "Appeals sent", {"Date": "2026-11-23", "Sent to": "The form in my notice"})
    page.reload()
    expect(rows(page, "Appeals sent")).to_have_count(0)
    expect(page.get_by_text("No rows yet.").first).to_be_visible()
    assert stored(page) is None

    keep.check()
    expect(status(page)).to_contain_text("kept on this device")
    add_row(page, "Appeals sent", {"Date": "2026-11-23", "Sent to": "The form in my notice"})
    key = page.evaluate(LOG_KEY)
    assert key == "/.flex-evidence-log", key  # scoped to the site's base path, as the theme's own keys
    page.reload()
    expect(page.get_by_label("Keep this log on this device")).to_be_checked()
    expect(rows(page, "Appeals sent")).to_have_count(1)
    assert "The form in my notice" in rows(page, "Appeals sent").first.inner_text()

    page.get_by_label("Keep this log on this device").uncheck()
    expect(status(page)).to_contain_text("no longer kept on this device")
    assert stored(page) is None and page.evaluate(f"localStorage.getItem({KEEP_KEY})") is None
    expect(rows(page, "Appeals sent")).to_have_count(1)  # still on the page until it closes
    page.reload()
    expect(rows(page, "Appeals sent")).to_have_count(0)
    assert not page.errors, page.errors


def test_a_broken_stored_log_is_left_out_and_repaired(page):
    page.goto(URL)
    page.evaluate(f"localStorage.setItem({KEEP_KEY}, '1'); localStorage.setItem({LOG_KEY}, '{{not json')")
    page.reload()
    expect(status(page)).to_contain_text("could not be read")
    expect(rows(page, "Blocks")).to_have_count(0)
    assert json.loads(stored(page))["sections"]["blocks"] == []

    good = {"Date": "2026-11-20", "Station": "DSE4"}
    broken = {"version": 1, "sections": {
        "blocks": [good, "<b>not a row</b>", {"Station": 42}, {"Bogus column": "x"}],
        "not-received": {"not": "a list"},
        "support-contacts": [{"Case number": "777"}],
    }}
    page.evaluate(f"localStorage.setItem({LOG_KEY}, {json.dumps(json.dumps(broken))})")
    page.reload()
    expect(status(page)).to_contain_text("could not be read")
    expect(rows(page, "Blocks")).to_have_count(1)
    expect(rows(page, "Support contacts")).to_have_count(1)
    repaired = json.loads(stored(page))["sections"]
    assert repaired["blocks"] == [good] and repaired["not-received"] == []
    assert repaired["support-contacts"] == [{"Case number": "777"}]
    page.reload()
    expect(status(page)).to_be_hidden()  # repaired: nothing to report the second time
    assert not page.errors, page.errors


def test_a_full_phone_is_reported_and_the_rows_stay_on_the_page(page):
    page.add_init_script("""
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
            if (key.endsWith('.flex-evidence-log')) throw new DOMException('full', 'QuotaExceededError');
            return setItem.call(this, key, value);
        };
    """)
    page.goto(URL)
    page.get_by_label("Keep this log on this device").check()
    add_row(page, "Blocks", {"Date": "2026-11-20", "Station": "DSE4"})
    expect(status(page)).to_contain_text("no room left to keep the log")
    expect(page.get_by_role("status").filter(has_text="could not keep it")).to_be_visible()
    expect(rows(page, "Blocks")).to_have_count(1)
    assert not page.errors, page.errors


def test_typed_text_is_shown_as_text_never_as_markup(page):
    page.goto(URL)
    attack = '<img src=x onerror="window.__pwned=1"><b>bold</b>'
    add_row(page, "Blocks", {"Notes": attack})
    card = rows(page, "Blocks").first
    assert attack in card.inner_text()
    assert card.locator("img, b").count() == 0
    page.emulate_media(media="print")
    assert attack in page.locator("article table").first.inner_text()
    assert page.locator("article table img").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_deleting_a_row_and_clearing_the_log_ask_first_on_the_page(page):
    page.goto(URL)
    page.evaluate("() => { window.confirm = () => { window.__confirmed = true; return true }; }")
    add_row(page, "Blocks", {"Station": "DSE4"})
    add_row(page, "Blocks", {"Station": "DSE5"})
    page.get_by_role("button", name="Delete row 1 of Blocks").click()
    ask = page.get_by_role("group", name="Delete row 1? This cannot be undone.")
    expect(ask).to_be_visible()
    expect(rows(page, "Blocks")).to_have_count(2)
    ask.get_by_role("button", name="No, keep it").click()
    expect(ask).to_be_hidden()
    expect(rows(page, "Blocks")).to_have_count(2)
    page.get_by_role("button", name="Delete row 1 of Blocks").click()
    page.get_by_role("button", name="Yes, delete it").click()
    expect(rows(page, "Blocks")).to_have_count(1)
    assert "DSE5" in rows(page, "Blocks").first.inner_text()
    expect(page.get_by_role("status").filter(has_text="Row 1 deleted from Blocks")).to_be_visible()

    page.get_by_role("button", name="Clear the log").click()
    expect(rows(page, "Blocks")).to_have_count(1)
    page.get_by_role("button", name="Yes, clear every row").click()
    expect(rows(page, "Blocks")).to_have_count(0)
    expect(status(page)).to_contain_text("Every row was cleared")
    assert page.evaluate("window.__confirmed") is None, "window.confirm was used"
    assert not page.errors, page.errors


def test_printed_log_carries_the_rows_and_stays_on_two_pages(page):
    page.goto(URL)
    add_row(page, "Blocks", {"Date": "2026-11-20", "Station": "DSE4", "Notes": "App froze."})
    page.emulate_media(media="print")
    table = page.locator("article table").first
    expect(table).to_be_visible()
    assert "November 20, 2026" in table.inner_text() and "App froze." in table.inner_text()
    expect(page.get_by_role("button", name="Add a row: Blocks")).to_be_hidden()
    for size in ("Letter", "A4"):
        pdf = page.pdf(format=size, print_background=False)
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
        assert 1 <= pages <= 2, f"{size}: {pages} pages"


def test_rows_not_kept_come_back_with_the_back_button(back_cache_phone):
    """A driver who did not tick "keep" follows a link away and presses Back: the phone's
    browser brings the page back whole, rows and all (nothing on the page may stop it, such as
    an unload handler). Nothing was stored to make that happen."""
    page = back_cache_phone
    page.goto(URL)
    add_row(page, "Blocks", {"Station": "DSE4"})
    page.evaluate("window.__typedHere = true")
    page.locator("label.md-header__button[for=__drawer]").click()  # the phone's menu
    about = page.get_by_role("navigation").get_by_role("link", name="About this site", exact=True).first
    left_and_back(page, about, "**/about/")
    assert page.url.endswith("/evidence-log/")
    assert page.evaluate("window.__typedHere === true"), "Back loaded the page again: the rows typed there are gone"
    expect(page.get_by_role("region", name="Your log")).to_have_count(1)
    expect(rows(page, "Blocks")).to_have_count(1)
    assert stored(page) is None, "the log was kept on the device although the driver did not ask"
    assert not page.errors, page.errors


def test_if_the_log_script_never_arrives_the_tables_show(page):
    """Scripts are on but the log's own script fails to load (a dropped connection): its place
    is kept blank only briefly, then the printable tables show."""
    bare = page.context.new_page()  # `page` waits for every tool, and this one never comes
    bare.route("**/evidence.js*", lambda route: route.abort())
    bare.goto(URL)
    table = bare.locator("article table").first
    expect(table).to_be_hidden()  # blank while the script may still come: nothing jumps
    expect(table).to_be_visible(timeout=6000)
    expect(bare.get_by_role("heading", name="Blocks")).to_be_visible()


def test_without_scripts_the_blank_tables_remain_to_print(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(URL)
        tables = page.locator("article table")
        expect(tables).to_have_count(4)
        for i in range(4):
            expect(tables.nth(i)).to_be_visible()
        assert page.locator("article table").first.locator("tbody tr").count() == 5
        expect(page.get_by_text("Print this page, or copy the tables into a notes app.")).to_be_visible()
        expect(page.get_by_role("button", name="Add a row: Blocks")).to_have_count(0)
        expect(page.get_by_text("tap Add a row")).to_be_hidden()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"with scripts off the page scrolls sideways at 360 px ({width} px wide)"
    finally:
        context.close()


def test_a_row_can_be_added_by_keyboard_alone(page):
    page.goto(URL)
    add = page.get_by_role("button", name="Add a row: Blocks")
    tab_until_focused(page, add, 60, "'Add a row: Blocks'")
    page.keyboard.press("Enter")
    form = page.get_by_role("form", name="Row in Blocks")
    expect(form.get_by_label("Date", exact=True)).to_be_focused()
    page.keyboard.type("11202026")  # month, day, year: the date box moves along by itself
    expect(form.get_by_label("Date", exact=True)).to_have_value("2026-11-20")
    station = form.get_by_label("Station")
    for _ in range(4):  # Tab walks the date's own parts first, then on to the next box
        page.keyboard.press("Tab")
        if station.evaluate("el => el === document.activeElement"):
            break
    expect(station).to_be_focused()
    page.keyboard.type("DSE4")
    page.keyboard.press("Escape")  # Escape closes the form and puts the focus back
    expect(form).to_be_hidden()
    expect(add).to_be_focused()
    page.keyboard.press("Enter")
    form.get_by_label("Station").focus()
    page.keyboard.type("DSE7")
    page.keyboard.press("Enter")  # Enter in a box saves the row, as in any form
    expect(rows(page, "Blocks")).to_have_count(1)
    assert "DSE7" in rows(page, "Blocks").first.inner_text()
    expect(add).to_be_focused()  # ready for the next row
    expect(page.get_by_role("status").filter(has_text="Row 1 added in Blocks")).to_be_visible()
    assert not page.errors, page.errors


def test_the_filled_log_passes_accessibility_checks_in_both_schemes(browser, base_url):
    """With rows, an open form and an "are you sure?" question on screen, light and dark."""
    from axe_playwright_python.sync_playwright import Axe

    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=base_url, color_scheme=scheme)
        try:
            page = goto_waits_for_tools(context.new_page())
            page.goto(URL)
            add_row(page, "Blocks", {"Date": "2026-11-20", "Station": "DSE4", "Notes": "App froze."})
            page.get_by_role("button", name="Delete row 1 of Blocks").click()
            page.get_by_role("button", name="Clear the log").click()
            page.get_by_role("button", name="Add a row: Support contacts").click()
            page.get_by_label("Keep this log on this device").check()
            results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
            problems = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]
            assert not problems, (scheme, problems)
        finally:
            context.close()


def test_print_this_log_opens_the_print_dialog(page):
    page.goto(URL)
    # A function body, not an expression: Playwright calls a string that evaluates to a function.
    page.evaluate("() => { window.print = () => { window.__printed = true; }; }")
    assert page.evaluate("window.__printed === true") is False
    page.get_by_role("button", name="Print this log").click()
    assert page.evaluate("window.__printed === true")
