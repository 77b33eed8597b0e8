/* Loads each page's scripts only where the page has what they work on, once per visit.
   Material's instant navigation swaps pages without reloading, so this runs on every page
   change (document$) and adds a script the first time a page needs it; the script then keeps
   itself up to date through document$ like any other. */
"use strict";
(function () {
  const base = document.currentScript.src;
  // What a page contains -> the script that works on it (beside this folder, in assets/).
  const SCRIPTS = [
    ["ul.checklist[data-checklist]", "../checklists.js"],
    // deadlines.js also gives the finder its date arithmetic ("within 10 days" -> a date).
    ["#deadline-calculator, #deadline-data, .send-by, #finder", "../deadlines.js"],
    ["#finder", "../finder.js"],
    [".letter[data-letter]", "../letters.js"],
    [".evidence-log", "../evidence.js"],
  ];
  const added = new Set();
  function load() {
    for (const [selector, file] of SCRIPTS) {
      if (added.has(file) || !document.querySelector(selector)) continue;
      added.add(file);
      const script = document.createElement("script");
      script.src = new URL(file, base).href;
      script.async = false; // keep the order above
      document.body.appendChild(script);
    }
  }
  if (window.document$) window.document$.subscribe(load); else document.addEventListener("DOMContentLoaded", load);
})();
