"""The "find your reason" page, driven in Chromium the way a driver uses it."""

from __future__ import annotations

import re
from urllib.parse import urlparse


# Notice texts in our own words, modelled on what drivers report receiving. Expected cause first.
NOTICES = [
    ("not-received", "Your Amazon Flex account has been deactivated. Several customers reported that they did "
     "not receive packages you marked as delivered, and we could not confirm these deliveries."),
    ("standing-at-risk", "Your standing has dropped to At Risk. Delivery partners whose standing stays At Risk "
     "may lose access to the Amazon Flex program."),
    ("late-or-missed-blocks", "We noticed that you forfeited several blocks less than 45 minutes before the "
     "start time and arrived late to the delivery station. Your reliability no longer meets our standards."),
    ("undeliverable-returns", "Undeliverable packages from your recent blocks were not returned to the "
     "station on the same day. Packages you cannot deliver must be brought back."),
    ("background-check-criminal", "Based in whole or in part on information in a consumer report from "
     "Accurate Background, including your criminal history, you are no longer eligible to deliver."),
    ("background-check-driving-record", "A review of your motor vehicle record (MVR) found violations on "
     "your driving record. You no longer meet the driving record requirements."),
    ("identity-selfie", "We were unable to verify your identity. The selfie you took did not match the photo "
     "on your account, so your access has been removed."),
    ("account-sharing", "We have reason to believe that someone other than you delivered using your account. "
     "Sharing your account with another person is not allowed."),
    ("bots-and-automation", "We have detected the use of a bot or third-party software to accept offers on "
     "your account, which violates our Terms of Service. Repeated use will lead to removal."),
    ("location-spoofing", "Your device reported a location that did not match where you were. Using an app "
     "to fake or spoof your GPS location is not allowed."),
    ("expired-documents", "Your auto insurance has expired. Please upload a valid, current insurance "
     "document to keep delivering."),
    ("conduct-complaints", "We received a complaint from a customer about rude and unprofessional behavior "
     "during a delivery. Partners must treat customers with respect."),
    ("unsafe-driving", "We received reports of unsafe driving while you were on a block, including speeding "
     "and a car accident."),
    ("fraud-or-theft", "Our records indicate package theft and tampering on your routes. This is a serious "
     "violation and your account has been terminated."),
    ("inactivity", "Your account was closed because it has been inactive and you have not scheduled a "
     "block in a long time."),
    ("no-reason-given", "After a review we have decided to end your participation in the Amazon Flex "
     "program. We are unable to share more details."),
]


def find(page, text: str) -> list[str]:
    page.goto("find-your-reason/")
    box = page.get_by_label("Paste your notice, or type a few words about what happened")
    box.fill(text)
    page.get_by_role("button", name="Find my reason").click()
    results = page.locator("#finder-results")
    results.locator("li, p").first.wait_for()
    return [urlparse(h).path.rstrip("/").split("/")[-1] for h in results.locator("li > a").evaluate_all(
        "links => links.map(a => a.href)")]


def test_pasted_notices_put_the_right_reason_first(page):
    hits, misses = 0, []
    for expected, notice in NOTICES:
        ranked = find(page, notice)
        if ranked[:1] == [expected]:
            hits += 1
        else:
            misses.append(f"{expected}: got {ranked[:3]}")
    print(f"\nfinder: {hits}/{len(NOTICES)} notices put the right reason first")
    assert len(NOTICES) >= 12
    assert hits >= len(NOTICES) - 1, misses


def test_results_are_announced_and_say_why_they_matched(page):
    find(page, "I got a bot warning email")
    region = page.locator("#finder-results")
    assert region.get_attribute("aria-live") == "polite"
    first = region.locator("li").first
    assert "bot" in first.inner_text().lower() and "Matched:" in first.inner_text()
    first.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/causes/bots-and-automation/$"))


def test_keyboard_only_driver_can_search_and_open_a_result(page):
    page.goto("find-your-reason/")
    page.get_by_label("Paste your notice, or type a few words about what happened").focus()
    page.keyboard.type("selfie didn't match")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the "Find my reason" button
    page.locator("#finder-results li").first.wait_for()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "selfie" in focused.lower() or "identity" in focused.lower(), focused
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/causes/identity-selfie/$"))


def test_typed_text_is_never_sent_and_never_becomes_markup(page, base_url):
    page.goto("find-your-reason/")
    page.wait_for_load_state("networkidle")
    before = len(page.requests)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    box = page.get_by_label("Paste your notice, or type a few words about what happened")
    box.fill('<img src=x onerror=alert(1)> bot warning "selfie"')
    page.get_by_role("button", name="Find my reason").click()
    page.locator("#finder-results li").first.wait_for()
    page.wait_for_timeout(300)
    assert page.locator("#finder-results img").count() == 0
    assert not dialogs
    sent = page.requests[before:]
    assert not sent, f"requests while using the finder: {sent}"


