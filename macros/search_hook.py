"""MkDocs hook: put each cause's aliases (the words drivers use) into the search index.

Material's search ranks on the fields declared under `plugins.search.fields`; this hook
writes a `keywords` field on each cause page's entry after the index is built, so
"dnr" finds the "not received" page even though the page never uses that word as a title.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# MkDocs loads hooks by file path, not as part of a package: make `macros` importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.data import load  # noqa: E402


def on_post_build(config, **_kwargs) -> None:
    index_path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not index_path.exists():
        return
    data = load(Path(config["config_file_path"]).parent)
    keywords = {f"causes/{c.id}/": " ".join(c.aliases) for c in data.causes}
    index = json.loads(index_path.read_text(encoding="utf-8"))
    found = set()
    for doc in index["docs"]:
        words = keywords.get(doc["location"])
        if words:
            doc["keywords"] = words
            found.add(doc["location"])
    missing = set(keywords) - found
    if missing:
        raise RuntimeError(f"search index has no entry for cause pages: {sorted(missing)}")
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
