"""Turn the data models into the HTML that pages show.

Data reaches a page as text by construction, not by escaping at each call site:

1. Every piece of HTML built from the data comes from a Jinja template in `macros/templates/`
   with autoescaping on, so data text is always HTML text or an attribute value, and data
   for scripts goes through `tojson` (which escapes `<`, `>`, `&` and `'`).
2. Markdown never sees that HTML. A macro returns `fragment(html)`: one long word made of
   letters and hex digits that holds the HTML, which Python-Markdown passes through as plain
   text in any context (inline, block, list, table, admonition). After Markdown has run,
   `expand()` (called by the `on_page_content` hook) swaps each word for its HTML. So `[x](y)`, `*[abbr]:`, `{: attr}`
   or a newline in the data can never become a link, an abbreviation, an attribute or a block.
3. URLs are checked against an https-only allow-list in `data.py` before they get here.

Nothing in this module knows about any one cause.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from . import words as w
from .data import CATEGORY_TEXT, LABEL_TEXT, PLACEHOLDER, STATEMENTS_MARKER, Cause, Data, GeneralLetter, Letter, LetterField, Source, label_fits
from .translations import Meaning, paragraphs

# Nobody publishes how often each outcome happens: say what is reported, not a frequency
# (the words, per language, are in words.py: "outcome.<typical>").

_templates = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)

# Hex, not base64: `_`, `+` or `/` could start emphasis; no Markdown rule acts inside a word.
_FRAGMENT = re.compile(r"FLEXHTML([0-9a-f]*)FLEXEND")
# A fragment alone in a paragraph is a block (a list, a table): drop the paragraph around it.
_WRAPPED = re.compile(r"<p>\s*(FLEXHTML[0-9a-f]*FLEXEND)\s*</p>")


class RenderError(ValueError):
    """A macro was called with something the data does not have (an unknown id or label)."""


def fragment(html: str) -> str:
    """Hide finished HTML from Markdown; `expand` puts it back after Markdown has run."""
    return "FLEXHTML" + str(html).encode("utf-8").hex() + "FLEXEND"


def expand(html: str) -> str:
    def swap(match: re.Match) -> str:
        try:
            return bytes.fromhex(match.group(1)).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            raise RenderError("a damaged HTML fragment: was a macro's output edited?") from None

    return _FRAGMENT.sub(swap, _WRAPPED.sub(r"\1", html))


def _html(template: str, lang: str = w.DEFAULT, **context: Any) -> Markup:
    return Markup(_templates.get_template(template).render(t=w.words(lang), **context).strip())


def day(date: dt.date, lang: str = w.DEFAULT) -> str:
    """As drivers in the US write it: November 26, 2026 (26 de noviembre de 2026 in Spanish)."""
    return w.day(date, lang)


def published_phrase(source: Source, lang: str = w.DEFAULT) -> str | None:
    """'published June 2021' / 'publicado el 9 de febrero de 2020', 'publicado en 2018'."""
    text = published_text(source, lang)
    if text is None:
        return None
    words = w.words(lang)
    return f"{words['published_on'] if isinstance(source.published, dt.date) else words['published']} {text}"


def published_text(source: Source, lang: str = w.DEFAULT) -> str | None:
    """'February 9, 2020', 'June 2021' or '2018', as precise as the data is."""
    value = source.published
    if value is None:
        return None
    if isinstance(value, dt.date):
        return day(value, lang)
    if isinstance(value, int):
        return str(value)
    start = source.published_start()
    return w.month(start.year, start.month, lang)


def short_name(title: str) -> str:
    """"KING 5: Seattle passes ..." -> "KING 5": who published it, for inline citations."""
    head = title.split(":", 1)[0].strip()
    return head if ":" in title and len(head) <= 60 else title


def _need_source(data: Data, source_id: str) -> None:
    if source_id not in data.sources:
        raise RenderError(f"unknown source '{source_id}' (not in data/deactivation.yml sources)")


def claim_html(data: Data, label: str, *source_ids: str, lang: str = w.DEFAULT) -> Markup:
    """The visible label for a claim, with its sources linked: `Drivers report (source: ...)`."""
    if label not in LABEL_TEXT:
        raise RenderError(f"unknown label '{label}'; use one of {', '.join(LABEL_TEXT)}")
    if not source_ids:
        raise RenderError(f"label '{label}' needs at least one source id")
    links, seen = [], {}
    for source_id in source_ids:
        _need_source(data, source_id)
        source = data.sources[source_id]
        if not label_fits(label, source.kind):
            raise RenderError(f"label '{label}' does not fit source '{source_id}' of kind '{source.kind}'")
        # Short link text keeps the sentence readable on a phone; the full title is on the link.
        name = short_name(source.title)
        seen[name] = seen.get(name, 0) + 1
        links.append({"url": source.url, "title": source.title,
                      "name": name if seen[name] == 1 else f"{name} ({seen[name]})"})
    return _html("claim.html", lang, label=label, words=w.words(lang)[f"label.{label}"], links=links)


def claim(data: Data, label: str, *source_ids: str, lang: str = w.DEFAULT) -> str:
    return fragment(claim_html(data, label, *source_ids, lang=lang))


def text(value: str) -> str:
    """A line of data text for the middle of a Markdown paragraph."""
    return fragment(Markup.escape(value))


def checklist(cause: Cause) -> str:
    """A Material task list whose checkbox is named by its own text (WCAG: every control has a name)."""
    return fragment(_html("checklist.html", cause=cause))


def bullets(items: list[str]) -> str:
    return fragment(_html("list.html", tag="ul", items=items))


def numbered(items: list[str]) -> str:
    return fragment(_html("list.html", tag="ol", items=items))


def letter_block(data: Data, letter_id: str, letter: Letter, meaning: Meaning | None = None,
                 lang: str = w.DEFAULT, letter_lang: str = "en") -> str:
    """The letter as plain text, its optional sentences, and the blanks the builder offers.

    With a `meaning` (a page in another language), each English paragraph is shown beside what
    it means, and the builder gets the meaning to fill in too; the letter sent stays English."""
    fields: list[LetterField] = list(data.letter_fields) + list(letter.fields)
    every_text = letter.subject + letter.body + "".join(st.text for st in letter.statements)
    blanks = [f.model_dump(exclude_none=True) for f in fields if f"[{f.placeholder}]" in every_text]
    statements = [st.model_dump() for st in letter.statements]
    pairs, meaning_json = [], None
    if meaning is not None:
        # What the reader sees with scripts off: each blank by its name in the reader's language,
        # and the line for the optional sentences said in words (letters.js redraws both).
        names = {f"[{f.placeholder}]": f"[{f.label}]" for f in fields}
        marker = w.words(lang)["letter.marker"]

        def readable(text: str) -> str:
            if text.strip() == STATEMENTS_MARKER:
                return marker
            return PLACEHOLDER.sub(lambda m: names.get(m.group(0), m.group(0)), text)

        pairs = [{"en": letter.subject, "es": readable(meaning.subject)}]
        pairs += [{"en": a, "es": readable(b)} for a, b in zip(paragraphs(letter.body), paragraphs(meaning.body))]
        meaning_json = {"subject": meaning.subject, "body": meaning.body, "statements": meaning.statements}
    return fragment(_html("letter.html", lang, letter_id=letter_id, letter=letter, blanks=blanks,
                          statements=statements, pairs=pairs, meaning=meaning_json, letter_lang=letter_lang))


def spanish_letter(data: Data, letter_id: str, letter: GeneralLetter, meaning: Meaning, lang: str) -> str:
    """The same letter to send in Spanish, for an office that says it reads Spanish: its meaning
    becomes the letter (same blanks, same optional sentences), after a line saying why."""
    sendable = letter.model_copy(update={
        "subject": meaning.subject, "body": meaning.body,
        "statements": [st.model_copy(update={"text": meaning.statements[st.id]}) for st in letter.statements],
    })
    why = _html("spanish_letter.html", lang, claim=claim_html(data, "others-report", letter.accepts_spanish, lang=lang))
    return fragment(why) + "\n\n" + letter_block(data, f"{letter_id}-es", sendable, None, lang, letter_lang="es")


def letter_steps(data: Data) -> str:  # noqa: D103 - the data's own words
    return numbered(data.letter_steps)


def deadlines_table(data: Data, deadline_ids: list[str], for_script: bool = False, lang: str = w.DEFAULT) -> str:
    """The deadlines as a table (a card per row on a phone) with each one's note below.

    `for_script` adds the numbers as JSON, for the send-by date the letter builder shows."""
    rows = []
    for deadline_id in deadline_ids:
        if deadline_id not in data.deadlines:
            raise RenderError(f"unknown deadline '{deadline_id}' (not in data/deactivation.yml deadlines)")
        d = data.deadlines[deadline_id]
        rows.append({"deadline": d, "event": data.events[d.starts],
                     "claim": claim_html(data, d.confidence, *d.sources, lang=lang)})
    numbers = [
        {"id": i, "label": data.deadlines[i].label, "days": data.deadlines[i].days,
         "counting": data.deadlines[i].counting, "starts": data.deadlines[i].starts,
         "where": data.deadlines[i].where, "confidence": w.words(lang)[f"label.{data.deadlines[i].confidence}"]}
        for i in deadline_ids
    ] if for_script else []
    return fragment(_html("deadlines.html", lang, rows=rows, for_script=numbers))


def sources_list(data: Data, source_ids: list[str], lang: str = w.DEFAULT) -> str:
    sources = []
    for source_id in source_ids:
        _need_source(data, source_id)
        s = data.sources[source_id]
        sources.append({"url": s.url, "title": s.title, "kind_text": w.words(lang)[f"kind.{s.kind}"],
                        "checked": day(s.checked, lang), "note": s.note, "published": published_phrase(s, lang),
                        "original": s.original if s.mirror else None})
    return fragment(_html("sources.html", lang, sources=sources))


def outcome(data: Data, cause: Cause, lang: str = w.DEFAULT) -> str:
    o = cause.outcome
    return fragment(_html("outcome.html", lang, words=w.words(lang)[f"outcome.{o.typical}"], note=o.note,
                          claim=claim_html(data, o.label, *o.sources, lang=lang)))


def links(items: list[dict[str, str]], css: str = "next-links") -> str:
    """`items`: dicts with `href`, `text` and an optional `about`."""
    return fragment(_html("links.html", links=items, css=css))


def cause_href(page_url: str, cause_id: str, lang: str = w.DEFAULT) -> str:
    """The link from the page at `page_url` to a cause page in the same edition (directory URLs)."""
    return page_href(page_url, _in(lang, f"causes/{cause_id}/"))


def page_href(page_url: str, target_url: str) -> str:
    return get_relative_url(target_url, page_url or ".")


def related(data: Data, cause: Cause, page_url: str, lang: str = w.DEFAULT) -> list[dict[str, str]]:
    return [
        {"href": cause_href(page_url, r, lang), "text": data.cause(r).title, "about": data.cause(r).summary}
        for r in cause.related
    ]


# Where a driver goes after a cause page, whatever the reason: (page, words key in words.py).
_NEXT_STEPS = [
    ("appeal/after/", "next.after"),
    ("appeal/escalate/", "next.escalate"),
    ("evidence-log/", "next.log"),
    ("rights/", "next.rights"),
]
_BACKGROUND_STEPS = [
    ("letters/", "next.dispute", "fcra-dispute"),
    ("policies/background-checks/", "next.checks", ""),
]


def _link(page_url: str, target_url: str, key: str, lang: str, anchor: str = "") -> dict[str, str]:
    text, about = w.words(lang)[key].split("|")
    href = page_href(page_url, target_url) + (f"#{anchor}" if anchor else "")
    return {"href": href, "text": text, "about": about}


def next_links(data: Data, cause: Cause, page_url: str, lang: str = w.DEFAULT) -> list[dict[str, str]]:
    """"What next" from a cause page: its background routes, its related reasons, then the
    steps every driver takes after sending a letter. Links stay in the page's language."""
    out = []
    if cause.category == "background":
        out += [_link(page_url, _in(lang, url), key, lang, anchor) for url, key, anchor in _BACKGROUND_STEPS]
    out += related(data, cause, page_url, lang)
    out += [_link(page_url, _in(lang, url), key, lang) for url, key in _NEXT_STEPS]
    return out


