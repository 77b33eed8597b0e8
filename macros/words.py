"""The site's own words around the data, in each language the site is built in.

The data file's words are translated in `data/deactivation.es.yml`; these are the words the
macros and templates add around them (labels, table headings, dates). A page's language comes
from its file name: `docs/<page>.es.md` is Spanish, every other page English.
"""

from __future__ import annotations

import datetime as dt

LANGS = ("en", "es")
DEFAULT = "en"

_MONTHS_ES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre"]


def lang_of(src_uri: str) -> str:
    """`causes/not-received.es.md` -> "es"; any page without a language suffix -> "en"."""
    stem = src_uri.rsplit("/", 1)[-1].removesuffix(".md")
    suffix = stem.rsplit(".", 1)[-1] if "." in stem else ""
    return suffix if suffix in LANGS else DEFAULT


def base_src(src_uri: str) -> str:
    """`causes/not-received.es.md` -> `causes/not-received.md` (the English page's file)."""
    lang = lang_of(src_uri)
    return src_uri[: -len(f".{lang}.md")] + ".md" if src_uri.endswith(f".{lang}.md") else src_uri


def inner_build(config) -> bool:
    """True during the Spanish build that mkdocs-static-i18n runs inside the English one: hooks
    that finish the whole site (search index, security policy) wait for the outer build's end."""
    i18n = config["plugins"].get("i18n")
    return bool(getattr(i18n, "building", False))


def day(date: dt.date, lang: str) -> str:
    """November 26, 2026 / 26 de noviembre de 2026."""
    if lang == "es":
        return f"{date.day} de {_MONTHS_ES[date.month - 1]} de {date.year}"
    return f"{date:%B} {date.day}, {date.year}"


def month(year: int, month_number: int, lang: str) -> str:
    """June 2021 / junio de 2021."""
    if lang == "es":
        return f"{_MONTHS_ES[month_number - 1]} de {year}"
    return f"{dt.date(year, month_number, 1):%B} {year}"


