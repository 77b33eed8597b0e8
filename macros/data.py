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
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

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
SourceKind = Literal["amazon", "law", "government", "third-party", "driver-report"]
KIND_TEXT: dict[str, str] = {
    "amazon": "Amazon page",
    "law": "Law text",
    "government": "Government page",
    "third-party": "News, lawyer or advocate",
    "driver-report": "Driver report",
}
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


class Source(Model):
    title: Text
    url: Url
    kind: SourceKind
    checked: dt.date
    note: Text | None = None


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


class Statement(Model):
    """An optional sentence the driver adds only if it is true for them (unticked by default)."""

    id: Slug
    label: Text  # the checkbox label, e.g. "I have delivery photos for these stops"
    text: Text  # the sentence(s) added to the letter; may use [Placeholders]


# The line in a letter body where the sentences the driver ticked go. With scripts off it
# stays in the copied letter as a blank that says what to do.
STATEMENTS_MARKER = "[Add any sentences below that are true for you]"


class Letter(Model):
    subject: Text
    body: Text  # the core: who, which account, the notice, the request; no claims about conduct
    fields: list[LetterField] = []
    statements: list[Statement] = []


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
    return problems


def _check_letter(data: Data, letter: Letter, where: str, prefix: str) -> list[str]:
    """Every [Placeholder] must be a blank the letter builder knows how to fill."""
    dot = f".{prefix}" if prefix else ""
    known = {f.placeholder for f in data.letter_fields} | {f.placeholder for f in letter.fields}
    problems = []
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
