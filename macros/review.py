"""`make review`: what a maintainer should re-check, read from the data and the pages (not a test).

It prints these lists:
- claims on pages whose label does not fit the kind of a source they cite (the same rule the
  data model applies to data-level labels, see `label_fits`);
- sources whose `checked` date, and cause pages whose `reviewed` date, are more than six months old;
- claims that rest on a single driver's report (one driver-report source and nothing else);
- sources read on a copy, to replace with the original or an archived copy;
- dates named in the pages or the data file's text that are now in the past: first those in a
  sentence that may read as if the date were still ahead ("is due by" must become "was due on"),
  then the rest, by file.

Run: `python -m macros.review [--today YYYY-MM-DD]`. It exits 0 even when it lists things:
the lists are work to do, not failures. A misfit label also fails the build and the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .data import DATA_FILE, Data, label_fits, load
from .render import published_text

STALE_AFTER_DAYS = 183  # about six months

# {{ claim("label", "id", "id2") }} as written in the Markdown pages.
CLAIM = re.compile(r"""claim\(\s*["']([a-z-]+)["']((?:\s*,\s*["'][a-z0-9-]+["'])+)\s*\)""")
IDS = re.compile(r"""["']([a-z0-9-]+)["']""")

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December")
MONTH_NUMBER = {m: i + 1 for i, m in enumerate(MONTHS.split("|"))}
# "2 December 2026", "December 2, 2026", "2026-12-02". A month and year alone ("June 2027") is
# counted as past only once the whole month is over.
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}}) ({MONTHS}),? (\d{{4}})\b")
MONTH_DAY_YEAR = re.compile(rf"\b({MONTHS}) (\d{{1,2}}),? (\d{{4}})\b")
MONTH_YEAR = re.compile(rf"\b({MONTHS}) (\d{{4}})\b")
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True)
class Claim:
    page: str
    line: int
    label: str
    source_ids: tuple[str, ...]


def page_claims(docs_dir: Path) -> list[Claim]:
    claims = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in CLAIM.finditer(line):
                claims.append(Claim(rel, number, m.group(1), tuple(IDS.findall(m.group(2)))))
    return claims


def claim_misfits(data: Data, claims: list[Claim]) -> list[str]:
    """Page claims whose label may not rest on one of their sources (or cite an unknown one)."""
    problems = []
    for c in claims:
        for sid in c.source_ids:
            source = data.sources.get(sid)
            if source is None:
                problems.append(f"docs/{c.page}:{c.line}: unknown source '{sid}'")
            elif not label_fits(c.label, source.kind):
                problems.append(
                    f"docs/{c.page}:{c.line}: label '{c.label}' does not fit source '{sid}' of kind '{source.kind}'"
                )
    return problems


def stale_sources(data: Data, today: dt.date) -> list[str]:
    limit = today - dt.timedelta(days=STALE_AFTER_DAYS)
    return [
        f"{sid}: last checked {s.checked.isoformat()} ({(today - s.checked).days} days ago)"
        for sid, s in sorted(data.sources.items(), key=lambda kv: kv[1].checked)
        if s.checked < limit
    ]


def stale_reviews(data: Data, today: dt.date) -> list[str]:
    limit = today - dt.timedelta(days=STALE_AFTER_DAYS)
    return [f"{c.id}: reviewed {c.reviewed.isoformat()}" for c in data.causes if c.reviewed < limit]


def single_driver_claims(data: Data, claims: list[Claim]) -> list[str]:
    """A claim is only one driver's word when its only source is a driver's report."""
    out = []
    for c in claims:
        if len(c.source_ids) == 1 and (s := data.sources.get(c.source_ids[0])) and s.kind == "driver-report":
            when = published_text(s) or "date unknown"
            out.append(f"docs/{c.page}:{c.line}: {c.label} <- {c.source_ids[0]} (published {when})")
    for key, deadline in data.deadlines.items():
        kinds = {data.sources[s].kind for s in deadline.sources if s in data.sources}
        if len(deadline.sources) == 1 and kinds == {"driver-report"}:
            out.append(f"{DATA_FILE.as_posix()}: deadlines.{key}: {deadline.confidence} <- {deadline.sources[0]}")
    for cause in data.causes:
        srcs = cause.outcome.sources
        if len(srcs) == 1 and srcs[0] in data.sources and data.sources[srcs[0]].kind == "driver-report":
            out.append(f"{DATA_FILE.as_posix()}: causes ({cause.id}) .outcome: {cause.outcome.label} <- {srcs[0]}")
    return out


