"""Driver journeys through the real site in Chromium at 360x740: links are clicked, every
page is a full page load (the theme's instant navigation is off, mkdocs.yml says why), links
to a place on the same page leave what was typed alone, and Back from another page brings a
typed letter back as it was. Any page error fails the journey."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import ROOT, left_and_back

NOT_RECEIVED_NOTICE = (
    "Your Amazon Flex account has been deactivated. Several customers reported that they did not receive "
    "packages you marked as delivered, and we could not confirm these deliveries."
)
def page_errors(pg) -> list[str]:
    """Every error on the page."""
    return list(pg.errors)


@pytest.fixture
def ipage(page):
    """The shared phone-sized page."""
    return page


def mark_article(pg) -> None:
    pg.evaluate("document.querySelector('article').dataset.probe = '1'; window.__sameDocument = true")


def same_document(pg) -> bool:
    """The page was not loaded again since `mark_article`, nor its article re-rendered."""
    return pg.evaluate("window.__sameDocument === true && document.querySelector('article').dataset.probe === '1'")


def same_page_links(pg) -> list[str]:
    """Links in the article to a place on this same page, as the driver sees them."""
    return pg.evaluate("""() => [...document.querySelectorAll('article a[href]')]
        .filter(a => a.hash && a.pathname === location.pathname && a.offsetParent !== null
                     && !a.closest('.headerlink') && !a.classList.contains('headerlink'))
        .map(a => a.hash)""")


def toc_links(pg) -> list[str]:
    return pg.evaluate("""() => [...document.querySelectorAll('.md-sidebar--primary nav.md-nav--secondary a[href]')]
        .filter(a => a.hash && a.pathname === location.pathname).map(a => a.hash)""")


def open_toc(pg) -> None:
    """On a phone the table of contents sits in the menu: open the menu, then the contents."""
    if not pg.evaluate("document.getElementById('__drawer').checked"):
        pg.locator('label.md-header__button[for="__drawer"]').click()
    if not pg.evaluate("document.getElementById('__toc').checked"):
        pg.locator('.md-sidebar--primary label.md-nav__link[for="__toc"]').first.click()
    pg.wait_for_timeout(250)  # the menu slides in


def builder_works(pg, box_index: int = 0, words: str = "Driver Test") -> None:
    box = pg.locator(".letter[data-letter]").nth(box_index)
    assert box.locator(".letter-tools").count() == 1, "the builder is there, once"
    name = box.get_by_label("Your full name")
    name.fill(words)
    assert f"{words}" in box.locator("pre > code").nth(1).inner_text(), "filling a field changes the letter"
    assert "[Your Full Name]" not in box.locator("pre > code").nth(1).inner_text()


CAUSE_PAGES = sorted(p.stem for p in (ROOT / "docs" / "causes").glob("*.md") if p.stem != "index" and "." not in p.stem)


@pytest.mark.parametrize("path", [f"causes/{c}/" for c in CAUSE_PAGES] + ["letters/"])
def test_every_same_page_link_keeps_every_letter_builder(ipage, path):
    ipage.goto(path)
    ipage.locator(".letter-tools").first.wait_for()
    boxes = ipage.locator(".letter[data-letter]").count()
    assert boxes >= 1
    ipage.locator(".letter[data-letter]").first.get_by_label("Your full name").fill("Kept Across")
    steps = ipage.locator("ul.checklist input[type=checkbox]")
    if steps.count():
        ipage.locator("ul.checklist label").first.click()
    links = [("article", h) for h in same_page_links(ipage)]
    if not links:  # /letters/ has no links in its text: its table of contents is the way round it
        links = [("toc", h) for h in toc_links(ipage)]
    assert links, f"{path} has no same-page links to follow"
    mark_article(ipage)
    for i, (where, target) in enumerate(links):
        if where == "toc":
            open_toc(ipage)
            # A keyboard user's Enter: the menu scrolls by itself, past what a pointer can reach.
            ipage.locator(f'.md-sidebar--primary nav.md-nav--secondary a[href$="{target}"]').first.focus()
            ipage.keyboard.press("Enter")
        else:
            link = ipage.locator(f'article a[href$="{target}"]:visible').first
            link.scroll_into_view_if_needed()
            link.click()
        ipage.wait_for_function("h => location.hash === h", arg=target)
        ipage.locator(".letter-tools").first.wait_for()
        assert same_document(ipage), f"{target}: a link to a place on this page loaded or re-rendered it"
        # The letters page builds its builders one per task (no long task): wait up to 5 s for all.
        try:
            ipage.wait_for_function("n => document.querySelectorAll('.letter-tools').length === n", arg=boxes, timeout=5000)
        except Exception:
            pass
        assert ipage.locator(".letter-tools").count() == boxes, f"after {target}: every letter form is still there"
        if i == 0:
            first = ipage.locator(".letter[data-letter]").first
            assert first.get_by_label("Your full name").input_value() == "Kept Across", "typed text survives"
        if steps.count():
            assert steps.first.is_checked(), f"after {target}: the ticked step is still ticked"
            assert ipage.get_by_role("button", name=re.compile("^Clear my ticks")).count() == 1, "built once"
    for i in range(boxes):
        builder_works(ipage, i, f"Driver {i}")
    assert page_errors(ipage) == []


def test_back_from_another_page_brings_back_the_typed_letter_and_ticks(back_cache_phone):
    """Every page is a full page load, so a driver who follows a link mid-letter and presses
    Back relies on the phone's browser keeping the page whole (nothing on it may stop that,
    such as an unload handler): the typed name, the letter and the ticked step are all there,
    and nothing was stored on the device to bring them back."""
    pg = back_cache_phone
    pg.goto("causes/not-received/")
    pg.get_by_label("Your full name").fill("Sam Back")
    pg.locator("ul.checklist label").first.click()
    pg.evaluate("window.__typedHere = true")
    link = pg.locator("article a[href$='/evidence-log/']").first
    link.scroll_into_view_if_needed()
    left_and_back(pg, link, "**/evidence-log/")
    assert pg.url.endswith("/causes/not-received/")
    assert pg.evaluate("window.__typedHere === true"), "Back loaded the page again: what was typed there is gone"
    assert pg.get_by_label("Your full name").input_value() == "Sam Back"
    assert "Sam Back" in pg.locator(".letter[data-letter] pre > code").nth(1).inner_text()
    assert pg.locator("ul.checklist input[type=checkbox]").first.is_checked()
    assert pg.evaluate("Object.keys(localStorage).filter(k => /flex/.test(k))") == [], "nothing stored without opt-in"
    assert not pg.errors, pg.errors


def cause_windows(cause_id: str) -> list[dict]:
    from macros.data import load

    data = load(ROOT)
    cause = data.cause(cause_id)
    return [{"id": k, "label": data.deadlines[k].label, "days": data.deadlines[k].days,
             "counting": data.deadlines[k].counting}
            for k in cause.deadlines if data.deadlines[k].starts == "notice"]


MARKER = "[Add any sentences below that are true for you]"


def expected_letter(cause_id: str, values: dict[str, str], ticked: list[str]) -> str:
    """The letter as the data writes it: the ticked sentences at the marker, blanks filled."""
    from macros.data import load

    data = load(ROOT)
    letter = data.cause(cause_id).letter
    body = letter.body.strip()
    chosen = [st.text.strip() for st in letter.statements if st.id in ticked]
    body = body.replace(MARKER, "\n\n".join(chosen)) if chosen else body.replace(MARKER + "\n\n", "")
    for field in list(data.letter_fields) + list(letter.fields):
        if field.id in values:
            body = body.replace(f"[{field.placeholder}]", values[field.id])
    return body


def status(pg):
    return pg.locator(".letter .letter-status").first


def test_journey_pasted_notice_to_copied_letter_and_send_by_date(ipage):
    ipage.goto("find-your-reason/")
    ipage.get_by_label("Paste your notice, or type a few words about what happened").fill(NOT_RECEIVED_NOTICE)
    ipage.get_by_role("button", name="Find my reason").click()
    top = ipage.locator("#finder-results li").first
    top.wait_for()
    top.get_by_role("link").click()
    ipage.wait_for_url(re.compile(r"/causes/not-received/$"))
    ipage.locator(".letter-tools").wait_for()

    # Tick the first step, without opting in to saving.
    step = ipage.locator("ul.checklist input[type=checkbox]").first
    ipage.locator("ul.checklist label").first.click()
    assert step.is_checked()
    assert not ipage.get_by_label("Remember my ticks on this device").is_checked()

    # The send-by date waits for the notice date.
    send_by = ipage.locator(".send-by")
    assert send_by.get_attribute("aria-live") == "polite"
    assert "Type the date on your notice" in send_by.inner_text()

    ipage.get_by_label("Your full name").fill("Maria Lopez")
    ipage.get_by_label("The date on your notice").fill("2026-11-20")
    ipage.get_by_role("button", name="Copy letter").click()
    status(ipage).filter(has_text="Letter copied").wait_for()
    assert "still in [brackets]" in status(ipage).inner_text(), "blanks left are named before sending"

    values = {"name": "Maria Lopez", "email": "maria@example.com", "phone": "555-0100",
              "notice-date": "November 20, 2026", "block-dates": "November 3 and 4, 2026",
              "notice-words": "Several customers reported that they did not receive packages.",
              "where-left": "the front porch", "attached": "4 delivery photos"}
    ipage.get_by_label("The email on your Flex account").fill(values["email"])
    ipage.get_by_label("Your phone number").fill(values["phone"])
    ipage.get_by_label("The block dates in question").fill(values["block-dates"])
    ipage.get_by_label("The words in your notice").fill(values["notice-words"])
    # Two sentences that are true for this driver, and the details they need.
    ipage.get_by_label("I remember where I left the packages").check()
    ipage.get_by_label("Where you left the packages").fill(values["where-left"])
    ipage.get_by_label("I am sending proof with this letter").check()
    ipage.get_by_label("What you attached").fill(values["attached"])
    ipage.get_by_role("button", name="Copy letter").click()
    status(ipage).filter(has_text="Letter copied").wait_for()
    ipage.wait_for_timeout(100)
    assert "brackets" not in status(ipage).inner_text()
    copied = ipage.evaluate("navigator.clipboard.readText()")
    assert copied == expected_letter("not-received", values, ["where-left", "attached"])
    assert "[" not in copied and "delivery photo at these stops" not in copied, "unticked sentences stay out"

    # Typed once, in the letter: the send-by date shows on the same page.
    windows = cause_windows("not-received")
    shortest = min(windows, key=lambda w: w["days"])
    assert shortest["counting"] == "calendar"
    due = dt.date(2026, 11, 20) + dt.timedelta(days=shortest["days"])
    send_by.filter(has_text=f"{due:%B} {due.day}, {due.year}").wait_for()
    assert shortest["label"] in send_by.inner_text()
    assert step.is_checked(), "the tick is still there"
    assert page_errors(ipage) == []


def test_journey_no_reason_given_letter_then_what_happens_next(ipage):
    ipage.goto("causes/no-reason-given/")
    ipage.get_by_role("link", name="Copy the sample letter").click()
    ipage.wait_for_function("location.hash === '#sample-appeal-letter'")
    builder_works(ipage)
    # The "What next" section near the end of the page (only Sources follows it).
    last = ipage.locator('article h2:text-matches("^what next", "i") + *')
    after = last.get_by_role("link", name=re.compile("after you send", re.I))
    assert after.count() >= 1, "'What next' links to what happens after you send the letter"
    after.first.click()
    ipage.wait_for_url(re.compile(r"/appeal/after/$"))
    ipage.go_back()
    ipage.wait_for_url(re.compile(r"/causes/no-reason-given/"))
    ipage.locator(".letter-tools").wait_for()
    turned_down = last.get_by_role("link", name=re.compile("turned down", re.I))
    assert turned_down.count() >= 1, "'What next' links to what to do if the appeal is turned down"
    turned_down.first.click()
    ipage.wait_for_url(re.compile(r"/appeal/escalate/$"))
    assert page_errors(ipage) == []


def test_on_a_phone_each_cause_page_starts_with_an_action_in_the_first_screen(ipage):
    """A driver who opens a reason sees something to do (the "do these now" box) before
    scrolling: its first link starts within 740 px below the header, and the steps, letter
    and deadline follow before the background."""
    late = []
    for cause_id in [f"{edition}causes/{c}" for edition in ("", "es/") for c in CAUSE_PAGES]:
        ipage.goto(f"{cause_id}/")
        header = ipage.locator("header.md-header").bounding_box()
        first = ipage.locator("article a[href*='#'], article button, article input").first
        box = first.bounding_box()
        if box is None or box["y"] - (header["y"] + header["height"]) > 740:
            late.append((cause_id, box and round(box["y"])))
        order = ipage.evaluate("[...document.querySelectorAll('article h2')].map(h => h.id)")
        assert order.index("what-to-do-first") < order.index("what-does-this-mean"), cause_id
        assert order.index("sample-appeal-letter") < order.index("what-does-this-mean"), cause_id
        assert order.index("deadlines") < order.index("what-does-this-mean"), cause_id
    assert not late, f"first action below the first phone screen: {late}"
    assert not page_errors(ipage)
