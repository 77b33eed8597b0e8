"""Content rules a driver relies on: complete pages, labelled and traceable claims, plain words."""

from __future__ import annotations

import re
import statistics
from html import unescape
from pathlib import Path

import pytest

from conftest import ROOT
from macros.data import LABEL_TEXT, load
from macros.render import day
from readability import page_ease_es, page_grade

DATA = load(ROOT)
SOURCE_URLS = {s.url for s in DATA.sources.values()}
PRIMARY = {"amazon", "law", "government"}


def article(html: str) -> str:
    m = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
    assert m, "page has no article"
    return m.group(1)


def built_pages(site: Path) -> dict[str, str]:
    return {
        str(p.parent.relative_to(site)).replace(".", "") + "/": p.read_text(encoding="utf-8")
        for p in site.rglob("index.html")
        if "assets" not in p.parts and "search" not in p.parts
    }


@pytest.mark.parametrize("cause", DATA.causes, ids=lambda c: c.id)
def test_each_cause_meets_the_minimums(cause, site):
    assert len(cause.checklist) >= 4 and len(cause.evidence) >= 3 and len(cause.mistakes) >= 2
    assert cause.letter.body and cause.reviewed
    words = len(cause.letter.body.split())
    assert words < 250, f"letter is {words} words; keep it under about 250"
    body = cause.letter.body.lower()
    assert re.search(r"review|a person", body), "the letter asks for a human review"
    assert "record" in body, "the letter asks for the records behind the decision"
    html = article((site / "causes" / cause.id / "index.html").read_text())
    assert any(f">{words}</strong>" in html for words in LABEL_TEXT.values()), "no labelled claim on the page"
    cites = " ".join(re.findall(r'<span class="cite">(.*?)</span>', html, re.S))
    cited = {unescape(u) for u in re.findall(r'href="([^"]+)"', cites)}
    if not {s.kind for s in DATA.sources.values() if s.url in cited} & PRIMARY:
        text = unescape(re.sub(r"<[^>]+>", " ", html))
        assert re.search(r"found no (Amazon|law|government)|no Amazon page|no law", text, re.I), (
            "a cause with no Amazon, law or government source must say so plainly")
    assert f"Last reviewed: {day(cause.reviewed)}" in html


def test_general_letters_are_short_and_ask_for_review_or_records():
    for letter in DATA.letters:
        assert len(letter.body.split()) < 250, letter.id
        assert re.search(r"review|record|dispute|complaint", letter.body, re.I), letter.id


def test_no_page_is_a_draft(site):
    # The markers in capitals only: "todo" is an everyday Spanish word.
    markers = re.compile(r"(?i:being written|lorem ipsum|\[draft\])|\bTODO\b|\bTBD\b|\bFIXME\b")
    drafts = [url for url, html in built_pages(site).items() if markers.search(article(html))]
    assert not drafts, drafts


def test_every_outside_link_in_a_page_is_a_listed_source(site):
    """Every fact traces to the data's source list: pages never link outside it by hand."""
    strays = []
    for url, html in built_pages(site).items():
        for href in re.findall(r'href="(https?://[^"]+)"', article(html)):
            if unescape(href) not in SOURCE_URLS:
                strays.append(f"{url}: {href}")
    assert not strays, strays


def test_every_listed_source_is_cited_somewhere(site):
    cited = set()
    for html in built_pages(site).values():
        body = article(html)
        if "All sources" in body:  # the about page lists every source; it does not count as a citation
            body = body.split("All sources")[0]
        cited |= {unescape(h) for h in re.findall(r'href="(https?://[^"]+)"', body)}
    unused = sorted(set(SOURCE_URLS) - cited)
    print(f"\nsources: {len(SOURCE_URLS)} listed, {len(SOURCE_URLS) - len(unused)} cited on a page")
    assert len(unused) <= len(SOURCE_URLS) // 2, unused


def test_reading_grade(site):
    grades = {url: page_grade(html) for url, html in built_pages(site).items()
              if url not in ("404/",) and not url.startswith("es/")}
    median = statistics.median(grades.values())
    worst = max(grades, key=grades.get)
    print(f"\nreading grade (Flesch-Kincaid): median {median:.1f}, highest {grades[worst]:.1f} ({worst}), "
          f"{len(grades)} pages")
    # A stressed reader on a phone: most pages at grade 6 or below, none above 8.
    assert min(grades.values()) > 0, "a page with no prose counted: is the page reader broken?"
    assert median <= 6, grades
    assert grades[worst] <= 8, {u: g for u, g in grades.items() if g > 8}


def test_reading_ease_in_spanish(site):
    ease = {url: page_ease_es(html) for url, html in built_pages(site).items() if url.startswith("es/")}
    assert len(ease) >= 31
    median = statistics.median(ease.values())
    hardest = min(ease, key=ease.get)
    print(f"\nreading ease in Spanish (Fernandez-Huerta): median {median:.1f}, lowest {ease[hardest]:.1f} "
          f"({hardest}), {len(ease)} pages")
    # 70 and up reads as easy; 60-70 as fairly easy. Most pages easy, none harder than fairly easy.
    assert max(ease.values()) < 121, "a page with no prose counted: is the page reader broken?"
    assert median >= 70, ease
    assert ease[hardest] >= 60, {u: e for u, e in ease.items() if e < 60}


def test_issue_forms_ask_for_a_checkable_report_and_warn_about_private_details():
    """A driver reporting a mistake or their own case gets a form, never a blank public issue."""
    import yaml

    forms = ROOT / ".github" / "ISSUE_TEMPLATE"
    assert yaml.safe_load((forms / "config.yml").read_text())["blank_issues_enabled"] is False

    def fields(name: str) -> tuple[dict[str, dict], str]:
        body = yaml.safe_load((forms / name).read_text())["body"]
        return {item["id"]: item for item in body if "id" in item}, " ".join(
            item["attributes"].get("value", "") for item in body if item["type"] == "markdown")

    correction, warning = fields("correction.yml")
    assert {"page", "wrong", "source"} <= {k for k, v in correction.items() if v["validations"]["required"]}
    assert re.search(r"do not post .*email.*phone", warning, re.I | re.S)

    report, warning = fields("driver-report.yml")
    required = {k for k, v in report.items() if v.get("validations", {}).get("required")}
    assert {"reason", "deactivated", "dates", "outcome"} <= required
    assert re.search(r"do not post .*email.*phone.*social security", warning, re.I | re.S)
    assert report["private"]["attributes"]["options"][0]["required"] is True
