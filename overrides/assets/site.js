/* Small progressive enhancements, and the helpers the other tools share (storage scoped to
   this site, data read from the page). Runs again after each instant page change. */
"use strict";
(function () {
  /* ---- Shared helpers: window.flexTools ---- */

  // The site's root path ("/" here, "/flex/help/" on a project site). This script is served
  // from <root>/assets/site.js, so its own address gives the root on every page, at any depth,
  // and it does not change under instant navigation (unlike a relative `__config.base`).
  // Several sites can share one origin (user.github.io/flex/help/ and user.github.io/other/):
  // every key this site stores starts with its root path, so another site's keys never meet ours.
  const SCRIPT = document.currentScript;
  const ROOT = new URL("..", SCRIPT && SCRIPT.src ? SCRIPT.src : document.baseURI).pathname;
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
  if (lang() === "es" && SCRIPT && SCRIPT.src) {
    const words = document.createElement("script");
    words.src = new URL("es.js", SCRIPT.src).href;
    words.async = false;
    document.head.append(words);
  }
  const WORDS = {
    en: { no: "No, keep them", nothing: "Nothing was cleared.", table: "Table", sideways: " (scrolls sideways)" },
    es: { no: "No, no borres nada", nothing: "No se borró nada.", table: "Tabla", sideways: " (se desliza de lado)" },
  };

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

  window.flexTools = { root: ROOT, key, hash, read, write, remove, canStore, readData, wellFormed, confirmStep, lang, pick };
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
  function whenIdle(fn) {
    if ("requestIdleCallback" in window) window.requestIdleCallback(fn, { timeout: 1000 });
    else window.setTimeout(fn, 200);
  }
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
  if (window.document$) window.document$.subscribe(init); else document.addEventListener("DOMContentLoaded", init);
})();
