"""Load and validate `data/deactivation.yml`, the one file where every repeated fact lives.

The rest of the code works with the typed models defined here, never with raw dicts.
Every problem is reported as `file: entry .field: what is wrong`, so a maintainer can go
straight to the line that needs fixing, and the build stops instead of publishing a hole.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator, model_validator

DATA_FILE = Path("data") / "deactivation.yml"

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$")]

# How sure a claim is; shown on the site as the visible label.
Label = Literal["amazon-says", "law-says", "drivers-report", "others-report"]
LABEL_TEXT: dict[str, str] = {
    "amazon-says": "Amazon says",
    "law-says": "The law says",
    "drivers-report": "Drivers report",
    "others-report": "Others report",
}
SourceKind = Literal["amazon", "law", "government", "news", "advocate", "driver-report"]
KIND_TEXT: dict[str, str] = {
    "amazon": "Amazon page",
    "news": "News report",
    "law": "Law or court ruling",
    "government": "Government page",
    "advocate": "Lawyer, advocate or guide",
    "driver-report": "Driver report",
}
# The label a claim may carry follows from the kind of its source (the source policy, which
# docs/about.md explains to readers).
# "amazon-says" may rest on a news report only when that report quotes Amazon; no code can check
# that, so a reviewer must (the source's title or note should name what it quotes).
LABELS_FOR_KIND: dict[str, frozenset[str]] = {
    "amazon-says": frozenset({"amazon", "news"}),
    "law-says": frozenset({"law", "government"}),
    "drivers-report": frozenset({"driver-report", "news"}),
    "others-report": frozenset({"news", "advocate", "government"}),
}
# Kinds whose date of publication tells a reader how old the report is.
DATED_KINDS = frozenset({"news", "driver-report"})
Category = Literal["standing", "delivery", "background", "identity", "account", "conduct", "documents", "other"]
CATEGORY_TEXT: dict[str, str] = {
    "standing": "Standing and reliability",
    "delivery": "Deliveries and returns",
    "background": "Background checks",
    "identity": "Identity and account use",
    "account": "Apps, bots and location",
    "conduct": "Conduct and safety",
    "documents": "Documents and activity",
    "other": "No clear reason",
}
Outcome = Literal["temporary", "permanent", "unclear"]
PLACEHOLDER = re.compile(r"\[([^\[\]\n]+)\]")


class Model(BaseModel):
    # A typo in a field name must fail, not be silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


# A publication date may be known only to the month ("2021-06") or the year (2018).
Year = Annotated[int, Field(ge=1990, le=2100)]
YearMonth = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]


def _period_start(value: dt.date | str | int) -> dt.date:
    """The first day a full or partial date could mean (a year counts from 1 January)."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int):
        return dt.date(value, 1, 1)
    year, month = value.split("-")
    return dt.date(int(year), int(month), 1)


class Source(Model):
    """Where a claim comes from. `kind` decides which label a claim resting on it may carry."""

    title: Text
    url: Url
    kind: SourceKind
    checked: dt.date  # the day someone last read the page and saw it still says what we cite
    # When it was published: a full date, or "2021-06" or 2018 when only that much is known
    # (never a guessed day). Required for news and driver reports.
    published: dt.date | YearMonth | Year | None = None
    note: Text | None = None
    # The url is a mirror, repost or copy, not the original publisher's page: `original` names the
    # original (outlet, title, date) so a reader can find it; `kind` is the original's kind.
    mirror: bool = False
    original: Text | None = None

    @field_validator("checked")
    @classmethod
    def _checked_not_future(cls, value: dt.date) -> dt.date:
        if value > dt.date.today():
            raise ValueError(f"{value} is in the future; write the day the source was last read")
        return value

    @field_validator("published")
    @classmethod
    def _published_not_future(cls, value: dt.date | str | int | None) -> dt.date | str | int | None:
        if value is not None and _period_start(value) > dt.date.today():
            raise ValueError(f"{value} is in the future")
        return value

    @model_validator(mode="after")
    def _policy(self) -> "Source":
        if self.kind in DATED_KINDS and self.published is None:
            raise ValueError(
                f"`published` is required for a source of kind '{self.kind}' (a date, YYYY-MM or a year)"
            )
        if self.mirror and self.original is None:
            raise ValueError("`mirror: true` needs `original`: the original outlet, title and date")
        if self.original is not None and not self.mirror:
            raise ValueError("`original` is only for mirrors: add `mirror: true`, or drop `original`")
        return self

    def published_start(self) -> dt.date:
        """The first day the publication date could be."""
        if self.published is None:
            raise ValueError("no publication date")
        return _period_start(self.published)

    def published_text(self) -> str | None:
        """'9 February 2020', 'June 2021' or '2018', as precise as the data is."""
        value = self.published
        if value is None:
            return None
        if isinstance(value, dt.date):
            return f"{value.day} {value:%B %Y}"
        if isinstance(value, int):
            return str(value)
        return f"{self.published_start():%B %Y}"


