"""MkDocs hook: the checks and the finishing step each page needs around the macros.

- Stops the build with one line per problem when a page's macros met an unknown id or label.
- A cause page takes its title from the data (written once, per language); a title or H1 in the page is an error.
- A page that still holds draft text (PLACEHOLDER, TODO, lorem ipsum...) stops the build.
- After Markdown, puts back the HTML the macros hid from it (see `macros/render.py`).
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# MkDocs loads hooks by file path, not as part of a package: make `macros` importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import PAGES, cause_id_of  # noqa: E402
from macros.data import DataError, load  # noqa: E402
from macros.render import RenderError, expand  # noqa: E402
from macros.translations import load_es  # noqa: E402
from macros.words import DEFAULT, lang_of  # noqa: E402

# Capitals only for the markers: "todo" is an everyday Spanish word ("all").
DRAFT = re.compile(r"\b(PLACEHOLDER|TODO|TBD|FIXME|XXX+)\b|(?i:lorem ipsum)|(?i:\bdraft:)")
H1 = re.compile(r"^# \S", re.MULTILINE)


def on_page_markdown(markdown: str, page, config, **_kwargs) -> str:
    src = page.file.src_uri
    problems = list(PAGES.errors.get(src, []))
    cause_id = cause_id_of(src)
    if cause_id is not None:
        project = Path(config["config_file_path"]).parent
        try:
            data = load(project) if lang_of(src) == DEFAULT else load_es(project).data
            title = data.cause(cause_id).title
        except (DataError, KeyError) as err:
            raise PluginError(str(err)) from None
        given = page.meta.get("title")
        if given is not None and given not in (title, html.escape(title, quote=True)):
            problems.append(
                f"docs/{src}: front matter title {str(given)[:80]!r} differs from the data's title "
                f"{title!r}; remove it (the title comes from data/deactivation.yml)"
            )
        if H1.search(markdown):
            problems.append(f"docs/{src}: remove the '# ' heading; the title comes from data/deactivation.yml")
        # The theme puts the title in <title>, the H1 and search results without escaping it.
        page.meta["title"] = html.escape(title, quote=True)
    if any(DRAFT.search(line) for line in markdown.splitlines() if "FLEXHTML" not in line):
        # Name the line in the file the maintainer edits, not in the rendered Markdown.
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(source, start=1):
            found = DRAFT.search(line)
            if found:
                problems.append(f"docs/{src}: line {number}: draft text {found.group(0)!r} must not be published")
    if problems:
        raise PluginError("Page problems, build stopped:\n" + "\n".join(problems))
    return markdown


def on_page_content(html: str, page, **_kwargs) -> str:
    try:
        return expand(html)
    except RenderError as err:
        raise PluginError(f"docs/{page.file.src_uri}: {err}") from None