WORDS: dict[str, dict[str, str]] = {
    "en": {
        "label.amazon-says": "Amazon says",
        "label.law-says": "The law says",
        "label.drivers-report": "Drivers report",
        "label.others-report": "Others report",
        "kind.amazon": "Amazon page",
        "kind.news": "News report",
        "kind.law": "Law or court ruling",
        "kind.government": "Government page",
        "kind.advocate": "Lawyer, advocate or guide",
        "kind.driver-report": "Driver report",
        "category.standing": "Standing and reliability",
        "category.delivery": "Deliveries and returns",
        "category.background": "Background checks",
        "category.identity": "Identity and account use",
        "category.account": "Apps, bots and location",
        "category.conduct": "Conduct and safety",
        "category.documents": "Documents and activity",
        "category.other": "No clear reason",
        "outcome.temporary": "Reported as temporary",
        "outcome.permanent": "Reported as permanent",
        "outcome.unclear": "Not clear",
        "source": "source",
        "in_english": "",
        "published": "published",
        "published_on": "published",
        "checked": "checked",
        "copy_of": "A copy; the original:",
        "causes.reason": "Reason",
        "causes.means": "What it means",
        "causes.outcome": "Temporary or permanent?",
        "deadlines.none": "No deadline is published for this reason. Use the date in your own notice.",
        "deadlines.what": "What",
        "deadlines.how_long": "How long",
        "deadlines.counts": "Counts",
        "deadlines.starts": "Starts from",
        "deadlines.how_sure": "How sure",
        "deadlines.days": "{n} days",
        "counting.calendar": "calendar days",
        "counting.business": "business days",
        "letter.subject": "Subject line:",
        "letter.body": "Letter:",
        "letter.optional": "Sentences you can add, only if they are true for you:",
        "letter.pairs": "",
        "letter.type_english": "",
        "letter.in_spanish": "",
        "letter.marker": "",
        "letter.en": "",
        "letter.es": "",
        "finder.label": "Paste your notice, or type a few words about what happened",
        "finder.privacy": "What you paste stays on your phone or computer. It is not sent anywhere.",
        "finder.button": "Find my reason",
        "report.button": "Report a mistake",
        "report.form": ('This opens a short public form on GitHub (you need a free GitHub account). Each page also has a '
                        '"Report a mistake on this page" link at its end, which fills in the page for you.'),
        "report.none": ("This copy of the site was built without a place to send reports. If you run this copy, set "
                        "REPO_URL when you build it (see its README): every page then gets a \"Report a mistake "
                        "on this page\" link. If you are a driver, tell the person or group who shared this site with you."),
        "shortcuts.title": "Short on time? Do these now",
        "shortcuts.first": "[Do the first steps](#what-to-do-first): {n} things to do today.",
        "shortcuts.letter": "[Copy the sample letter](#sample-appeal-letter) and fill in your details.",
        "shortcuts.deadline": "[Check your deadline](#deadlines), or [work out your dates](../timelines.md#calculator).",
        "shortcuts.notice": "The date in your own notice is the one that counts.",
        "shortcuts.send_by": ("Type the date on your notice in the letter below, and the date to send your appeal "
                              "by shows here."),
        "next.after": "What happens after you send it|how long replies take and what to do meanwhile",
        "next.escalate": "If your appeal is turned down|a second appeal, arbitration and other routes",
        "next.log": "Start a log of what happened|dates, calls and proof, kept on your phone",
        "next.rights": "Your rights where you live|cities and states with extra rules",
        "next.dispute": "Dispute the background check report|a letter to the background check company",
        "next.checks": "How background checks work|your rights and their time limits",
    },
    "es": {
        "label.amazon-says": "Amazon dice",
        "label.law-says": "La ley dice",
        "label.drivers-report": "Conductores cuentan",
        "label.others-report": "Otros cuentan",
        "kind.amazon": "Página de Amazon",
        "kind.news": "Noticia",
        "kind.law": "Ley o fallo de un tribunal",
        "kind.government": "Página del gobierno",
        "kind.advocate": "Abogado, defensor o guía",
        "kind.driver-report": "Relato de un conductor",
        "category.standing": "Standing y cumplimiento",
        "category.delivery": "Entregas y devoluciones",
        "category.background": "Verificación de antecedentes",
        "category.identity": "Identidad y uso de la cuenta",
        "category.account": "Apps, bots y ubicación",
        "category.conduct": "Conducta y seguridad",
        "category.documents": "Documentos y actividad",
        "category.other": "Sin motivo claro",
        "outcome.temporary": "Según reportes, temporal",
        "outcome.permanent": "Según reportes, permanente",
        "outcome.unclear": "No está claro",
        "source": "fuente",
        "in_english": "(en inglés)",
        "published": "publicado en",
        "published_on": "publicado el",
        "checked": "revisado el",
        "copy_of": "Es una copia; el original:",
        "causes.reason": "Motivo",
        "causes.means": "Qué quiere decir",
        "causes.outcome": "¿Temporal o permanente?",
        "deadlines.none": "No hay un plazo publicado para este motivo. Usa la fecha de tu propio aviso.",
        "deadlines.what": "Qué",
        "deadlines.how_long": "Cuánto tiempo",
        "deadlines.counts": "Cómo se cuenta",
        "deadlines.starts": "Empieza a contar",
        "deadlines.how_sure": "Qué tan seguro",
        "deadlines.days": "{n} días",
        "counting.calendar": "días calendario",
        "counting.business": "días hábiles",
        "letter.subject": "Asunto (en inglés):",
        "letter.body": "Carta en inglés, lista para copiar:",
        "letter.optional": "Frases que puedes agregar, solo si son ciertas para ti:",
        "letter.pairs": "Qué dice la carta, párrafo por párrafo:",
        "letter.marker": "(Aquí van las frases de abajo que marques, si son ciertas para ti.)",
        "letter.in_spanish": ("También puedes enviar esta queja en español, con la carta de abajo. "
                              "La oficina dice que ofrece interpretación y traducción."),
        "letter.type_english": ("La carta se envía en inglés. Escribe tus datos en inglés si puedes: van dentro de "
                                "esa carta. Tu nombre, tu correo y las fechas se escriben igual."),
        "letter.en": "En inglés (lo que envías)",
        "letter.es": "Qué significa",
        "finder.label": "Pega tu aviso o escribe unas palabras sobre lo que pasó",
        "finder.privacy": "Lo que pegas se queda en tu teléfono o computadora. No se envía a ningún lado.",
        "finder.button": "Buscar mi motivo",
        "report.button": "Reportar un error",
        "report.form": ('Esto abre un formulario corto y público en GitHub (necesitas una cuenta gratis de GitHub). '
                        'Cada página también tiene al final un enlace "Reportar un error en esta página", que llena '
                        'la página por ti.'),
        "report.none": ("Esta copia del sitio se hizo sin un lugar para recibir reportes. Si tú manejas esta copia, "
                        "pon REPO_URL al construirla (lee su README): así cada página tendrá un enlace \"Reportar "
                        "un error en esta página\". Si eres conductor, avísale a la persona o grupo que te compartió "
                        "este sitio."),
        "shortcuts.title": "¿Tienes poco tiempo? Haz esto ahora",
        "shortcuts.first": "[Haz los primeros pasos](#what-to-do-first): {n} cosas para hacer hoy.",
        "shortcuts.letter": "[Copia la carta de ejemplo](#sample-appeal-letter) y llénala con tus datos.",
        "shortcuts.deadline": "[Revisa tu plazo](#deadlines) o [calcula tus fechas](../timelines.md#calculator).",
        "shortcuts.notice": "La fecha que cuenta es la de tu propio aviso.",
        "shortcuts.send_by": ("Escribe la fecha de tu aviso en la carta de abajo, y aquí verás la fecha límite "
                              "para enviar tu apelación."),
        "next.after": "Qué pasa después de enviarla|cuánto tardan en responder y qué hacer mientras tanto",
        "next.escalate": "Si rechazan tu apelación|una segunda apelación, el arbitraje y otros caminos",
        "next.log": "Empieza un registro de lo que pasó|fechas, llamadas y pruebas, guardadas en tu teléfono",
        "next.rights": "Tus derechos donde vives|ciudades y estados con reglas extra",
        "next.dispute": "Disputa el informe de antecedentes|una carta para la empresa de verificación",
        "next.checks": "Cómo funciona la verificación de antecedentes|tus derechos y sus plazos",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS[lang]
