"""The shape of a built page: which elements and attributes it has and where its links go.

Data text must never change the shape of a page, only its words: tests build a page with
harmless text and with hostile text in the data, and compare the two shapes.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

URL_ATTRS = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href"}


class _Shape(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: Counter = Counter()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements[(tag, tuple(sorted(name for name, _ in attrs)))] += 1
        self.urls += [value or "" for name, value in attrs if name in URL_ATTRS]

    handle_startendtag = handle_starttag


def page_structure(html: str) -> dict:
    shape = _Shape()
    shape.feed(html)
    shape.close()
    return {"elements": shape.elements, "urls": sorted(shape.urls)}


def site_structure(site: Path) -> dict[str, dict]:
    return {
        path.relative_to(site).as_posix(): page_structure(path.read_text(encoding="utf-8"))
        for path in sorted(site.rglob("*.html"))
    }
