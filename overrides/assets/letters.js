/* Letter builder: fills a sample letter as the driver types, then copies, mails,
   downloads or prints it. Everything stays on the device; typed text is only ever
   set as text (textContent / value), never as markup. */
"use strict";
(function () {
  const STORE = "flex-letter-fields";
  const REMEMBER = "flex-letter-remember";

  function readStore() {
    try { return localStorage.getItem(REMEMBER) === "1" ? JSON.parse(localStorage.getItem(STORE) || "{}") : {}; }
    catch (e) { return {}; }
  }

  function writeStore(values) {
    try {
      if (localStorage.getItem(REMEMBER) === "1") localStorage.setItem(STORE, JSON.stringify(values));
    } catch (e) { /* storage full or blocked: the letter still works */ }
  }

  // A date field holds 2026-11-26; letters say "November 26, 2026".
  function showDate(value) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return value;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  }

  function fill(template, blanks, values) {
    let text = template;
    for (const b of blanks) {
      const v = (values[b.id] || "").trim();
      if (v) text = text.split("[" + b.placeholder + "]").join(b.kind === "date" ? showDate(v) : v);
    }
    return text;
  }

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    node.append(...children);
    return node;
  }

  function build(box, index) {
    const blanks = JSON.parse(box.querySelector(".letter-blanks").textContent);
    const codes = box.querySelectorAll("pre > code");
    if (codes.length < 2) return;
    const [subjectCode, bodyCode] = codes;
    const subjectTemplate = subjectCode.textContent.replace(/\n$/, "");
    const bodyTemplate = bodyCode.textContent.replace(/\n$/, "");
    const id = box.dataset.letter;
    const stored = readStore();
    const values = {};

    const status = el("p", { className: "letter-status", role: "status" });
    status.setAttribute("aria-live", "polite");
    const fields = el("fieldset", { className: "letter-fields" }, el("legend", { textContent: "Fill in your letter" }));
    for (const b of blanks) {
      const inputId = "letter-" + id + "-" + index + "-" + b.id;
      const input = el(b.kind === "textarea" ? "textarea" : "input", { id: inputId, name: b.id, autocomplete: "off" });
      if (b.kind !== "textarea") input.type = b.kind === "email" ? "email" : b.kind === "date" ? "date" : "text";
      if (b.id === "name") input.autocomplete = "name";
      if (b.id === "email") input.autocomplete = "email";
      input.value = stored[b.id] || "";
      values[b.id] = input.value;
      const label = el("label", { htmlFor: inputId, textContent: b.label });
      const row = el("div", { className: "letter-field" }, label, input);
      if (b.hint) {
        const hint = el("span", { className: "letter-hint", id: inputId + "-hint", textContent: b.hint });
        input.setAttribute("aria-describedby", hint.id);
        row.append(hint);
      }
      input.addEventListener("input", () => { values[b.id] = input.value; update(); });
      fields.append(row);
    }

    const rememberId = "letter-" + id + "-" + index + "-remember";
    const remember = el("input", { type: "checkbox", id: rememberId });
    try { remember.checked = localStorage.getItem(REMEMBER) === "1"; } catch (e) { remember.disabled = true; }
    remember.addEventListener("change", () => {
      try {
        if (remember.checked) { localStorage.setItem(REMEMBER, "1"); writeStore(values); say("Your details will be kept on this device."); }
        else { localStorage.removeItem(REMEMBER); localStorage.removeItem(STORE); say("Your details are no longer kept on this device."); }
      } catch (e) { say("This browser does not allow saving. Your letter still works."); }
    });
    const rememberRow = el("div", { className: "letter-remember" }, remember,
      el("label", { htmlFor: rememberId, textContent: " Remember what I type on this device" }));

    const copy = el("button", { type: "button", className: "md-button md-button--primary", textContent: "Copy letter" });
    const copySubject = el("button", { type: "button", className: "md-button", textContent: "Copy subject line" });
    const mail = el("a", { className: "md-button", textContent: "Open in email app" });
    const download = el("button", { type: "button", className: "md-button", textContent: "Download .txt" });
    const print = el("button", { type: "button", className: "md-button", textContent: "Print" });
    const clear = el("button", { type: "button", className: "md-button", textContent: "Clear my details" });
    const actions = el("div", { className: "letter-actions" }, copy, copySubject, mail, download, print, clear);
    const tools = el("form", { className: "letter-tools no-print" }, fields, rememberRow, actions, status);
    tools.setAttribute("aria-label", "Letter builder");
    tools.addEventListener("submit", (e) => e.preventDefault());

    function say(message) { status.textContent = ""; setTimeout(() => { status.textContent = message; }, 50); }
    function subject() { return fill(subjectTemplate, blanks, values); }
    function body() { return fill(bodyTemplate, blanks, values); }
    function update() {
      subjectCode.textContent = subject();
      bodyCode.textContent = body();
      mail.href = "mailto:?subject=" + encodeURIComponent(subject()) + "&body=" + encodeURIComponent(body());
      writeStore(Object.assign(readStore(), values));
    }

    // Blanks still in [brackets] after filling: the driver must fill or delete them before sending.
    function blanksLeft() {
      const left = new Set((subject() + "\n" + body()).match(/\[[^\[\]\n]+\]/g) || []);
      return left.size ? " " + left.size + (left.size === 1 ? " blank is" : " blanks are") +
        " still in [brackets]: fill them in or delete those lines before you send it." : "";
    }

    copySubject.addEventListener("click", async () => {
      try { await navigator.clipboard.writeText(subject()); say("Subject line copied."); }
      catch (e) { say("Could not copy by itself. Select the subject line and use your phone's Copy."); }
    });
    copy.addEventListener("click", async () => {
      try { await navigator.clipboard.writeText(body()); say("Letter copied. Paste it into your email." + blanksLeft()); }
      catch (e) {
        const range = document.createRange();
        range.selectNodeContents(bodyCode);
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        say("Could not copy by itself. The letter is selected: use your phone's Copy.");
      }
    });
    mail.addEventListener("click", () => say("Opening your email app. Add the address from your notice."));
    download.addEventListener("click", () => {
      const text = "Subject: " + subject() + "\n\n" + body() + "\n";
      const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
      const a = el("a", { href: url, download: "flex-letter-" + id + ".txt" });
      document.body.append(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      say("Letter saved as a text file.");
    });
    print.addEventListener("click", () => window.print());
    clear.addEventListener("click", () => {
      for (const input of fields.querySelectorAll("input, textarea")) { input.value = ""; values[input.name] = ""; }
      try { localStorage.removeItem(STORE); } catch (e) { /* nothing stored */ }
      update();
      say("Your details were cleared from this page and this device.");
    });

    box.prepend(tools);
    update();
  }

  function init() {
    document.querySelectorAll(".letter[data-letter]").forEach((box, i) => {
      if (box.dataset.ready) return;
      box.dataset.ready = "1";
      build(box, i);
    });
  }

  if (window.document$) window.document$.subscribe(init); else document.addEventListener("DOMContentLoaded", init);
})();
