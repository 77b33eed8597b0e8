"""The browser tools on Spanish pages, used the way a Spanish-speaking driver uses them on a phone.

They run on the real Spanish pages under /es/, with the Spanish words of data/deactivation.es.yml. Every word a tool shows must be Spanish there, while the letter a driver sends
stays English and the page shows, beside each English paragraph, what it means.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess

import pytest

from conftest import ROOT
from macros.translations import load_es
from test_finder import NOTICES as ENGLISH_NOTICES
from test_tools_storage import type_two_digit_year

ASSETS = ROOT / "overrides" / "assets"
TOOLS = ("letters.js", "checklists.js", "deadlines.js", "evidence.js", "finder.js", "site.js")
MARKER = "[Add any sentences below that are true for you]"
ES = load_es(ROOT)
NOT_RECEIVED = next(c for c in ES.data.causes if c.id == "not-received")
WHERE_LEFT = next(s.label for s in NOT_RECEIVED.letter.statements if s.id == "where-left")
DEADLINE = {k: d.label for k, d in ES.data.deadlines.items()}
NOTICE_ASK = ES.data.events["notice"].ask
FINDER_LABEL = "Pega tu aviso o escribe unas palabras sobre lo que pasó"
FINDER_BUTTON = "Buscar mi motivo"


@pytest.fixture
def es(base_url):
    """The site's root; the Spanish pages are under es/."""
    return base_url


def english_words() -> list[str]:
    """Every English string in the tools' word tables (the `en:` tables and site.js's), as the
    driver would see it: literal pieces of four letters or more."""
    found = []
    for name in TOOLS:
        code = (ASSETS / name).read_text(encoding="utf-8")
        for table in re.findall(r"\ben: \{(.*?)\n?\s*\},?\n\s*(?:es: \{|\};)", code, re.S):
            for literal in re.findall(r'"((?:[^"\\]|\\.)*)"', table):
                text = literal.encode().decode("unicode_escape").strip(" .:,()\u2026")
                if len(text) >= 4 and re.search(r"[A-Za-z]{3}", text) and text not in ("en-US",):
                    found.append(text)
    assert len(found) > 120, "the English tables were read"
    return sorted(set(found))


ENGLISH = english_words()


def english_left(text: str) -> list[str]:
    return [w for w in ENGLISH if re.search(r"(?<![A-Za-z])" + re.escape(w) + r"(?![A-Za-z])", text)]


# Every text a tool writes into the page, hidden parts included (confirm steps, messages), and
# every aria-label; English the driver sends (lang="en": the letter's own sentences) left out.
TOOL_TEXT = """() => {
  const parts = [];
  const tools = document.querySelectorAll(
    '.letter-tools, .letter-pairs, .checklist-remember, .checklist-danger, .checklist-status, .send-by, ' +
    '#deadline-calculator, .finder-window, #finder-results, .evlog-tools, .evlog-part, .confirm-step');
  for (const node of tools) {
    const copy = node.cloneNode(true);
    copy.querySelectorAll('[lang="en"], .cite').forEach((n) => n.remove());
    parts.push(copy.textContent);
  }
  document.querySelectorAll('article [aria-label]').forEach((n) => parts.push(n.getAttribute('aria-label')));
  return parts.join('\\n');
}"""


# A pair's own text, without its label.
CELL_TEXT = "cells => cells.map(c => [...c.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(''))"


def status(page, words: str):
    region = page.locator(".letter .letter-status")
    region.filter(has_text=words).wait_for()
    assert region.get_attribute("aria-live") == "polite"
    return region


# ---- The letter ----

LETTER = "es/causes/not-received/"
MEANING = ES.meanings["cause:not-received"]


