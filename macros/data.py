"""Load and validate `data/deactivation.yml`, the one file where every repeated fact lives.

The rest of the code works with the typed models defined here, never with raw dicts.
Every problem is reported as `file: entry .field: what is wrong`, so a maintainer can go
straight to the line that needs fixing, and the build stops instead of publishing a hole.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import yaml
from pydantic import (
    AfterValidator, BaseModel, ConfigDict, Field, StrictInt, StringConstraints, ValidationError,
    field_validator, model_validator,
)

DATA_FILE = Path("data") / "deactivation.yml"
MAX_FILE_BYTES = 2_000_000  # the real file is about 150 KB; a runaway paste stops here
MAX_DEPTH = 12  # the data is at most 6 levels deep

# Characters that can hide or reorder what a reader sees (bidi overrides, zero-width marks)
# or that no text needs (control characters). Newlines are allowed only in letter text.
_HIDDEN = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
_BAD_IN_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_HIDDEN}]")
_BAD_IN_TEXT = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_HIDDEN}]")


def _no_hidden(pattern: re.Pattern, what: str):
    def check(value: str) -> str:
        found = pattern.search(value)
        if found:
            raise ValueError(f"{what} must not contain the character U+{ord(found.group()):04X} (at {found.start()})")
        return value
    return check


def _not_future(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise ValueError(f"date {value.isoformat()} is in the future")
    return value


T = TypeVar("T")


def _unique(items: list[T]) -> list[T]:
    seen: set = set()
    for i, item in enumerate(items):
        key = item.casefold() if isinstance(item, str) else item
        if key in seen:
            raise ValueError(f"item [{i}] repeats an earlier item: {str(item)[:60]!r}")
        seen.add(key)
    return items


def _line(max_length: int):
    """One line of plain text: no newline, no control or invisible characters, bounded."""
    return Annotated[
        str,
        StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
        AfterValidator(_no_hidden(_BAD_IN_LINE, "one-line text")),
    ]


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = _line(600)
_MARKUP = re.compile(r"[<>&\"`{}\[\]|*_\\#]")


def _plain_words(value: str) -> str:
    found = _MARKUP.search(value)
    if found:
        raise ValueError(f"a title is plain words; it must not contain {found.group()!r}")
    return value


# Titles also reach places the theme fills without escaping (<title>, search results).
Title = Annotated[_line(150), AfterValidator(_plain_words)]
Alias = _line(80)
# Letter text keeps its line breaks (it is shown as plain text, never parsed as Markdown).
LetterText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=4000),
    AfterValidator(_no_hidden(_BAD_IN_TEXT, "letter text")),
]
# Only https, and none of the characters that end an attribute, a Markdown link or a URL.
_URL = re.compile(r"https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:[0-9]{1,5})?(/[A-Za-z0-9\-._~%!$&*+,;=:@/?#]*)?")


def _https_url(value: str) -> str:
    if not _URL.fullmatch(value):
        raise ValueError(
            "must be an https:// address with no spaces, quotes, brackets or parentheses"
            " (encode them as %20, %22, %5B, %28 ...)"
        )
    return value


Url = Annotated[str, StringConstraints(max_length=500), AfterValidator(_https_url)]
Day = Annotated[dt.date, AfterValidator(_not_future)]


def Unique(item: Any) -> Any:  # noqa: N802 - reads like a type
    """A list whose items become list items or element ids: a repeat is an error."""
    return Annotated[list[item], AfterValidator(_unique)]

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
    checked: Day  # the day someone last read the page and saw it still says what we cite
    # When it was published: a full date, or "2021-06" or 2018 when only that much is known
    # (never a guessed day). Required for news and driver reports.
    published: dt.date | YearMonth | Year | None = None
    note: Text | None = None
    # The url is a mirror, repost or copy, not the original publisher's page: `original` names the
    # original (outlet, title, date) so a reader can find it; `kind` is the original's kind.
    mirror: bool = False
    original: Text | None = None

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


class Event(Model):
    """Something that starts a clock, e.g. the date on the deactivation notice."""

    label: Text
    ask: Text  # the question the deadline calculator asks for this date


class Deadline(Model):
    label: Text
    days: StrictInt = Field(gt=0, le=400)  # strict: `days: true` or "10" is a typo, not 1 or 10
    counting: Literal["calendar", "business"]
    starts: Slug  # an id in `events`
    confidence: Label
    sources: Unique(Slug) = Field(min_length=1)
    note: Text
    where: Unique(Slug) = []  # ids in `places`; empty means wherever you deliver


class Place(Model):
    label: Text


class LetterField(Model):
    """A blank the driver fills in; `placeholder` is the text between the brackets."""

    id: Slug
    label: Title
    placeholder: Annotated[Title, StringConstraints(pattern=r"^[^\[\]]+$")]
    hint: Text | None = None
    kind: Literal["text", "date", "email", "textarea"] = "text"


class Statement(Model):
    """An optional sentence the driver adds only if it is true for them (unticked by default)."""

    id: Slug
    label: Text  # the checkbox label, e.g. "I have delivery photos for these stops"
    text: LetterText  # the sentence(s) added to the letter; may use [Placeholders]


# The line in a letter body where the sentences the driver ticked go. With scripts off it
# stays in the copied letter as a blank that says what to do.
STATEMENTS_MARKER = "[Add any sentences below that are true for you]"


class Letter(Model):
    subject: _line(200)
    body: LetterText  # the core: who, which account, the notice, the request; no claims about conduct
    fields: list[LetterField] = []
    statements: list[Statement] = []


class CauseOutcome(Model):
    typical: Outcome
    label: Label
    sources: Unique(Slug) = Field(min_length=1)
    note: Text


class Cause(Model):
    id: Slug
    title: Title
    aliases: Unique(Alias) = Field(min_length=1, max_length=60)
    summary: Text
    category: Category
    outcome: CauseOutcome
    checklist: Unique(Text) = Field(min_length=4, max_length=20)
    evidence: Unique(Text) = Field(min_length=3, max_length=20)
    mistakes: Unique(Text) = Field(min_length=2, max_length=20)
    letter: Letter
    deadlines: Unique(Slug) = []
    # No `sources:` here: a cause page's source list is what the page cites (see macros/__init__.py).
    related: Unique(Slug) = []
    reviewed: Day


class GeneralLetter(Letter):
    id: Slug
    title: Title
    use_when: Text
    label: Label
    steps: Unique(Text) = Field(min_length=2, max_length=20)
    sources: Unique(Slug) = Field(min_length=1)
    # A source saying the office this letter goes to reads Spanish: the Spanish edition then
    # offers the letter in Spanish too (its Spanish meaning, sent as the letter).
    accepts_spanish: Slug | None = None


class Data(Model):
    sources: dict[Slug, Source]
    events: dict[Slug, Event]
    places: dict[Slug, Place]
    deadlines: dict[Slug, Deadline]
    letter_fields: list[LetterField] = Field(min_length=1)
    letter_steps: Unique(Text) = Field(min_length=2, max_length=20)
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


# libyaml's loader where installed (about 10x faster), the pure-Python one otherwise.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe YAML, plus: a repeated key is an error (PyYAML keeps the last one silently)."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key '{key}'", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as err:  # 2026-02-30: a date that does not exist
        raise yaml.constructor.ConstructorError(
            None, None, f"'{node.value}' is not a real date ({err})", node.start_mark
        ) from None


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


class _TreeError(yaml.YAMLError):
    def __init__(self, node: yaml.Node, problem: str) -> None:
        super().__init__(problem)
        self.problem, self.problem_mark = problem, node.start_mark


def _check_tree(root: yaml.Node) -> None:
    """Refuse aliases (`*name`): a few lines of them can expand to gigabytes. Refuse deep nesting.

    An alias makes two places share one node, so a node met twice is an alias."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise _TreeError(node, "this value is reused through a YAML alias (*name); aliases are not allowed, write the value out")
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _TreeError(node, f"nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, yaml.MappingNode):
            stack += [(n, depth + 1) for pair in node.value for n in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(n, depth + 1) for n in node.value]


def _read_yaml(path: Path, shown: str) -> Any:
    """Read the data file; every way it can be unreadable becomes one line naming file and line."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"{shown}: file not found (expected at {path})") from None
    if len(raw) > MAX_FILE_BYTES:
        raise DataError(f"{shown}: file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError(f"{shown}: line {line}: not UTF-8 text (byte 0x{raw[err.start]:02x}); save the file as UTF-8") from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_tree(node)
        return loader.construct_document(node)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        if mark is not None:
            where = f" line {mark.line + 1}, column {mark.column + 1}:"
        elif isinstance(err, yaml.reader.ReaderError):  # a character YAML refuses
            where = f" line {_line_of(text, err.position)}:"
        else:
            where = ""
        if isinstance(err, yaml.reader.ReaderError):
            problem = f"the character U+{err.character:04X} is not allowed ({err.reason})" if isinstance(err.character, int) else err.reason
        else:
            problem = getattr(err, "problem", None) or str(err)
        raise DataError(f"{shown}:{where} invalid YAML: {problem}") from None
    except RecursionError:
        raise DataError(f"{shown}: invalid YAML: nested too deep") from None
    finally:
        loader.dispose()


def _short(value: Any) -> str:
    """A short view of a bad value for an error message; never the whole (maybe huge) value."""
    if isinstance(value, str):
        return repr(value[:60]) + ("..." if len(value) > 60 else "")
    if isinstance(value, (dict, list)):
        return f"a {type(value).__name__} of {len(value)} items"
    return repr(value)[:60]


def _entry(raw: Any, loc: tuple[Any, ...]) -> str:
    """Turn a pydantic location into `causes[3] (not-received) .sources[1]`."""
    head = ""
    rest = list(loc)
    if rest and len(rest) > 1 and isinstance(rest[1], int):
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
        need(cause.outcome.sources, data.sources, "source", where, "outcome.sources")
        need(cause.deadlines, data.deadlines, "deadline", where, "deadlines")
        need(cause.related, cause_ids, "cause", where, "related")
        if cause.id in cause.related:
            problems.append(f"{where} .related: a cause cannot be related to itself")
        problems += _check_letter(data, cause.letter, where, "letter")
    seen_fields: set[str] = set()
    for i, f in enumerate(data.letter_fields):
        if f.id in seen_fields:
            problems.append(f"letter_fields[{i}] .id: duplicate letter field id '{f.id}'")
        seen_fields.add(f.id)
    letter_ids: set[str] = set()
    for i, letter in enumerate(data.letters):
        where = f"letters[{i}] ({letter.id})"
        if letter.id in letter_ids:
            problems.append(f"{where} .id: duplicate letter id '{letter.id}'")
        letter_ids.add(letter.id)
        need(letter.sources, data.sources, "source", where, "sources")
        if letter.accepts_spanish is not None:
            need([letter.accepts_spanish], data.sources, "source", where, "accepts_spanish")
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
    # Each blank becomes a form field whose element id is made from its id: ids and
    # placeholders must be unique across the shared fields and this letter's own.
    ids = {f.id for f in data.letter_fields}
    placeholders = {f.placeholder.casefold() for f in data.letter_fields}
    for i, f in enumerate(letter.fields):
        if f.id in ids:
            problems.append(f"{where} {dot}.fields[{i}].id: duplicate letter field id '{f.id}'")
        if f.placeholder.casefold() in placeholders:
            problems.append(f"{where} {dot}.fields[{i}].placeholder: duplicate placeholder '[{f.placeholder}]'")
        ids.add(f.id)
        placeholders.add(f.placeholder.casefold())
    marker = STATEMENTS_MARKER[1:-1]
    marker_lines = [line.strip() for line in letter.body.splitlines()].count(STATEMENTS_MARKER)
    if letter.statements and marker_lines != 1:
        problems.append(f"{where} {dot}.body: has statements, so it needs the line '{STATEMENTS_MARKER}' once")
    if not letter.statements and STATEMENTS_MARKER in letter.body:
        problems.append(f"{where} {dot}.body: has '{STATEMENTS_MARKER}' but no statements")
    texts = [("subject", letter.subject), ("body", letter.body)]
    texts += [(f"statements[{i}].text", st.text) for i, st in enumerate(letter.statements)]
    seen_statements: set[str] = set()
    for i, st in enumerate(letter.statements):
        if st.id in seen_statements:
            problems.append(f"{where} {dot}.statements[{i}].id: duplicate statement id '{st.id}'")
        seen_statements.add(st.id)
    for part, text in texts:
        for name in PLACEHOLDER.findall(text):
            if name == marker and part == "body":
                continue
            if name not in known:
                problems.append(
                    f"{where} {dot}.{part}: placeholder '[{name}]' is not in letter_fields"
                    f" or this letter's fields"
                )
        if "```" in text:
            problems.append(f"{where} {dot}.{part}: must not contain ``` (it would end the code block)")
    return problems


_cache: dict[tuple[str, int, int], Data] = {}


def load(project_dir: Path | str, data_file: Path = DATA_FILE) -> Data:
    """Read, validate and cross-check the data file; raise DataError listing every problem.

    The macros and the search hook both ask for the data: it is parsed once per version of
    the file (a changed file, as under `mkdocs serve`, is read again)."""
    path = Path(project_dir) / data_file
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = None
    if key in _cache:
        return _cache[key]
    data = _load(path, data_file.as_posix())
    if key is not None:
        _cache.clear()
        _cache[key] = data
    return data


def _load(path: Path, shown: str) -> Data:
    raw = _read_yaml(path, shown)
    if not isinstance(raw, dict):
        raise DataError(f"{shown}: expected a mapping with sources, deadlines and causes at the top")
    try:
        data = Data.model_validate(raw)
    except ValidationError as err:
        lines = []
        for e in err.errors():
            # A rule about a whole entry (not one field) needs no "got": the entry is named.
            whole_entry = isinstance(e["input"], dict) and e["type"] == "value_error"
            got = "" if e["type"] == "missing" or whole_entry else f" (got {_short(e['input'])})"
            message = e["msg"].removeprefix("Value error, ")
            lines.append(f"{shown}: {_entry(raw, e['loc'])}: {message}{got}")
        raise DataError("\n".join(lines)) from None
    problems = _check_references(data)
    if problems:
        raise DataError("\n".join(f"{shown}: {p}" for p in problems))
    return data


def check_pages(data: Data, docs_dir: Path) -> None:
    """Each cause needs a page at docs/causes/<id>.md, and each such page needs a cause."""
    # `<id>.es.md` is the same page in Spanish (see words.py); only the English file names a cause.
    pages = {p.stem for p in (docs_dir / "causes").glob("*.md") if "." not in p.stem} - {"index"}
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
