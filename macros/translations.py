"""The Spanish words for the data file: `data/deactivation.es.yml`, keyed by id.

Every fact (dates, days, urls, ids, kinds, labels, placeholders) lives once, in
`data/deactivation.yml`; the Spanish file holds only words. The contract, checked on every
build, both ways:

- every English entry and text field has its Spanish text, and no Spanish entry or field lacks
  an English one (a missing or orphaned translation stops the build, naming file, entry, field);
- lists the pages show item by item (checklist, proof, mistakes, steps) keep the English count;
- a letter's Spanish text is its *meaning*, shown paragraph by paragraph beside the English the
  driver sends: same paragraphs, each with the same [Placeholders] as its English paragraph.
  Aliases are the exception: each language has its own list of the words drivers use.

`localize()` turns the English data into the Spanish view the macros render: the same models
with Spanish words, except the letter text the driver sends, which stays English; its Spanish
meaning comes separately (`Meaning`).

Check one part of a translation on its own (entries it does not have are not reported):
    .venv/bin/python -m macros.translations data/es-part-1.yml --partial
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from .data import (
    PLACEHOLDER, STATEMENTS_MARKER, Alias, Data, DataError, Letter, LetterText, Model, Slug, Text,
    Title, Unique, _line, _read_yaml, _short, load,
)

ES_FILE = Path("data") / "deactivation.es.yml"


class EsField(Model):
    label: Title
    hint: Text | None = None


class EsStatement(Model):
    label: Text
    text: LetterText


class EsLetter(Model):
    subject: _line(200)
    body: LetterText
    fields: dict[Slug, EsField] = {}
    statements: dict[Slug, EsStatement] = {}


class EsGeneralLetter(EsLetter):
    title: Title
    use_when: Text
    steps: Unique(Text) = Field(min_length=2, max_length=20)


class EsOutcome(Model):
    note: Text


class EsCause(Model):
    title: Title
    aliases: Unique(Alias) = Field(min_length=1, max_length=60)
    summary: Text
    outcome: EsOutcome
    checklist: Unique(Text)
    evidence: Unique(Text)
    mistakes: Unique(Text)
    letter: EsLetter


class EsDeadline(Model):
    label: Text
    note: Text


class EsEvent(Model):
    label: Text
    ask: Text


class EsPlace(Model):
    label: Text


class EsSource(Model):
    note: Text


class EsData(Model):
    causes: dict[Slug, EsCause] = {}
    letters: dict[Slug, EsGeneralLetter] = {}
    letter_fields: dict[Slug, EsField] = {}
    letter_steps: Unique(Text) = []
    deadlines: dict[Slug, EsDeadline] = {}
    events: dict[Slug, EsEvent] = {}
    places: dict[Slug, EsPlace] = {}
    sources: dict[Slug, EsSource] = {}


@dataclass(frozen=True)
class Meaning:
    """What a letter says, in the reader's language, beside the English the driver sends."""

    subject: str
    body: str
    statements: dict[str, str]


@dataclass(frozen=True)
class Localized:
    data: Data                      # the data with the reader's words (letters still in English)
    meanings: dict[str, Meaning]    # "cause:<id>" or "letter:<id>" -> the letter's meaning


def paragraphs(text: str) -> list[str]:
    """A letter's paragraphs: the blocks between blank lines."""
    out, block = [], []
    for line in text.strip().splitlines():
        if line.strip():
            block.append(line)
        elif block:
            out.append("\n".join(block))
            block = []
    if block:
        out.append("\n".join(block))
    return out


def _placeholders(text: str) -> list[str]:
    return sorted(set(PLACEHOLDER.findall(text)))


