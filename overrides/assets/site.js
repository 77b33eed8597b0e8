/* Small progressive enhancements, and the helpers the other tools share (storage scoped to
   this site, data read from the page). Every page is a full page load (mkdocs.yml leaves the
   theme's instant navigation off), but each part also follows the theme's document$, so it
   keeps working if that is ever turned back on. */
"use strict";
(function () {
  /* ---- Shared helpers: window.flexTools ---- */

  // The site's root path ("/" here, "/flex/help/" on a project site). This script is served
  // from <root>/assets/site.js, so its own address gives the root on every page, at any depth,
  // and it does not change under instant navigation (unlike a relative `__config.base`).
  // Several sites can share one origin (user.github.io/flex/help/ and user.github.io/other/):
  // every key this site stores starts with its root path, so another site's keys never meet ours.
  const SCRIPT = document.currentScript;
  // This file's address, read once: the element's `src` is re-resolved against each new page
  // address after an instant page change, and would then point into that page's folder.
  const HERE = SCRIPT && SCRIPT.src ? SCRIPT.src : document.baseURI;
  const ROOT = new URL("..", HERE).pathname;
  const PREFIX = ROOT + "flex.";

  function key(name) { return PREFIX + name; }

  // A short, stable hash (FNV-1a, 32 bits) so a key never spells out a driver's reason.
  function hash(text) {
    let h = 0x811c9dc5;
    for (const ch of String(text)) {
      h ^= ch.codePointAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(36);
  }

  // Read a stored JSON value. A value that is not JSON, or not the shape `valid` expects (another
  // site's data, an old version, a hand edit), is removed and treated as nothing stored: a bad
  // value must never stop a tool from working.
  function read(name, valid) {
    let text = null;
    try { text = localStorage.getItem(key(name)); } catch (e) { return null; }
    if (text === null) return null;
    try {
      const value = JSON.parse(text);
      if (valid(value)) return value;
    } catch (e) { /* not JSON: repaired below */ }
    remove(name);
    return null;
  }

  // Returns "" when saved, else why not: "full" (quota) or "blocked" (storage turned off).
  function write(name, value) {
    try {
      localStorage.setItem(key(name), JSON.stringify(value));
      return "";
    } catch (e) {
      const full = e && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" || e.code === 22);
      return full ? "full" : "blocked";
    }
  }

  function remove(name) {
    try { localStorage.removeItem(key(name)); } catch (e) { /* storage blocked: nothing stored */ }
  }

  function canStore() {
    try { return typeof localStorage !== "undefined" && localStorage !== null; } catch (e) { return false; }
  }

  // Keys from older versions were shared by every site on the origin and named the reason
  // ("flex-checklist-not-received"). They are removed on sight.
  function dropLegacyKeys() {
    try {
      for (let i = localStorage.length - 1; i >= 0; i--) {
        const k = localStorage.key(i);
        if (k && (k === "flex-letter-fields" || k === "flex-letter-remember" || k.startsWith("flex-checklist-"))) {
          localStorage.removeItem(k);
        }
      }
    } catch (e) { /* storage blocked */ }
  }

  // The JSON data a tool needs, from `<script type="application/json" class=name>` (or a
  // `<template class=name>`) inside `root`. Material's instant navigation re-inserts every
  // script of a new page as a bare `<script>` (no type, class or id), so when the named one is
  // gone, any data script inside `root` whose content passes `valid` is used instead.
  function readData(root, name, valid) {
    const named = root.querySelectorAll("script." + name + ", template." + name);
    const others = [...root.querySelectorAll("script:not([src]), template")].filter((n) => !n.className);
    for (const node of [...named, ...others]) {
      const text = node.tagName === "TEMPLATE" ? node.content.textContent : node.textContent;
      try {
        const value = JSON.parse(text);
        if (valid(value)) return value;
      } catch (e) { /* not this one */ }
    }
    return null;
  }

  // Text that can be URL-encoded: a lone surrogate (half of an emoji, from a bad paste) makes
  // encodeURIComponent throw, so it becomes U+FFFD, as it would in any text file.
  function wellFormed(text) {
    const s = String(text);
    return typeof s.toWellFormed === "function" ? s.toWellFormed()
      : s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  }

  // The page's language (<html lang>: es* -> "es", else "en"); a tool's words: its English
  // table, or its table in es.js on a Spanish page.
  function lang() {
    return /^es\b/i.test(document.documentElement.lang || "") ? "es" : "en";
  }
  function pick(tables, tool) {
    return (lang() === "es" && (tables.es || (window.flexWords && window.flexWords[tool]))) || tables.en;
  }
  // es.js runs before any tool: the loader adds them later, and async=false scripts run in order.
  if (lang() === "es") {
    const words = document.createElement("script");
    words.src = new URL("es.js", HERE).href;
    words.async = false;
    document.head.append(words);
  }
  const WORDS = {
    en: { no: "No, keep them", nothing: "Nothing was cleared.", table: "Table", sideways: " (scrolls sideways)" },
    es: { no: "No, no borres nada", nothing: "No se borró nada.", table: "Tabla", sideways: " (se desliza de lado)" },
  };

  // An element with its properties (text goes in as textContent, never as markup) and children.
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    node.append(...children);
    return node;
  }

  // An inline "are you sure?" step for a destructive button (no window.confirm: it cannot be
  // styled, and some phones block it). `onYes` runs only after the driver confirms.
  function confirmStep(button, question, yesText, onYes, say) {
    const box = document.createElement("div");
    box.className = "confirm-step";
    box.setAttribute("role", "group");
    box.hidden = true;
    const ask = document.createElement("p");
    ask.textContent = question;
    ask.id = "confirm-" + Math.random().toString(36).slice(2);
    ask.tabIndex = -1;
    box.setAttribute("aria-labelledby", ask.id);
    const yes = document.createElement("button");
    yes.type = "button";
    yes.className = "md-button md-button--danger";
    yes.textContent = yesText;
    const no = document.createElement("button");
    no.type = "button";
    no.className = "md-button";
    no.textContent = pick(WORDS).no;
    const row = document.createElement("div");
    row.className = "letter-actions";
    row.append(yes, no);
    box.append(ask, row);
    button.setAttribute("aria-expanded", "false");
    const close = (focus) => {
      box.hidden = true;
      button.setAttribute("aria-expanded", "false");
      if (focus) button.focus();
    };
    button.addEventListener("click", () => {
      box.hidden = false;
      button.setAttribute("aria-expanded", "true");
      ask.focus();
    });
    yes.addEventListener("click", () => { close(true); onYes(); });
    no.addEventListener("click", () => { close(true); say(pick(WORDS).nothing); });
    box.addEventListener("keydown", (e) => { if (e.key === "Escape") close(true); });
    button.after(box);
    return box;
  }

  // Work that can wait a moment runs in a task of its own while the phone is idle (within 1 s),
  // never inside the theme's own loading work, so a slow phone stays free to answer a tap.
  function whenIdle(fn) {
    if ("requestIdleCallback" in window) window.requestIdleCallback(() => fn(), { timeout: 1000 });
    else window.setTimeout(fn, 200);
  }
  // A tool's set-up, on each page (and after each page swap, if the theme's instant navigation
  // is turned on). While the page is still loading, it waits for an idle moment (the theme is
  // busy then); once loaded, it runs at once, so a swapped-in tool never blinks out and back.
  // `init` must be safe to run twice on one page.
  function onEachPage(init) {
    const soon = () => (document.readyState === "complete" ? init() : whenIdle(init));
    if (window.document$) window.document$.subscribe(soon);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", soon);
    else soon();
  }

  window.flexTools = { root: ROOT, key, hash, read, write, remove, canStore, readData, wellFormed, el, confirmStep, lang, pick, onEachPage };
  dropLegacyKeys();

  /* ---- Page enhancements ---- */

  // A table wider than the phone scrolls sideways; keyboard users must be able to reach and
  // scroll it too (WCAG 2.1.1), so a scrolling table gets a tab stop and a name.
  function focusableScrollers() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach((wrap) => {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        const caption = wrap.closest("article") && wrap.previousElementSibling;
        const name = caption && /^H[2-4]$/.test(caption.tagName) ? caption.textContent.trim() : pick(WORDS).table;
        wrap.setAttribute("aria-label", name + pick(WORDS).sideways);
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  // "Print" buttons written into pages (they need scripts, so CSS hides them when scripts are off).
  function printButtons() {
    document.querySelectorAll("button[data-print]").forEach((button) => {
      if (button.dataset.ready) return;
      button.dataset.ready = "1";
      button.addEventListener("click", () => window.print());
    });
  }
  // Measuring every table forces a layout; done while the phone is idle, never in the middle
  // of loading (and once per burst of resize events), it blocks nothing a driver waits for.
  let measuring = false;
  function measureScrollers() {
    if (measuring) return;
    measuring = true;
    whenIdle(() => { measuring = false; focusableScrollers(); });
  }
  function init() {
    printButtons();
    measureScrollers();
  }
  window.addEventListener("resize", measureScrollers, { passive: true });
  onEachPage(init);

  /* ---- Each page's tools ---- */
  // Loads each page's scripts only where the page has what they work on. It follows the
  // theme's document$ too, so with instant navigation on it would add a script the first time
  // a swapped-in page needs it.
  {
    // What a page contains -> the script that works on it (beside this one, in assets/).
    const SCRIPTS = [
      ["ul.checklist[data-checklist]", "checklists.js"],
      // deadlines.js also gives the finder its date arithmetic ("within 10 days" -> a date).
      ["#deadline-calculator, #deadline-data, .send-by, #finder", "deadlines.js"],
      ["#finder", "finder.js"],
      [".letter[data-letter]", "letters.js"],
      [".evidence-log", "evidence.js"],
    ];
    const added = new Set();
    function load() {
      for (const [selector, file] of SCRIPTS) {
        if (added.has(file) || !document.querySelector(selector)) continue;
        added.add(file);
        const script = document.createElement("script");
        script.src = new URL(file, HERE).href;
        script.async = false; // keep the order above
        document.body.appendChild(script);
      }
  }
  // At once (the page is parsed when this deferred script runs), so the tools download while
  // the theme starts.
  load();
  if (window.document$) window.document$.subscribe(load); else document.addEventListener("DOMContentLoaded", load);
  }

  /* ---- Search ---- */
  // Search, the parts Material leaves to the site:
  // - the documents are fetched only once a driver opens search: this tells the search worker
  //   (hooks/search_worker.js) to start as soon as the box is opened, before the first key;
  // - the words from a result link (?h=) are marked only as whole words in running text, never
  //   inside checklists, letters, buttons or form controls, where a mark would break the layout
  //   or change what is copied.
  {
    // Where a mark must never go: it would split a label laid out in a row, or land in a letter.
    const NO_MARKS = ".checklist, .task-list, .letter, button, .md-button, label, input, textarea, select, " +
      "pre, code, form, .finder, .deadline-calculator, nav, .md-search, .md-header, .md-footer";
    // A word the search found may carry an ending on the page: "block" -> "blocks",
    // "paquete" -> "paquetes", "pagado" -> "pagados".
    const ENDINGS = { en: /^(s|es|ed|d|ing|er|ers)$/, es: /^(s|es|a|as|o|os|do|da|dos|das|n|ron|r)$/ };
    const ENDING = ENDINGS[lang()];
    const LETTER = /[\p{L}\p{N}]/u;

    let channel = null;
    function warm() {
      if (!("BroadcastChannel" in window)) return;
      channel = channel || new BroadcastChannel("flex-search");
      channel.postMessage("open");
  }
  const box = document.querySelector("[data-md-component=search-query]");
  if (box) {
    box.addEventListener("focus", warm);
    document.querySelectorAll("label[for=__search]").forEach((l) => l.addEventListener("pointerdown", warm));
    document.getElementById("__search")?.addEventListener("change", warm);
    document.addEventListener("keydown", (ev) => { if (["/", "s", "f"].includes(ev.key)) warm(); });
    if (document.activeElement === box || new URLSearchParams(location.search).has("q")) warm();
  }

  // Take a mark out, leaving its text exactly as it was before Material added it.
  function unwrap(mark) {
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent.normalize();
  }
  function charBefore(node) {
    const prev = node.previousSibling;
    return prev && prev.nodeType === Node.TEXT_NODE ? prev.data.slice(-1) : "";
  }
  function check(mark) {
    if (!mark.isConnected) return;
    if (mark.parentElement.closest(NO_MARKS)) return unwrap(mark);
    if (LETTER.test(charBefore(mark))) return unwrap(mark); // "not" in "cannot"
    const next = mark.nextSibling;
    const rest = next && next.nodeType === Node.TEXT_NODE ? /^[\p{L}\p{N}]*/u.exec(next.data)[0] : "";
    if (!rest) return;
    if (!ENDING.test(rest)) return unwrap(mark);           // "not" in "notice"
    mark.append(rest);                                      // "block" + "s": mark the whole word
    next.data = next.data.slice(rest.length);
  }
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes)
        if (node.nodeType === Node.ELEMENT_NODE && node.matches("mark[data-md-highlight]")) check(node);
  }).observe(document.body, { childList: true, subtree: true });
  }
})();