class Event(Model):
    """Something that starts a clock, e.g. the date on the deactivation notice."""

    label: Text
    ask: Text  # the question the deadline calculator asks for this date


class Deadline(Model):
    label: Text
    days: int = Field(gt=0, le=400)
    counting: Literal["calendar", "business"]
    starts: Slug  # an id in `events`
    confidence: Label
    sources: list[Slug] = Field(min_length=1)
    note: Text
    where: list[Slug] = []  # ids in `places`; empty means wherever you deliver


class Place(Model):
    label: Text


class LetterField(Model):
    """A blank the driver fills in; `placeholder` is the text between the brackets."""

    id: Slug
    label: Text
    placeholder: Text
    hint: Text | None = None
    kind: Literal["text", "date", "email", "textarea"] = "text"


class Letter(Model):
    subject: Text
    body: Text
    fields: list[LetterField] = []


class CauseOutcome(Model):
    typical: Outcome
    label: Label
    sources: list[Slug] = Field(min_length=1)
    note: Text


class Cause(Model):
    id: Slug
    title: Text
    aliases: list[Text] = Field(min_length=1)
    summary: Text
    category: Category
    outcome: CauseOutcome
    checklist: list[Text] = Field(min_length=4)
    evidence: list[Text] = Field(min_length=3)
    mistakes: list[Text] = Field(min_length=2)
    letter: Letter
    deadlines: list[Slug] = []
    sources: list[Slug] = Field(min_length=1)
    related: list[Slug] = []
    reviewed: dt.date


class GeneralLetter(Letter):
    id: Slug
    title: Text
    use_when: Text
    label: Label
    steps: list[Text] = Field(min_length=2)
    sources: list[Slug] = Field(min_length=1)


class Data(Model):
    sources: dict[Slug, Source]
    events: dict[Slug, Event]
    places: dict[Slug, Place]
    deadlines: dict[Slug, Deadline]
    letter_fields: list[LetterField] = Field(min_length=1)
    letter_steps: list[Text] = Field(min_length=2)
    causes: list[Cause] = Field(min_length=1)
    letters: list[GeneralLetter] = []

    def cause(self, cause_id: str) -> Cause:
        for cause in self.causes:
            if cause.id == cause_id:
                return cause
        raise KeyError(f"no cause with id '{cause_id}' in {DATA_FILE}")

    def letter(self, letter_id: str) -> GeneralLetter:
        for letter in self.letters:
            if letter.id == letter_id:
                return letter
        raise KeyError(f"no letter with id '{letter_id}' in {DATA_FILE}")


class DataError(Exception):
    """Bad or missing data. The message names the file, the entry and the field."""


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys; a duplicate source id must fail instead."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}'", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path, shown: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{shown}: file not found (expected at {path})") from None
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(err, "problem", None) or str(err)
        raise DataError(f"{shown}:{where}: invalid YAML: {problem}") from None


def _entry(raw: Any, loc: tuple[Any, ...]) -> str:
    """Turn a pydantic location into `causes[3] (not-received) .sources[1]`."""
    head = ""
    rest = list(loc)
    if rest and rest[0] in ("causes", "letters") and len(rest) > 1 and isinstance(rest[1], int):
        index = rest[1]
        head = f"{rest[0]}[{index}]"
        try:
            entry_id = raw[rest[0]][index].get("id")
        except (KeyError, IndexError, TypeError, AttributeError):
            entry_id = None
        if entry_id:
            head += f" ({entry_id})"
        rest = rest[2:]
    elif rest and rest[0] in ("sources", "deadlines", "events", "places") and len(rest) > 1:
        head = f"{rest[0]}.{rest[1]}"
        rest = rest[2:]
    elif rest:
        head = str(rest[0])
        rest = rest[1:]
    field = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in rest)
    return f"{head} {field}".rstrip() if field else head


