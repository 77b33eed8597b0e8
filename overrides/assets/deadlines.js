/* Deadline calculator: turns the date on a driver's notice into the dates that follow,
   and offers them as a calendar file. Everything runs on the device: nothing typed is
   sent or stored, and typed text is only ever read as a date.
   Dates are whole UTC days (Date.UTC), so daylight-saving changes never move a date. */
"use strict";
(function () {
  const DAY_MS = 86400000;

  // "2026-11-26" -> a day number (days since 1970-01-01), or null if it is not a real date.
  function parseDay(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || "").trim());
    if (!m) return null;
    const y = +m[1], mo = +m[2], d = +m[3];
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

  // "Monday, December 7, 2026"
  function formatDay(day) {
    return toDate(day).toLocaleDateString("en-US", {
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

  // items: [{ id, day, summary, description }] -> the text of an .ics file.
  function makeICS(items, now) {
    const stamp = (now || new Date()).toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    const lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Flex Deactivation Help//Deadline calculator//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
    ];
    for (const item of items) {
      lines.push(
        "BEGIN:VEVENT",
        // ".invalid" can never be a real host: the UID names no site and no person.
        "UID:" + icsText(item.id + "-" + toICSDate(item.day)) + "@flex-deadline-calculator.invalid",
        "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + toICSDate(item.day),
        "DTEND;VALUE=DATE:" + toICSDate(item.day + 1),
        "SUMMARY:" + icsText(item.summary),
        "DESCRIPTION:" + icsText(item.description || ""),
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
      );
    }
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  const api = {
    parseDay, addCalendarDays, addBusinessDays, addDays, weekday, formatDay, toISODay, toICSDate,
    icsText, fold, makeICS,
  };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = api;
    return;
  }

  /* ---- The page ---- */

  const EVERYWHERE = "Somewhere else in the US";
  const NOTICE = "notice";

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    node.append(...children);
    return node;
  }

  function lowerFirst(text) {
    return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
  }

  function claimClass(confidence) {
    const slug = confidence.toLowerCase().replace(/^the /, "").replace(/[^a-z]+/g, "-");
    return "claim claim--" + slug;
  }

  function describe(d, events) {
    const unit = d.counting === "business" ? "business" : "calendar";
    return d.days + " " + unit + " day" + (d.days === 1 ? "" : "s") + " from " + lowerFirst(events[d.starts].label);
  }

  function build(box, data) {
    const events = data.events;
    const used = [];
    for (const d of data.deadlines) if (events[d.starts] && !used.includes(d.starts)) used.push(d.starts);
    used.sort((a, b) => (b === NOTICE) - (a === NOTICE));

    const inputs = {};
    const fields = el("fieldset", { className: "letter-fields" }, el("legend", { textContent: "Your dates" }));
    for (const id of used) {
      const inputId = "deadline-" + id;
      const input = el("input", { type: "date", id: inputId, autocomplete: "off" });
      const row = el("div", { className: "letter-field" }, el("label", { htmlFor: inputId, textContent: events[id].ask }), input);
      if (id === NOTICE) {
        input.required = true;
      } else {
        const hint = el("span", { className: "letter-hint", id: inputId + "-hint", textContent: "Leave blank if this has not happened yet." });
        input.setAttribute("aria-describedby", hint.id);
        row.append(hint);
      }
      inputs[id] = input;
      fields.append(row);
    }

    const place = el("select", { id: "deadline-place" }, el("option", { value: "", textContent: EVERYWHERE, selected: true }));
    for (const [id, label] of Object.entries(data.places)) place.append(el("option", { value: id, textContent: label }));
    // Outside the fieldset: a fieldset grows to its widest option, wider than a phone.
    const placeRow = el("div", { className: "letter-field" }, el("label", { htmlFor: place.id, textContent: "Where do you deliver?" }), place);

    const how = el("p", {
      className: "letter-hint",
      textContent: "The day you enter is day 0. Business days skip Saturdays and Sundays; public holidays are not " +
        "counted, so a holiday can push a real deadline later. What you enter stays on this device: nothing is sent or saved.",
    });
    const submit = el("button", { type: "submit", className: "md-button md-button--primary", textContent: "Show my dates" });
    const form = el("form", { className: "deadline-form" }, fields, placeRow, how, el("div", { className: "letter-actions" }, submit));
    const results = el("div", { className: "deadline-results" });
    results.setAttribute("aria-live", "polite");

    let items = [];
    let shown = false;

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
      items = compute();
      const now = today();
      const list = el("ol", { className: "deadline-list" });
      for (const { d, day } of items) {
        const links = el("span", { className: "cite" }, "Sources: ");
        d.sources.forEach((s, i) => {
          if (i) links.append("; ");
          links.append(el("a", { href: s.url, textContent: s.title }));
        });
        const when = el("strong", { className: "deadline-date", textContent: formatDay(day) });
        const head = el("p", {}, when, el("br"), el("span", { className: "deadline-label", textContent: d.label }));
        const left = day - now;  // both are whole UTC day numbers
        head.append(" ", el("em", { textContent: left < 0 ? "(This date has passed. If this is your appeal, send it today anyway.)"
          : left === 0 ? "(today)" : "(in " + left + (left === 1 ? " day)" : " days)") }));
        list.append(el("li", {}, head,
          el("p", {}, describe(d, events), ". ", el("strong", { className: claimClass(d.confidence), textContent: d.confidence })),
          el("p", { textContent: d.note }),
          el("p", {}, links)));
      }
      const download = el("button", { type: "button", className: "md-button", textContent: "Add to calendar (.ics)" });
      download.addEventListener("click", saveICS);
      const chosen = place.value;
      const local = chosen && !data.deadlines.some((d) => d.where.includes(chosen));
      results.replaceChildren(
        el("p", {}, el("strong", { textContent: "The deadline in your own notice is the one that counts." })),
        ...(local ? [el("p", { textContent: "We know of no extra dates for " + place.selectedOptions[0].textContent +
          ". See the rights page for what the law there says." })] : []),
        items.length ? list : el("p", { textContent: "Enter the date on your notice to see your dates." }),
        ...(items.length ? [el("div", { className: "letter-actions" }, download)] : []));
    }

    function saveICS() {
      const text = makeICS(items.map(({ d, day }) => ({
        id: d.id,
        day,
        summary: d.label,
        description: [
          d.note,
          describe(d, events) + ". Public holidays are not counted.",
          "How sure: " + d.confidence + ".",
          "The deadline in your own notice is the one that counts.",
          "Sources: " + d.sources.map((s) => s.url).join(" "),
        ].join("\n"),
      })), new Date());
      const url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
      const a = el("a", { href: url, download: "flex-deadlines.ics" });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      shown = true;
      render();
    });
    // Once dates are shown, they follow every change.
    form.addEventListener("change", () => { if (shown && form.checkValidity()) render(); });

    box.replaceChildren(form, results);
  }

  function init() {
    const box = document.getElementById("deadline-calculator");
    const blob = document.getElementById("deadline-data");
    if (!box || !blob || box.dataset.ready) return;
    box.dataset.ready = "1";
    let data;
    try { data = JSON.parse(blob.textContent); } catch (e) { return; }
    build(box, data);
  }

  if (window.document$) window.document$.subscribe(init); else document.addEventListener("DOMContentLoaded", init);
})();