def _dates_in(line: str) -> list[tuple[str, dt.date]]:
    """Each date named in a line, with the last day it could mean."""
    found: list[tuple[str, dt.date]] = []
    spans: list[tuple[int, int]] = []

    def add(m: re.Match, date: dt.date) -> None:
        if any(a <= m.start() < b for a, b in spans):
            return
        spans.append(m.span())
        found.append((m.group(0), date))

    for m in DAY_MONTH_YEAR.finditer(line):
        add(m, _safe_date(int(m.group(3)), MONTH_NUMBER[m.group(2)], int(m.group(1))))
    for m in MONTH_DAY_YEAR.finditer(line):
        add(m, _safe_date(int(m.group(3)), MONTH_NUMBER[m.group(1)], int(m.group(2))))
    for m in ISO.finditer(line):
        if 1 <= int(m.group(2)) <= 12:
            add(m, _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in MONTH_YEAR.finditer(line):
        year, month = int(m.group(2)), MONTH_NUMBER[m.group(1)]
        last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
        add(m, last)
    return [(text, date) for text, date in found if date != dt.date.min]


def _safe_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date.min


# Words that show a sentence treats its date as still ahead; a past date next to them is a
# sentence that has gone out of date. Other past dates are history and only counted.
FUTURE_WORDS = re.compile(
    r"\b(will|due|until|starts|takes? effect|comes? into force|deadline|last day|not yet|soon)\b", re.I)


def past_dates(docs_dir: Path, data_path: Path, today: dt.date) -> tuple[list[str], list[str]]:
    """Past dates in sentences that read as if the date were still ahead; then the rest, per file."""
    flagged: list[str] = []
    history: dict[str, list[str]] = {}
    files = sorted(docs_dir.rglob("*.md")) + [data_path]
    for path in files:
        shown = f"docs/{path.relative_to(docs_dir).as_posix()}" if path != data_path else DATA_FILE.as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if path == data_path and re.match(r"\s*(checked|published|reviewed|title|url|original):", line):
                continue  # bookkeeping and citation dates: the stale lists cover those
            for text, date in _dates_in(line):
                if date >= today:
                    continue
                if FUTURE_WORDS.search(line):
                    flagged.append(f"{shown}:{number}: {text} is past: {line.strip()[:140]}")
                else:
                    history.setdefault(shown, []).append(f"{text} (line {number})")
    return flagged, [f"{shown}: {'; '.join(items)}" for shown, items in history.items()]


def report(project_dir: Path, today: dt.date) -> str:
    data = load(project_dir)
    docs_dir = project_dir / "docs"
    claims = page_claims(docs_dir)
    misfits = claim_misfits(data, claims)
    stale = stale_sources(data, today)
    single = single_driver_claims(data, claims)
    dates, history = past_dates(docs_dir, project_dir / DATA_FILE, today)
    old_reviews = stale_reviews(data, today)
    copies = [f"{sid}: {s.url} (original: {s.original})" for sid, s in sorted(data.sources.items()) if s.mirror]
    parts = [
        f"Review of {len(data.sources)} sources and {len(claims)} labelled claims on {today.isoformat()}",
        _section("Claims whose label does not fit a source's kind (also a build error)", misfits),
        _section(f"Sources last checked more than {STALE_AFTER_DAYS} days ago", stale),
        _section(f"Cause pages last reviewed more than {STALE_AFTER_DAYS} days ago", old_reviews),
        _section("Claims resting on a single driver's report", single),
        _section("Sources read on a copy (link the original or an archived copy when you find one)", copies),
        _section("Past dates in sentences that may read as if still ahead (check the tense)", dates),
        _section("Other past dates, by file (history; check they are still worded as past)", history),
    ]
    return "\n\n".join(parts) + "\n"


def _section(title: str, lines: list[str], footer: str = "") -> str:
    body = "\n".join(f"  - {line}" for line in lines) if lines else "  (none)"
    return f"{title}: {len(lines)}\n{body}" + (f"\n  {footer}" if footer else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--project", type=Path, default=Path("."))
    args = parser.parse_args()
    print(report(args.project, args.today), end="")


if __name__ == "__main__":
    main()
