/* Letter builder: fills a sample letter as the driver types, then copies, mails, downloads
   or prints it. Everything stays on the device; typed text is only ever set as text
   (textContent / value), never as markup.

   Re-rendering: with the theme's instant navigation (off in mkdocs.yml, for weight) Material
   swaps the whole article, even on a link to a place on the same page, and emits document$
   again; the builder stays safe under it. Each mount starts from what is in the DOM:
   a box that still has its form is left alone; a new box is built from its own pristine
   template (kept in data attributes after the first build, since the builder rewrites the
   code blocks). What the driver typed is kept in memory per letter, so a re-rendered box
   comes back filled (and Back from another page brings the page back as it was). Nothing is
   stored on the device unless the driver ticks "Remember".

   Remembering is one choice for the whole site: every letter's box shows it, and ticking or
   unticking one changes them all, because they share what is stored (name, email...).

   Spanish pages: the letter sent stays English; each paragraph shows beside its meaning. */
"use strict";
(function () {
  const T = window.flexTools;
  const REMEMBER = "letters.remember";  // JSON true when the driver opted in
  const FIELDS = "letters.fields";      // {field id: text}, shared by every letter
  const MARKER = "[Add any sentences below that are true for you]";
  const MIN_YEAR = 1900;
  const MAX_YEAR = 2200;
  // Many mail apps cut a mailto: link after about 2,000 characters (some far sooner), and
  // the letter would arrive cut short without a word. Above this, we offer copy instead.
  const MAIL_LINK_LIMIT = 1800;

  // Every word the builder shows (Spanish: es.js, picked when a box is built).
  const WORDS = {
    en: {
      full: "Could not save on this device: storage is full. Your letter is still here; copy it.",
      blocked: "This browser does not allow saving on this device. Your letter is still here; copy it.",
      badYear: (y) => "The year must have 4 digits, between " + MIN_YEAR + " and " + MAX_YEAR + ". You typed " + y +
        ". Type the whole year, like 2026.",
      notWhole: "This is not a whole date. Type the month, day and year, like 11/26/2026.",
      yearHint: "Type the year in full: 4 digits, between " + MIN_YEAR + " and " + MAX_YEAR + ".",
      fill: "Fill in your letter",
      sentences: "Sentences to add (only if true for you)",
      remember: " Remember what I type on this device",
      rememberHint: " Only on this phone or computer, for every letter on this site.",
      copy: "Copy letter",
      copySubject: "Copy subject line",
      mail: "Open in email app",
      download: "Download .txt",
      print: "Print",
      tooLongCopy: "Copy the letter for your email",
      tooLong: "This letter is too long for a mail link: many email apps would cut it short. " +
        "Copy the letter and paste it into your email.",
      clear: "Clear my details\u2026",
      builder: "Letter builder",
      nowTooLong: "The letter is now too long for a mail link. Copy it and paste it into your email.",
      shortAgain: "The letter is short enough for a mail link again.",
      blanksLeft: (n) => " " + n + (n === 1 ? " blank is" : " blanks are") +
        " still in [brackets]: fill them in or delete those lines before you send it.",
      checkDate: (names) => " Check the date: " + names + ".",
      copied: "Letter copied. Paste it into your email.",
      copyFailed: "Could not copy by itself. The letter is selected: use your phone's Copy.",
      subjectCopied: "Subject line copied.",
      subjectFailed: "Could not copy by itself. Select the subject line and use your phone's Copy.",
      opening: "Opening your email app. Add the address from your notice.",
      file: (id) => "flex-letter-" + id + ".txt",
      saved: "Letter saved as a text file.",
      clearAsk: "Clear everything you typed in the letters on this page, and what this device keeps?",
      clearYes: "Yes, clear my details",
      cleared: "Your details were cleared from this page and this device.",
      rememberOn: "What you type in the letters will be kept on this device, until you untick this.",
      rememberOff: "Your details are no longer kept on this device. They stay on this page until you leave.",
    },
  };

  const memory = new Map();   // letter id -> { values: {field: text}, ticked: Set of statement ids }
  const live = new Set();     // mounted builders, so every "Remember" box shows the same state

  const isText = (v) => typeof v === "string";
  const remembering = () => T.read(REMEMBER, (v) => v === true) === true;
  const storedFields = () => T.read(FIELDS, (v) => v !== null && typeof v === "object" && !Array.isArray(v) &&
    Object.values(v).every(isText)) || {};

  // "2026-11-26" -> "November 26, 2026" ("26 de noviembre de 2026" for the meaning); "" when it
  // is not a whole date with a year we accept.
  function showDate(value, spanish) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m || +m[1] < MIN_YEAR || +m[1] > MAX_YEAR) return "";
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (d.getUTCMonth() !== +m[2] - 1) return "";
    return d.toLocaleDateString(spanish ? "es-US" : "en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  }

  // Why a date field's value cannot go in the letter, in words for the driver ("" if it can).
  function dateProblem(value, W) {
    if (!value) return "";
    const m = /^(\d{4,})-\d{2}-\d{2}$/.exec(value);
    if (m && showDate(value)) return "";
    if (m) return W.badYear(+m[1]);
    return W.notWhole;
  }

  function fill(template, blanks, values, spanish) {
    let text = template;
    for (const b of blanks) {
      const raw = (values[b.id] || "").trim();
      const v = b.kind === "date" ? showDate(raw, spanish) : raw;
      if (v) text = text.split("[" + b.placeholder + "]").join(v);
    }
    return text;
  }

  // The marker line becomes the ticked sentences, a blank line between each; with none ticked
  // it goes, with the blank line after it (or before it, at the end of the letter).
  function placeStatements(template, statements, ticked) {
    const lines = template.split("\n");
    const at = lines.findIndex((line) => line.trim() === MARKER);
    if (at < 0) return template;
    const chosen = statements.filter((s) => ticked.has(s.id)).map((s) => s.text.trim());
    if (chosen.length) {
      lines.splice(at, 1, chosen.join("\n\n"));
    } else if (at + 1 < lines.length && lines[at + 1].trim() === "") {
      lines.splice(at, 2);
    } else if (at > 0 && lines[at - 1].trim() === "") {
      lines.splice(at - 1, 2);
    } else {
      lines.splice(at, 1);
    }
    return lines.join("\n");
  }

  const el = T.el;

  const validBlanks = (v) => Array.isArray(v) && v.length > 0 &&
    v.every((b) => b && isText(b.id) && isText(b.placeholder) && isText(b.label));
  const validStatements = (v) => Array.isArray(v) &&
    v.every((s) => s && isText(s.id) && isText(s.label) && isText(s.text) && !("placeholder" in s));

  const validMeaning = (v) => v && isText(v.subject) && isText(v.body);

  // Text split into paragraphs on blank lines, as the pairs show them.
  const paragraphs = (text) => text.split(/\n[ \t]*\n/).map((p) => p.replace(/^\n+|\n+$/g, "")).filter((p) => p.trim());

  function build(box, index) {
    const W = T.pick(WORDS, "letters");
    const spanish = T.lang() === "es";
    const blanks = T.readData(box, "letter-blanks", validBlanks);
    const statements = T.readData(box, "letter-statements", validStatements) || [];
    const codes = [...box.querySelectorAll("pre > code")].filter((c) => !c.closest(".letter-statements-plain"));
    if (!blanks || codes.length < 2) return;
    const [subjectCode, bodyCode] = codes;
    // The pristine templates, kept on the box: the code blocks are rewritten as the driver types.
    if (!("subjectTemplate" in box.dataset)) {
      box.dataset.subjectTemplate = subjectCode.textContent.replace(/\n$/, "");
      box.dataset.bodyTemplate = bodyCode.textContent.replace(/\n$/, "");
    }
    const subjectTemplate = box.dataset.subjectTemplate;
    const bodyTemplate = box.dataset.bodyTemplate;
    const id = box.dataset.letter;
    if (!memory.has(id)) memory.set(id, { values: {}, ticked: new Set() });
    const kept = memory.get(id);
    const stored = remembering() ? storedFields() : {};
    const values = kept.values;
    const base = "letter-" + id + "-" + index;
    const meaning = spanish ? T.readData(box, "letter-meaning", validMeaning) : null;

    const status = el("p", { className: "letter-status", role: "status" });
    status.setAttribute("aria-live", "polite");
    let pairsTimer = 0;  // a pending "the pairs changed": any newer message replaces it
    function say(message) {
      clearTimeout(pairsTimer);
      status.textContent = "";
      setTimeout(() => { status.textContent = message; }, 50);
    }

    const fields = el("fieldset", { className: "letter-fields" }, el("legend", { textContent: W.fill }));
    const inputs = [];
    // A blank used only by optional sentences is asked under the first sentence that uses it,
    // and only once the driver ticks one of them: no one is asked "what went wrong" unless
    // they chose to say so.
    const inMain = (b) => (subjectTemplate + "\n" + bodyTemplate).includes("[" + b.placeholder + "]");
    const owners = new Map();
    for (const b of blanks) {
      const users = statements.filter((st) => st.text.includes("[" + b.placeholder + "]"));
      if (!inMain(b) && users.length) owners.set(b.id, users.map((st) => st.id));
    }
    const statementRows = new Map();  // statement id -> rows of its own blanks
    const showStatementRows = () => {
      for (const [id, rows] of statementRows) {
        for (const row of rows) row.hidden = !owners.get(row.dataset.blank).some((sid) => kept.ticked.has(sid));
      }
    };
    for (const b of blanks) {
      const inputId = base + "-" + b.id;
      const input = el(b.kind === "textarea" ? "textarea" : "input", { id: inputId, name: b.id, autocomplete: "off" });
      if (b.kind !== "textarea") input.type = b.kind === "email" ? "email" : b.kind === "date" ? "date" : "text";
      if (b.id === "name") input.autocomplete = "name";
      if (b.id === "email") input.autocomplete = "email";
      // What was typed here this visit first; else what the device keeps (if the driver opted in).
      const start = values[b.id] || (isText(stored[b.id]) ? stored[b.id] : "");
      input.value = start;
      values[b.id] = input.value;
      const row = el("div", { className: "letter-field" }, el("label", { htmlFor: inputId, textContent: b.label }), input);
      const described = [];
      const hintText = [b.hint, b.kind === "date" ? W.yearHint : ""].filter(Boolean).join(" ");
      if (hintText) {
        row.append(el("span", { className: "letter-hint", id: inputId + "-hint", textContent: hintText }));
        described.push(inputId + "-hint");
      }
      if (b.kind === "date") {
        input.min = MIN_YEAR + "-01-01";
        input.max = MAX_YEAR + "-12-31";
        const error = el("span", { className: "letter-error", id: inputId + "-error" });
        row.append(error);
        described.push(error.id);
        // While the driver types, the year passes through 0002, 0020...: judge it when they leave.
        const check = (show) => {
          const problem = dateProblem(input.value, W);
          input.setAttribute("aria-invalid", problem ? "true" : "false");
          if (!problem) error.textContent = "";
          else if (show) error.textContent = problem;
          return problem;
        };
        input.addEventListener("input", () => check(false));
        input.addEventListener("blur", () => check(true));
        input.checkDate = check;
        if (input.value) check(true);
      }
      if (described.length) input.setAttribute("aria-describedby", described.join(" "));
      input.addEventListener("input", () => {
        values[b.id] = input.value;
        update(true);
        if (pairs) pairsChanged();
        if (remembering()) save({ [b.id]: input.value });  // only this field: other letters share the rest
      });
      inputs.push(input);
      if (owners.has(b.id)) {
        row.dataset.blank = b.id;
        const first = owners.get(b.id)[0];
        if (!statementRows.has(first)) statementRows.set(first, []);
        statementRows.get(first).push(row);
      } else {
        fields.append(row);
      }
    }

    const parts = [fields];
    if (statements.length) {
      const choose = el("fieldset", { className: "letter-fields letter-statements-choose" },
        el("legend", { textContent: W.sentences }));
      statements.forEach((s) => {
        const boxId = base + "-st-" + s.id;
        const tick = el("input", { type: "checkbox", id: boxId, checked: kept.ticked.has(s.id) });
        const text = el("span", { className: "letter-hint letter-statement-text", id: boxId + "-text", textContent: s.text });
        const described = [text.id];
        const said = meaning && meaning.statements && isText(meaning.statements[s.id]) ? el("span", {
          className: "letter-hint letter-statement-text letter-statement-meaning", id: boxId + "-meaning", lang: "es",
          textContent: W.meaningOf + meaning.statements[s.id] }) : null;
        if (said) { text.lang = "en"; described.push(said.id); }
        tick.setAttribute("aria-describedby", described.join(" "));
        tick.addEventListener("change", () => {
          if (tick.checked) kept.ticked.add(s.id); else kept.ticked.delete(s.id);
          showStatementRows();
          update(true);
          if (pairs) say(tick.checked ? W.added(s.label) : W.removed(s.label));
        });
        choose.append(el("div", { className: "letter-statement" }, tick,
          el("label", { htmlFor: boxId, textContent: " " + s.label }), text, ...(said ? [said] : []),
          ...(statementRows.get(s.id) || [])));
      });
      showStatementRows();
      parts.push(choose);
      const plain = box.querySelector(".letter-statements-plain");
      if (plain) plain.hidden = true;  // the same sentences, for copying with scripts off
    }

    const remember = el("input", { type: "checkbox", id: base + "-remember", checked: remembering() });
    if (!T.canStore()) remember.disabled = true;
    remember.addEventListener("change", () => setRemember(remember.checked, say));
    parts.push(el("div", { className: "letter-remember" }, remember,
      el("label", { htmlFor: remember.id, textContent: W.remember }),
      el("span", { className: "letter-hint", textContent: W.rememberHint })));

    const copy = el("button", { type: "button", className: "md-button md-button--primary", textContent: W.copy });
    const copySubject = el("button", { type: "button", className: "md-button", textContent: W.copySubject });
    const mail = el("a", { className: "md-button", textContent: W.mail });
    const download = el("button", { type: "button", className: "md-button", textContent: W.download });
    const print = el("button", { type: "button", className: "md-button", textContent: W.print });
    const tooLongCopy = el("button", { type: "button", className: "md-button", textContent: W.tooLongCopy });
    const tooLong = el("div", { className: "letter-too-long", hidden: true }, el("p", { textContent: W.tooLong }), tooLongCopy);
    const actions = el("div", { className: "letter-actions" }, copy, copySubject, mail, download, print);
    const clear = el("button", { type: "button", className: "md-button letter-clear", textContent: W.clear });
    const danger = el("div", { className: "letter-danger" }, clear);
    parts.push(actions, tooLong, status, danger);
    const tools = el("form", { className: "letter-tools no-print" }, ...parts);
    tools.setAttribute("aria-label", W.builder);
    tools.addEventListener("submit", (e) => e.preventDefault());

    function subject() { return fill(subjectTemplate, blanks, values); }
    function body() { return fill(placeStatements(bodyTemplate, statements, kept.ticked), blanks, values); }

    // The letter beside its meaning: same values, same ticked sentences, paragraph by paragraph.
    let pairs = null;
    if (meaning) {
      pairs = box.querySelector(".letter-pairs");
      if (!pairs) {
        pairs = el("div", { className: "letter-pairs" });
        bodyCode.closest("pre").after(pairs);
      }
    }
    const meaningStatements = meaning ? statements.map((s) => ({
      id: s.id, text: meaning.statements && isText(meaning.statements[s.id]) ? meaning.statements[s.id] : s.text })) : [];
    function renderPairs() {
      if (!pairs) return;
      const en = [subject(), ...paragraphs(body())];
      // A blank not yet filled is named in the reader's words, as the page names it.
      const named = (t) => blanks.reduce((out, b) => out.split("[" + b.placeholder + "]").join("[" + b.label + "]"), t);
      const es = [named(fill(meaning.subject, blanks, values, true)),
        ...paragraphs(named(fill(placeStatements(meaning.body, meaningStatements, kept.ticked), blanks, values, true)))];
      const rows = [];
      for (let i = 0; i < Math.max(en.length, es.length); i++) {
        rows.push(el("div", { className: "letter-pair" },
          el("div", { className: "letter-en", lang: "en" },
            el("span", { className: "letter-pair-label", lang: "es", textContent: W.labelEn }), en[i] || ""),
          el("div", { className: "letter-es", lang: "es" },
            el("span", { className: "letter-pair-label", textContent: W.labelEs }), es[i] || "")));
      }
      pairs.replaceChildren(...rows);
    }
    // Said once, when the driver pauses typing.
    function pairsChanged() {
      clearTimeout(pairsTimer);
      pairsTimer = setTimeout(() => say(W.pairsUpdated), 1200);
    }

    let mailTooLong = null;
    let saveProblem = "";
    function update(byDriver) {
      subjectCode.textContent = subject();
      bodyCode.textContent = body();
      renderPairs();
      // RFC 6068: line breaks in a mailto body are CRLF, percent-encoded.
      const crlf = (t) => T.wellFormed(t).replace(/\r?\n/g, "\r\n");
      const href = "mailto:?subject=" + encodeURIComponent(crlf(subject())) + "&body=" + encodeURIComponent(crlf(body()));
      const tooLongNow = href.length > MAIL_LINK_LIMIT;
      if (tooLongNow) mail.removeAttribute("href"); else mail.href = href;
      mail.hidden = tooLongNow;
      tooLong.hidden = !tooLongNow;
      if (byDriver && mailTooLong !== null && tooLongNow !== mailTooLong) {
        say(tooLongNow ? W.nowTooLong : W.shortAgain);
      }
      mailTooLong = tooLongNow;
    }

    function save(changed) {
      const problem = T.write(FIELDS, Object.assign(storedFields(), changed));
      if (problem && problem !== saveProblem) say(problem === "full" ? W.full : W.blocked);
      saveProblem = problem;
    }

    // Blanks still in [brackets] after filling: the driver must fill or delete them before sending.
    function blanksLeft() {
      const left = new Set((subject() + "\n" + body()).match(/\[[^\[\]\n]+\]/g) || []);
      return left.size ? W.blanksLeft(left.size) : "";
    }

    // Dates that cannot go in the letter are named before the driver copies.
    function dateWarnings() {
      const bad = inputs.filter((i) => i.checkDate && i.checkDate(true));
      return bad.length ? W.checkDate(bad.map((i) => i.labels[0].textContent).join(", ")) : "";
    }

    async function copyLetter() {
      try { await navigator.clipboard.writeText(body()); say(W.copied + blanksLeft() + dateWarnings()); }
      catch (e) {
        const range = document.createRange();
        range.selectNodeContents(bodyCode);
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        say(W.copyFailed);
      }
    }
    copy.addEventListener("click", copyLetter);
    tooLongCopy.addEventListener("click", copyLetter);
    copySubject.addEventListener("click", async () => {
      try { await navigator.clipboard.writeText(subject()); say(W.subjectCopied); }
      catch (e) { say(W.subjectFailed); }
    });
    mail.addEventListener("click", () => say(W.opening));
    download.addEventListener("click", () => {
      const text = "Subject: " + subject() + "\n\n" + body() + "\n";
      const url = URL.createObjectURL(new Blob([T.wellFormed(text)], { type: "text/plain;charset=utf-8" }));
      const a = el("a", { href: url, download: W.file(id) });
      document.body.append(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      say(W.saved);
    });
    print.addEventListener("click", () => window.print());
    T.confirmStep(clear, W.clearAsk, W.clearYes, () => {
      for (const b of live) b.reset();
      T.remove(FIELDS);
      say(W.cleared);
    }, say);

    const builder = {
      box,
      remember,
      say,
      W,
      reset() {
        for (const input of inputs) { input.value = ""; values[input.name] = ""; if (input.checkDate) input.checkDate(true); }
        update(false);
      },
      // Opting in saves what is already typed in every letter on the page (blanks never
      // overwrite what another letter has).
      saveNow() { save(Object.fromEntries(Object.entries(values).filter(([, v]) => v))); },
    };
    live.add(builder);
    box.prepend(tools);
    update(false);
  }

  function setRemember(on, say) {
    const W = T.pick(WORDS, "letters");
    for (const b of [...live]) if (!b.box.isConnected) live.delete(b);
    if (on) {
      const problem = T.write(REMEMBER, true);
      if (problem) {
        for (const b of live) b.remember.checked = false;
        say(problem === "full" ? W.full : W.blocked);
        return;
      }
      for (const b of live) { b.remember.checked = true; b.saveNow(); }
      say(W.rememberOn);
    } else {
      T.remove(REMEMBER);
      T.remove(FIELDS);
      for (const b of live) b.remember.checked = false;
      say(W.rememberOff);
    }
  }

  function init() {
    for (const b of [...live]) if (!b.box.isConnected) live.delete(b);
    // Details kept without the opt-in are stale or another version's: not ours to keep.
    if (!remembering()) T.remove(FIELDS);
    // The first letter at once; each other one in its own task, so a page of several letters
    // never holds the phone for the time of all of them (a tap in between is answered).
    const boxes = [...document.querySelectorAll(".letter[data-letter]")];
    const next = (i) => {
      if (i >= boxes.length) return;
      const box = boxes[i];
      if (box.isConnected && !box.querySelector(":scope > .letter-tools")) {  // not yet built
        try { build(box, i); } catch (e) {
          // One letter that cannot be built leaves the plain letter to copy; the others still work.
          if (window.console) console.warn("Letter builder:", e);
        }
      }
      if (i + 1 < boxes.length) setTimeout(() => next(i + 1), 0);
    };
    next(0);
  }

  window.flexTools.onEachPage(init);
})();