def test_a_spanish_page_fills_the_english_letter_and_shows_what_it_means(page, es):
    page.goto(es + LETTER)
    page.locator(".letter > .letter-tools").wait_for()
    assert page.evaluate("document.documentElement.lang") == "es"
    page.get_by_label("Tu nombre completo").fill("María Núñez")
    page.get_by_label("La dirección de correo de tu cuenta de Flex").fill("maria@example.com")
    page.get_by_label("La fecha de tu aviso").fill("2026-11-20")
    where = page.get_by_label("Dónde dejaste los paquetes")
    assert where.is_hidden()
    page.get_by_label(WHERE_LEFT).check()
    status(page, "Frase agregada a la carta")
    where.fill("the front porch")
    page.get_by_label("Las fechas de los bloques en cuestión").fill("November 3 and 4, 2026")

    # The clipboard gets the English letter, filled.
    page.get_by_role("button", name="Copiar carta").click()
    status(page, "Carta copiada")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Hello Amazon Flex Support,")
    assert "My name is María Núñez." in copied and "On November 20, 2026 I got a notice" in copied
    assert "On November 3 and 4, 2026 I left the packages at the front porch." in copied
    assert MARKER not in copied and "Me llamo" not in copied
    assert page.locator(".letter pre > code").nth(1).inner_text().rstrip("\n") == copied
    page.get_by_role("button", name="Copiar asunto").click()
    status(page, "Asunto copiado")
    assert page.evaluate("navigator.clipboard.readText()") == \
        "Appeal of deactivation: packages reported not received, maria@example.com"

    # Each English paragraph beside its meaning, filled with the same values.
    pairs = page.locator(".letter-pair")
    english, spanish = (pairs.locator(side).evaluate_all(CELL_TEXT) for side in (".letter-en", ".letter-es"))
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", copied) if p.strip()]
    assert english[1:] == paragraphs, "the pairs show the letter that is copied, paragraph by paragraph"
    assert english[0] == "Appeal of deactivation: packages reported not received, maria@example.com"
    assert spanish[0].startswith("Apelación de la desactivación") and spanish[0].endswith("maria@example.com")
    mine = next(i for i, t in enumerate(english) if t.startswith("My name is"))
    assert "Me llamo María Núñez." in spanish[mine] and "El 20 de noviembre de 2026 recibí un aviso" in spanish[mine]
    left = next(i for i, t in enumerate(english) if "I left the packages" in t)
    assert spanish[left] == MEANING.statements["where-left"].replace("[Block Dates]", "November 3 and 4, 2026").replace(
        "[Where You Left the Packages]", "the front porch")
    assert english[-1] == "Thank you,\nMaría Núñez\n[Phone Number]"
    assert spanish[-1] == MEANING.body.strip().split("\n\n")[-1].replace("[Your Full Name]", "María Núñez").replace(
        "[Phone Number]", "[Tu número de teléfono]"), "a blank not filled yet is named in Spanish, as the page names it"
    assert pairs.first.locator(".letter-en").get_attribute("lang") == "en"
    assert pairs.first.locator(".letter-es").get_attribute("lang") == "es"

    # Unticking takes the sentence out of both.
    page.get_by_label(WHERE_LEFT).uncheck()
    status(page, "Frase quitada de la carta")
    assert not [t for t in page.locator(".letter-pair .letter-es").evaluate_all(CELL_TEXT) if t == spanish[left]]
    assert not [t for t in page.locator(".letter-pair .letter-en").all_inner_texts() if "I left the packages" in t]
    # Typing is announced once the driver pauses.
    page.get_by_label("Tu número de teléfono").fill("555-0100")
    status(page, "Se actualizó la carta en inglés")
    assert page.locator(".letter-pair").last.locator(".letter-es").inner_text().endswith("555-0100")

    with page.expect_download() as download:
        page.get_by_role("button", name="Descargar .txt").click()
    assert download.value.suggested_filename == "carta-flex-not-received.txt"
    text = open(download.value.path(), encoding="utf-8").read()
    assert text.startswith("Subject: Appeal of deactivation") and "María Núñez" in text
    mail = page.get_by_role("link", name="Abrir en la app de correo").get_attribute("href")
    assert mail.startswith("mailto:?subject=Appeal%20of%20deactivation")
    assert not page.errors, page.errors