def test_with_javascript_off_the_page_lists_every_reason(browser, base_url):
    from macros.data import load
    from conftest import ROOT

    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    pg = context.new_page()
    pg.goto("find-your-reason/")
    assert not pg.locator("#finder").is_visible()
    for cause in load(ROOT).causes:
        assert pg.locator(f'a[href$="causes/{cause.id}/"]').count() >= 1, cause.id
    context.close()


# ---- The ranking itself, in Node, on the same causes data the page carries ----

def run_finder(code: str, payload):
    """Run `code` with `f` (finder.js's exports), `causes` (the page's data) and `input` defined."""
    import json
    import shutil
    import subprocess

    from conftest import ROOT
    from macros.data import load

    node = shutil.which("node")
    assert node, "Node is needed to run finder.js outside the browser"
    data = load(ROOT)
    causes = [{"id": c.id, "title": c.title, "summary": c.summary, "aliases": c.aliases, "category": c.category,
               "url": f"../causes/{c.id}/"} for c in data.causes]
    program = (f"const f = require({json.dumps(str(ROOT / 'overrides' / 'assets' / 'finder.js'))});\n"
               "const {causes, input} = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
               "const prepared = f.prepare(causes);\n" + code)
    result = subprocess.run([node, "-e", program], input=json.dumps({"causes": causes, "input": payload}),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


RANK = "console.log(JSON.stringify(input.map((t) => f.shortlist(f.rank(prepared, t)).map((r) => " \
       "({id: r.cause.id, why: r.why, note: r.note || ''})))));"


def test_filler_words_are_never_shown_as_evidence():
    texts = [t for _, t in NOTICES] + [
        "they just showed me the door", "they said I did something wrong and just closed it",
        "I showed up on time but they told me my account was gone", "what did they even say I did"]
    stop = set(run_finder("console.log(JSON.stringify(f.STOP_WORDS));", None))
    assert {"they", "just", "showed", "wrong", "said"} <= stop
    for text, shown in zip(texts, run_finder(RANK, texts), strict=True):
        for result in shown:
            lone = [w for w in result["why"] if " " not in w]
            assert not [w for w in lone if w in stop], f"{text!r} -> {result}"


def test_a_wrong_address_is_not_location_spoofing():
    for text in ["wrong address", "customer gave a wrong address", "delivered to the wrong address"]:
        shown = run_finder(RANK, [text])[0]
        assert not shown or shown[0]["id"] != "location-spoofing", (text, shown)


def test_a_notice_naming_no_reason_is_a_suggestion_not_a_quote():
    text = ("Hello, we are writing to let you know that we have ended your participation. "
            "We cannot share more with you at this time.")
    shown = run_finder(RANK, [text])[0]
    assert shown[0]["id"] == "no-reason-given"
    assert shown[0]["why"] == [], "nothing from the driver's text is quoted for it"
    assert shown[0]["note"]


def test_a_deadline_in_the_notice_is_found():
    got = run_finder("console.log(JSON.stringify(input.map(f.noticeWindow)));", [
        "You may appeal within 10 days of this message.",
        "Please respond within ten (10) business days.",
        "within 7 calendar days",
        "We will reply in 10 days.",
        "within the next 30 days",
    ])
    assert [(g or {}).get("days") for g in got] == [10, 10, 7, None, 30]
    assert [(g or {}).get("counting") for g in got] == ["calendar", "business", "calendar", None, "calendar"]
    assert got[0]["quote"] == "within 10 days"


def test_a_driver_is_told_the_date_within_n_days_gives(page):
    import datetime as dt

    find(page, "Your account has been deactivated. You may appeal within 10 days of this message "
               "if you think we made a mistake.")
    note = page.locator(".finder-window")
    assert note.get_attribute("aria-live") == "polite"
    due = dt.date.today() + dt.timedelta(days=10)
    assert "within 10 days" in note.inner_text()
    assert "Counted from today" in note.inner_text()
    assert f"{due:%B} {due.day}, {due.year}" in note.inner_text()
    page.get_by_label("The date on your notice (optional, to count from it instead of today)").fill("2026-11-20")
    assert "Counted from the date on your notice (Friday, November 20, 2026)" in note.inner_text()
    assert "Monday, November 30, 2026" in note.inner_text()
    assert not page.errors


def test_the_no_reason_suggestion_is_not_shown_in_quote_marks(page):
    find(page, "Hello, we are writing to let you know that we have ended your participation. "
               "We cannot share more with you at this time.")
    first = page.locator("#finder-results li").first
    assert "no reason" in first.inner_text().lower()
    why = first.locator(".finder-why").inner_text()
    assert "\u201c" not in why and "Matched" not in why, why


def test_filler_words_are_not_shown_in_the_page(page):
    find(page, "they just showed me the door and said I was late")
    text = page.locator("#finder-results").inner_text()
    for word in ("they", "just", "showed", "said"):
        assert f"\u201c{word}\u201d" not in text, text
