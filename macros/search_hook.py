"""MkDocs hook: put the words drivers use into the search index, as a boosted `keywords` field.

Cause pages get their `aliases` from the data file; any other page can list its own in front
matter (`aliases: [...]`). Material's search ranks on the fields declared under
`plugins.search.fields`, so "dnr" finds the "not received" page even though it is not a title.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# MkDocs loads hooks by file path, not as part of a package: make `macros` importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.data import load  # noqa: E402

_page_aliases: dict[str, list[str]] = {}


def on_page_markdown(markdown: str, page, **_kwargs) -> str:
    aliases = page.meta.get("aliases")
    if aliases is not None:
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise RuntimeError(f"docs/{page.file.src_uri}: front matter 'aliases' must be a list of text")
        _page_aliases[page.url] = aliases
    return markdown


def on_post_build(config, **_kwargs) -> None:
    index_path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not index_path.exists():
        return
    data = load(Path(config["config_file_path"]).parent)
    keywords = {url: " ".join(words) for url, words in _page_aliases.items()}
    keywords.update({f"causes/{c.id}/": " ".join(c.aliases) for c in data.causes})
    index = json.loads(index_path.read_text(encoding="utf-8"))
    found = set()
    for doc in index["docs"]:
        words = keywords.get(doc["location"])
        if words:
            doc["keywords"] = words
            found.add(doc["location"])
    missing = {f"causes/{c.id}/" for c in data.causes} - found
    if missing:
        raise RuntimeError(f"search index has no entry for cause pages: {sorted(missing)}")
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
