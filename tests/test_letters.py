"""The letter builder and checklists, used the way a driver on a phone uses them."""

from __future__ import annotations

import re
from urllib.parse import unquote


CAUSE = "causes/not-received/"
SHOTS = __import__("pathlib").Path(__import__("tempfile").gettempdir())


def letter_body(page) -> str:
    return page.locator(".letter pre > code").nth(1).inner_text()


def test_a_driver_fills_the_letter_and_copies_it(page):
    page.goto(CAUSE)
    page.wait_for_load_state("networkidle")
    before = len(page.requests)
    page.get_by_label("Your full name").fill("Maria Lopez")
    page.get_by_label("The email on your Flex account").fill("maria@example.com")
    page.get_by_label("The date on your notice").fill("2026-11-20")
    where = page.get_by_label("Where you left the packages")
    assert where.is_hidden(), "a blank only an optional sentence uses waits until that sentence is ticked"
    page.get_by_label("I remember where I left the packages").check()
    where.fill("the front porch")
    assert "the front porch" in letter_body(page)
    page.get_by_label("I remember where I left the packages").uncheck()
    assert where.is_hidden()
    assert "My name is Maria Lopez." in letter_body(page)
    assert "On November 20, 2026" in letter_body(page)
    assert "[Block Dates]" in letter_body(page), "blanks not yet filled stay visible as [placeholders]"
    page.get_by_role("button", name="Copy letter").click()
    expect_status(page, "Letter copied")
    expect_status(page, "still in [brackets]")  # [Block Dates] etc. are not filled yet
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Hello Amazon Flex Support,") and "Maria Lopez" in copied
    page.get_by_role("button", name="Copy subject line").click()
    expect_status(page, "Subject line copied")
    assert page.evaluate("navigator.clipboard.readText()").endswith("maria@example.com")
    assert "the front porch" not in copied, "a sentence the driver has not ticked stays out of the letter"
    mail = page.get_by_role("link", name="Open in email app").get_attribute("href")
    assert mail.startswith("mailto:?subject="), "no address is invented: the driver adds the one from the notice"
    assert "Maria Lopez" in unquote(mail) and "maria@example.com" in unquote(mail)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download .txt").click()
    text = open(download.value.path(), encoding="utf-8").read()
    assert text.startswith("Subject: Appeal of deactivation") and "Maria Lopez" in text
    typed = ("Maria", "Lopez", "maria@example.com", "front porch", "front%20porch")
    leaks = [u for u in page.requests[before:]
             if not (u.startswith("blob:") or u.startswith(page.url.split("/causes/")[0] + "/")) or any(t in u for t in typed)]
    assert not leaks, f"what the driver typed must not leave the device: {leaks}"
    assert not page.errors


def expect_status(page, words: str) -> None:
    status = page.locator(".letter .letter-status")
    status.filter(has_text=words).wait_for()
    assert status.get_attribute("role") == "status"


def test_typed_markup_stays_text(page):
    page.goto(CAUSE)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    evil = "<img src=x onerror=alert(1)>"
    page.get_by_label("Your full name").fill(evil)
    page.wait_for_timeout(300)
    assert page.locator(".letter img").count() == 0
    assert not dialogs
    page.get_by_role("button", name="Copy letter").click()
    expect_status(page, "Letter copied")
    assert f"My name is {evil}." in page.evaluate("navigator.clipboard.readText()")
    assert not any("/x" in u for u in page.requests), "the markup must not load an image"


def stored_text(page) -> str:
    return page.evaluate("Object.values(localStorage).join('\\n')")


def test_details_are_kept_only_when_the_driver_asks_and_can_be_cleared(page):
    page.goto(CAUSE)
    page.get_by_label("Your full name").fill("Sam Carter")
    assert "Sam Carter" not in stored_text(page), "nothing is stored before the driver opts in"
    page.reload()
    assert page.get_by_label("Your full name").input_value() == ""
    page.get_by_label("Remember what I type on this device").check()
    page.get_by_label("Your full name").fill("Sam Carter")
    assert "Sam Carter" in stored_text(page)
    page.goto("causes/bots-and-automation/")
    assert page.get_by_label("Your full name").input_value() == "Sam Carter"
    assert page.get_by_label("Remember what I type on this device").is_checked()
    clear_details(page)
    expect_status(page, "cleared")
    assert "Sam Carter" not in stored_text(page)
    page.reload()
    assert page.get_by_label("Your full name").input_value() == ""


