"""Reading level of a built page: Flesch-Kincaid grade (English), Fernandez-Huerta ease (Spanish),
over the page's prose only.

Code blocks (the letters), tables, citations, scripts and the theme's navigation are left
out; each block (paragraph, list item, heading) counts as at least one sentence, since a
list item without a full stop is still a unit a reader takes in at once.
"""

from __future__ import annotations

from html.parser import HTMLParser

import textstat

SKIP = {"pre", "code", "table", "script", "style", "nav", "svg", "button", "form", "select", "template"}
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "summary", "label", "figcaption", "div"}


class _Prose(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.skip = 0
        self.parts: list[str] = []
        self.stack: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "img", "input", "hr", "meta", "link"):
            return
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        skipping = (tag in SKIP or "cite" in classes or "headerlink" in classes or "md-source-file" in classes
                    or (a.get("lang") == "en" and tag != "html"))  # on a Spanish page: the English letter beside its meaning
        is_article = tag == "article"
        self.stack.append((tag, skipping, is_article))
        if skipping:
            self.skip += 1
        if is_article:
            self.in_article += 1

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            t, skipping, is_article = self.stack.pop()
            if skipping:
                self.skip -= 1
            if is_article:
                self.in_article -= 1
            if t in BLOCKS and self.parts and not self.parts[-1].rstrip().endswith((".", "?", "!", ":")):
                self.parts.append(". ")
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_article and not self.skip and data.strip():
            self.parts.append(data)


def page_prose(html: str) -> str:
    parser = _Prose()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split()).replace(" .", ".")


def page_grade(html: str) -> float:
    textstat.set_lang("en_US")
    return float(textstat.flesch_kincaid_grade(page_prose(html)))


def page_ease_es(html: str) -> float:
    """Fernandez-Huerta reading ease of a Spanish page (higher is easier; 70+ is easy)."""
    textstat.set_lang("es")
    try:
        return float(textstat.fernandez_huerta(page_prose(html)))
    finally:
        textstat.set_lang("en_US")