class _Check:
    """Collects the contract's problems as `file: entry .field: what`."""

    def __init__(self, shown: str, partial: bool) -> None:
        self.shown, self.partial, self.problems = shown, partial, []

    def add(self, where: str, message: str) -> None:
        self.problems.append(f"{self.shown}: {where}: {message}")

    def keys(self, english: dict | list, spanish: dict, section: str, what: str) -> list[str]:
        """Ids both files have; report ids missing from Spanish and Spanish ids with no English."""
        ids = [x for x in english] if isinstance(english, dict) else list(english)
        for key in ids:
            if key not in spanish and not self.partial:
                self.add(f"{section}.{key}", f"missing: write the Spanish for {what} '{key}' of data/deactivation.yml")
        for key in spanish:
            if key not in ids:
                self.add(f"{section}.{key}", f"no {what} '{key}' in data/deactivation.yml (remove it, or fix the id)")
        return [k for k in ids if k in spanish]

    def same_count(self, where: str, field: str, english: list, spanish: list) -> None:
        if len(english) != len(spanish):
            self.add(where, f".{field}: has {len(spanish)} items; the English has {len(english)} (one Spanish item per English item, same order)")

    def optional(self, where: str, field: str, english: Any, spanish: Any) -> None:
        if english is not None and spanish is None:
            self.add(where, f".{field}: missing: the English has one")
        if english is None and spanish is not None:
            self.add(where, f".{field}: the English has none (remove it)")

    def meaning(self, where: str, field: str, english: str, spanish: str) -> None:
        """Same paragraphs, each with the same blanks as its English paragraph."""
        en, es = paragraphs(english), paragraphs(spanish)
        if len(en) != len(es):
            self.add(where, f".{field}: has {len(es)} paragraphs; the English has {len(en)} (blank lines split paragraphs)")
            return
        for i, (a, b) in enumerate(zip(en, es), start=1):
            if _placeholders(a) != _placeholders(b):
                want = ", ".join(f"[{p}]" for p in _placeholders(a)) or "none"
                self.add(where, f".{field}: paragraph {i} must have the same blanks as the English ({want}); "
                         f"it has {', '.join(f'[{p}]' for p in _placeholders(b)) or 'none'}")
            if (a.strip() == STATEMENTS_MARKER) != (b.strip() == STATEMENTS_MARKER):
                self.add(where, f".{field}: paragraph {i}: the line {STATEMENTS_MARKER} must stay exactly where the English has it")

    def letter(self, where: str, english: Letter, spanish: EsLetter) -> None:
        self.meaning(where, "letter.subject" if where.startswith("causes") else "subject", english.subject, spanish.subject)
        prefix = "letter." if where.startswith("causes") else ""
        self.meaning(where, f"{prefix}body", english.body, spanish.body)
        fields = {f.id: f for f in english.fields}
        for key in self.keys(fields, spanish.fields, f"{where} .{prefix}fields", "letter field"):
            self.optional(where, f"{prefix}fields.{key}.hint", fields[key].hint, spanish.fields[key].hint)
        statements = {s.id: s for s in english.statements}
        for key in self.keys(statements, spanish.statements, f"{where} .{prefix}statements", "statement"):
            self.meaning(where, f"{prefix}statements.{key}.text", statements[key].text, spanish.statements[key].text)


def _validate(raw: Any, shown: str) -> EsData:
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise DataError(f"{shown}: expected a mapping with causes, letters, deadlines ... at the top")
    try:
        return EsData.model_validate(raw)
    except ValidationError as err:
        lines = []
        for e in err.errors():
            loc = [str(p) if not isinstance(p, int) else f"[{p}]" for p in e["loc"]]
            head = ".".join(loc[:2]) if len(loc) >= 2 else ".".join(loc)
            rest = "".join(p if p.startswith("[") else f".{p}" for p in loc[2:])
            got = "" if e["type"] == "missing" else f" (got {_short(e['input'])})"
            lines.append(f"{shown}: {head} {rest}".rstrip() + f": {e['msg'].removeprefix('Value error, ')}{got}")
        raise DataError("\n".join(lines)) from None


def check(data: Data, es: EsData, shown: str, partial: bool = False) -> list[str]:
    """Every problem with the Spanish words against the English data (empty if none)."""
    c = _Check(shown, partial)
    causes = {cause.id: cause for cause in data.causes}
    for key in c.keys(causes, es.causes, "causes", "cause"):
        en, sp, where = causes[key], es.causes[key], f"causes.{key}"
        for field in ("checklist", "evidence", "mistakes"):
            c.same_count(where, field, getattr(en, field), getattr(sp, field))
        c.letter(where, en.letter, sp.letter)
    letters = {letter.id: letter for letter in data.letters}
    for key in c.keys(letters, es.letters, "letters", "letter"):
        c.same_count(f"letters.{key}", "steps", letters[key].steps, es.letters[key].steps)
        c.letter(f"letters.{key}", letters[key], es.letters[key])
    fields = {f.id: f for f in data.letter_fields}
    for key in c.keys(fields, es.letter_fields, "letter_fields", "letter field"):
        c.optional(f"letter_fields.{key}", "hint", fields[key].hint, es.letter_fields[key].hint)
    if es.letter_steps or not partial:
        c.same_count("letter_steps", "letter_steps", data.letter_steps, es.letter_steps)
    c.keys(data.deadlines, es.deadlines, "deadlines", "deadline")
    c.keys(data.events, es.events, "events", "event")
    c.keys(data.places, es.places, "places", "place")
    noted = {k: s for k, s in data.sources.items() if s.note is not None}
    for key in es.sources:
        if key in data.sources and key not in noted:
            c.add(f"sources.{key}", ".note: the English source has no note (remove it)")
    c.keys(noted, {k: v for k, v in es.sources.items() if k in noted or k not in data.sources},
           "sources", "source note")
    return c.problems