def test_the_pairs_stack_on_a_phone_with_labels_and_sit_side_by_side_on_a_wide_screen(page, es):
    page.goto(es + LETTER)
    page.locator(".letter > .letter-tools").wait_for()
    pair = page.locator(".letter-pair").nth(1)
    labels = pair.locator(".letter-pair-label")
    assert labels.all_inner_texts() == ["En inglés (lo que envías)", "Qué significa"]
    assert labels.first.get_attribute("lang") == "es", "Spanish words inside the English half are marked Spanish"
    assert labels.first.is_visible() and labels.last.is_visible()
    en, es_box = pair.locator(".letter-en").bounding_box(), pair.locator(".letter-es").bounding_box()
    assert es_box["y"] >= en["y"] + en["height"], "English first, the meaning under it"
    assert en["x"] + en["width"] <= 360 and es_box["x"] + es_box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="/tmp/letter-es-360.png", full_page=False)  # for a person to look at; not judged

    page.set_viewport_size({"width": 1100, "height": 800})
    en, es_box = pair.locator(".letter-en").bounding_box(), pair.locator(".letter-es").bounding_box()
    assert abs(en["y"] - es_box["y"]) < 2 and es_box["x"] > en["x"] + en["width"] - 1, "side by side"


def test_with_scripts_off_the_page_shows_each_english_paragraph_beside_its_meaning(browser, es):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    pg = context.new_page()
    pg.goto(es + LETTER)
    assert "[Your Full Name]" in pg.locator(".letter pre > code").nth(1).inner_text()
    pair = pg.locator(".letter-pairs .letter-pair").nth(2)
    assert pair.locator(".letter-en").evaluate_all(CELL_TEXT)[0].startswith("My name is [Your Full Name].")
    assert pair.locator(".letter-es").evaluate_all(CELL_TEXT)[0].startswith("Me llamo [Tu nombre completo].")
    assert pair.locator(".letter-pair-label").all_inner_texts() == ["En inglés (lo que envías)", "Qué significa"]
    context.close()


def test_typed_markup_stays_text_on_spanish_pages(page, es):
    evil = "<img src=x onerror=alert(1)>"
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(es + LETTER)
    page.get_by_label("Tu nombre completo").fill(evil)
    page.wait_for_timeout(300)
    assert page.locator(".letter img, .letter-pairs img").count() == 0
    mine = page.locator(".letter-pair .letter-es").filter(has_text="Me llamo").inner_text()
    assert f"Me llamo {evil}." in mine, "shown literally, as typed"

    page.goto(es + "es/evidence-log/")
    page.get_by_role("button", name="Agregar una fila: Bloques").click()
    page.get_by_label("Estación").fill(evil)
    page.get_by_role("button", name="Guardar fila").click()
    card = page.locator(".evlog-row").first
    card.wait_for()
    assert evil in card.inner_text() and card.locator("img").count() == 0

    page.goto(es + "es/find-your-reason/")
    page.get_by_label(FINDER_LABEL).fill(evil + " bot")
    page.get_by_role("button", name=FINDER_BUTTON).click()
    page.locator("#finder-results li").first.wait_for()
    assert page.locator("#finder-results img").count() == 0
    page.wait_for_timeout(300)
    assert not dialogs and not any(u.endswith("/x") for u in page.requests)
    assert not page.errors, page.errors


def test_a_two_digit_year_is_refused_in_spanish(page, es):
    page.goto(es + LETTER)
    field = page.get_by_label("La fecha de tu aviso")
    hint = page.locator(f"#{field.get_attribute('id')}-hint").inner_text()
    assert "Escribe el año completo: 4 cifras, entre 1900 y 2200." in hint
    type_two_digit_year(page, field)
    error = page.locator(f"#{field.get_attribute('id')}-error")
    assert error.inner_text() == "El año debe tener 4 cifras, entre 1900 y 2200. Escribiste 26. " \
                                 "Escribe el año completo, como 2026."
    assert "[Date on the Notice]" in page.locator(".letter pre > code").nth(1).inner_text()
    page.get_by_role("button", name="Copiar carta").click()
    status(page, "Revisa la fecha: La fecha de tu aviso.")
    page.wait_for_timeout(1500)  # the pending "letter updated" from typing the date must not replace it
    status(page, "Revisa la fecha: La fecha de tu aviso.")

    page.goto(es + "es/timelines/")
    notice = page.get_by_label(NOTICE_ASK)
    type_two_digit_year(page, notice)
    page.get_by_role("button", name="Ver mis fechas").click()
    problem = page.locator(".deadline-problem")
    problem.wait_for()
    assert problem.inner_text().startswith("No hay fechas para \u201c" + NOTICE_ASK)
    assert "El año debe tener 4 cifras" in problem.inner_text()
    assert "Corrige la fecha de arriba para ver tus fechas." in page.locator(".deadline-results").inner_text()
    assert not page.errors, page.errors