def _in(lang: str, url: str) -> str:
    """A site address in the edition for `lang`: `rights/` -> `es/rights/` in Spanish."""
    return url if lang == w.DEFAULT else f"{lang}/{url}"


def causes_table(data: Data, page_url: str, grouped: bool = True, lang: str = w.DEFAULT) -> str:
    """All causes by category, linked relative to the page that shows the table.

    `grouped` gives each category its own heading (for /causes/): the heading stays Markdown
    (its words are ours, not the data's) so it is in the page outline; without it, one table."""
    def rows(causes: list[Cause]) -> list[dict[str, Any]]:
        return [{"cause": c, "href": cause_href(page_url, c.id, lang), "outcome": t[f"outcome.{c.outcome.typical}"]}
                for c in causes]

    t = w.words(lang)
    if not grouped:
        ordered = [c for category in CATEGORY_TEXT for c in data.causes if c.category == category]
        return fragment(_html("causes_table.html", lang, rows=rows(ordered))) + "\n"
    out: list[str] = []
    for category in CATEGORY_TEXT:
        causes = [c for c in data.causes if c.category == category]
        if causes:
            # The English heading's id on every edition: links and the language switch keep their place.
            heading, anchor = t[f"category.{category}"], _slug(CATEGORY_TEXT[category])
            out += [f"### {heading} {{#{anchor}}}", "", fragment(_html("causes_table.html", lang, rows=rows(causes))), ""]
    return "\n".join(out) + "\n"


