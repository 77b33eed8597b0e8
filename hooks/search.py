"""MkDocs hook: a lean search index, fetched only when a driver searches.

- Drivers' words for each page go into a `keywords` field, one alias a phrase: cause pages get
  their `aliases` from the data file, any other page can list its own in front matter
  (`aliases: [...]`). Each page's short title and description go into `summary`.
- What is not worth finding is left out: letter bodies and deadline tables repeated from the data
  (`data-search-exclude`), source citations, and the boilerplate sections of each cause page.
- Every page fetches only `search/search_index.json`: the settings, no documents. The documents
  go to one file per edition, `search/index.<hash>.json` (English) and `search/index.es.<hash>.json`
  (the Spanish pages under /es/), which the site's worker (hooks/search_worker.js, written
  beside Material's) fetches when search is opened, with the site's search
  (hooks/search_ranking.js), so no page carries either before a search. Material's search
  interface shows the answers. A Spanish page names the worker with `?lang=es`: it searches the
  Spanish pages only, with the Spanish word rules.
- The Spanish edition is a second MkDocs build run by mkdocs-static-i18n, which joins both
  editions' entries into one `search_index.json` at the very end; this hook splits them after
  that (its `on_post_build` runs last, and skips the inner Spanish build).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import rjsmin

# MkDocs loads hooks by file path, not as part of a package: make `macros` importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.plugins import event_priority  # noqa: E402

from macros.data import load  # noqa: E402
from macros.translations import load_es  # noqa: E402
from macros.words import inner_build  # noqa: E402

WORKER_TEMPLATE = Path(__file__).with_name("search_worker.js")
RANKING = Path(__file__).with_name("search_ranking.js")
WORKERS = "assets/javascripts/workers"
# Material's worker, as named in each page's __config (`"search": ".../workers/search.<hash>.min.js"`).
MATERIAL_WORKER_URL = re.compile(r'("search":\s*"[^"]*/workers/)(search\.[0-9a-f]+\.min\.js)"')

# Blocks whose words would only pull searches to the wrong page: the same letter or deadline
# table on many pages, the names of sources, and the tables that list every cause (the
# driver should land on the cause page itself). Marked for Material's indexer to skip.
EXCLUDE_BLOCKS = [
    re.compile(r'<div class="letter"'),
    re.compile(r'<span class="cite"'),
    re.compile(r'<script type="application/json"'),
    re.compile(r'<template '),  # data for the browser tools (the finder's words for every cause)
    re.compile(r'<div class="stack-table causes-table"'),  # every cause's summary, on the hub pages
]
DEADLINE_TABLE = re.compile(r'<div class="stack-table deadline-table"')
# Sections every cause page repeats from the data; the page itself is found by its own words.
# Between two aliases in the `keywords` field (lunr's trimmer drops the comma from the word).
PHRASES = ", "
CAUSE_BOILERPLATE = {"sample-appeal-letter", "deadlines", "related-reasons", "what-next", "sources"}

_page_aliases: dict[str, list[str]] = {}
_page_summary: dict[str, str] = {}
_worker: dict[str, str] = {}


def _mark(pattern: re.Pattern, html: str) -> str:
    """Add `data-search-exclude` to each opening tag the pattern finds (it matches `<tag ...`)."""
    return pattern.sub(lambda m: re.sub(r"^<(\w+) ", r'<\1 data-search-exclude="1" ', m.group(0)), html)


def on_page_markdown(markdown: str, page, **_kwargs) -> str:
    aliases = page.meta.get("aliases")
    if aliases is not None:
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise RuntimeError(f"docs/{page.file.src_uri}: front matter 'aliases' must be a list of text")
        _page_aliases[page.url] = aliases
    # The page's own question in a driver's words (its description) and its short title: the
    # worker counts these words above body text and below a heading.
    summary = [str(page.meta[k]) for k in ("title", "description") if page.meta.get(k)]
    if summary:
        _page_summary[page.url] = ". ".join(summary)
    return markdown


def on_page_content(html: str, page, **_kwargs) -> str:
    """Runs before Material's indexer reads the page (on_page_context); it strips the marks after."""
    for pattern in EXCLUDE_BLOCKS:
        html = _mark(pattern, html)
    if page.url not in ("timelines/", "es/timelines/"):  # the page whose deadline table is what a driver searches for
        html = _mark(DEADLINE_TABLE, html)
    return html