def test_the_checklist_and_its_confirm_step_speak_spanish(page, es):
    page.goto(es + LETTER)
    first = page.locator("ul.checklist input[type=checkbox]").first
    first.check()
    page.get_by_label("Recordar mis marcas en este dispositivo").check()
    page.locator(".checklist-status").filter(has_text="Tus marcas se guardarán en este dispositivo").wait_for()
    clear = page.get_by_role("button", name=re.compile(r"^Borrar mis marcas"))
    clear.click()
    group = page.get_by_role("group", name="¿Quitar la marca de todos los pasos de esta lista?")
    assert group.is_visible()
    group.get_by_role("button", name="No, no borres nada").click()
    page.locator(".checklist-status").filter(has_text="No se borró nada.").wait_for()
    assert first.is_checked()
    clear.click()
    group.get_by_role("button", name="Sí, borrar mis marcas").click()
    page.locator(".checklist-status").filter(has_text="Marcas borradas.").wait_for()
    assert not first.is_checked()
    assert not page.errors, page.errors


# ---- Deadlines ----

def test_the_calculator_gives_spanish_dates_and_a_spanish_calendar_file(page, es):
    page.goto(es + "es/timelines/")
    page.get_by_label(NOTICE_ASK).fill("2026-11-20")
    page.get_by_role("button", name="Ver mis fechas").click()
    results = page.locator(".deadline-results")
    appeal = results.locator("li").filter(has_text=DEADLINE["appeal-window-reported"])
    appeal.wait_for()
    text = appeal.inner_text()
    assert "lunes, 30 de noviembre de 2026" in text
    assert "10 días calendario desde la fecha de tu aviso de desactivación" in text
    label = appeal.locator(".claim")
    assert label.inner_text() == "Otros cuentan" and "claim--others-report" in label.get_attribute("class")
    assert "Fuentes: " in text
    assert "La fecha límite que cuenta es la de tu propio aviso." in results.inner_text()
    first = results.locator(".deadline-date").first.inner_text()
    assert first == "viernes, 27 de noviembre de 2026", "soonest first, in Spanish"
    page.get_by_label("¿Dónde haces entregas?").select_option(label="Seattle, Washington")
    page.get_by_role("button", name="Ver mis fechas").click()
    results.locator("li").filter(has_text="Seattle:").wait_for()
    assert "viernes, 4 de diciembre de 2026" in results.locator("li").filter(has_text="Seattle:").inner_text()
    assert page.locator("#deadline-place option").first.inner_text() == "En otro lugar de Estados Unidos"

    with page.expect_download() as download:
        page.get_by_role("button", name="Agregar al calendario (.ics)").click()
    assert download.value.suggested_filename == "flex-plazos.ics"
    ics = open(download.value.path(), encoding="utf-8", newline="").read()
    unfolded = ics.replace("\r\n ", "")
    assert "PRODID:-//Flex Deactivation Help//Deadline calculator//ES\r\n" in ics
    assert f"SUMMARY;LANGUAGE=es:{DEADLINE['appeal-window-reported']}\r\n" in unfolded
    assert "DTSTART;VALUE=DATE:20261130\r\n" in ics
    description = next(line for line in unfolded.split("\r\n") if line.startswith("DESCRIPTION;LANGUAGE=es:") and
                       "10 días calendario desde" in line)
    assert "10 días calendario desde la fecha de tu aviso de desactivación. No se toman en cuenta los días festivos." in description
    assert "Qué tan seguro es: Otros cuentan." in description and "Fuentes: https://" in description
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n")), "folded at 75 octets"
    assert not page.errors, page.errors