def _slug(heading: str) -> str:
    """The id MkDocs' toc gives an English heading ("Apps, bots and location" -> apps-bots-and-location)."""
    return re.sub(r"[\s-]+", "-", re.sub(r"[^\w\s-]", "", heading).strip().lower())


def last_reviewed(data: Data, lang: str = w.DEFAULT) -> str:
    return day(max(c.reviewed for c in data.causes), lang)


def finder(data: Data, page_url: str, lang: str = w.DEFAULT, also: Data | None = None) -> str:
    """The finder's form and words. `also`: the English data on another edition's page, since
    drivers paste the English notice Amazon sent (its aliases count too)."""
    extra = {c.id: c.aliases for c in also.causes} if also is not None else {}
    causes = [
        {"id": c.id, "title": c.title, "summary": c.summary, "aliases": c.aliases + extra.get(c.id, []),
         "category": c.category, "url": cause_href(page_url, c.id, lang)}
        for c in data.causes
    ]
    return fragment(_html("finder.html", lang, causes=causes))


def deadline_calculator(data: Data, lang: str = w.DEFAULT) -> str:
    blob = {
        "events": {k: e.model_dump() for k, e in data.events.items()},
        "places": {k: p.label for k, p in data.places.items()},
        "deadlines": [
            {
                "id": k, "label": d.label, "days": d.days, "counting": d.counting, "starts": d.starts,
                "confidence": w.words(lang)[f"label.{d.confidence}"], "note": d.note, "where": d.where,
                "sources": [{"title": data.sources[s].title, "url": data.sources[s].url} for s in d.sources],
            }
            for k, d in data.deadlines.items()
        ],
    }
    return fragment(_html("calculator.html", lang, blob=blob))


def shortcuts(cause: Cause, lang: str = w.DEFAULT) -> str:
    """A box at the top of a cause page: the three things to do now, linked to their sections.

    Plain Markdown: its only data is a count; its words are the site's own (words.py)."""
    t = w.words(lang)
    return "\n".join([
        f'!!! tip "{t["shortcuts.title"]}"',
        "    1. " + t["shortcuts.first"].format(n=len(cause.checklist)),
        "    2. " + t["shortcuts.letter"],
        "    3. " + t["shortcuts.deadline"],
        "       " + t["shortcuts.notice"],
        "",
        # deadlines.js writes the send-by date here once the driver types the notice date
        # in the letter; the words are there from the start, so nothing moves.
        "    " + fragment(_html("send_by.html", lang)),
    ])


def report_a_mistake(report_url: str, lang: str = w.DEFAULT) -> str:
    """How a reader reports a mistake: a link to the correction form, or what to do without one."""
    return fragment(_html("report.html", lang, url=report_url))
