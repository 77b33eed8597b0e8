"""The source policy: a label must fit the kind of its source, and every source says how fresh it is.

A driver reads "Amazon says" or "The law says" as a promise about where a sentence comes from.
These tests break the fixture data one way at a time and check that the build stops, naming the
file, the entry and the field; then they check the real pages and the `make review` report.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from macros.data import DataError, LABELS_FOR_KIND, SourceKind, label_fits, load
from macros.render import published_text
from macros.review import claim_misfits, page_claims, report
from test_data_contract import build_fails_with, edit_data, fixture_copy

FUTURE = (dt.date.today() + dt.timedelta(days=30)).isoformat()

# Each bad case: how to break the fixture data, and the message the build must print.
BAD_SOURCES = {
    "deadline label that does not fit its source": (
        lambda d: d["deadlines"]["appeal"].update(confidence="law-says"),
        "data/deactivation.yml: deadlines.appeal .sources[0]: label 'law-says' does not fit source 'forum-one'"
        " of kind 'driver-report'",
    ),
    "cause outcome label that does not fit its source": (
        lambda d: d["causes"][0]["outcome"].update(label="amazon-says"),
        "data/deactivation.yml: causes[0] (alpha) .outcome.sources[0]: label 'amazon-says' does not fit source"
        " 'forum-one' of kind 'driver-report'",
    ),
    "source without checked": (
        lambda d: d["sources"]["law-one"].pop("checked"),
        "data/deactivation.yml: sources.law-one .checked: Field required",
    ),
    "news source without published": (
        lambda d: d["sources"]["law-one"].update(kind="news"),
        "data/deactivation.yml: sources.law-one: `published` is required for a source of kind 'news'",
    ),
    "driver report without published": (
        lambda d: d["sources"]["forum-one"].pop("published"),
        "data/deactivation.yml: sources.forum-one: `published` is required for a source of kind"
        " 'driver-report'",
    ),
    "checked in the future": (
        lambda d: d["sources"]["law-one"].update(checked=FUTURE),
        f"data/deactivation.yml: sources.law-one .checked: date {FUTURE} is in the future",
    ),
    "published in the future": (
        lambda d: d["sources"]["forum-one"].update(published=FUTURE),
        f"data/deactivation.yml: sources.forum-one .published: {FUTURE} is in the future",
    ),
    "mirror that does not name its original": (
        lambda d: d["sources"]["law-one"].update(mirror=True),
        "data/deactivation.yml: sources.law-one: `mirror: true` needs `original`",
    ),
}


@pytest.mark.parametrize("case", BAD_SOURCES)
def test_a_source_that_breaks_the_policy_stops_the_build(case, tmp_path):
    change, expected = BAD_SOURCES[case]
    project = fixture_copy(tmp_path)
    edit_data(project, change)
    build_fails_with(project, tmp_path, expected)


def test_the_policy_table_matches_the_brief():
    """Amazon says: Amazon or a news outlet quoting it; The law says: law or its agency; and so on."""
    assert {k: set(v) for k, v in LABELS_FOR_KIND.items()} == {
        "amazon-says": {"amazon", "news"},
        "law-says": {"law", "government"},
        "drivers-report": {"driver-report", "news"},
        "others-report": {"news", "advocate", "government"},
    }
    kinds = set(SourceKind.__args__)
    assert not label_fits("law-says", "advocate") and not label_fits("amazon-says", "driver-report")
    assert not label_fits("no-such-label", "law")
    assert all(set(v) <= kinds for v in LABELS_FOR_KIND.values())


def test_a_partial_publication_date_is_shown_no_more_precisely_than_known(tmp_path):
    project = fixture_copy(tmp_path)
    edit_data(project, lambda d: d["sources"]["forum-one"].update(published="2021-06"))
    assert published_text(load(project).sources["forum-one"]) == "June 2021"
    edit_data(project, lambda d: d["sources"]["forum-one"].update(published=2018))
    assert published_text(load(project).sources["forum-one"]) == "2018"
    edit_data(project, lambda d: d["sources"]["forum-one"].update(published="2021-13"))
    with pytest.raises(DataError, match=r"sources.forum-one .published"):
        load(project)


def test_every_claim_on_the_real_pages_fits_its_sources():
    data = load(ROOT)
    claims = page_claims(ROOT / "docs")
    assert len(claims) > 100, "the scanner found too few claims; is the pattern broken?"
    assert claim_misfits(data, claims) == []


def test_the_claim_scanner_finds_a_misfit_and_an_unknown_source(tmp_path):
    project = fixture_copy(tmp_path)
    (project / "docs" / "index.md").write_text(
        '# Home\n\n{{ claim("law-says", "forum-one") }}: a forum post.\n'
        '{{ claim("others-report", "law-one", "nowhere") }}: two sources.\n'
    )
    problems = claim_misfits(load(project), page_claims(project / "docs"))
    assert problems == [
        "docs/index.md:3: label 'law-says' does not fit source 'forum-one' of kind 'driver-report'",
        "docs/index.md:4: label 'others-report' does not fit source 'law-one' of kind 'law'",
        "docs/index.md:4: unknown source 'nowhere'",
    ]


def test_no_source_is_a_known_content_farm_or_a_listing_page():
    """The outside audit named these; they must not come back."""
    data = load(ROOT)
    banned_hosts = ("terms.law", "lushdollar.com", "namegenerator.biz", "climbtheladder.com", "segwayhardwood.com",
                    "trueviralnews.com", "worldofsoftware.org", "jobadvisor.link", "legalclarity.org")
    for sid, s in data.sources.items():
        assert not any(h in s.url for h in banned_hosts), f"{sid}: {s.url}"
        assert not s.url.rstrip("/").endswith(("reddit.com/r/AmazonFlexDrivers", "/new", "uberpeople.com")), sid
        if s.mirror:
            assert s.original, sid
        if s.kind in ("news", "driver-report"):
            assert s.published is not None, sid


def test_review_report_lists_stale_sources_single_driver_claims_and_past_dates(tmp_path):
    project = fixture_copy(tmp_path)
    (project / "docs" / "index.md").write_text(
        "# Home\n\n"
        '{{ claim("drivers-report", "forum-one") }}: one driver says so.\n'
        "The new rules are due by 2 December 2026.\n"
    )
    text = report(project, dt.date(2027, 6, 1))
    assert "Sources last checked more than 183 days ago: 2" in text
    assert "law-one: last checked 2026-11-26" in text
    assert "Claims resting on a single driver's report: 6" in text  # three pages, the deadline, two outcomes
    assert "docs/index.md:3: drivers-report <- forum-one (published June 1, 2025)" in text
    assert "docs/index.md:4: 2 December 2026 is past" in text
    # On the day before, nothing is stale and the date is still ahead.
    early = report(project, dt.date(2026, 12, 1))
    assert "Sources last checked more than 183 days ago: 0" in early
    assert "2 December 2026 is past" not in early


def test_make_review_runs_on_the_real_data():
    result = subprocess.run(
        [sys.executable, "-m", "macros.review"], cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for heading in ("Claims whose label does not fit", "Sources last checked more than",
                    "Claims resting on a single driver's report", "Past dates in sentences"):
        assert heading in result.stdout
    assert "does not fit a source's kind (also a build error): 0" in result.stdout
    assert (ROOT / "Makefile").read_text().count("macros.review") == 1