def test_the_spanish_calculator_keeps_its_place_before_its_script_runs(page, es):
    """Spanish words make the form taller: the place kept for it (site.css) must hold it, or the
    page below jumps when the script builds it."""
    for width in (360, 400, 720):
        page.set_viewport_size({"width": width, "height": 740})
        page.goto(es + "es/timelines/")
        page.locator("#deadline-calculator form").wait_for()
        reserved, built = page.evaluate("""() => { const c = document.getElementById('deadline-calculator');
            const reserved = parseFloat(getComputedStyle(c).minHeight); c.style.minHeight = '0';
            return [reserved, c.getBoundingClientRect().height]; }""")
        assert built <= reserved, (width, built, reserved)


def test_the_send_by_date_on_a_spanish_cause_page(page, es):
    page.goto(es + LETTER)
    send_by = page.locator(".send-by")
    assert send_by.inner_text().startswith("Escribe la fecha de tu aviso")
    page.get_by_label("La fecha de tu aviso").fill("2026-11-20")
    send_by.filter(has_text="27 de noviembre de 2026").wait_for()
    text = send_by.inner_text()
    assert text.startswith(DEADLINE["appeal-window-short-reported"] + ": viernes, 27 de noviembre de 2026.")
    assert "Son 7 días después del viernes, 20 de noviembre de 2026, la fecha de tu aviso" in text
    assert send_by.locator(".claim").inner_text() == "Otros cuentan"
    assert not page.errors, page.errors


# ---- The finder ----

# Written for this test, the way Spanish-speaking drivers describe or paste their notice:
# Spanish, Spanish without accents, Spanglish. Expected reason first.
SPANISH_NOTICES = [
    ("not-received", "Hola, me desactivaron la cuenta porque según varios clientes no recibieron sus paquetes, "
     "pero yo los marqué como entregados y tomé foto."),
    ("not-received", "me desactivaron x q el cliente dijo q no le llego el paquete"),
    ("standing-at-risk", "Mi standing bajó a At Risk de un día para otro y luego me llegó el correo de que mi "
     "cuenta fue desactivada."),
    ("late-or-missed-blocks", "Me mandaron un email diciendo que llegué tarde a varios bloques y que cancelé "
     "bloques con menos de 45 minutos."),
    ("undeliverable-returns", "Dicen que no regresé a la estación los paquetes que no pude entregar ese mismo día."),
    ("background-check-criminal", "Recibí un aviso previo a la acción adversa de Accurate Background por mis "
     "antecedentes penales."),
    ("background-check-driving-record", "Me desactivaron después de revisar mi historial de manejo (MVR). Tengo "
     "unas multas viejas."),
    ("identity-selfie", "La app me pidió una selfie y dice que no pudieron verificar mi identidad."),
    ("account-sharing", "Amazon dice que otra persona usó mi cuenta para entregar, pero yo nunca la compartí."),
    ("bots-and-automation", "Me llegó un warning de que usé un bot o una app de terceros para agarrar bloques."),
    ("location-spoofing", "Dicen que mi GPS mandaba una ubicación falsa, que usé una app de fake GPS."),
    ("expired-documents", "Se me venció la aseguranza y no la subí a tiempo, ahora no me deja agarrar bloques."),
    ("conduct-complaints", "Un cliente puso una queja diciendo que fui grosero con él en la entrega."),
    ("unsafe-driving", "Me reportaron por manejo peligroso, dicen que iba con exceso de velocidad y tuve un choque."),
    ("fraud-or-theft", "Me acusan de robo de paquetes y de abrir paquetes. Dicen que es fraude."),
    ("inactivity", "Cerraron mi cuenta por inactividad porque no hice bloques en muchos meses."),
    ("no-reason-given", "Me desactivaron y no me dijeron por qué. Solo dice que terminaron mi participación en "
     "el programa y que la decisión es final."),
    ("identity-selfie", "DESACTIVACION por la selfie, dice q la foto no coincide con mi licencia"),
]


