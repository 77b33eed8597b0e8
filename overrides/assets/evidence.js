/* Evidence log: turns the printable tables on /evidence-log/ into a log a driver fills in on
   a phone. One form per table, rows added, edited and deleted (deleting asks first), the whole
   log copied as text or saved as a .txt file, and the printed tables filled in with the rows.
   It is kept on the device only when the driver ticks "Keep this log on this device"; until
   then it lives in this page (the browser's Back button brings it back as it was; a reload
   or a new visit does not).
   Typed text is only ever set as text (textContent / value), never as markup. */
"use strict";
(function () {
  const VERSION = 1;
  // Rows typed without "keep" ticked: kept only while this page is open.
  let memory = null;

  // Keys are scoped to the site's base path, as the theme scopes its own, so two sites on
  // one host (or a copy under another path) never read each other's log.
  function scope() {
    return (window.__md_scope && window.__md_scope.pathname) || "/";
  }
  function logKey() { return scope() + ".flex-evidence-log"; }
  function keepKey() { return scope() + ".flex-evidence-log-keep"; }

  // Every word the log shows, copies or saves (Spanish: es.js, picked when the log is built).
  const WORDS = {
    en: {
      locale: "en-US",
      keep: "Keep this log on this device",
      keepHint: "Off: your rows are gone when you leave, close or reload this page. " +
        "On: they stay in this browser on this phone. They are never sent anywhere.",
      copy: "Copy the log",
      download: "Download .txt",
      clear: "Clear the log",
      clearYes: "Yes, clear every row",
      clearNo: "No, keep my log",
      clearAsk: "Clear every row in every table? This cannot be undone.",
      asText: "Your log as text",
      tools: "Your log",
      unreadable: "Part of the log kept on this device could not be read, so it was left out. The rest is below.",
      noRoom: "This phone has no room left to keep the log. Your rows are still on this page: copy or download the log now.",
      notKept: "Saved on this page, but the phone could not keep it. Copy or download the log.",
      rowsIn: (t) => "Rows in " + t,
      empty: "No rows yet.",
      add: (t) => "Add a row: " + t,
      saveRow: "Save row",
      cancel: "Cancel",
      rowIn: (t) => "Row in " + t,
      edit: "Edit",
      editRow: (n, t) => "Edit row " + n + " of " + t,
      del: "Delete",
      delRow: (n, t) => "Delete row " + n + " of " + t,
      delYes: "Yes, delete it",
      delNo: "No, keep it",
      delAsk: (n) => "Delete row " + n + "? This cannot be undone.",
      row: (n) => "Row " + n,
      deleted: (n, t) => "Row " + n + " deleted from " + t + ".",
      change: (n, t) => "Change row " + n + ": " + t,
      fresh: (t) => "New row: " + t,
      typeFirst: "Type something in at least one box first.",
      changed: (n, t) => "Row " + n + " changed in " + t + ".",
      added: (n, t) => "Row " + n + " added in " + t + ".",
      keptHere: " Kept on this device.",
      title: "Evidence log",
      copiedOn: (d) => "Written down on the day it happened. Copied on " + d + ".",
      noRows: "(no rows)",
      keptNow: "Your log is kept on this device now. It stays in this browser until you clear it.",
      notKeptNow: "Your log is no longer kept on this device. Copy or download it before you leave this page.",
      blocked: "This browser does not let this site keep anything. Copy or download your log instead.",
      copied: (n) => "Log copied (" + n + (n === 1 ? " row" : " rows") + "). Paste it into a note or an email.",
      copyFailed: "Could not copy by itself. The log is selected in the box below: use your phone's Copy.",
      file: (stamp) => "evidence-log-" + stamp + ".txt",
      saved: (name) => "Log saved as a text file, " + name + ".",
      cleared: (kept) => "Every row was cleared" + (kept ? " from this page and this device." : "."),
    },
  };

  const T = window.flexTools;
  const el = T.el;
  function button(text, extra) {
    return el("button", Object.assign({ type: "button", className: "md-button", textContent: text }, extra || {}));
  }

  // What kind of box each column gets, from the column's own heading (English or Spanish page).
  function kindOf(label) {
    if (/^(date and time|fecha y hora)$/i.test(label)) return "datetime-local";
    if (/^(date|fecha)$/i.test(label)) return "date";
    if (/notes|what they said|reply|what you attached|notas|qu[eé] (te )?dijeron|respuesta|qu[eé] adjuntaste/i.test(label)) {
      return "textarea";
    }
    return "text";
  }

  // Dates are typed as 2026-11-26 (and 2026-11-26T09:10); the log says "November 26, 2026"
  // ("26 de noviembre de 2026" on a Spanish page).
  function show(value, kind, W) {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
    if (!m || (kind !== "date" && kind !== "datetime-local")) return value;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0)));
    if (isNaN(d)) return value;
    let text = d.toLocaleDateString(W.locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
    if (m[4] !== undefined) {
      text += ", " + d.toLocaleTimeString(W.locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" });
    }
    return text;
  }

  // The log's shape: { version, sections: { <table id>: [ { <column>: "text", ... }, ... ] },
  // columns: { <table id>: [column headings, in order] } }. Anything else found in storage is
  // dropped: only known tables, plain-object rows and string values for known columns survive.
  // A row written on the page in the other language has the other headings: the stored
  // `columns` say where each one stands, so it lands in the column at the same place.
  function clean(raw, tables) {
    const log = { version: VERSION, sections: {}, columns: {} };
    const before = raw && typeof raw === "object" && raw.columns && typeof raw.columns === "object" ? raw.columns : {};
    let dropped = false;
    const sections = raw && typeof raw === "object" && raw.sections && typeof raw.sections === "object" ? raw.sections : null;
    if (!sections) dropped = raw !== null && raw !== undefined;
    for (const t of tables) {
      log.sections[t.id] = [];
      log.columns[t.id] = t.columns;
      const old = before[t.id];
      const same = Array.isArray(old) && old.length === t.columns.length && old.every((c) => typeof c === "string");
      const column = (k) => t.columns.includes(k) ? k : same && old.includes(k) ? t.columns[old.indexOf(k)] : null;
      const rows = sections ? sections[t.id] : undefined;
      if (rows === undefined) continue;
      if (!Array.isArray(rows)) { dropped = true; continue; }
      for (const row of rows) {
        if (!row || typeof row !== "object" || Array.isArray(row)) { dropped = true; continue; }
        const kept = {};
        for (const [k, v] of Object.entries(row)) {
          if (column(k) !== null && typeof v === "string") kept[column(k)] = v.slice(0, 5000);
          else dropped = true;
        }
        if (Object.values(kept).some((v) => v.trim())) log.sections[t.id].push(kept); else dropped = true;
      }
    }
    return { log, dropped };
  }

  function readTables(root) {
    const tables = [];
    root.querySelectorAll("table").forEach((table) => {
      let heading = table.closest(".md-typeset__scrollwrap") || table;
      while (heading && heading.tagName !== "H2") heading = heading.previousElementSibling;
      if (!heading || !heading.id) return;
      const columns = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
      const blanks = table.querySelectorAll("tbody tr").length;
      tables.push({ id: heading.id, title: heading.textContent.trim(), heading, table, columns, blanks });
    });
    return tables;
  }

  function build(root) {
    const tables = readTables(root);
    if (!tables.length) return;
    const W = T.pick(WORDS, "evidence");
    const page = document.querySelector("article") || document.body;

    let keep = false;
    let storageWorks = true;
    try { keep = localStorage.getItem(keepKey()) === "1"; } catch (e) { storageWorks = false; }

    // ---- Top: keep on device, copy, download, clear; one status line. ----
    const keepBox = el("input", { type: "checkbox", id: "evlog-keep", checked: keep, disabled: !storageWorks });
    const keepLabel = el("label", { htmlFor: "evlog-keep", textContent: W.keep });
    const keepHint = el("p", {
      className: "evlog-hint", id: "evlog-keep-hint",
      textContent: W.keepHint,
    });
    keepBox.setAttribute("aria-describedby", keepHint.id);
    const copy = button(W.copy, { className: "md-button md-button--primary" });
    const download = button(W.download);
    const clear = button(W.clear);
    const status = el("p", { className: "evlog-status", role: "status" });
    status.setAttribute("aria-live", "polite");
    const clearYes = button(W.clearYes);
    const clearNo = button(W.clearNo);
    const clearAsk = el("div", { className: "evlog-confirm", hidden: true, role: "group" },
      el("p", { id: "evlog-clear-q", textContent: W.clearAsk }),
      el("div", { className: "evlog-buttons" }, clearYes, clearNo));
    clearAsk.setAttribute("aria-labelledby", "evlog-clear-q");
    const fallback = el("textarea", { className: "evlog-fallback", readOnly: true, hidden: true, rows: 8 });
    fallback.setAttribute("aria-label", W.asText);
    const tools = el("div", { className: "evlog-tools no-print" },
      el("div", { className: "evlog-keep" }, keepBox, keepLabel), keepHint,
      el("div", { className: "evlog-buttons" }, copy, download, clear),
      clearAsk, status, fallback);
    tools.setAttribute("role", "region");
    tools.setAttribute("aria-label", W.tools);

    function say(where, message) {
      where.textContent = "";
      setTimeout(() => { where.textContent = message; }, 50);
    }

    // ---- The log itself: from the device when kept, else from this visit. ----
    let log;
    let startMessage = "";
    if (keep) {
      let raw = null;
      let broken = false;
      try {
        const text = localStorage.getItem(logKey());
        if (text !== null) raw = JSON.parse(text);
      } catch (e) { broken = true; }
      const result = clean(raw, tables);
      log = result.log;
      if (broken || result.dropped) {
        startMessage = W.unreadable;
        save(false);
      }
    } else {
      log = clean(memory, tables).log;
      try { localStorage.removeItem(logKey()); } catch (e) { /* nothing kept */ }
    }
    memory = log;

    function count() { return tables.reduce((n, t) => n + log.sections[t.id].length, 0); }

    // Keeps the log when the driver asked for it; returns false (and says why) if the phone refused.
    function save(announce) {
      memory = log;
      if (!keep) return true;
      try {
        localStorage.setItem(logKey(), JSON.stringify(log));
        return true;
      } catch (e) {
        say(status, W.noRoom);
        if (announce) say(announce, W.notKept);
        return false;
      }
    }

    // ---- One part per table: the rows as cards, then a form to add or change a row. ----
    const parts = tables.map((t) => {
      const list = el("ol", { className: "evlog-rows" });
      list.setAttribute("aria-label", W.rowsIn(t.title));
      const empty = el("p", { className: "evlog-empty", textContent: W.empty });
      const add = button(W.add(t.title));
      const partStatus = el("p", { className: "evlog-status", role: "status" });
      partStatus.setAttribute("aria-live", "polite");
      const legend = el("legend");
      const fieldset = el("fieldset", {}, legend);
      const inputs = t.columns.map((column, i) => {
        const kind = kindOf(column);
        const id = "evlog-" + t.id + "-" + i;
        const input = kind === "textarea" ? el("textarea", { rows: 3 }) : el("input", { type: kind });
        Object.assign(input, { id, name: column, autocomplete: "off" });
        fieldset.append(el("div", { className: "evlog-field" }, el("label", { htmlFor: id, textContent: column }), input));
        return input;
      });
      const saveRow = el("button", { type: "submit", className: "md-button md-button--primary", textContent: W.saveRow });
      const cancel = button(W.cancel);
      fieldset.append(el("div", { className: "evlog-buttons" }, saveRow, cancel));
      const form = el("form", { className: "evlog-form", hidden: true }, fieldset);
      form.setAttribute("aria-label", W.rowIn(t.title));
      const part = el("div", { className: "evlog-part no-print" }, empty, list, add, form, partStatus);
      let editing = -1; // -1: a new row; else the index of the row being changed
      let opener = add;

      function render() {
        list.replaceChildren();
        log.sections[t.id].forEach((row, index) => list.append(card(row, index)));
        empty.hidden = log.sections[t.id].length > 0;
        fillPrint(t);
      }

      function card(row, index) {
        const n = index + 1;
        const dl = el("dl");
        for (const column of t.columns) {
          const value = (row[column] || "").trim();
          if (!value) continue;
          dl.append(el("dt", { textContent: column }), el("dd", { textContent: show(value, kindOf(column), W) }));
        }
        const edit = button(W.edit);
        edit.setAttribute("aria-label", W.editRow(n, t.title));
        const del = button(W.del);
        del.setAttribute("aria-label", W.delRow(n, t.title));
        const yes = button(W.delYes);
        const no = button(W.delNo);
        const q = el("p", { id: "evlog-" + t.id + "-del-" + n, textContent: W.delAsk(n) });
        const ask = el("div", { className: "evlog-confirm", hidden: true, role: "group" }, q, el("div", { className: "evlog-buttons" }, yes, no));
        ask.setAttribute("aria-labelledby", q.id);
        const item = el("li", { className: "evlog-row" },
          el("p", { className: "evlog-row-title", textContent: W.row(n) }), dl,
          el("div", { className: "evlog-buttons" }, edit, del), ask);
        edit.addEventListener("click", () => open(index, edit));
        del.addEventListener("click", () => { ask.hidden = false; no.focus(); });
        no.addEventListener("click", () => { ask.hidden = true; del.focus(); });
        yes.addEventListener("click", () => {
          log.sections[t.id].splice(index, 1);
          const kept = save(partStatus);
          render();
          add.focus();
          if (kept) say(partStatus, W.deleted(n, t.title));
        });
        return item;
      }

      function open(index, from) {
        editing = index;
        opener = from;
        const row = index >= 0 ? log.sections[t.id][index] : {};
        legend.textContent = index >= 0 ? W.change(index + 1, t.title) : W.fresh(t.title);
        inputs.forEach((input) => { input.value = row[input.name] || ""; });
        form.hidden = false;
        add.hidden = true;
        inputs[0].focus();
      }
      function close() {
        form.hidden = true;
        add.hidden = false;
        (opener && opener.isConnected ? opener : add).focus();
      }

      add.addEventListener("click", () => open(-1, add));
      cancel.addEventListener("click", close);
      form.addEventListener("keydown", (e) => { if (e.key === "Escape") { e.preventDefault(); close(); } });
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        const row = {};
        inputs.forEach((input) => { if (input.value.trim()) row[input.name] = input.value; });
        if (!Object.keys(row).length) { say(partStatus, W.typeFirst); inputs[0].focus(); return; }
        const index = editing >= 0 ? editing : log.sections[t.id].length;
        log.sections[t.id][index] = row;
        const kept = save(partStatus);
        render();
        form.hidden = true;
        add.hidden = false;
        const edited = list.children[index] && list.children[index].querySelector("button");
        (editing >= 0 && edited ? edited : add).focus();
        if (kept) {
          say(partStatus, (editing >= 0 ? W.changed(index + 1, t.title) : W.added(index + 1, t.title)) +
            (keep ? W.keptHere : ""));
        }
        editing = -1;
      });

      // The table itself stays for printing (CSS hides it on screen); its place on screen goes
      // to the rows and the form.
      (t.table.closest(".md-typeset__scrollwrap") || t.table).before(part);
      return { t, render };
    });

    // Printed tables: the driver's rows first, then the blank lines that are left (at least one).
    function fillPrint(t) {
      const body = t.table.tBodies[0];
      if (!body) return;
      const rows = log.sections[t.id];
      const blanks = Math.max(1, t.blanks - rows.length);
      body.replaceChildren();
      for (const row of rows) {
        body.append(el("tr", {}, ...t.columns.map((c) => el("td", { textContent: show((row[c] || "").trim(), kindOf(c), W) }))));
      }
      for (let i = 0; i < blanks; i++) body.append(el("tr", {}, ...t.columns.map(() => el("td", { textContent: "\u00a0" }))));
    }

    function asText() {
      const today = new Date().toLocaleDateString(W.locale, { year: "numeric", month: "long", day: "numeric" });
      const lines = [W.title, W.copiedOn(today), ""];
      for (const t of tables) {
        lines.push(t.title.toUpperCase());
        const rows = log.sections[t.id];
        if (!rows.length) lines.push(W.noRows);
        rows.forEach((row, i) => {
          lines.push(W.row(i + 1));
          for (const c of t.columns) {
            const v = (row[c] || "").trim();
            if (v) lines.push("  " + c + ": " + show(v, kindOf(c), W).replace(/\n/g, "\n    "));
          }
        });
        lines.push("");
      }
      return lines.join("\n");
    }

    keepBox.addEventListener("change", () => {
      try {
        if (keepBox.checked) {
          localStorage.setItem(keepKey(), "1");
          keep = true;
          if (save(null)) say(status, W.keptNow);
        } else {
          keep = false;
          localStorage.removeItem(keepKey());
          localStorage.removeItem(logKey());
          say(status, W.notKeptNow);
        }
      } catch (e) {
        keep = false;
        keepBox.checked = false;
        say(status, W.blocked);
      }
    });

    copy.addEventListener("click", async () => {
      const text = asText();
      fallback.hidden = true;
      try {
        await navigator.clipboard.writeText(text);
        say(status, W.copied(count()));
      } catch (e) {
        fallback.value = text;
        fallback.hidden = false;
        fallback.focus();
        fallback.select();
        say(status, W.copyFailed);
      }
    });

    download.addEventListener("click", () => {
      const d = new Date();
      const stamp = d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
      const url = URL.createObjectURL(new Blob([asText() + "\n"], { type: "text/plain;charset=utf-8" }));
      const a = el("a", { href: url, download: W.file(stamp) });
      document.body.append(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      say(status, W.saved(W.file(stamp)));
    });

    clear.addEventListener("click", () => { clearAsk.hidden = false; clearNo.focus(); });
    clearNo.addEventListener("click", () => { clearAsk.hidden = true; clear.focus(); });
    clearYes.addEventListener("click", () => {
      for (const t of tables) log.sections[t.id] = [];
      save(null);
      parts.forEach((p) => p.render());
      clearAsk.hidden = true;
      clear.focus();
      say(status, W.cleared(keep));
    });

    tables[0].heading.before(tools);
    parts.forEach((p) => p.render());
    root.classList.add("evidence-log--live");
    if (startMessage) say(status, startMessage);
  }

  function init() {
    document.querySelectorAll(".evidence-log").forEach((root) => {
      if (root.dataset.ready) return;
      root.dataset.ready = "1";
      build(root);
    });
  }

  T.onEachPage(init);
})();