def _letter_es(letter: Letter, sp: EsLetter) -> Letter:
    """The English letter with the reader's labels and hints (its text stays English)."""
    fields = [f.model_copy(update={"label": sp.fields[f.id].label, "hint": sp.fields[f.id].hint}) for f in letter.fields]
    statements = [s.model_copy(update={"label": sp.statements[s.id].label}) for s in letter.statements]
    return letter.model_copy(update={"fields": fields, "statements": statements})


def _meaning(sp: EsLetter) -> Meaning:
    return Meaning(subject=sp.subject, body=sp.body, statements={k: v.text for k, v in sp.statements.items()})


def localize(data: Data, es: EsData) -> Localized:
    """The Spanish view of the data; `es` must have passed `check()`."""
    meanings: dict[str, Meaning] = {}
    causes = []
    for cause in data.causes:
        sp = es.causes[cause.id]
        meanings[f"cause:{cause.id}"] = _meaning(sp.letter)
        causes.append(cause.model_copy(update={
            "title": sp.title, "aliases": sp.aliases, "summary": sp.summary,
            "outcome": cause.outcome.model_copy(update={"note": sp.outcome.note}),
            "checklist": sp.checklist, "evidence": sp.evidence, "mistakes": sp.mistakes,
            "letter": _letter_es(cause.letter, sp.letter),
        }))
    letters = []
    for letter in data.letters:
        sp = es.letters[letter.id]
        meanings[f"letter:{letter.id}"] = _meaning(sp)
        letters.append(_letter_es(letter, sp).model_copy(update={
            "title": sp.title, "use_when": sp.use_when, "steps": sp.steps}))
    view = data.model_copy(update={
        "causes": causes,
        "letters": letters,
        "letter_fields": [f.model_copy(update={"label": es.letter_fields[f.id].label, "hint": es.letter_fields[f.id].hint})
                          for f in data.letter_fields],
        "letter_steps": es.letter_steps,
        "deadlines": {k: d.model_copy(update={"label": es.deadlines[k].label, "note": es.deadlines[k].note})
                      for k, d in data.deadlines.items()},
        "events": {k: e.model_copy(update={"label": es.events[k].label, "ask": es.events[k].ask})
                   for k, e in data.events.items()},
        "places": {k: p.model_copy(update={"label": es.places[k].label}) for k, p in data.places.items()},
        "sources": {k: s.model_copy(update={"note": es.sources[k].note}) if k in es.sources else s
                    for k, s in data.sources.items()},
    })
    return Localized(data=view, meanings=meanings)


_cache: dict[tuple, Localized] = {}


def load_es(project_dir: Path | str, es_file: Path = ES_FILE) -> Localized:
    """Read and check the Spanish words; raise DataError listing every problem."""
    project = Path(project_dir)
    data = load(project)
    path = project / es_file
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, id(data))
    except OSError:
        key = None
    if key in _cache:
        return _cache[key]
    shown = es_file.as_posix()
    es = _validate(_read_yaml(path, shown), shown)
    problems = check(data, es, shown)
    if problems:
        raise DataError("\n".join(problems))
    result = localize(data, es)
    if key is not None:
        _cache.clear()
        _cache[key] = result
    return result


def main(argv: list[str]) -> int:
    """Check a translation file, or with --partial only the entries it has."""
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else ES_FILE
    try:
        data = load(Path("."))
        es = _validate(_read_yaml(path, path.as_posix()), path.as_posix())
        problems = check(data, es, path.as_posix(), partial="--partial" in argv)
    except DataError as err:
        print(err)
        return 1
    print("\n".join(problems) if problems else f"{path}: ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
