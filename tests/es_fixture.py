"""A Spanish copy of the tool pages, for testing the tools' Spanish edition before (or without)
the real /es/ pages: the built English pages, copied and turned into Spanish pages the way the
Spanish build delivers them (<html lang="es">, Spanish words in the data templates, the letter's
Spanish meaning and its English/Spanish pairs). Only what the tools read is translated here; the
words are ours, written for this test, and the facts (ids, placeholders, days) come from the
real build unchanged.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

MARKER = "[Add any sentences below that are true for you]"

# ---- The not-received letter ----

BLANKS = {
    "name": ("Tu nombre completo", None),
    "email": ("El correo de tu cuenta de Flex", None),
    "phone": ("Tu número de teléfono", None),
    "notice-date": ("La fecha de tu aviso", None),
    "notice-words": ("Las palabras de tu aviso", "Copia una o dos frases de tu aviso, palabra por palabra. "
                     "Por ejemplo, la frase que da la razón."),
    "block-dates": ("Las fechas de los bloques", "Escríbelas en inglés, porque van en la carta. "
                    "Por ejemplo: November 3 and 4, 2026."),
    "mistake": ("Qué salió mal, en tus palabras", "Solo si es cierto. Escríbelo en inglés. "
                "Por ejemplo: on November 3, 2026 I was 20 minutes late to my block"),
    "changed": ("Qué cambiaste desde entonces", "En inglés. Por ejemplo: I now leave home 45 minutes before each block."),
    "where-left": ("Dónde dejaste los paquetes", "En inglés. Por ejemplo: the front porch, by the door"),
    "photo-stops": ("Las paradas donde tomaste una foto de entrega",
                    "En inglés. Por ejemplo: 14 Oak Street and 22 Elm Street on November 3, 2026"),
    "attached": ("Qué adjuntaste", "En inglés. Por ejemplo: 4 delivery photos and 2 screenshots of my route"),
}

STATEMENTS = {
    "where-left": ("Recuerdo dónde dejé los paquetes",
                   "El [Block Dates] dejé los paquetes en [Where You Left the Packages]."),
    "photos": ("Tomé una foto de entrega en estas paradas",
               "Tomé una foto de entrega en estas paradas: [Stops With a Photo]."),
    "mistake": ("Cometí un error en una parada, y cambié lo que hago",
                "Cometí un error: [What Went Wrong]. Esto es lo que cambié desde entonces: [What You Changed]"),
    "dont-know": ("No sé qué pasó con los paquetes",
                  "No sé qué pasó con estos paquetes. Por favor, muéstrenme los registros de cada parada, "
                  "para que yo pueda responder."),
    "attached": ("Envío pruebas con esta carta", "Envío adjunto: [What You Attached]."),
}

MEANING_SUBJECT = "Apelación de la desactivación: paquetes reportados como no recibidos, [Email on Your Flex Account]"
MEANING_BODY = """Hola, Soporte de Amazon Flex:

Me llamo [Your Full Name]. Mi cuenta de Flex usa [Email on Your Flex Account]. El [Date on the Notice] recibí un aviso. Decía que mi cuenta fue desactivada porque unos clientes reportaron paquetes como no recibidos. El aviso decía: "[Words in Your Notice]"

[Add any sentences below that are true for you]

Pido que una persona revise mi caso. Por favor, revisen el registro de GPS, las horas de escaneo y las fotos de entrega de cada parada del [Block Dates]. Compárenlos con la dirección del cliente.

Por favor, envíenme también los registros en los que se basa esta decisión: qué entregas se reportaron, cuándo y qué se revisó.

