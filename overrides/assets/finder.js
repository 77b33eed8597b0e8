/* "Find your reason": ranks the causes against words a driver pastes or types.
   Runs only in the browser, on the causes data built into the page; nothing is sent. */
"use strict";
(function () {
  // Plain English words that say nothing about what happened ("they just showed me...").
  // They never count on their own and are never shown as evidence.
  const STOP_WORDS = ("a an and are as at be been being but by for from has have having he her his i if in into is " +
    "it its me my of on or our she so than that the their them then there these they this those to too us was we " +
    "were what when where which who why will with would you your just also only very really still even ever " +
    "do does did doing done dont didnt doesnt wont cant cannot couldnt wouldnt isnt wasnt arent get gets got " +
    "go goes went gone come came say says said tell told know knew show showed shown see saw seen make made " +
    "take took give gave put way thing things like want need about again all any some now today yesterday " +
    "week weeks day days month months year years time times wrong right new old good bad back out up down over " +
    "off here yes no not never").split(" ");
  // Words in almost every notice or message about a deactivation: they do not tell reasons apart.
  const NOTICE_WORDS = ("amazon flex account accounts deactivated deactivation deactivate hello hi dear partner " +
    "delivery driver team regards thank thanks please more one record indicate terminate termination review " +
    "decid decision program participation violation serious detail unable can may must ha had use").split(" ");

  // How a match is scored. A whole alias phrase found in the text is strong evidence, a lone
  // word much weaker, and a word several reasons share weaker still.
  const PHRASE_WORD_POINTS = 2;  // per telling word of a whole alias phrase found in the text
  const MULTI_WORD_BONUS = 1;    // a phrase of two or more words found in order is more telling again
  const LONE_WORD_POINTS = 1;    // a telling word on its own, divided among the reasons that use it
  // A text this long is a pasted notice, not a few words typed in.
  const NOTICE_MIN_WORDS = 8;
  // A best score under this means no whole telling phrase was found: a notice that names no
  // known reason points to "no reason given" (the data's "other" category).
  const NAMED_REASON_MIN_SCORE = 2;
  // Other reasons are shown only if they score at least this share of the best one; below it
  // they matched on a stray word.
  const SHOW_SHARE_OF_BEST = 0.35;
  const MAX_SHOWN = 5;

  function words(text) {
    return text.toLowerCase().replace(/[\u2018\u2019']/g, "").replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
  }

  // A light stem so "bots"/"bot" and "spoofing"/"spoof" meet; good enough for short phrases.
  function stem(word) {
    return word.replace(/(ing|ed|es|s)$/, "") || word;
  }

  // Both lists are compared with stemmed words, so they are stemmed once here.
  const COMMON = new Set(STOP_WORDS.concat(NOTICE_WORDS).map(stem));
  const ENGLISH = { words, stem, common: COMMON, none: "Your text names no reason we know." };

  /* ---- Spanish pages: Spanish text, often with English words in it (or the English notice
     pasted whole). Accents are folded on both sides ("desactivación" = "desactivacion", "ñ" =
     "n", as people type without accents), and the stem joins singular and plural, -ción and
     -ciones, masculine and feminine (-o/-a), and the English forms above. ---- */
  const STOP_WORDS_ES = ("a al ante con como cual cuales cuando de del desde donde durante e el ella ellas ellos en " +
    "entre era eran es esa esas ese eso esos esta estaba estaban estado estan estar este esto estos estoy estuve " +
    "fue fueron ha habia haber han has hasta hay he hice hizo hacer hace la las le les lo los me mi mis muy mas " +
    "menos nada ni no nos nosotros o otra otras otro otros para pero poco por porque pues que quien se ser sido " +
    "si sin sobre solo su sus tambien te tener tengo tenia tiene tienen todo toda todos todas tu tus u un una uno " +
    "unos unas usted ustedes y ya yo algo ahora aqui alli asi luego despues antes siempre nunca mucho muchos bien " +
    "mal nuevo cosa cosas vez veces hoy ayer manana dia dias semana semanas mes meses ano anos dijo dijeron dice " +
    "dicen decir digo mande mandaron puse pusieron ver vi vieron salio paso solamente nomas").split(" ");
  const NOTICE_WORDS_ES = ("amazon flex cuenta cuentas desactivada desactivado desactivacion desactivar desactivaron " +
    "desactivamos desactivaran hola estimado estimada socio socia conductor conductora conductores repartidor " +
    "equipo saludos gracias favor programa participacion revision revisamos revisar decision decidimos decidido " +
    "informacion detalle detalles violacion grave puede pueden podemos debe deben usar uso mensaje correo " +
    "aviso notificacion app aplicacion").split(" ");

  function wordsEs(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\u2018\u2019']/g, "")
      .replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
  }

  function stemEs(word) {
    let w = word;
    if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
    else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
    else if (w.length > 4 && w.endsWith("es")) w = w.slice(0, -2);
    else if (w.length > 3 && w.endsWith("s")) w = w.slice(0, -1);
    if (w.length > 3 && /[aeo]$/.test(w)) w = w.slice(0, -1);
    return w;
  }

  const SPANISH = {
    words: wordsEs,
    stem: stemEs,
    common: new Set(STOP_WORDS.concat(NOTICE_WORDS, STOP_WORDS_ES, NOTICE_WORDS_ES).map(stemEs)),
    none: "Tu texto no nombra ningún motivo que conozcamos.",
  };

  // The page's language: Spanish on <html lang="es"> pages; `lang` given in Node tests.
  function pageLang() {
    return typeof window !== "undefined" && window.flexTools ? window.flexTools.lang() : "en";
  }

  function prepare(causes, lang) {
    const L = (lang || pageLang()) === "es" ? SPANISH : ENGLISH;
    const { words, stem, common: COMMON } = L;
    const prepared = causes.map((cause) => {
      const phrases = cause.aliases.concat([cause.title]).map((a) => words(a).map(stem)).filter((p) => p.length);
      const single = new Set();
      phrases.forEach((p) => p.forEach((w) => { if (!COMMON.has(w) && w.length > 2) single.add(w); }));
      return { cause, phrases, single };
    });
    // A word that several reasons share tells less: weigh it by how many reasons use it.
    const spread = new Map();
    prepared.forEach((e) => e.single.forEach((w) => spread.set(w, (spread.get(w) || 0) + 1)));
    prepared.forEach((e) => { e.weight = (w) => LONE_WORD_POINTS / spread.get(w); });
    prepared.language = L;
    return prepared;
  }

  function containsPhrase(tokens, phrase) {
    outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
      for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
      return true;
    }
    return false;
  }

  // Each result: { cause, score, why: the driver's own words that matched, note: set only
  // when the result is a suggestion rather than a match }.
  function rank(prepared, text) {
    const { words, stem, common: COMMON, none } = prepared.language || ENGLISH;
    const raw = words(text);
    const tokens = raw.map(stem);
    const seen = new Map(raw.map((w, i) => [tokens[i], w]));
    const results = [];
    for (const entry of prepared) {
      let score = 0;
      const why = new Set();
      for (const phrase of entry.phrases) {
        const telling = phrase.filter((w) => !COMMON.has(w)).length;
        // A one-word alias must itself be telling; a longer one counts as a whole ("no show").
        if ((phrase.length === 1 && !telling) || !containsPhrase(tokens, phrase)) continue;
        score += PHRASE_WORD_POINTS * Math.max(telling, 1) + (phrase.length > 1 ? MULTI_WORD_BONUS : 0);
        why.add(phrase.map((w) => seen.get(w) || w).join(" "));
      }
      for (const w of new Set(tokens)) {
        if (!entry.single.has(w)) continue;
        score += entry.weight(w);
        if (![...why].some((p) => p.split(" ").includes(seen.get(w)))) why.add(seen.get(w));
      }
      if (score > 0) results.push({ cause: entry.cause, score, why: [...why] });
    }
    results.sort((a, b) => b.score - a.score);
    const fallback = prepared.find((e) => e.cause.category === "other");
    if (fallback && raw.length >= NOTICE_MIN_WORDS && (!results.length || results[0].score < NAMED_REASON_MIN_SCORE) &&
        (!results.length || results[0].cause !== fallback.cause)) {
      const rest = results.filter((r) => r.cause !== fallback.cause);
      return [{ cause: fallback.cause, score: 0, why: [], note: none }].concat(rest);
    }
    return results;
  }

  // The results worth showing: the best, then others not far behind it.
  function shortlist(results) {
    if (!results.length) return [];
    const best = results[0].score;
    return results.filter((r, i) => i === 0 || best === 0 || r.score >= best * SHOW_SHARE_OF_BEST).slice(0, MAX_SHOWN);
  }

  const NUMBER_WORDS = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
    eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, sixty: 60, ninety: 90 };

  const NUMBER_WORDS_ES = { un: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9,
    diez: 10, once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, veinte: 20, treinta: 30, sesenta: 60, noventa: 90 };

  // "dentro de 10 días", "en un plazo de diez (10) días hábiles" -> { days, counting, quote } or null.
  function noticeWindowEs(text) {
    const m = /(?<!\p{L})(?:dentro\s+de(?:\s+los\s+pr[oó]ximos)?|en\s+(?:un\s+)?(?:plazo|t[eé]rmino)\s+(?:m[aá]ximo\s+)?de|en\s+los\s+pr[oó]ximos)\s+(\d{1,3}|\p{L}+)(?:\s*\(\d{1,3}\))?\s+d[ií]as(?:\s+(h[aá]biles|laborables|naturales|calendario|corridos))?(?!\p{L})/iu.exec(text);
    if (!m) return null;
    const n = /^\d+$/.test(m[1]) ? +m[1] : NUMBER_WORDS_ES[m[1].toLowerCase()];
    if (!n) return null;
    return { days: n, counting: m[2] && /^(h|l)/i.test(m[2]) ? "business" : "calendar", quote: m[0] };
  }

  // "within 10 days", "within ten (10) business days" -> { days, counting, quote } or null.
  // A Spanish notice's "dentro de 10 días" too: a driver may paste either.
  function noticeWindow(text) {
    const m = /\bwithin\s+(?:the\s+next\s+)?(\d{1,3}|[a-z]+)(?:\s*\(\d{1,3}\))?\s+(business\s+|working\s+|calendar\s+)?days?\b/i.exec(text);
    if (!m) return noticeWindowEs(text);
    const n = /^\d+$/.test(m[1]) ? +m[1] : NUMBER_WORDS[m[1].toLowerCase()];
    if (!n) return null;
    return { days: n, counting: m[2] && !/calendar/i.test(m[2]) ? "business" : "calendar", quote: m[0] };
  }

  // Every word the finder shows (Spanish: es.js, picked when the finder starts on a page).
  const WORDS = {
    en: {
      noMatch: "No reason matched those words. Try other words from your notice, or look through the list of all reasons below.",
      best: "Best match:",
      bestThen: (n) => "Best match first, then " + n + (n === 1 ? " other reason that also matches:" : " other reasons that also match:"),
      bestItem: "Best match: ",
      matched: "Matched: ",
      says: (quote) => "Your notice says \u201c" + quote + "\u201d. ",
      fromNotice: (day) => "Counted from the date on your notice (" + day + "), ",
      fromToday: (day) => "Counted from today (" + day + "), ",
      due: (n, business, day) => n + (business ? " business days (Monday to Friday)" : " days") + " is " + day +
        ". Send your appeal before then.",
      label: "The date on your notice (optional, to count from it instead of today)",
      yearHint: "Type the year in full: 4 digits, between 1900 and 2200.",
    },
  };
  let W = WORDS.en;

  function el(tag, text) {
    const node = document.createElement(tag);
    node.textContent = text;
    return node;
  }

  function show(out, results, text) {
    out.replaceChildren();
    const summary = document.createElement("p");
    if (!text.trim()) { return; }
    if (!results.length) {
      summary.textContent = W.noMatch;
      out.append(summary);
      return;
    }
    const top = shortlist(results);
    summary.textContent = top.length === 1 ? W.best : W.bestThen(top.length - 1);
    summary.tabIndex = -1;
    const list = document.createElement("ol");
    for (const r of top) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = r.cause.url;
      link.textContent = r.cause.title;
      const about = document.createElement("span");
      about.textContent = " " + r.cause.summary + " ";
      const why = document.createElement("span");
      why.className = "finder-why";
      // Quote marks only around words that really are in the driver's text.
      why.textContent = r.why.length ? W.matched + r.why.map((w) => "\u201c" + w + "\u201d").join(", ") : r.note || "";
      if (r === top[0]) item.prepend(el("strong", W.bestItem));
      item.append(link, about, why);
      list.append(item);
    }
    out.append(summary, list);
  }

  // "Your notice says 'within 10 days'": the date that gives, from today or from the date on
  // the notice if the driver enters it.
  function showWindow(box, text) {
    const found = noticeWindow(text);
    const dates = window.flexDates;
    box.hidden = !found || !dates;
    if (box.hidden) return;
    const input = box.querySelector("input");
    const start = dates.parseDay(input.value);
    const from = start !== null ? start : dates.today();
    const said = box.querySelector(".finder-window-date");
    said.textContent = W.says(found.quote) + (start !== null ? W.fromNotice(dates.formatDay(start))
      : W.fromToday(dates.formatDay(from))) +
      W.due(found.days, found.counting === "business", dates.formatDay(dates.addDays(from, found.days, found.counting)));
    const problem = box.querySelector(".letter-error");
    problem.textContent = dates.dateProblem(input.value);
  }

  function windowBox() {
    const box = document.createElement("div");
    box.className = "finder-window";
    box.hidden = true;
    box.setAttribute("aria-live", "polite");
    const said = el("p", "");
    said.className = "finder-window-date";
    const label = el("label", W.label);
    label.htmlFor = "finder-notice-date";
    const input = document.createElement("input");
    input.type = "date";
    input.id = "finder-notice-date";
    input.min = "1900-01-01";
    input.max = "2200-12-31";
    const hint = el("span", W.yearHint);
    hint.className = "letter-hint";
    hint.id = "finder-notice-date-hint";
    const error = el("span", "");
    error.className = "letter-error";
    error.id = "finder-notice-date-error";
    input.setAttribute("aria-describedby", hint.id + " " + error.id);
    const row = document.createElement("div");
    row.className = "letter-field";
    row.append(label, input, hint, error);
    box.append(said, row);
    return box;
  }

  const validCauses = (v) => Array.isArray(v) && v.length > 0 &&
    v.every((c) => c && typeof c.url === "string" && Array.isArray(c.aliases) && typeof c.title === "string");

  function init() {
    const form = document.getElementById("finder");
    if (!form || form.dataset.ready) return;
    // After instant navigation the data script may have lost its id: look beside the form too.
    const causes = window.flexTools.readData(form.parentElement || document, "finder-data", validCauses);
    if (!causes) return;
    form.dataset.ready = "1";
    W = window.flexTools.pick(WORDS, "finder");
    const prepared = prepare(causes);
    const box = document.getElementById("finder-text");
    const out = document.getElementById("finder-results");
    const when = windowBox();
    out.before(when);
    let timer = 0;
    const run = () => { show(out, rank(prepared, box.value), box.value); showWindow(when, box.value); };
    box.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 300); });
    when.querySelector("input").addEventListener("input", () => showWindow(when, box.value));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(timer);
      run();
      // After a deliberate search, take the driver to the answer (not while they are still typing).
      const first = out.querySelector("p");
      if (first) { first.focus(); first.scrollIntoView({ block: "start" }); }
    });
  }

  if (typeof module !== "undefined") {  // Node tests
    module.exports = { rank, prepare, words, shortlist, noticeWindow, STOP_WORDS };
    return;
  }
  window.flexTools.onEachPage(init);
})();
