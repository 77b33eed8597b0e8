"""Turn the data models into Markdown (and a little HTML) for pages.

Everything taken from the data is escaped here, so `<script>` in a title shows as text.
Nothing in this module knows about any one cause.
"""

from __future__ import annotations

import datetime as dt
import html
import json

from .data import CATEGORY_TEXT, KIND_TEXT, LABEL_TEXT, Cause, Data, Letter, LetterField

# Nobody publishes how often each outcome happens: say what is reported, not a frequency.
OUTCOME_TEXT = {
    "temporary": "Reported as temporary",
    "permanent": "Reported as permanent",
    "unclear": "Not clear",
}


def esc(text: str) -> str:
    """Plain text for Markdown or HTML: no tags, no table breaks, no macro braces."""
    out = html.escape(text, quote=True).replace("|", "&#124;")
    return out.replace("{", "&#123;").replace("}", "&#125;")


def day(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def source_link(data: Data, source_id: str, text: str | None = None) -> str:
    """A link to a source; `text` replaces the full title as link text (which then moves to `title`)."""
    source = data.sources[source_id]
    if text is None:
        return f'<a href="{esc(source.url)}">{esc(source.title)}</a>'
    return f'<a href="{esc(source.url)}" title="{esc(source.title)}">{esc(text)}</a>'


def claim(data: Data, label: str, *source_ids: str) -> str:
    """The visible label for a claim, with its sources linked: `Drivers report (source)`."""
    if label not in LABEL_TEXT:
        raise ValueError(f"unknown label '{label}'; use one of {', '.join(LABEL_TEXT)}")
    if not source_ids:
        raise ValueError(f"label '{label}' needs at least one source id")
    for source_id in source_ids:
        if source_id not in data.sources:
            raise ValueError(f"unknown source '{source_id}' (not in data/deactivation.yml sources)")
    links, seen = [], {}
    for source_id in source_ids:
        # Short link text keeps the sentence readable on a phone; the full title is on the link.
        name = short_name(data.sources[source_id].title)
        seen[name] = seen.get(name, 0) + 1
        links.append(source_link(data, source_id, name if seen[name] == 1 else f"{name} ({seen[name]})"))
    return (
        f'<strong class="claim claim--{label}">{LABEL_TEXT[label]}</strong>'
        f' <span class="cite">(source: {"; ".join(links)})</span>'
    )


def short_name(title: str) -> str:
    """"KING 5: Seattle passes ..." -> "KING 5": who published it, for inline citations."""
    head = title.split(":", 1)[0].strip()
    return head if ":" in title and len(head) <= 60 else title


def checklist(cause: Cause) -> str:
    """A Material task list whose checkbox is named by its own text (WCAG: every control has a name)."""
    items = []
    for i, item in enumerate(cause.checklist, start=1):
        box_id = f"check-{cause.id}-{i}"
        items.append(
            f'<li class="task-list-item"><label class="task-list-control" for="{box_id}">'
            f'<input type="checkbox" id="{box_id}"><span class="task-list-indicator"></span>'
            f" {esc(item)}</label></li>"
        )
    return f'<ul class="task-list checklist" data-checklist="{cause.id}">\n' + "\n".join(items) + "\n</ul>"


def bullets(items: list[str]) -> str:
    return "\n".join(f"- {esc(item)}" for item in items)


def numbered(items: list[str]) -> str:
    return "\n".join(f"{i}. {esc(item)}" for i, item in enumerate(items, start=1))


def letter_block(data: Data, letter_id: str, letter: Letter) -> str:
    """The letter as plain text in code blocks (copyable with JavaScript off), the optional
    sentences each in its own block, plus the blanks and sentences the letter builder offers."""
    fields: list[LetterField] = list(data.letter_fields) + list(letter.fields)
    every_text = letter.subject + letter.body + "".join(st.text for st in letter.statements)
    used = {f.placeholder for f in fields if f"[{f.placeholder}]" in every_text}
    blanks = [f.model_dump(exclude_none=True) for f in fields if f.placeholder in used]
    statements = [st.model_dump() for st in letter.statements]
    lines = [
        f'<div class="letter" id="letter-{letter_id}" data-letter="{letter_id}" markdown>',
        "",
        "**Subject line:**",
        "",
        "```text",
        letter.subject,
        "```",
        "",
        "**Letter:**",
        "",
        "```text",
        letter.body.strip(),
        "```",
        "",
    ]
    if letter.statements:
        lines += ['<div class="letter-statements-plain" markdown>', "",
                  "**Sentences you can add, only if they are true for you:**", ""]
        for st in letter.statements:
            lines += [f"*{esc(st.label)}*", "", "```text", st.text.strip(), "```", ""]
        lines += ["</div>", ""]
    lines += [
        f'<script type="application/json" class="letter-blanks">{_json(blanks)}</script>',
        f'<script type="application/json" class="letter-statements">{_json(statements)}</script>',
        "",
        "</div>",
    ]
    return "\n".join(lines)


def _json(value) -> str:
    # `</` inside the JSON would end the script element early; \u003c keeps it data.
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def letter_steps(data: Data) -> str:
    return numbered(data.letter_steps)


def deadlines_table(data: Data, deadline_ids: list[str]) -> str:
    if not deadline_ids:
        return "No deadline is published for this reason. Use the date in your own notice."
    rows = [
        "| What | How long | Counts | Starts from | How sure |",
        "| --- | --- | --- | --- | --- |",
    ]
    for deadline_id in deadline_ids:
        d = data.deadlines[deadline_id]
        event = data.events[d.starts]
        rows.append(
            f"| {esc(d.label)} | {d.days} days | {d.counting} days | {esc(event.label)} "
            f"| {claim(data, d.confidence, *d.sources)} |"
        )
    notes = [f"- **{esc(data.deadlines[i].label)}:** {esc(data.deadlines[i].note)}" for i in deadline_ids]
    # The wrapper lets the phone layout stack each row into a card (see site.css).
    table = "\n".join(['<div class="stack-table deadline-table" markdown>', "", *rows, "", "</div>"])
    return table + "\n\n" + "\n".join(notes)


def sources_list(data: Data, source_ids: list[str]) -> str:
    lines = []
    for source_id in source_ids:
        s = data.sources[source_id]
        note = f" {esc(s.note)}" if s.note else ""
        lines.append(
            f"- {source_link(data, source_id)} ({KIND_TEXT[s.kind]}, checked {day(s.checked)}).{note}"
        )
    return "\n".join(lines)


def outcome(data: Data, cause: Cause) -> str:
    o = cause.outcome
    return f"**{OUTCOME_TEXT[o.typical]}.** {esc(o.note)} {claim(data, o.label, *o.sources)}"


def related(data: Data, cause: Cause) -> str:
    if not cause.related:
        return "No related reasons listed."
    return "\n".join(
        f"- [{esc(data.cause(r).title)}]({r}.md): {esc(data.cause(r).summary)}" for r in cause.related
    )


def causes_table(data: Data, prefix: str = "", grouped: bool = True) -> str:
    """All causes by category, linked relative to the page that shows the table.

    `grouped` gives each category its own heading (for /causes/); without it, one table
    with a category column (for pages where extra headings would clutter the outline)."""
    def row(c: Cause) -> str:
        link = f"[{esc(c.title)}]({prefix}{c.id}.md)"
        return f"| {link} | {esc(c.summary)} | {OUTCOME_TEXT[c.outcome.typical]} |"

    header = ["| Reason | What it means | Temporary or permanent? |", "| --- | --- | --- |"]
    # The wrapper lets the phone layout stack each row into a card (see site.css).
    open_, close = ['<div class="stack-table causes-table" markdown>', ""], ["", "</div>", ""]
    out: list[str] = []
    for category, heading in CATEGORY_TEXT.items():
        causes = [c for c in data.causes if c.category == category]
        if not causes:
            continue
        if grouped:
            out += [f"### {heading}", "", *open_, *header, *[row(c) for c in causes], *close]
        else:
            out += [row(c) for c in causes]
    if not grouped:
        out = [*open_, *header, *out, *close]
    return "\n".join(out) + "\n"


def last_reviewed(data: Data) -> str:
    return day(max(c.reviewed for c in data.causes))


def finder(data: Data) -> str:
    """The "find your reason" form and the data it ranks on.

    With JavaScript off the form is hidden by CSS (`.no-js`) and the page's full list of
    causes does the job."""
    causes = [
        {"id": c.id, "title": c.title, "summary": c.summary, "aliases": c.aliases, "category": c.category,
         "url": f"../causes/{c.id}/"}
        for c in data.causes
    ]
    blob = json.dumps(causes, ensure_ascii=False).replace("<", "\\u003c")
    return "\n".join([
        '<form class="finder" id="finder">',
        '<label for="finder-text">Paste your notice, or type a few words about what happened</label>',
        '<textarea id="finder-text" rows="6" autocomplete="off" spellcheck="true"></textarea>',
        '<p class="finder-privacy">What you paste stays on your phone or computer. It is not sent anywhere.</p>',
        '<button type="submit" class="md-button md-button--primary">Find my reason</button>',
        '</form>',
        '<div class="finder-results" id="finder-results" aria-live="polite"></div>',
        f'<script type="application/json" id="finder-data">{blob}</script>',
    ])


def deadline_calculator(data: Data) -> str:
    """The deadline calculator's mount point and its data; the script builds the form.

    With JavaScript off the page's deadline table still gives every period in days."""
    blob = {
        "events": {k: e.model_dump() for k, e in data.events.items()},
        "places": {k: p.label for k, p in data.places.items()},
        "deadlines": [
            {
                "id": k, "label": d.label, "days": d.days, "counting": d.counting, "starts": d.starts,
                "confidence": LABEL_TEXT[d.confidence], "note": d.note, "where": d.where,
                "sources": [{"title": data.sources[s].title, "url": data.sources[s].url} for s in d.sources],
            }
            for k, d in data.deadlines.items()
        ],
    }
    text = json.dumps(blob, ensure_ascii=False).replace("<", "\\u003c")
    return "\n".join([
        '<div class="deadline-calculator" id="deadline-calculator"></div>',
        f'<script type="application/json" id="deadline-data">{text}</script>',
    ])


def shortcuts(cause: Cause) -> str:
    """A box at the top of a cause page: the three things to do now, linked to their sections."""
    return "\n".join([
        '!!! tip "Short on time? Do these now"',
        f"    1. [Do the first steps](#what-to-do-first): {len(cause.checklist)} things to do today.",
        "    2. [Copy the sample letter](#sample-appeal-letter) and fill in your details.",
        "    3. [Check your deadline](#deadlines), or [work out your dates](../timelines.md#calculator).",
        "       The date in your own notice is the one that counts.",
    ])