Gracias,
[Your Full Name]
[Phone Number]"""

# ---- Deadlines ----

DEADLINES = {
    "appeal-window-reported": ("Envía tu apelación (según se reporta)",
                               "No encontramos una página de Amazon que diga este plazo. Una guía de un foro y un "
                               "resumen de un reportaje de Bloomberg de 2021 dicen 10 días. Otra guía dice 7. "
                               "El plazo que da tu propio aviso es el que cuenta. Si no lo encuentras, envía tu "
                               "apelación lo antes que puedas."),
    "appeal-window-short-reported": ("Envía tu apelación antes de esta fecha, para ir seguro (el plazo más corto reportado)",
                                     "Una guía dice 7 días, el plazo más corto que encontramos. Si tu aviso no da "
                                     "un plazo, apunta a esta fecha. Si da uno, ese es el que cuenta."),
    "appeal-reply-reported": ("La respuesta puede tardar hasta 3 semanas (según se reporta; no es un plazo)",
                              "No encontramos una página de Amazon que diga cuánto tarda una decisión. Un foro dice "
                              "hasta tres semanas, y una guía dice de 3 a 7 días hábiles para una primera "
                              "respuesta. Si no sabes nada, vuelve a escribir."),
    "fcra-free-copy": ("Pide una copia gratis de tu informe de antecedentes",
                       "Si usaron un informe de antecedentes en tu contra, la ley federal te da una copia gratis "
                       "si la pides dentro de los 60 días después del aviso."),
    "fcra-reinvestigation": ("La compañía de antecedentes termina de revisar tu disputa",
                             "La compañía tiene 30 días desde que recibe tu disputa. Puede tardar 15 días más si "
                             "envías información nueva durante esos 30 días."),
    "fcra-reinvestigation-extended": ("Fecha más tarde si se alarga la revisión",
                                      "Los 15 días extra cuentan solo si envías más información durante los "
                                      "primeros 30 días. No cuentan si se ve que el dato está mal o no se puede revisar."),
    "arbitration-notice-reported": ("Primer día para pedir arbitraje después de tu aviso (según se reporta)",
                                    "Conductores cuentan que los Términos del Servicio piden un aviso de disputa "
                                    "30 días antes. Revisa tu propia copia de los Términos."),
    "seattle-notice": ("Seattle: primer día en que la mayoría de las desactivaciones deberían empezar (si la ley cubre Flex)",
                       "Se reporta para la ordenanza de Seattle. Si la falta es grave, el aviso puede llegar el "
                       "mismo día. No está confirmado que la ley cubra Amazon Flex."),
    "nyc-notice": ("Nueva York: primer día de una baja permanente (si el proyecto es ley y cubre Flex)",
                   "En el proyecto de ley que aprobó el Concejo en diciembre de 2025. No pudimos confirmar que sea "
                   "ley, ni que cubra Amazon Flex."),
}
EVENTS = {
    "notice": ("La fecha de tu aviso de desactivación", "¿Qué fecha trae tu correo o aviso de desactivación?"),
    "appeal-sent": ("El día que enviaste tu apelación", "¿Qué día enviaste tu apelación?"),
    "adverse-action": ("La fecha del aviso de acción adversa sobre tu verificación de antecedentes",
                       "¿Qué fecha trae el aviso de acción adversa sobre tus antecedentes?"),
    "dispute-received": ("El día que la compañía de antecedentes recibe tu disputa",
                         "¿Qué día recibió tu disputa la compañía de antecedentes?"),
    "dispute-notice-sent": ("El día que envías a Amazon un aviso de disputa", "¿Qué día enviaste tu aviso de disputa?"),
}
PLACES = {"california": "California", "colorado": "Colorado", "eu": "Un país de la Unión Europea",
          "nyc": "La ciudad de Nueva York", "seattle": "Seattle, Washington", "uk": "El Reino Unido"}

# ---- The finder: Spanish titles and the words Spanish-speaking drivers use (the English
# aliases stay too: many paste the English notice). ----

CAUSES = {
    "standing-at-risk": ("Tu Standing bajó a At Risk", ["standing en riesgo", "bajo mi standing", "me bajaron el standing",
                         "at risk", "en riesgo", "estado de la cuenta", "de fantastic a fair", "calificacion baja",
                         "puntuacion baja", "mala calificacion", "metricas"]),
    "not-received": ("Paquetes entregados pero no recibidos (DNR)", ["no recibido", "entregado pero no recibido",
                     "paquete no recibido", "no le llego el paquete", "no llego", "paquete perdido", "paquete faltante",
                     "no recibieron", "cliente no recibio", "me pusieron dnr", "concesiones"]),
    "late-or-missed-blocks": ("Bloques tarde, perdidos o cancelados", ["tarde", "llegue tarde", "llegar tarde",
                              "tarde al bloque", "bloque perdido", "perdi un bloque", "no me presente", "no show",
                              "cancele el bloque", "cancelacion tarde", "cancelar tarde", "solte el bloque",
                              "45 minutos", "entregas tarde"]),
    "undeliverable-returns": ("Paquetes no entregados que no devolviste a tiempo", ["paquetes sin entregar",
                              "no entregables", "no regrese los paquetes", "no devolvi los paquetes", "devolver paquetes",
                              "devolucion", "regresar a la estacion", "paquetes en el carro", "me quede con paquetes",
                              "devolvi tarde", "paquetes devueltos", "no pude entregar"]),
    "background-check-criminal": ("No pasaste la verificación de antecedentes: antecedentes penales", [
                                  "verificacion de antecedentes", "antecedentes penales", "antecedentes criminales",
                                  "record criminal", "informe de antecedentes", "reporte de antecedentes",
                                  "aviso previo a la accion adversa", "accion adversa", "delito", "arresto", "condena"]),
    "background-check-driving-record": ("No pasaste la verificación de antecedentes: historial de manejo", [
                                        "historial de manejo", "record de manejo", "multas", "multa de transito",
                                        "infracciones", "licencia suspendida", "puntos en la licencia",
                                        "manejar borracho"]),
    "identity-selfie": ("La selfie o la verificación de identidad no coincidió", ["selfie", "la selfie no coincide",
                        "verificacion de identidad", "verificar tu identidad", "verificar mi identidad",
                        "foto no coincide", "reconocimiento facial", "identidad", "no reconocio mi cara"]),
    "account-sharing": ("Cuenta compartida o más de una cuenta", ["compartir la cuenta", "cuenta compartida",
                        "otra persona uso mi cuenta", "alguien mas manejo", "dos cuentas", "mas de una cuenta",
                        "cuenta duplicada", "prestar la cuenta", "otra persona entrego", "la comparti"]),
    "bots-and-automation": ("Bots y apps para agarrar bloques", ["bot", "usar un bot", "app para agarrar bloques",
                            "app de terceros", "software de terceros", "aplicacion de terceros",
                            "automatizacion", "clicker", "tomar bloques automaticamente"]),
    "location-spoofing": ("Ubicación falsa (GPS falso)", ["ubicacion falsa", "gps falso", "fake gps",
                          "falsificar la ubicacion", "cambiar la ubicacion", "la ubicacion no coincide",
                          "ofertas instantaneas", "app de ubicacion"]),
    "expired-documents": ("Licencia, seguro u otros documentos vencidos", ["licencia vencida", "seguro vencido",
                          "documentos vencidos", "licencia expirada", "aseguranza", "aseguranza vencida",
                          "subir el seguro", "documento no valido", "registracion vencida", "papeles vencidos", "vencio"]),
    "conduct-complaints": ("Quejas por cómo actuaste", ["queja", "queja de un cliente", "mala conducta", "grosero",
                           "falta de respeto", "comportamiento", "discusion con un cliente", "pelea en la estacion",
                           "acoso", "poco profesional"]),
    "unsafe-driving": ("Manejo peligroso o un reporte de seguridad", ["manejo peligroso", "exceso de velocidad",
                       "accidente", "choque", "reporte de seguridad", "manejo inseguro", "telefono manejando",
                       "pasarse un alto", "manejo imprudente"]),
    "fraud-or-theft": ("Te acusan de robo, fraude o de abrir paquetes", ["robo", "robo de paquetes", "robar paquetes",
                       "fraude", "abrir paquetes", "paquetes abiertos", "me acusaron de robo", "me acusan de robar",
                       "actividad fraudulenta"]),
    "inactivity": ("Cuenta cerrada por no trabajar (inactividad)", ["inactividad", "cuenta inactiva", "no trabaje",
                   "no hice bloques", "no he trabajado", "cerrada por inactividad", "mucho tiempo sin trabajar",
                   "deje de trabajar"]),
    "no-reason-given": ("Desactivada sin razón", ["sin razon", "sin motivo", "no me dijeron por que",
                        "sin explicacion", "no dieron ninguna razon", "no se la razon", "terminar tu participacion",
                        "terminaron mi participacion"]),
}

# Page text the tools sit in (the real Spanish pages write their own).
FINDER_LABEL = "Pega tu aviso, o escribe unas palabras sobre lo que pasó"
FINDER_BUTTON = "Buscar mi razón"
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


def pairs_html(english: str, spanish: str) -> str:
    """The pairs as the Spanish build renders them, text only, for readers with scripts off."""
    split = lambda t: [p.strip("\n") for p in re.split(r"\n[ \t]*\n", t) if p.strip()]
    en, es = split(english), split(spanish)
    assert len(en) == len(es), "the meaning has the letter's paragraphs"
    rows = "".join(f'<div class="letter-pair"><div class="letter-en" lang="en">{html.escape(a)}</div>'
                   f'<div class="letter-es" lang="es">{html.escape(b)}</div></div>' for a, b in zip(en, es))
    return f'<div class="letter-pairs">{rows}</div>'


def _spanish(text: str) -> str:
    return re.sub(r'<html lang="en"', '<html lang="es"', text, count=1)


def _letter_page(text: str) -> str:
    _, blanks = _template(text, "letter-blanks")
    for b in blanks:
        label, hint = BLANKS[b["id"]]
        b["label"] = label
        if hint:
            b["hint"] = hint
        else:
            b.pop("hint", None)
    text = _put(text, "letter-blanks", blanks)
    _, statements = _template(text, "letter-statements")
    for s in statements:
        s["label"] = STATEMENTS[s["id"]][0]
    text = _put(text, "letter-statements", statements)
    box = re.search(r'<div class="letter" id="letter-not-received"[^>]*>(.*?)<template class="letter-blanks"', text, re.S)
    body = html.unescape(re.findall(r"<pre[^>]*><code[^>]*>(.*?)</code></pre>", box.group(1), re.S)[1])
    meaning = {"subject": MEANING_SUBJECT, "body": MEANING_BODY,
               "statements": {k: v[1] for k, v in STATEMENTS.items()}}
    extra = (pairs_html(body, MEANING_BODY) + '<template class="letter-meaning">' +
             html.escape(json.dumps(meaning, ensure_ascii=False), quote=False) + "</template>")
    at = box.start(1) + box.group(1).index('<div class="letter-statements-plain">')
    text = text[:at] + extra + text[at:]
    _, windows = _template(text, "cause-deadlines")
    for w in windows:
        w["label"] = DEADLINES[w["id"]][0]
    text = _put(text, "cause-deadlines", windows)
    return text.replace("Type the date on your notice in the letter below, and the date to send your appeal by shows here.",
                        "Escribe la fecha de tu aviso en la carta de abajo. Aquí verás la fecha límite para enviar tu apelación.")


def _timelines_page(text: str) -> str:
    _, data = _template(text, "deadline-data")
    for d in data["deadlines"]:
        d["label"], d["note"] = DEADLINES[d["id"]]
    for k, e in data["events"].items():
        e["label"], e["ask"] = EVENTS[k]
    data["places"] = {k: PLACES[k] for k in data["places"]}
    return _put(text, "deadline-data", data)


def _finder_page(text: str) -> str:
    _, causes = _template(text, "finder-data")
    for c in causes:
        title, aliases = CAUSES[c["id"]]
        c["title"] = title
        c["summary"] = "Resumen de " + title.lower() + "."
        c["aliases"] = aliases + c["aliases"]
    text = _put(text, "finder-data", causes)
    text = text.replace("Paste your notice, or type a few words about what happened", FINDER_LABEL)
    return text.replace(">Find my reason</button>", f">{FINDER_BUTTON}</button>")


def _evidence_page(text: str) -> str:
    for en, es in EVIDENCE_HEADINGS.items():
        text = text.replace(f"<th>{en}</th>", f"<th>{es}</th>")
    for en, es in EVIDENCE_TITLES.items():
        text = re.sub(rf'(<h2 id="[^"]+">){re.escape(en)}</h2>', lambda m: f"{m.group(1)}{es}</h2>", text)
    return text


def make_spanish_copy(site: Path, out: Path) -> Path:
    """Copy the built site to `out` and turn the four tool pages into Spanish pages."""
    shutil.copytree(site, out)
    for rel, change in zip(PAGES, (_letter_page, _timelines_page, _finder_page, _evidence_page), strict=True):
        path = out / rel / "index.html"
        path.write_text(_spanish(change(path.read_text(encoding="utf-8"))), encoding="utf-8")
    return out