def on_post_page(output: str, page, config, **_kwargs) -> str:
    """Point the page at the site's worker instead of Material's."""
    match = MATERIAL_WORKER_URL.search(output)
    if not match:
        raise RuntimeError(f"{page.file.src_uri}: no search worker in the page's __config; has Material changed?")
    if "name" not in _worker:
        material = match.group(2)
        # Minified (rjsmin, as hooks/site.py does for assets/*.js): fewer bytes to fetch and read
        # when a driver opens search; the sources in hooks/ stay commented.
        ranking = rjsmin.jsmin(RANKING.read_text(encoding="utf-8"))
        ranking_name = f"flex-ranking.{hashlib.sha256(ranking.encode()).hexdigest()[:8]}.js"
        source = rjsmin.jsmin(WORKER_TEMPLATE.read_text(encoding="utf-8")
                              .replace("__MATERIAL_WORKER__", material).replace("__RANKING__", ranking_name))
        digest = hashlib.sha256(source.encode()).hexdigest()[:8]
        _worker.update(material=material, source=source, name=f"flex-search.{digest}.js",
                       ranking=ranking, ranking_name=ranking_name)
    elif match.group(2) != _worker["material"]:
        raise RuntimeError(f"{page.file.src_uri}: pages name two different search workers")
    lang = "?lang=es" if page.url.startswith("es/") else ""
    return MATERIAL_WORKER_URL.sub(lambda m: f'{m.group(1)}{_worker["name"]}{lang}"', output, count=1)


def _edition(docs: list[dict], prefix: str, causes: set[str], keywords: dict[str, str]) -> list[dict]:
    """The documents of one edition (`prefix` "" or "es/"), without boilerplate, with keywords."""
    out, found = [], set()
    for doc in docs:
        page, _, anchor = doc["location"].partition("#")
        if page.startswith("es/") != bool(prefix):
            continue
        if page in causes and anchor in CAUSE_BOILERPLATE:
            continue
        if anchor in {"all-sources", "what-next"}:  # every source; the links at each page's end
            continue
        words = keywords.get(doc["location"])
        if words:
            doc["keywords"] = words
            found.add(doc["location"])
        if doc["location"] in _page_summary:
            doc["summary"] = _page_summary[doc["location"]]
        out.append(doc)
    missing = causes - found
    if missing:
        raise RuntimeError(f"search index has no entry for cause pages: {sorted(missing)}")
    return out


def _write(site: Path, config: dict, docs: list[dict], name_prefix: str) -> str:
    full = json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
    name = f"index.{name_prefix}{hashlib.sha256(full.encode()).hexdigest()[:8]}.json"
    (site / "search" / name).write_text(full, encoding="utf-8")
    return name


@event_priority(-110)  # after mkdocs-static-i18n (-100) has joined both editions' entries
def on_post_build(config, **_kwargs) -> None:
    if inner_build(config):
        return
    site = Path(config["site_dir"])
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    project = Path(config["config_file_path"]).parent
    english = load(project)
    editions = {"en": ("", english)}
    if "i18n" in config["plugins"]:
        editions["es"] = ("es/", load_es(project).data)
    index = json.loads(index_path.read_text(encoding="utf-8"))
    names = {}
    for lang, (prefix, data) in editions.items():
        causes = {f"{prefix}causes/{c.id}/" for c in data.causes}
        # One alias a phrase: the worker counts an alias only when a question holds all of its words.
        keywords = {url: PHRASES.join(words) for url, words in _page_aliases.items() if url.startswith("es/") == bool(prefix)}
        keywords.update({f"{prefix}causes/{c.id}/": PHRASES.join(c.aliases) for c in data.causes})
        docs = _edition(index["docs"], prefix, causes, keywords)
        # The worker tells reason pages from guide pages: a question about the process ("how long",
        # "can i") goes to a guide unless it names a reason. `lang` picks its word rules.
        settings = {**index["config"], "lang": [lang], "reasons": sorted(causes), "phrases": PHRASES}
        names[lang] = _write(site, settings, docs, "" if lang == "en" else f"{lang}.")
    stub = {"config": {**index["config"], "index": names["en"], "indexes": names}, "docs": []}
    index_path.write_text(json.dumps(stub, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    if "name" not in _worker:
        raise RuntimeError("no page named Material's search worker")
    (site / WORKERS / _worker["name"]).write_text(_worker["source"], encoding="utf-8")
    (site / WORKERS / _worker["ranking_name"]).write_text(_worker["ranking"], encoding="utf-8")
    _worker.clear()
