"""A Spanish copy of the tool pages, for testing the tools' Spanish edition until the Spanish
pages (docs/*.es.md) of the cause, deadline, finder and evidence log pages are written: the
built English pages, copied and turned into Spanish pages the way the Spanish build delivers
them (<html lang="es">, the real Spanish words of data/deactivation.es.yml in the data templates,
the letter's meaning and its English/Spanish pairs as macros/templates/letter.html draws them).
The facts (ids, placeholders, days) come from the real build unchanged.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

MARKER = "[Add any sentences below that are true for you]"
CLAIMS = {"Amazon says": "Amazon dice", "The law says": "La ley dice", "Drivers report": "Conductores cuentan",
          "Others report": "Otros cuentan"}


def spanish():
    """The Spanish view of the real data (data/deactivation.es.yml), as the Spanish build uses it."""
    from conftest import ROOT
    from macros.translations import load_es

    return load_es(ROOT)


# Page text the tools sit in (the real Spanish pages write their own).
FINDER_LABEL = "Pega tu aviso o escribe unas palabras sobre lo que pasó"
FINDER_BUTTON = "Buscar mi motivo"
EVIDENCE_HEADINGS = {
    "Date": "Fecha", "Station": "Estación", "Start and end": "Inicio y fin", "Packages": "Paquetes", "Notes": "Notas",
    "Address or order": "Dirección o pedido", "Where you left it": "Dónde lo dejaste", "Photo taken?": "¿Tomaste foto?",
    "Date and time": "Fecha y hora", "How (app, phone, email)": "Cómo (app, teléfono, correo)",
    "Case number": "Número de caso", "Who": "Quién", "What they said": "Qué te dijeron", "Sent to": "A quién se envió",
    "What you attached": "Qué adjuntaste", "Reply": "Respuesta",
}
EVIDENCE_TITLES = {"Blocks": "Bloques", '"Not received" reports': 'Reportes de "no recibido"',
                   "Support contacts": "Contactos con Soporte", "Appeals sent": "Apelaciones enviadas"}

PAGES = ("causes/not-received/", "timelines/", "find-your-reason/", "evidence-log/")


def _template(page: str, name: str) -> tuple[re.Match, object]:
    m = re.search(rf'(<template class="{name}"[^>]*>)(.*?)(</template>)', page, re.S)
    assert m, f"no {name} template in the built page"
    return m, json.loads(html.unescape(m.group(2)))


def _put(page: str, name: str, value: object) -> str:
    m, _ = _template(page, name)
    return page[:m.start(2)] + html.escape(json.dumps(value, ensure_ascii=False), quote=False) + page[m.end(2):]


def pairs_html(english: str, spanish: str, subject_en: str, subject_es: str) -> str:
    """The pairs as the Spanish build renders them (macros/templates/letter.html), text only."""
    from macros.translations import paragraphs

    en, es = [subject_en, *paragraphs(english)], [subject_es, *paragraphs(spanish)]
    assert len(en) == len(es), "the meaning has the letter's paragraphs"
    rows = "".join(f'<div class="letter-pair"><div class="letter-en" lang="en"><span class="letter-pair-label">'
                   f'En inglés (lo que envías)</span>{html.escape(a)}</div><div class="letter-es" lang="es">'
                   f'<span class="letter-pair-label">Qué significa</span>{html.escape(b)}</div></div>'
                   for a, b in zip(en, es))
    return f'<p><strong>Qué dice la carta, párrafo por párrafo:</strong></p><div class="letter-pairs">{rows}</div>'


def _spanish(text: str) -> str:
    return re.sub(r'<html lang="en"', '<html lang="es"', text, count=1)


def _letter_page(text: str) -> str:
    sp = spanish()
    cause = next(c for c in sp.data.causes if c.id == "not-received")
    fields = {f.id: f for f in list(sp.data.letter_fields) + list(cause.letter.fields)}
    _, blanks = _template(text, "letter-blanks")
    for b in blanks:
        b["label"] = fields[b["id"]].label
        if fields[b["id"]].hint:
            b["hint"] = fields[b["id"]].hint
        else:
            b.pop("hint", None)
    text = _put(text, "letter-blanks", blanks)
    labels = {s.id: s.label for s in cause.letter.statements}
    _, statements = _template(text, "letter-statements")
    for s in statements:
        s["label"] = labels[s["id"]]
    text = _put(text, "letter-statements", statements)
    box = re.search(r'<div class="letter" id="letter-not-received"[^>]*>(.*?)<template class="letter-blanks"', text, re.S)
    codes = [html.unescape(c) for c in re.findall(r"<pre[^>]*><code[^>]*>(.*?)</code></pre>", box.group(1), re.S)]
    m = sp.meanings["cause:not-received"]
    meaning = {"subject": m.subject, "body": m.body, "statements": m.statements}
    extra = (pairs_html(codes[1], m.body, codes[0], m.subject) + '<template class="letter-meaning">' +
             html.escape(json.dumps(meaning, ensure_ascii=False), quote=False) + "</template>")
    at = text.index('<template class="letter-blanks">', box.start(1))
    text = text[:at] + extra + text[at:]
    _, windows = _template(text, "cause-deadlines")
    for w in windows:
        w["label"] = sp.data.deadlines[w["id"]].label
        w["confidence"] = CLAIMS[w["confidence"]]
    text = _put(text, "cause-deadlines", windows)
    return text.replace("Type the date on your notice in the letter below, and the date to send your appeal by shows here.",
                        "Escribe la fecha de tu aviso en la carta de abajo, y aquí verás la fecha límite para enviar "
                        "tu apelación.")


def _timelines_page(text: str) -> str:
    sp = spanish().data
    _, data = _template(text, "deadline-data")
    for d in data["deadlines"]:
        d["label"], d["note"] = sp.deadlines[d["id"]].label, sp.deadlines[d["id"]].note
        d["confidence"] = CLAIMS[d["confidence"]]
    for k, e in data["events"].items():
        e["label"], e["ask"] = sp.events[k].label, sp.events[k].ask
    data["places"] = {k: sp.places[k].label for k in data["places"]}
    return _put(text, "deadline-data", data)


def _finder_page(text: str) -> str:
    sp = {c.id: c for c in spanish().data.causes}
    _, causes = _template(text, "finder-data")
    for c in causes:
        es = sp[c["id"]]
        c["title"], c["summary"], c["aliases"] = es.title, es.summary, es.aliases + c["aliases"]
    text = _put(text, "finder-data", causes)
    text = text.replace("Paste your notice, or type a few words about what happened", FINDER_LABEL)
    return text.replace(">Find my reason</button>", f">{FINDER_BUTTON}</button>")


def _evidence_page(text: str) -> str:
    for en, es in EVIDENCE_HEADINGS.items():
        text = text.replace(f"<th>{en}</th>", f"<th>{es}</th>")
    for en, es in EVIDENCE_TITLES.items():
        text = re.sub(rf'(<h2 id="[^"]+">){re.escape(en)}</h2>', lambda m: f"{m.group(1)}{es}</h2>", text)
    return text


def make_spanish_copy(site: Path, out: Path, origin: str = "", served_at: str = "") -> Path:
    """Copy the built site to `out` and turn the four tool pages into Spanish pages. The site was
    built for `origin`; its absolute addresses (canonical, hreflang, sitemap) are moved to
    `served_at`, where the copy is served."""
    shutil.copytree(site, out)
    if origin and served_at:
        for path in [*out.rglob("*.html"), *out.rglob("*.xml")]:
            text = path.read_text(encoding="utf-8")
            if origin in text:
                path.write_text(text.replace(origin, served_at), encoding="utf-8")
    for rel, change in zip(PAGES, (_letter_page, _timelines_page, _finder_page, _evidence_page), strict=True):
        path = out / rel / "index.html"
        path.write_text(_spanish(change(path.read_text(encoding="utf-8"))), encoding="utf-8")
    return out