def clear_details(page, box=None) -> None:
    """The destructive button asks first, inline; only "Yes" clears."""
    scope = box or page
    scope.get_by_role("button", name=re.compile(r"^Clear my details")).click()
    scope.get_by_role("button", name="Yes, clear my details").click()


def test_clearing_asks_first_and_can_be_cancelled_from_the_keyboard(page):
    page.goto(CAUSE)
    page.get_by_label("Your full name").fill("Ana Ruiz")
    clear = page.get_by_role("button", name=re.compile(r"^Clear my details"))
    clear.focus()
    page.keyboard.press("Enter")
    assert clear.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("group", name="Clear everything you typed").is_visible()
    assert page.get_by_label("Your full name").input_value() == "Ana Ruiz", "nothing is cleared before Yes"
    page.get_by_role("button", name="No, keep them").click()
    expect_status(page, "Nothing was cleared")
    assert page.get_by_label("Your full name").input_value() == "Ana Ruiz"
    assert page.evaluate("document.activeElement.textContent").startswith("Clear my details")
    # Kept apart from Print and the other actions, and every button is big enough for a thumb.
    actions = page.locator(".letter-tools > .letter-actions").first
    assert actions.get_by_role("button", name=re.compile(r"^Clear my details")).count() == 0
    assert actions.get_by_role("button", name="Print").count() == 1
    for button in page.locator(".letter-tools .md-button:visible").all():
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, (button.inner_text(), box)
    clear_details(page)
    assert page.get_by_label("Your full name").input_value() == ""
    assert not page.errors


