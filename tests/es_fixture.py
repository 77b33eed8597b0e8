"""A copy of the built site whose Spanish tool pages are complete, for testing the tools'
Spanish edition. Cause pages are the real Spanish pages. The deadline, finder and evidence log
pages fall back to English under /es/ until their .es.md is written: in the copy they get the
real Spanish words of data/deactivation.es.yml in their data templates (as the Spanish build
gives them) and Spanish table headings. Once those pages exist, these changes find nothing to do.
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
    "Case number": "Número de caso", "Who": "Quién", "What they said": "Qué te dijeron", "Sent to": "Enviada a",
    "What you attached": "Qué adjuntaste", "Reply": "Respuesta",
}
EVIDENCE_TITLES = {"Blocks": "Bloques", '"Not received" reports': 'Reportes de "no recibido"',
                   "Support contacts": "Contactos con Soporte", "Appeals sent": "Apelaciones enviadas"}

PAGES = ("es/timelines/", "es/find-your-reason/", "es/evidence-log/")


def _template(page: str, name: str) -> tuple[re.Match, object]:
    m = re.search(rf'(<template class="{name}"[^>]*>)(.*?)(</template>)', page, re.S)
    assert m, f"no {name} template in the built page"
    return m, json.loads(html.unescape(m.group(2)))


def _put(page: str, name: str, value: object) -> str:
    m, _ = _template(page, name)
    return page[:m.start(2)] + html.escape(json.dumps(value, ensure_ascii=False), quote=False) + page[m.end(2):]


def _spanish(text: str) -> str:
    return re.sub(r'<html lang="en"', '<html lang="es"', text, count=1)


def _timelines_page(text: str) -> str:
    sp = spanish().data
    _, data = _template(text, "deadline-data")
    for d in data["deadlines"]:
        d["label"], d["note"] = sp.deadlines[d["id"]].label, sp.deadlines[d["id"]].note
        d["confidence"] = CLAIMS.get(d["confidence"], d["confidence"])
    for k, e in data["events"].items():
        e["label"], e["ask"] = sp.events[k].label, sp.events[k].ask
    data["places"] = {k: sp.places[k].label for k in data["places"]}
    return _put(text, "deadline-data", data)


def _finder_page(text: str) -> str:
    sp = {c.id: c for c in spanish().data.causes}
    _, causes = _template(text, "finder-data")
    for c in causes:
        es = sp[c["id"]]
        if c["title"] != es.title:  # an English page: the Spanish words, and the English aliases too
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
    for rel, change in zip(PAGES, (_timelines_page, _finder_page, _evidence_page), strict=True):
        path = out / rel / "index.html"
        path.write_text(_spanish(change(path.read_text(encoding="utf-8"))), encoding="utf-8")
    return out
