"""The macros module for mkdocs-macros: wires the data file to the macros pages call.

A cause page is `docs/causes/<id>.md`; its macros take the id from the page, so the id is
written once (in the file name). Every source a page cites through `claim()` (and through the
deadlines and outcome it shows) is recorded, and `cause_sources()` lists exactly those.

A macro called with an id or label the data does not have records one line naming the page
and the problem; the `pages` hook stops the build with those lines after the page's macros
have run (mkdocs-macros would otherwise print a long traceback).
"""

from __future__ import annotations

from functools import wraps
from pathlib import Path
from typing import Any, Callable, Protocol

from mkdocs.exceptions import PluginError

from . import render
from .data import Cause, Data, DataError, check_pages, load
from .render import RenderError
from .translations import Localized, load_es
from .words import DEFAULT, base_src, lang_of


class Env(Protocol):
    project_dir: str
    conf: Any
    page: Any

    def macro(self, fn: Callable, name: str = "") -> Callable: ...


class PageState:
    """What the macros learned about each page while rendering it."""

    def __init__(self) -> None:
        self.cites: dict[str, list[str]] = {}
        self.errors: dict[str, list[str]] = {}

    def start(self, src: str) -> None:
        self.cites[src] = []
        self.errors[src] = []

    def cite(self, src: str, *source_ids: str) -> None:
        known = self.cites.setdefault(src, [])
        known += [s for s in source_ids if s not in known]


PAGES = PageState()


def cause_id_of(src_uri: str) -> str | None:
    """`causes/not-received.md` (or `.es.md`) -> `not-received`; None for any other page."""
    parts = Path(base_src(src_uri)).parts
    if len(parts) == 2 and parts[0] == "causes" and parts[1].endswith(".md") and parts[1] != "index.md":
        return parts[1][:-3]
    return None


def define_env(env: Env) -> None:
    try:
        english = load(env.project_dir)
        check_pages(english, Path(env.conf["docs_dir"]))
        editions: dict[str, Localized] = {DEFAULT: Localized(data=english, meanings={})}
        if "i18n" in env.conf["plugins"]:  # the Spanish edition is built: its words must be complete
            editions["es"] = load_es(env.project_dir)
    except DataError as err:
        # PluginError makes MkDocs stop with this message and a non-zero exit, no traceback.
        raise PluginError(f"Bad data, build stopped:\n{err}") from None

    def src() -> str:
        return env.page.file.src_uri

    def lang() -> str:
        return lang_of(src())

    def data_() -> Data:
        """The data in the page's language."""
        return editions[lang()].data

    def url() -> str:
        return env.page.url

    def this_cause() -> Cause:
        cause_id = cause_id_of(src())
        if cause_id is None:
            raise RenderError("cause macros work only on a cause page, docs/causes/<id>.md")
        return data_().cause(cause_id)

    def macro(fn: Callable) -> Callable:
        """Register `fn`; a bad id or label becomes one line naming the page, not a traceback."""
        @wraps(fn)
        def safe(*args: Any, **kwargs: Any) -> str:
            try:
                return fn(*args, **kwargs)
            except (RenderError, KeyError) as err:
                call = ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])
                message = err.args[0] if err.args else str(err)
                PAGES.errors.setdefault(src(), []).append(f"docs/{src()}: {fn.__name__}({call}): {message}")
                return ""
        return env.macro(safe, fn.__name__)

    @macro
    def claim(label: str, *source_ids: str) -> str:
        """Visible label plus linked sources, e.g. {{ claim("drivers-report", "reddit-arbitration") }}."""
        html = render.claim(data_(), label, *source_ids, lang=lang())
        PAGES.cite(src(), *source_ids)
        return html

    @macro
    def cause_summary() -> str:
        return render.text(this_cause().summary)

    @macro
    def cause_shortcuts() -> str:
        return render.shortcuts(this_cause(), lang())

    @macro
    def cause_outcome() -> str:
        cause = this_cause()
        PAGES.cite(src(), *cause.outcome.sources)
        return render.outcome(data_(), cause, lang())

    @macro
    def cause_checklist() -> str:
        return render.checklist(this_cause())

    @macro
    def cause_evidence() -> str:
        return render.bullets(this_cause().evidence)

    @macro
    def cause_mistakes() -> str:
        return render.bullets(this_cause().mistakes)

    @macro
    def cause_letter() -> str:
        cause = this_cause()
        meaning = editions[lang()].meanings.get(f"cause:{cause.id}")
        return render.letter_block(data_(), cause.id, cause.letter, meaning, lang())

    @macro
    def cause_deadlines() -> str:
        cause = this_cause()
        for deadline_id in cause.deadlines:
            PAGES.cite(src(), *data_().deadlines[deadline_id].sources)
        return render.deadlines_table(data_(), cause.deadlines, for_script=True, lang=lang())

    @macro
    def cause_next() -> str:
        return render.links(render.next_links(data_(), this_cause(), url(), lang()))

    @macro
    def cause_sources() -> str:
        """Every source this page cites, in the order it first cites them."""
        cited = PAGES.cites.get(src(), [])
        if not cited:
            raise RenderError("the page cites no source: label its claims with claim()")
        return render.sources_list(data_(), cited, lang())

    @macro
    def cause_reviewed() -> str:
        return render.day(this_cause().reviewed, lang())

    @macro
    def letter_steps() -> str:
        return render.letter_steps(data_())

    @macro
    def general_letter(letter_id: str) -> str:
        """A general letter with its own "how to use this letter" steps."""
        letter = data_().letter(letter_id)
        PAGES.cite(src(), *letter.sources)
        meaning = editions[lang()].meanings.get(f"letter:{letter_id}")
        html = render.numbered(letter.steps) + "\n\n" + render.letter_block(data_(), letter_id, letter, meaning, lang())
        if meaning is not None and lang() == "es" and letter.accepts_spanish:
            PAGES.cite(src(), letter.accepts_spanish)
            html += "\n\n" + render.spanish_letter(data_(), letter_id, letter, meaning, lang())
        return html

    @macro
    def causes_table(grouped: bool = True) -> str:
        return render.causes_table(data_(), url(), grouped, lang())

    @macro
    def deadlines_table(*deadline_ids: str) -> str:
        ids = list(deadline_ids) or list(data_().deadlines)
        for deadline_id in ids:
            if deadline_id in data_().deadlines:
                PAGES.cite(src(), *data_().deadlines[deadline_id].sources)
        return render.deadlines_table(data_(), ids, lang=lang())

    @macro
    def deadline_calculator() -> str:
        return render.deadline_calculator(data_(), lang())

    @macro
    def finder() -> str:
        return render.finder(data_(), url(), lang(), also=english if lang() != DEFAULT else None)

    @macro
    def all_sources() -> str:
        return render.sources_list(data_(), list(data_().sources), lang())

    @macro
    def report_a_mistake() -> str:
        return render.report_a_mistake((env.conf["extra"].get("report_url") or "").rstrip("/"), lang())

    @macro
    def last_reviewed() -> str:
        return render.last_reviewed(data_(), lang())


def on_pre_page_macros(env: Env) -> None:
    """mkdocs-macros calls this before each page's macros: start the page's records afresh."""
    PAGES.start(env.page.file.src_uri)