def find(page, es, text: str) -> list[str]:
    page.goto(es + "es/find-your-reason/")
    page.get_by_label(FINDER_LABEL).fill(text)
    page.get_by_role("button", name=FINDER_BUTTON).click()
    results = page.locator("#finder-results")
    results.locator("li, p").first.wait_for()
    return [h.rstrip("/").split("/")[-1] for h in results.locator("li > a").evaluate_all("a => a.map(x => x.href)")]


def test_spanish_and_spanglish_notices_put_the_right_reason_first(page, es):
    misses = [f"{want}: got {got[:3]} for {text!r}" for want, text in SPANISH_NOTICES
              if (got := find(page, es, text))[:1] != [want]]
    print(f"\nfinder (es): {len(SPANISH_NOTICES) - len(misses)}/{len(SPANISH_NOTICES)} Spanish notices right first")
    assert len(SPANISH_NOTICES) >= 12
    assert not misses, misses


def test_an_english_notice_pasted_into_the_spanish_finder_still_finds_its_reason(page, es):
    misses = [f"{want}: got {got[:3]}" for want, text in ENGLISH_NOTICES if (got := find(page, es, text))[:1] != [want]]
    print(f"\nfinder (es page, English notices): {len(ENGLISH_NOTICES) - len(misses)}/{len(ENGLISH_NOTICES)}")
    assert len(misses) <= 1, misses


def test_spanish_finder_results_and_window_speak_spanish(page, es):
    find(page, es, "Tu cuenta fue desactivada por usar un bot. Puedes apelar dentro de 10 días hábiles.")
    first = page.locator("#finder-results li").first
    bots = next(c.title for c in ES.data.causes if c.id == "bots-and-automation")
    assert first.inner_text().startswith("Mejor resultado: " + bots)
    assert "Palabras que coinciden: \u201cbot\u201d" in first.inner_text()
    note = page.locator(".finder-window")
    assert note.inner_text().startswith("Tu aviso dice \u201cdentro de 10 días hábiles\u201d. Contando desde hoy (")
    assert "días hábiles (de lunes a viernes) termina el " in note.inner_text()
    page.get_by_label("La fecha de tu aviso (si quieres, para contar desde esa fecha y no desde hoy)").fill("2026-11-20")
    assert "Contando desde la fecha de tu aviso (viernes, 20 de noviembre de 2026), el plazo de 10 días hábiles " \
           "(de lunes a viernes) termina el viernes, 4 de diciembre de 2026." in note.inner_text()
    find(page, es, "zzz qqq")
    assert page.locator("#finder-results p").inner_text().startswith("Ningún motivo coincide con esas palabras.")
    assert not page.errors, page.errors


