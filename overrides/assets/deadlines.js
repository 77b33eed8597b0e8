/* Deadline calculator: turns the date on a driver's notice into the dates that follow,
   and offers them as a calendar file. Everything runs on the device: nothing typed is
   sent or stored, and typed text is only ever read as a date.
   Dates are whole UTC days (Date.UTC), so daylight-saving changes never move a date. */
"use strict";
(function () {
  const DAY_MS = 86400000;
  // Years a driver's notice can have. A phone's date field given "11/26/26" holds year 0026,
  // which Date.UTC would read as 1926: such dates are refused and the driver is told why.
  const MIN_YEAR = 1900;
  const MAX_YEAR = 2200;

  // "2026-11-26" -> a day number (days since 1970-01-01), or null if it is not a real date
  // with a year from MIN_YEAR to MAX_YEAR.
  function parseDay(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || "").trim());
    if (!m) return null;
    const y = +m[1], mo = +m[2], d = +m[3];
    if (y < MIN_YEAR || y > MAX_YEAR) return null;
    const t = Date.UTC(y, mo - 1, d);
    const back = new Date(t);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
    return Math.round(t / DAY_MS);
  }

  // "Within N days of X": day X is day 0, so the last day is X + N.
  function addCalendarDays(day, n) {
    return day + n;
  }

  // 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday).
  function weekday(day) {
    return (((day + 4) % 7) + 7) % 7;
  }

  // The Nth weekday (Monday to Friday) after X. Public holidays are not counted.
  function addBusinessDays(day, n) {
    const step = n < 0 ? -1 : 1;
    let left = Math.abs(n);
    while (left > 0) {
      day += step;
      const w = weekday(day);
      if (w !== 0 && w !== 6) left--;
    }
    return day;
  }

  function addDays(day, n, counting) {
    return counting === "business" ? addBusinessDays(day, n) : addCalendarDays(day, n);
  }

  function toDate(day) {
    return new Date(day * DAY_MS);
  }

  // The page's language: "es" on Spanish pages (<html lang="es">), else "en"; "en" in Node.
  function pageLang() {
    return typeof window !== "undefined" && window.flexTools ? window.flexTools.lang() : "en";
  }

  // "Monday, December 7, 2026"; "lunes, 7 de diciembre de 2026" in Spanish.
  function formatDay(day, lang) {
    return toDate(day).toLocaleDateString((lang || pageLang()) === "es" ? "es-US" : "en-US", {
      weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC",
    });
  }

  // "2026-12-07"
  function toISODay(day) {
    return toDate(day).toISOString().slice(0, 10);
  }

  // "20261207"
  function toICSDate(day) {
    return toISODay(day).replace(/-/g, "");
  }

  // Today on this device's own calendar, as a day number.
  function today(now) {
    const d = now || new Date();
    return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
  }

  // RFC 5545 TEXT: escape backslash, semicolon, comma and line breaks.
  function icsText(text) {
    return String(text)
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n");
  }

  // Fold a content line at 75 octets (UTF-8), never inside a character.
  function fold(line) {
    const out = [];
    let current = "";
    let octets = 0;
    for (const ch of line) {
      const size = new TextEncoder().encode(ch).length;
      const limit = out.length ? 74 : 75; // a continuation line starts with one space
      if (octets + size > limit) {
        out.push(current);
        current = "";
        octets = 0;
      }
      current += ch;
      octets += size;
    }
    out.push(current);
    return out.join("\r\n ");
  }

  const DATE_WORDS = {
    badYear: (y) => "The year must have 4 digits, between " + MIN_YEAR + " and " + MAX_YEAR + ". You typed " + y +
      ". Type the whole year, like 2026.",
    notWhole: "This is not a whole date. Type the month, day and year, like 11/26/2026.",
  };

  // Why a date field's value gives no date, in words for the driver ("" if it is fine or empty),
  // in the page's language (the Spanish words come from es.js).
  function dateProblem(text, lang) {
    const value = String(text || "").trim();
    if (!value || parseDay(value) !== null) return "";
    const W = ((lang || pageLang()) === "es" && window.flexWords && window.flexWords.deadlines) || DATE_WORDS;
    const m = /^(\d+)-\d{2}-\d{2}$/.exec(value);
    if (m && (+m[1] < MIN_YEAR || +m[1] > MAX_YEAR)) return W.badYear(+m[1]);
    return W.notWhole;
  }

  // An iCalendar DATE has a 4-digit year (RFC 5545 3.3.4). Past year 9999, toISOString()
  // writes "+010000-..." and the file breaks, so such a day is refused, never written.
  function icsDay(day) {
    const iso = Number.isInteger(day) && Math.abs(day) < 1e8 ? toISODay(day) : "";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError("Date out of range for a calendar file: " + day);
    return iso.replace(/-/g, "");
  }

  // items: [{ id, day, summary, description }] -> the text of an .ics file. lang "es" marks the
  // words as Spanish (RFC 5545 LANGUAGE); without it the file is exactly the English one.
  // Throws RangeError if a day cannot be written as an iCalendar date.
  function makeICS(items, now, lang) {
    const tag = lang === "es" ? ";LANGUAGE=es" : "";
    const stamp = (now || new Date()).toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    const lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Flex Deactivation Help//Deadline calculator//" + (lang === "es" ? "ES" : "EN"),
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
    ];
    for (const item of items) {
      lines.push(
        "BEGIN:VEVENT",
        // ".invalid" can never be a real host: the UID names no site and no person.
        "UID:" + icsText(item.id + "-" + icsDay(item.day)) + "@flex-deadline-calculator.invalid",
        "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + icsDay(item.day),
        "DTEND;VALUE=DATE:" + icsDay(item.day + 1),
        "SUMMARY" + tag + ":" + icsText(item.summary),
        "DESCRIPTION" + tag + ":" + icsText(item.description || ""),
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
      );
    }
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  const api = {
    MIN_YEAR, MAX_YEAR, parseDay, dateProblem, addCalendarDays, addBusinessDays, addDays, weekday, formatDay,
    toISODay, toICSDate, icsText, fold, makeICS, today,
  };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
    return;
  }
  window.flexDates = api;  // for the finder's "within N days" and the send-by date on cause pages

  /* ---- The page ---- */

  const NOTICE = "notice";
  const T = window.flexTools;

  // Every word of the calculator and the send-by date (Spanish: es.js, picked at each mount).
  const WORDS = {
    en: {
      ...DATE_WORDS,
      everywhere: "Somewhere else in the US",
      dates: "Your dates",
      notYet: "Leave blank if this has not happened yet. ",
      yearHint: "Type the year in full: 4 digits, between " + MIN_YEAR + " and " + MAX_YEAR + ".",
      where: "Where do you deliver?",
      how: "The day you enter is day 0. Business days skip Saturdays and Sundays; public holidays are not " +
        "counted, so a holiday can push a real deadline later. What you enter stays on this device: nothing is sent or saved.",
      show: "Show my dates",
      enterNotice: "Enter the date on your notice.",
      sources: "Sources: ",
      passed: "(This date has passed. If this is your appeal, send it today anyway.)",
      today: "(today)",
      inDays: (n) => "(in " + n + (n === 1 ? " day)" : " days)"),
      span: (n, business, from) => n + " " + (business ? "business" : "calendar") + " day" + (n === 1 ? "" : "s") + " from " + from,
      calendar: "Add to calendar (.ics)",
      noDatesFor: (label) => "No dates shown for \u201c" + label + "\u201d: ",
      counts: "The deadline in your own notice is the one that counts.",
      local: (place) => "We know of no extra dates for " + place + ". See the rights page for what the law there says.",
      fix: "Fix the date above to see your dates.",
      enter: "Enter the date on your notice to see your dates.",
      holidays: ". Public holidays are not counted.",
      howSure: (c) => "How sure: " + c + ".",
      noFile: "Could not make a calendar file for these dates. Write them down instead.",
      file: "flex-deadlines.ics",
      sendBy: (n, business, start) => " That is " + n + (business ? " business" : "") + " days after " + start +
        ", the date on your notice, as you typed it. The deadline in your own notice is the one that counts.",
      waiting: "Type the date on your notice in the letter below, and the date to send your appeal by shows here.",
    },
  };

  const el = T.el;

  function lowerFirst(text) {
    return /^\p{Lu}\p{Ll}/u.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
  }

  // The data gives the label in the page's language; its class comes from the English words.
  function claimClass(confidence) {
    const en = (T.pick({}, "deadlines") || {}).claims;
    const slug = ((en && en[confidence]) || confidence).toLowerCase().replace(/^the /, "").replace(/[^a-z]+/g, "-");
    return "claim claim--" + slug;
  }

  function describe(d, events, W) {
    return W.span(d.days, d.counting === "business", lowerFirst(events[d.starts].label));
  }

  function build(box, data) {
    const W = T.pick(WORDS, "deadlines");
    const events = data.events;
    const used = [];
    for (const d of data.deadlines) if (events[d.starts] && !used.includes(d.starts)) used.push(d.starts);
    used.sort((a, b) => (b === NOTICE) - (a === NOTICE));

    const inputs = {};
    const errors = {};
    const fields = el("fieldset", { className: "letter-fields" }, el("legend", { textContent: W.dates }));
    for (const id of used) {
      const inputId = "deadline-" + id;
      const input = el("input", {
        type: "date", id: inputId, autocomplete: "off", min: MIN_YEAR + "-01-01", max: MAX_YEAR + "-12-31",
      });
      const row = el("div", { className: "letter-field" }, el("label", { htmlFor: inputId, textContent: events[id].ask }), input);
      if (id === NOTICE) input.required = true;
      const hint = el("span", {
        className: "letter-hint", id: inputId + "-hint",
        textContent: (id === NOTICE ? "" : W.notYet) + W.yearHint,
      });
      const error = el("span", { className: "letter-error", id: inputId + "-error" });
      input.setAttribute("aria-describedby", hint.id + " " + error.id);
      row.append(hint, error);
      inputs[id] = input;
      errors[id] = error;
      fields.append(row);
    }

    const place = el("select", { id: "deadline-place" }, el("option", { value: "", textContent: W.everywhere, selected: true }));
    for (const [id, label] of Object.entries(data.places)) place.append(el("option", { value: id, textContent: label }));
    // Outside the fieldset: a fieldset grows to its widest option, wider than a phone.
    const placeRow = el("div", { className: "letter-field" }, el("label", { htmlFor: place.id, textContent: W.where }), place);

    const how = el("p", { className: "letter-hint", textContent: W.how });
    const submit = el("button", { type: "submit", className: "md-button md-button--primary", textContent: W.show });
    // The script checks the dates itself (noValidate), so it can say in words what is wrong
    // instead of the browser's bubble, which some phones never show.
    const form = el("form", { className: "deadline-form", noValidate: true }, fields, placeRow, how,
      el("div", { className: "letter-actions" }, submit));
    const results = el("div", { className: "deadline-results" });
    results.setAttribute("aria-live", "polite");

    let items = [];
    let shown = false;

    // Each field's problem, shown next to it; the first bad field, or null.
    function check() {
      let first = null;
      for (const id of used) {
        const input = inputs[id];
        const problem = id === NOTICE && !input.value ? W.enterNotice : dateProblem(input.value);
        errors[id].textContent = problem;
        input.setAttribute("aria-invalid", problem ? "true" : "false");
        if (problem && !first) first = { input, problem };
      }
      return first;
    }

    function compute() {
      const where = place.value;
      const out = [];
      data.deadlines.forEach((d, order) => {
        if (d.where.length && !d.where.includes(where)) return;
        const start = inputs[d.starts] ? parseDay(inputs[d.starts].value) : null;
        if (start === null) return;
        out.push({ d, order, day: addDays(start, d.days, d.counting) });
      });
      return out.sort((a, b) => a.day - b.day || a.order - b.order);
    }

    function render() {
      const bad = check();
      items = compute();
      const now = today();
      const list = el("ol", { className: "deadline-list" });
      for (const { d, day } of items) {
        const links = el("span", { className: "cite" }, W.sources);
        d.sources.forEach((s, i) => {
          if (i) links.append("; ");
          links.append(el("a", { href: s.url, textContent: s.title }));
        });
        const when = el("strong", { className: "deadline-date", textContent: formatDay(day) });
        const head = el("p", {}, when, el("br"), el("span", { className: "deadline-label", textContent: d.label }));
        const left = day - now;  // both are whole UTC day numbers
        head.append(" ", el("em", { textContent: left < 0 ? W.passed : left === 0 ? W.today : W.inDays(left) }));
        list.append(el("li", {}, head,
          el("p", {}, describe(d, events, W), ". ",
            el("strong", { className: claimClass(d.confidence), textContent: d.confidence })),
          el("p", { textContent: d.note }),
          el("p", {}, links)));
      }
      const download = el("button", { type: "button", className: "md-button", textContent: W.calendar });
      download.addEventListener("click", saveICS);
      const chosen = place.value;
      const local = chosen && !data.deadlines.some((d) => d.where.includes(chosen));
      // Why some or all dates are missing, in words, next to what is shown.
      const why = bad ? [el("p", { className: "deadline-problem" },
        el("strong", { textContent: W.noDatesFor(bad.input.labels[0].textContent) }), bad.problem)] : [];
      results.replaceChildren(
        el("p", {}, el("strong", { textContent: W.counts })),
        ...why,
        ...(local ? [el("p", { textContent: W.local(place.selectedOptions[0].textContent) })] : []),
        items.length ? list : el("p", { textContent: bad ? W.fix : W.enter }),
        ...(items.length ? [el("div", { className: "letter-actions" }, download)] : []));
      return bad;
    }

    function saveICS() {
      let text;
      try {
        text = makeICS(items.map(({ d, day }) => ({
          id: d.id,
          day,
          summary: d.label,
          description: [
            d.note,
            describe(d, events, W) + W.holidays,
            W.howSure(d.confidence),
            W.counts,
            W.sources + d.sources.map((s) => s.url).join(" "),
          ].join("\n"),
        })), new Date(), T.lang());
      } catch (e) {
        results.append(el("p", { className: "deadline-problem", textContent: W.noFile }));
        return;
      }
      const url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
      const a = el("a", { href: url, download: W.file });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      shown = true;
      const bad = render();
      if (bad) bad.input.focus();  // the browser's own check would do the same
    });
    // Once dates are shown, they follow every change.
    form.addEventListener("change", () => { if (shown) render(); });

    box.replaceChildren(form, results);
  }

  const validData = (v) => v !== null && typeof v === "object" && v.events && v.places && Array.isArray(v.deadlines);

  function mountCalculator() {
    const box = document.getElementById("deadline-calculator");
    if (!box || box.querySelector("form")) return;
    // The data sits next to the mount point; after instant navigation it may have lost its id.
    const data = T.readData(box.parentElement || document, "deadline-data", validData);
    if (data) build(box, data);
  }

  /* ---- The send-by date on a cause page ---- */

  // The page gives the reported windows as `<script type="application/json" class="cause-deadlines">`
  // [{id, label, days, counting}]. When the driver has typed the date on their notice in the
  // letter builder, the soonest of those dates is shown next to it, and follows the field.
  const validWindows = (v) => Array.isArray(v) && v.length > 0 &&
    v.every((w) => w && typeof w.label === "string" && Number.isInteger(w.days) && w.days >= 0);
  const NOTICE_FIELD = '.letter input[name="notice-date"]';

  function noticeDate() {
    // Several letters on one page: the first one with a usable date wins.
    for (const input of document.querySelectorAll(NOTICE_FIELD)) {
      const day = parseDay(input.value);
      if (day !== null) return day;
    }
    return null;
  }

  function sendBy(out, windows) {
    const start = noticeDate();
    if (start === null) {
      out.replaceChildren(out.dataset.waiting);
      return;
    }
    const soonest = windows.map((w) => ({ w, day: addDays(start, w.days, w.counting) }))
      .sort((a, b) => a.day - b.day)[0];
    const W = T.pick(WORDS, "deadlines");
    out.replaceChildren(
      el("strong", { textContent: soonest.w.label + ": " + formatDay(soonest.day) + "." }),
      W.sendBy(soonest.w.days, soonest.w.counting === "business", formatDay(start)));
    // How sure, when the page gives it ("Others report"), as the same label the calculator shows.
    if (typeof soonest.w.confidence === "string" && soonest.w.confidence) {
      out.append(" ", el("strong", { className: claimClass(soonest.w.confidence), textContent: soonest.w.confidence }));
    }
  }

  function mountSendBy() {
    document.querySelectorAll("article").forEach((article) => {
      const all = T.readData(article, "cause-deadlines", validWindows);
      // Only windows that run from the notice (the date the driver types is the notice date)
      // and hold wherever the driver delivers (a city's rule is not everyone's send-by date).
      const windows = all && all.filter((w) => (w.starts === undefined || w.starts === NOTICE) &&
        !(Array.isArray(w.where) && w.where.length));
      if (!windows || !windows.length) return;
      // The page keeps a place for it (in the "Short on time" box); else it goes after the data.
      let out = article.querySelector(".send-by");
      if (!out) {
        const carrier = [...article.querySelectorAll("script, template")].find((n) => {
          try { return validWindows(JSON.parse(n.tagName === "TEMPLATE" ? n.content.textContent : n.textContent)); }
          catch (e) { return false; }
        });
        out = el("p", { className: "send-by" });
        out.setAttribute("aria-live", "polite");
        carrier.after(out);
      }
      if (!("waiting" in out.dataset)) {
        out.dataset.waiting = out.textContent.trim() || T.pick(WORDS, "deadlines").waiting;
      }
      out.windows = windows;
      sendBy(out, windows);
    });
  }

  // One listener for every notice field, on any page, before or after instant navigation.
  let pending = 0;
  document.addEventListener("input", (event) => {
    if (!(event.target instanceof Element) || !event.target.matches(NOTICE_FIELD)) return;
    clearTimeout(pending);
    // Wait for the driver to finish the date, so the live region speaks once.
    pending = setTimeout(() => {
      const out = document.querySelector("article .send-by");
      if (out && out.windows) sendBy(out, out.windows);
    }, 400);
  });

  function init() {
    mountCalculator();
    mountSendBy();
  }

  window.flexTools.onEachPage(init);
})();