def test_with_javascript_off_the_plain_letter_is_there_to_copy(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    pg = context.new_page()
    pg.goto(CAUSE)
    body = pg.locator(".letter pre > code").nth(1).inner_text()
    assert "[Your Full Name]" in body and "Hello Amazon Flex Support," in body
    assert pg.locator(".letter-tools").count() == 0
    context.close()


def test_every_general_letter_has_a_working_builder(page):
    page.goto("letters/")
    letters = page.locator(".letter[data-letter]")
    assert letters.count() >= 6
    for i in range(letters.count()):
        box = letters.nth(i)
        box.get_by_label("Your full name").fill(f"Driver {i}")
        assert f"Driver {i}" in box.locator("pre > code").nth(1).inner_text()


def test_checklist_ticks_work_without_saving_and_are_kept_only_after_opting_in(page):
    page.goto(CAUSE)
    boxes = page.locator("ul.checklist input[type=checkbox]")
    first_label = page.locator("ul.checklist label").first.inner_text().strip()
    page.get_by_label(first_label).check()
    assert boxes.first.is_checked()
    assert page.evaluate("Object.keys(localStorage).filter(k => /flex/.test(k))") == [], "no opt-in, nothing stored"
    page.reload()
    assert not boxes.first.is_checked()
    page.get_by_label("Remember my ticks on this device").check()
    page.get_by_label(first_label).check()
    keys = page.evaluate("Object.keys(localStorage).filter(k => /flex/.test(k))")
    assert keys and not any("not-received" in k or "received" in k for k in keys), f"keys name the reason: {keys}"
    page.reload()
    assert boxes.first.is_checked()
    assert page.get_by_label("Remember my ticks on this device").is_checked()
    page.get_by_role("button", name=re.compile(r"^Clear my ticks")).click()
    assert boxes.first.is_checked(), "clearing asks first"
    page.get_by_role("button", name="Yes, clear my ticks").click()
    assert not boxes.first.is_checked()
    page.reload()
    assert not boxes.first.is_checked()
    page.get_by_label("Remember my ticks on this device").uncheck()
    assert page.evaluate("Object.keys(localStorage).filter(k => /flex/.test(k))") == []
    assert not page.errors


def tab_to(page, pattern: str, limit: int = 200) -> None:
    """Press Tab until the focused element's text matches, as a keyboard-only user would."""
    rx = re.compile(pattern, re.I)
    for _ in range(limit):
        page.keyboard.press("Tab")
        text = page.evaluate("(document.activeElement.innerText || document.activeElement.getAttribute('aria-label') || '') + ' ' + (document.activeElement.labels ? [...document.activeElement.labels].map(l => l.innerText).join(' ') : '')")
        if rx.search(text):
            return
    raise AssertionError(f"could not reach {pattern!r} with the Tab key")


def test_keyboard_only_from_home_to_a_copied_letter_on_a_phone(page):
    page.goto("")
    tab_to(page, r"^list of reasons")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/causes/$"))
    # Wait for the new page's content before tabbing through it.
    page.get_by_role("link", name="Packages marked delivered but not received").first.wait_for()
    tab_to(page, r"Packages marked delivered but not received")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/causes/not-received/$"))
    page.locator(".letter > .letter-tools").first.wait_for()
    page.wait_for_load_state("networkidle")  # every tool script of the page has arrived
    tab_to(page, r"Your full name")
    page.keyboard.type("Alex Kim")
    tab_to(page, r"^Copy letter")
    page.keyboard.press("Enter")
    expect_status(page, "Letter copied")
    assert "My name is Alex Kim." in page.evaluate("navigator.clipboard.readText()")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"the page scrolls sideways at 360 px ({width} px wide)"
    page.screenshot(path=str(SHOTS / "letter-360.png"))  # for a person to look at; not judged


def test_evidence_log_has_a_print_button(page):
    page.goto("evidence-log/")
    # A function body, so that the stub is only assigned here, not called.
    page.evaluate("() => { window.print = () => { window.__printed = true }; }")
    assert page.evaluate("window.__printed === undefined")
    page.get_by_role("button", name="Print this log").click()
    assert page.evaluate("window.__printed === true")


# ---- Optional sentences ----

MARKER = "[Add any sentences below that are true for you]"


def test_a_driver_adds_only_the_sentences_that_are_true_for_them(page):
    from conftest import ROOT
    from macros.data import load

    data = load(ROOT)
    letter = data.cause("not-received").letter
    assert len(letter.statements) >= 2 and MARKER in letter.body
    first, second = letter.statements[0], letter.statements[-1]
    fields = {f.placeholder: f for f in list(data.letter_fields) + list(letter.fields)}
    template = letter.body.strip()

    page.goto(CAUSE)
    group = page.get_by_role("group", name="Sentences to add (only if true for you)")
    boxes = group.get_by_role("checkbox")
    assert boxes.count() == len(letter.statements)
    assert not any(b.is_checked() for b in boxes.all()), "no sentence is added unless the driver ticks it"
    for st in letter.statements:
        assert group.get_by_label(st.label).count() == 1
        assert st.text.strip() in group.inner_text(), "each sentence is shown in full under its box"

    def body() -> str:
        return page.locator(".letter pre > code").nth(1).inner_text().rstrip("\n")

    assert body() == template.replace(MARKER + "\n\n", ""), "nothing ticked: the marker line and its blank line go"

    # A blank only a sentence uses is asked only once that sentence is ticked.
    body_text = letter.subject + letter.body
    only_in = [fields[p] for st in letter.statements for p in re.findall(r"\[([^\[\]]+)\]", st.text)
               if f"[{p}]" not in body_text]
    assert only_in, "the data has a blank used only by a sentence"
    assert page.locator(".letter").get_by_label(only_in[0].label, exact=True).is_hidden()

    # Tick both, then fill every blank the two sentences use, with made-up words.
    group.get_by_label(first.label).check()
    group.get_by_label(second.label).check()
    typed = {}
    for st in (first, second):
        for placeholder in re.findall(r"\[([^\[\]]+)\]", st.text):
            field = fields[placeholder]
            if field.id not in typed:
                typed[field.id] = "2026-11-03" if field.kind == "date" else f"typed {field.id}"
                page.locator(".letter").get_by_label(field.label, exact=True).fill(typed[field.id])
    page.get_by_label("Your full name").fill("Lou Grant")

    def filled(text: str) -> str:
        text = text.replace("[Your Full Name]", "Lou Grant")
        for field_id, value in typed.items():
            field = next(f for f in fields.values() if f.id == field_id)
            text = text.replace(f"[{field.placeholder}]", "November 3, 2026" if field.kind == "date" else value)
        return text

    both = filled(template.replace(MARKER, first.text.strip() + "\n\n" + second.text.strip()))
    assert body() == both
    page.get_by_role("button", name="Copy letter").click()
    expect_status(page, "Letter copied")
    assert page.evaluate("navigator.clipboard.readText()") == both
    group.get_by_label(first.label).uncheck()
    assert body() == filled(template.replace(MARKER, second.text.strip()))
    group.get_by_label(second.label).uncheck()
    assert body() == filled(template.replace(MARKER + "\n\n", ""))
    assert page.locator(".letter-statements-plain").is_hidden(), "the scripts-off copy of the sentences is hidden"
    assert not page.errors