def run_finder_es(code: str, payload) -> object:
    """finder.js in Node, prepared for a Spanish page, on the Spanish copy's finder data."""
    from conftest import ROOT as root
    from macros.data import load

    english = {c.id: c.aliases for c in load(root).causes}
    causes = [{"id": c.id, "title": c.title, "summary": c.summary, "aliases": c.aliases + english[c.id],
               "category": c.category, "url": f"../causes/{c.id}/"} for c in ES.data.causes]
    program = (f"const f = require({json.dumps(str(ASSETS / 'finder.js'))});\n"
               "const {causes, input} = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
               "const prepared = f.prepare(causes, 'es');\n" + code)
    result = subprocess.run(["node", "-e", program], input=json.dumps({"causes": causes, "input": payload}),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


TOP = "console.log(JSON.stringify(input.map((t) => (f.rank(prepared, t)[0] || {cause: {}}).cause.id)));"


def test_spanish_matching_folds_accents_and_joins_word_forms():
    pairs = [
        ("desactivación por verificación de antecedentes penales", "desactivacion por verificacion de antecedente penal"),
        ("verificaciones de identidad", "verificacion de identidad"),
        ("me acusaron de robos", "me acusaron de robo"),
        ("licencias vencidas", "licencia vencida"),
        ("quejas de clientes groseras", "queja de cliente grosero"),
        ("DESACTIVACIÓN: UBICACIÓN FALSA", "desactivacion ubicacion falsa"),
        ("los bloques que cancelé tarde", "el bloque que cancele tarde"),
    ]
    tops = run_finder_es(TOP, [t for p in pairs for t in p])
    for i, (a, b) in enumerate(pairs):
        assert tops[2 * i] == tops[2 * i + 1] and tops[2 * i], (a, b, tops[2 * i:2 * i + 2])
    assert run_finder_es(TOP, ["señal de gps falsa", "senal de gps falso"]) == ["location-spoofing"] * 2
    # Spanish filler words alone never match a reason, and are never quoted as evidence.
    assert run_finder_es(TOP, ["me dijeron que ya no", "hoy es el día"]) == [None, None]
    why = "console.log(JSON.stringify(input.map((t) => f.rank(prepared, t).map((r) => [r.cause.id, r.why, r.note]))));"
    [ranked] = run_finder_es(why, ["me dijeron que ya no puedo porque hoy es el día que me toca"])
    assert ranked == [["no-reason-given", [], "Tu texto no nombra ningún motivo que conozcamos."]]


def test_a_spanish_deadline_in_the_notice_is_found():
    got = run_finder_es("console.log(JSON.stringify(input.map(f.noticeWindow)));", [
        "Puedes apelar dentro de 10 días.",
        "Responde en un plazo de diez (10) días hábiles.",
        "en los próximos 30 días",
        "Te contestamos en 10 días.",
        "You may appeal within 10 days of this message.",
    ])
    assert [(g or {}).get("days") for g in got] == [10, 10, 30, None, 10]
    assert [(g or {}).get("counting") for g in got] == ["calendar", "business", "calendar", None, "calendar"]
    assert got[0]["quote"] == "dentro de 10 días"


# ---- The evidence log ----

def test_the_evidence_log_in_spanish(page, es):
    page.goto(es + "es/evidence-log/")
    page.get_by_role("button", name="Agregar una fila: Bloques").click()
    form = page.get_by_role("form", name="Fila de Bloques")
    assert form.get_by_label("Fecha", exact=True).get_attribute("type") == "date"
    assert form.locator("textarea[name='Notas']").count() == 1
    form.get_by_label("Fecha", exact=True).fill("2026-11-20")
    form.get_by_label("Estación").fill("DSE4")
    form.get_by_label("Notas").fill("Llegué 10 minutos antes.")
    form.get_by_role("button", name="Guardar fila").click()
    page.get_by_role("status").filter(has_text="Fila 1 agregada en Bloques.").wait_for()
    card = page.locator(".evlog-row").first
    assert "20 de noviembre de 2026" in card.inner_text() and card.inner_text().startswith("Fila 1")
    assert card.get_by_role("button", name="Cambiar la fila 1 de Bloques").count() == 1
    page.get_by_role("button", name="Copiar el registro").click()
    page.get_by_role("status").filter(has_text="Registro copiado (1 fila).").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    lines = copied.split("\n")
    assert lines[0] == "Registro de pruebas" and lines[1].startswith("Anotado el mismo día en que pasó. Copiado el ")
    assert "BLOQUES\nFila 1\n  Fecha: 20 de noviembre de 2026\n  Estación: DSE4\n  Notas: Llegué 10 minutos antes." in copied
    assert "APELACIONES ENVIADAS\n(sin filas)" in copied
    with page.expect_download() as download:
        page.get_by_role("button", name="Descargar .txt").click()
    assert re.fullmatch(r"registro-de-pruebas-\d{4}-\d{2}-\d{2}\.txt", download.value.suggested_filename)
    assert open(download.value.path(), encoding="utf-8").read().startswith("Registro de pruebas\n")
    printed = page.locator("#blocks ~ .md-typeset__scrollwrap table, #blocks ~ table").first
    assert "20 de noviembre de 2026" in printed.locator("tbody tr").first.text_content()
    card.get_by_role("button", name="Borrar la fila 1 de Bloques").click()
    page.get_by_role("group", name="¿Borrar la fila 1? Esto no se puede deshacer.").get_by_role(
        "button", name="Sí, borrarla").click()
    page.get_by_role("status").filter(has_text="Fila 1 borrada de Bloques.").wait_for()
    assert not page.errors, page.errors


def test_a_log_kept_on_the_english_page_opens_on_the_spanish_page(page, es):
    page.goto(es + "evidence-log/")
    page.get_by_label("Keep this log on this device").check()
    page.get_by_role("button", name="Add a row: Blocks").click()
    form = page.get_by_role("form", name="Row in Blocks")
    form.get_by_label("Date", exact=True).fill("2026-11-20")
    form.get_by_label("Station").fill("DSE4")
    form.get_by_role("button", name="Save row").click()
    page.locator(".evlog-row").first.wait_for()

    page.goto(es + "es/evidence-log/")
    assert page.get_by_label("Guardar este registro en este dispositivo").is_checked()
    card = page.locator(".evlog-row").first
    card.wait_for()
    assert "Fecha\n20 de noviembre de 2026" in card.inner_text() and "Estación\nDSE4" in card.inner_text()
    assert page.locator(".evlog-tools .evlog-status").inner_text() == "", "nothing was left out"
    page.get_by_role("button", name="Agregar una fila: Bloques").click()
    form = page.get_by_role("form", name="Fila de Bloques")
    form.get_by_label("Estación").fill("DLA9")
    form.get_by_role("button", name="Guardar fila").click()
    page.get_by_role("status").filter(has_text="Fila 2 agregada en Bloques.").wait_for()

    page.goto(es + "evidence-log/")  # and back: both rows, under the English headings
    rows = page.locator(".evlog-row")
    rows.nth(1).wait_for()
    assert "Date\nNovember 20, 2026" in rows.first.inner_text() and "Station\nDLA9" in rows.nth(1).inner_text()
    assert not page.errors, page.errors


# ---- No English left ----

def test_no_english_word_of_the_tools_is_left_on_spanish_pages(page, es):
    seen = []
    page.goto(es + LETTER)
    page.locator(".letter > .letter-tools").wait_for()
    page.get_by_label("La fecha de tu aviso").fill("2026-11-20")
    page.locator(".send-by").filter(has_text="2026").wait_for()
    page.get_by_role("button", name=re.compile("^Borrar mis datos")).click()
    page.get_by_role("button", name="Copiar carta").click()
    status(page, "Carta copiada")
    seen.append(page.evaluate(TOOL_TEXT))

    page.goto(es + "es/timelines/")
    page.get_by_label(NOTICE_ASK).fill("2026-11-20")
    page.get_by_role("button", name="Ver mis fechas").click()
    page.locator(".deadline-list").wait_for()
    seen.append(page.evaluate(TOOL_TEXT))

    find(page, es, "Me desactivaron por un bot, puedo apelar dentro de 10 días")
    seen.append(page.evaluate(TOOL_TEXT))
    find(page, es, "Hola, te escribimos para decirte que terminamos tu participación. No podemos dar más detalles.")
    seen.append(page.evaluate(TOOL_TEXT))

    page.goto(es + "es/evidence-log/")
    page.get_by_role("button", name="Agregar una fila: Bloques").click()
    page.get_by_label("Estación").fill("DSE4")
    page.get_by_role("button", name="Guardar fila").click()
    page.locator(".evlog-row").first.wait_for()
    seen.append(page.evaluate(TOOL_TEXT))

    text = "\n".join(seen)
    for words in ("Copiar carta", "Recordar mis marcas en este dispositivo", "Ver mis fechas", "Mejor resultado",
                  "Tu texto no nombra ningún motivo que conozcamos.", "Copiar el registro", "Fila 1"):
        assert words in text, words
    assert english_left(text) == [], english_left(text)
    assert not page.errors, page.errors


def test_english_pages_keep_their_english_tools(page):
    page.goto("causes/not-received/")
    page.locator(".letter > .letter-tools").wait_for()
    text = page.evaluate(TOOL_TEXT)
    assert "Copy letter" in text and "Copiar" not in text and "Qué significa" not in text
    assert page.locator(".letter-pairs").count() == 0
