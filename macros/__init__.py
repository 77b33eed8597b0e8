"""The macros module for mkdocs-macros: wires the data file to the macros pages call.

Uses only `define_env`, `env.macro`, `env.variables`, `env.project_dir` and `env.conf`
(the subset a later move to Zensical keeps), and loads the data itself because the
plugin's `include_yaml` only logs a missing file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Protocol

from mkdocs.exceptions import PluginError

from . import render
from .data import DataError, check_pages, load


class Env(Protocol):
    project_dir: str
    conf: Any

    def macro(self, fn: Callable, name: str = "") -> Callable: ...


def define_env(env: Env) -> None:
    try:
        data = load(env.project_dir)
        check_pages(data, Path(env.conf["docs_dir"]))
    except DataError as err:
        # PluginError makes MkDocs stop with this message and a non-zero exit, no traceback.
        raise PluginError(f"Bad data, build stopped:\n{err}") from None


    @env.macro
    def claim(label: str, *source_ids: str) -> str:
        """Visible label plus linked sources, e.g. {{ claim("drivers-report", "reddit-arbitration") }}."""
        return render.claim(data, label, *source_ids)

    @env.macro
    def cause_summary(cause_id: str) -> str:
        return render.esc(data.cause(cause_id).summary)

    @env.macro
    def cause_shortcuts(cause_id: str) -> str:
        return render.shortcuts(data.cause(cause_id))

    @env.macro
    def cause_outcome(cause_id: str) -> str:
        return render.outcome(data, data.cause(cause_id))

    @env.macro
    def cause_checklist(cause_id: str) -> str:
        return render.checklist(data.cause(cause_id))

    @env.macro
    def cause_evidence(cause_id: str) -> str:
        return render.bullets(data.cause(cause_id).evidence)

    @env.macro
    def cause_mistakes(cause_id: str) -> str:
        return render.bullets(data.cause(cause_id).mistakes)

    @env.macro
    def cause_letter(cause_id: str) -> str:
        return render.letter_block(data, cause_id, data.cause(cause_id).letter)

    @env.macro
    def cause_deadlines(cause_id: str) -> str:
        return render.deadlines_table(data, data.cause(cause_id).deadlines)

    @env.macro
    def cause_sources(cause_id: str) -> str:
        return render.sources_list(data, data.cause(cause_id).sources)

    @env.macro
    def cause_related(cause_id: str) -> str:
        return render.related(data, data.cause(cause_id))

    @env.macro
    def cause_reviewed(cause_id: str) -> str:
        return render.day(data.cause(cause_id).reviewed)

    @env.macro
    def letter_steps() -> str:
        return render.letter_steps(data)

    @env.macro
    def general_letter(letter_id: str) -> str:
        """A general letter with its own "how to use this letter" steps."""
        letter = data.letter(letter_id)
        return render.numbered(letter.steps) + "\n\n" + render.letter_block(data, letter_id, letter)

    @env.macro
    def causes_table(prefix: str = "", grouped: bool = True) -> str:
        return render.causes_table(data, prefix, grouped)

    @env.macro
    def deadlines_table(*deadline_ids: str) -> str:
        return render.deadlines_table(data, list(deadline_ids) or list(data.deadlines))

    @env.macro
    def deadline_calculator() -> str:
        return render.deadline_calculator(data)

    @env.macro
    def finder() -> str:
        return render.finder(data)

    @env.macro
    def all_sources() -> str:
        return render.sources_list(data, list(data.sources))

    @env.macro
    def last_reviewed() -> str:
        return render.last_reviewed(data)
