"""The deadline calculator: its date arithmetic (in Node, in three time zones), its calendar
file, and the form used the way a driver on a phone uses it."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess

import pytest

from conftest import ROOT

SCRIPT = ROOT / "overrides" / "assets" / "deadlines.js"
VECTORS = json.loads((ROOT / "tests" / "deadline_vectors.json").read_text(encoding="utf-8"))
NODE = shutil.which("node")
needs_node = pytest.mark.skipif(not NODE, reason="Node is needed to run deadlines.js outside the browser")


def run_node(code: str, payload, tz: str | None = None):
    """Run `code` with `dl` (the script's exports) and `input` (payload) defined; it prints JSON."""
    program = (
        f"const dl = require({json.dumps(str(SCRIPT))});\n"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n" + code
    )
    env = {**os.environ}
    if tz:
        env["TZ"] = tz
    result = subprocess.run(
        [NODE, "-e", program], input=json.dumps(payload), capture_output=True, text=True, env=env, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


COMPUTE = """
const out = input.map((v) => {
  const start = dl.parseDay(v.start);
  const end = dl.addDays(start, v.days, v.counting);
  return { iso: dl.toISODay(end), ics: dl.toICSDate(end), shown: dl.formatDay(end) };
});
console.log(JSON.stringify({ out, offset: new Date(2026, 6, 1).getTimezoneOffset() }));
"""


def test_vectors_are_many_and_varied():
    assert len(VECTORS) >= 25
    assert {v["counting"] for v in VECTORS} == {"calendar", "business"}
    for v in VECTORS:  # the file itself is right, by Python's own calendar
        start = dt.date.fromisoformat(v["start"])
        assert dt.date.fromisoformat(v["expected"]) >= start


@needs_node
@pytest.mark.parametrize("tz", [None, "UTC", "America/New_York", "Pacific/Auckland"])
def test_dates_match_the_vectors_in_every_time_zone(tz):
    got = run_node(COMPUTE, VECTORS, tz)
    if tz == "America/New_York":
        assert got["offset"] == 240, "TZ did not take effect, so this run proves nothing"
    if tz == "Pacific/Auckland":
        assert got["offset"] == -720, "TZ did not take effect, so this run proves nothing"
    wrong = []
    for v, g in zip(VECTORS, got["out"], strict=True):
        end = dt.date.fromisoformat(v["expected"])
        want = {"iso": v["expected"], "ics": end.strftime("%Y%m%d"),
                "shown": f"{end:%A}, {end:%B} {end.day}, {end.year}"}
        if g != want:
            wrong.append((v, g))
    assert not wrong, wrong


@needs_node
def test_business_days_skip_weekends_only():
    got = run_node("""
      const d = dl.parseDay(input);
      const out = [];
      for (let n = 0; n <= 30; n++) out.push(dl.weekday(dl.addBusinessDays(d, n)));
      console.log(JSON.stringify(out.slice(1)));
    """, "2026-12-19")  # a Saturday, before Christmas and New Year: both counted as working days
    assert all(w not in (0, 6) for w in got)


@needs_node
def test_bad_dates_are_refused():
    got = run_node("console.log(JSON.stringify(input.map(dl.parseDay)));",
                   ["2027-02-29", "2026-13-01", "2026-11-31", "", "26-11-2026", "2026-11-26T00:00", None])
    assert got == [None] * 7


@needs_node
def test_only_years_1900_to_2200_are_dates():
    """A phone's date field given "11/26/26" holds 0026-11-26; Date.UTC would read 1926."""
    got = run_node("console.log(JSON.stringify(input.map((t) => [dl.parseDay(t) === null, dl.dateProblem(t)])));",
                   ["0026-11-26", "1899-12-31", "1900-01-01", "2200-12-31", "2201-01-01", "2026-11-26", ""])
    refused = [r for r, _ in got]
    assert refused == [True, True, False, False, True, False, True]
    assert "between 1900 and 2200" in got[0][1] and "You typed 26." in got[0][1]
    assert got[2][1] == got[3][1] == got[5][1] == got[6][1] == "", "a good date, or none yet, has no problem"


@needs_node
def test_the_calendar_file_refuses_a_date_it_cannot_write():
    got = run_node("""
      const out = input.map((day) => {
        try { return dl.makeICS([{ id: "x", day, summary: "s" }], new Date(0)).includes("DTSTART"); }
        catch (e) { return e.name; }
      });
      console.log(JSON.stringify(out));
    """, [2932896, 2932897 + 300, -719529, 20000, None, 1.5])  # 9999-12-31 needs DTEND in year 10000
    assert got == ["RangeError", "RangeError", "RangeError", True, "RangeError", "RangeError"]
    ok = run_node("console.log(JSON.stringify(dl.makeICS([{id: 'x', day: dl.parseDay('2200-12-31'), summary: 's'}],"
                  " new Date(0))));", None)
    assert "DTSTART;VALUE=DATE:22001231\r\nDTEND;VALUE=DATE:22010101" in ok


ITEMS = [
    {"id": "appeal-window-reported", "day": "2026-12-06", "summary": "Send your appeal (as reported)",
     "description": "Reports differ, so do not wait.\nHow sure: Others report.\nSources: https://example.org/a?b=1;c=2"},
    {"id": "tricky", "day": "2026-12-31", "summary": 'Commas, semicolons; and a back\\slash',
     "description": "Line one\r\nline two, with " + "a long run of words " * 8 + "and ünïcödé — to fold"},
]

MAKE = """
const items = input.items.map((i) => ({ ...i, day: dl.parseDay(i.day) }));
console.log(JSON.stringify(dl.makeICS(items, new Date(input.now))));
"""


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


@needs_node
def test_calendar_file_is_valid_rfc5545():
    ics = run_node(MAKE, {"items": ITEMS, "now": "2026-11-26T17:08:25.123Z"})
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert "\n" not in ics.replace("\r\n", ""), "every line ends in CRLF"
    raw_lines = ics.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in raw_lines), "lines are folded at 75 octets"
    assert any(line.startswith(" ") for line in raw_lines), "the long description was folded"
    lines = unfold(ics)[:-1]
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    for block in ("VCALENDAR", "VEVENT"):
        assert lines.count(f"BEGIN:{block}") == lines.count(f"END:{block}")
    assert lines.count("BEGIN:VEVENT") == len(ITEMS)
    events = re.findall(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT", "\r\n".join(lines), re.S)
    first, second = (dict(line.split(":", 1) for line in e.strip().split("\r\n")) for e in events)
    assert first["DTSTART;VALUE=DATE"] == "20261206" and first["DTEND;VALUE=DATE"] == "20261207"
    assert second["DTSTART;VALUE=DATE"] == "20261231" and second["DTEND;VALUE=DATE"] == "20270101"
    assert first["DTSTAMP"] == "20261126T170825Z"
    assert first["UID"] != second["UID"] and "@" in first["UID"]
    assert first["DESCRIPTION"] == (
        "Reports differ\\, so do not wait.\\nHow sure: Others report.\\nSources: https://example.org/a?b=1\\;c=2")
    assert second["SUMMARY"] == "Commas\\, semicolons\\; and a back\\\\slash"
    assert second["DESCRIPTION"].startswith("Line one\\nline two\\, with a long run")
    assert second["DESCRIPTION"].endswith("ünïcödé — to fold"), "folding never splits a character"


@needs_node
def test_folding_counts_octets_not_characters():
    lines = run_node("console.log(JSON.stringify(dl.fold(input).split('\\r\\n')));", "DESCRIPTION:" + "é" * 100)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert all(line.startswith(" ") for line in lines[1:])
    assert "".join(line[1:] if i else line for i, line in enumerate(lines)) == "DESCRIPTION:" + "é" * 100


# ---- In the browser ----

def results(page):
    return page.locator(".deadline-results")


def item(page, label: str):
    return results(page).locator("li").filter(has_text=label)


def test_a_driver_works_out_their_dates(page):
    page.goto("timelines/")
    page.wait_for_load_state("networkidle")
    before = len(page.requests)
    calculator = page.locator("#deadline-calculator")
    assert calculator.locator("select").count() == 1
    for field in calculator.locator("input, select").all():  # every control has a label
        assert calculator.locator(f'label[for="{field.get_attribute("id")}"]').count() == 1
    assert "holidays are not counted" in calculator.inner_text()
    assert results(page).get_attribute("aria-live") == "polite"

    notice = page.get_by_label("What date is on your deactivation email or notice?")
    assert notice.get_attribute("required") is not None
    notice.fill("2026-11-26")
    page.get_by_role("button", name="Show my dates").click()

    appeal = item(page, "Send your appeal (as reported)")
    appeal.wait_for()
    assert "Sunday, December 6, 2026" in appeal.inner_text()
    assert "10 calendar days from the date on your deactivation notice" in appeal.inner_text()
    assert appeal.locator(".claim", has_text="Others report").is_visible()
    assert appeal.get_by_role("link", name=re.compile("RidesharingForum")).count() == 1
    assert "The deadline in your own notice is the one that counts." in results(page).inner_text()
    assert item(page, "Seattle").count() == 0, "a city's rule shows only for that city"
    assert item(page, "background report").count() == 0, "no date given for it: left out"
    dates = [li.locator(".deadline-date").inner_text() for li in results(page).locator("li").all()]
    days = [dt.datetime.strptime(d, "%A, %B %d, %Y") for d in dates]
    assert days == sorted(days), "sorted by date"

    page.get_by_label("Where do you deliver?").select_option(label="Seattle, Washington")
    page.get_by_role("button", name="Show my dates").click()
    seattle = item(page, "Seattle: earliest day most deactivations should take effect")
    seattle.wait_for()
    assert "Thursday, December 10, 2026" in seattle.inner_text()
    assert "14 calendar days" in seattle.inner_text()
    assert item(page, "New York City").count() == 0

    page.get_by_label("Where do you deliver?").select_option(label="Somewhere else in the US")
    page.get_by_role("button", name="Show my dates").click()
    item(page, "Send your appeal (as reported)").wait_for()
    assert item(page, "Seattle").count() == 0

    page.get_by_label("What date is on the background check (adverse action) notice?").fill("2026-11-20")
    page.get_by_role("button", name="Show my dates").click()
    assert "Tuesday, January 19, 2027" in item(page, "free copy of your background report").inner_text()

    with page.expect_download() as download:
        page.get_by_role("button", name="Add to calendar (.ics)").click()
    assert download.value.suggested_filename.endswith(".ics")
    ics = open(download.value.path(), encoding="utf-8", newline="").read()
    assert ics.startswith("BEGIN:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20261206\r\n" in ics
    assert "DTSTART;VALUE=DATE:20270119\r\n" in ics
    assert "DTSTART;VALUE=DATE:20261210" not in ics, "only the dates on screen"

    # The browser may fetch the tab icon late on a busy machine; that carries nothing typed.
    sent = [u for u in page.requests[before:] if not u.endswith("/assets/favicon.svg")]
    assert sent == [], f"nothing the driver enters may leave the device: {sent}"
    assert not page.errors


def test_the_form_works_from_the_keyboard(page):
    page.goto("timelines/")
    notice = page.get_by_label("What date is on your deactivation email or notice?")
    notice.fill("2026-11-26")
    notice.press("Enter")  # Enter in a field submits the form
    item(page, "Send your appeal (as reported)").wait_for()
    page.get_by_role("button", name="Show my dates").focus()
    for _ in range(40):  # Tab through the source links to the calendar button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Add to calendar (.ics)":
            break
    else:
        pytest.fail("Tab never reached the calendar button")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "flex-deadlines.ics"
    assert not page.errors


def test_an_empty_notice_date_is_asked_for(page):
    page.goto("timelines/")
    page.get_by_role("button", name="Show my dates").click()
    page.wait_for_timeout(200)
    assert results(page).locator("li").count() == 0
    assert page.evaluate("document.activeElement.id") == "deadline-notice", "the browser points to the missing date"


def test_the_calculator_is_built_again_when_the_theme_swaps_the_page(page):
    """The theme re-announces a page through `document$` when it swaps it in (instant
    navigation, off in mkdocs.yml but one line away): the calculator comes back, once."""
    page.goto("timelines/")
    page.locator("#deadline-calculator form").wait_for()
    page.evaluate("""() => {
        const fresh = document.createElement("div");
        fresh.id = "deadline-calculator";
        fresh.className = "deadline-calculator";
        document.getElementById("deadline-calculator").replaceWith(fresh);
        window.document$.next(document);
        window.document$.next(document);
    }""")
    # Tools set themselves up when the phone is idle (at most 1 s later): wait past that for both.
    page.locator("#deadline-calculator form").wait_for()
    page.wait_for_timeout(1500)
    assert page.locator("#deadline-calculator form").count() == 1, "built again, and only once"
    page.get_by_label("What date is on your deactivation email or notice?").fill("2026-11-26")
    page.get_by_role("button", name="Show my dates").click()
    assert "December 6, 2026" in item(page, "Send your appeal (as reported)").inner_text()
    assert not page.errors