def _check_references(data: Data) -> list[str]:
    """Ids that point at nothing: each is a hole in a published page."""
    problems: list[str] = []

    def need(ids: list[str], known: dict | set, what: str, where: str, field: str) -> None:
        for i, ref in enumerate(ids):
            if ref not in known:
                problems.append(f"{where} .{field}[{i}]: unknown {what} '{ref}'")

    cause_ids: set[str] = set()
    for i, cause in enumerate(data.causes):
        where = f"causes[{i}] ({cause.id})"
        if cause.id in cause_ids:
            problems.append(f"{where} .id: duplicate cause id '{cause.id}'")
        cause_ids.add(cause.id)
    for i, cause in enumerate(data.causes):
        where = f"causes[{i}] ({cause.id})"
        need(cause.sources, data.sources, "source", where, "sources")
        need(cause.outcome.sources, data.sources, "source", where, "outcome.sources")
        need(cause.deadlines, data.deadlines, "deadline", where, "deadlines")
        need(cause.related, cause_ids, "cause", where, "related")
        if cause.id in cause.related:
            problems.append(f"{where} .related: a cause cannot be related to itself")
        problems += _check_letter(data, cause.letter, where, "letter")
    letter_ids: set[str] = set()
    for i, letter in enumerate(data.letters):
        where = f"letters[{i}] ({letter.id})"
        if letter.id in letter_ids:
            problems.append(f"{where} .id: duplicate letter id '{letter.id}'")
        letter_ids.add(letter.id)
        need(letter.sources, data.sources, "source", where, "sources")
        problems += _check_letter(data, letter, where, "")
    for key, deadline in data.deadlines.items():
        where = f"deadlines.{key}"
        need(deadline.sources, data.sources, "source", where, "sources")
        need(deadline.where, data.places, "place", where, "where")
        if deadline.starts not in data.events:
            problems.append(f"{where} .starts: unknown event '{deadline.starts}'")
    problems += _check_labels(data)
    return problems


def label_fits(label: str, kind: str) -> bool:
    """May a claim labelled `label` rest on a source of this `kind`? (LABELS_FOR_KIND)"""
    return kind in LABELS_FOR_KIND.get(label, frozenset())


def _check_labels(data: Data) -> list[str]:
    """Each data-level label must fit the kind of every source it rests on."""
    problems: list[str] = []

    def fits(label: str, ids: list[str], where: str, field: str) -> None:
        for i, ref in enumerate(ids):
            source = data.sources.get(ref)
            if source is not None and not label_fits(label, source.kind):
                problems.append(
                    f"{where} .{field}[{i}]: label '{label}' does not fit source '{ref}' of kind '{source.kind}'"
                    f" (allowed kinds: {', '.join(sorted(LABELS_FOR_KIND[label]))})"
                )

    for key, deadline in data.deadlines.items():
        fits(deadline.confidence, deadline.sources, f"deadlines.{key}", "sources")
    for i, cause in enumerate(data.causes):
        fits(cause.outcome.label, cause.outcome.sources, f"causes[{i}] ({cause.id})", "outcome.sources")
    for i, letter in enumerate(data.letters):
        fits(letter.label, letter.sources, f"letters[{i}] ({letter.id})", "sources")
    return problems


def _check_letter(data: Data, letter: Letter, where: str, prefix: str) -> list[str]:
    """Every [Placeholder] must be a blank the letter builder knows how to fill."""
    dot = f".{prefix}" if prefix else ""
    known = {f.placeholder for f in data.letter_fields} | {f.placeholder for f in letter.fields}
    problems = []
    for part in ("subject", "body"):
        for name in PLACEHOLDER.findall(getattr(letter, part)):
            if name not in known:
                problems.append(
                    f"{where} {dot}.{part}: placeholder '[{name}]' is not in letter_fields"
                    f" or this letter's fields"
                )
        if "```" in getattr(letter, part):
            problems.append(f"{where} {dot}.{part}: must not contain ``` (it would end the code block)")
    return problems


def load(project_dir: Path | str, data_file: Path = DATA_FILE) -> Data:
    """Read, validate and cross-check the data file; raise DataError listing every problem."""
    shown = data_file.as_posix()
    raw = _read_yaml(Path(project_dir) / data_file, shown)
    if not isinstance(raw, dict):
        raise DataError(f"{shown}: expected a mapping with sources, deadlines and causes at the top")
    try:
        data = Data.model_validate(raw)
    except ValidationError as err:
        lines = []
        for e in err.errors():
            got = "" if e["type"] == "missing" else f" (got {e['input']!r:.60})"
            lines.append(f"{shown}: {_entry(raw, e['loc'])}: {e['msg']}{got}")
        raise DataError("\n".join(lines)) from None
    problems = _check_references(data)
    if problems:
        raise DataError("\n".join(f"{shown}: {p}" for p in problems))
    return data


def check_pages(data: Data, docs_dir: Path) -> None:
    """Each cause needs a page at docs/causes/<id>.md, and each such page needs a cause."""
    pages = {p.stem for p in (docs_dir / "causes").glob("*.md")} - {"index"}
    ids = [c.id for c in data.causes]
    problems = [
        f"{DATA_FILE.as_posix()}: causes[{i}] ({cid}) .id: no page docs/causes/{cid}.md"
        for i, cid in enumerate(ids)
        if cid not in pages
    ]
    problems += [
        f"docs/causes/{page}.md: page has no cause with id '{page}' in {DATA_FILE.as_posix()}"
        for page in sorted(pages - set(ids))
    ]
    if problems:
        raise DataError("\n".join(problems))
