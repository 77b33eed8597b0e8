/* Checklists: ticks last while the driver is on the page (in memory; the browser's Back
   button brings the page back as it was), and are kept on this device only after the driver
   ticks "Remember my ticks".
   Only which boxes are ticked is kept, never any text, under a key scoped to this site's
   path that does not name the reason (a short hash of the checklist's id).

   Remembering is one choice for the whole site: each checklist shows it, and every box on
   the page changes together. */
"use strict";
(function () {
  const T = window.flexTools;
  const REMEMBER = "checklists.remember";  // JSON true when the driver opted in
  const TICKS = "checklists.ticks";        // {hash of checklist id: [ticked item numbers]}

  const memory = new Map();   // checklist id -> Set of ticked item numbers
  const live = new Set();     // mounted checklists on the page

  const remembering = () => T.read(REMEMBER, (v) => v === true) === true;
  const validTicks = (v) => v !== null && typeof v === "object" && !Array.isArray(v) &&
    Object.values(v).every((list) => Array.isArray(list) && list.every((n) => Number.isInteger(n) && n >= 0));
  const storedTicks = () => T.read(TICKS, validTicks) || {};

  // Every word a checklist adds (Spanish: es.js, picked when a list is mounted).
  const WORDS = {
    en: {
      full: "Could not save on this device: storage is full. Your ticks stay until you leave this page.",
      blocked: "This browser does not allow saving on this device. Your ticks stay until you leave this page.",
      on: "Your ticks will be kept on this device, until you untick this.",
      off: "Your ticks are no longer kept on this device. They stay until you leave this page.",
      remember: " Remember my ticks on this device",
      clear: "Clear my ticks\u2026",
      ask: "Untick every step in this list?",
      yes: "Yes, clear my ticks",
      cleared: "Ticks cleared.",
    },
  };

  function save(say) {
    const all = storedTicks();
    for (const [id, set] of memory) {
      if (set.size) all[T.hash(id)] = [...set].sort((a, b) => a - b); else delete all[T.hash(id)];
    }
    const problem = Object.keys(all).length ? T.write(TICKS, all) : (T.remove(TICKS), "");
    const W = T.pick(WORDS, "checklists");
    if (problem) say(problem === "full" ? W.full : W.blocked);
  }

  function setRemember(on, say) {
    const W = T.pick(WORDS, "checklists");
    for (const c of [...live]) if (!c.list.isConnected) live.delete(c);
    if (on) {
      const problem = T.write(REMEMBER, true);
      if (problem) {
        for (const c of live) c.remember.checked = false;
        say(W.blocked);
        return;
      }
      for (const c of live) c.remember.checked = true;
      save(say);
      say(W.on);
    } else {
      T.remove(REMEMBER);
      T.remove(TICKS);
      for (const c of live) c.remember.checked = false;
      say(W.off);
    }
  }

  function mount(list, index) {
    const W = T.pick(WORDS, "checklists");
    const id = list.dataset.checklist;
    const boxes = [...list.querySelectorAll('input[type="checkbox"]')];
    if (!memory.has(id)) {
      const saved = remembering() ? storedTicks()[T.hash(id)] || [] : [];
      memory.set(id, new Set(saved.filter((n) => n < boxes.length)));
    }
    const ticked = memory.get(id);
    boxes.forEach((box, i) => { box.checked = ticked.has(i); });

    const status = document.createElement("p");
    status.className = "checklist-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    const say = (message) => { status.textContent = ""; setTimeout(() => { status.textContent = message; }, 50); };

    boxes.forEach((box, i) => box.addEventListener("change", () => {
      if (box.checked) ticked.add(i); else ticked.delete(i);
      if (remembering()) save(say);
    }));

    const remember = document.createElement("input");
    remember.type = "checkbox";
    remember.id = "checklist-remember-" + index;
    remember.checked = remembering();
    if (!T.canStore()) remember.disabled = true;
    remember.addEventListener("change", () => setRemember(remember.checked, say));
    const label = document.createElement("label");
    label.htmlFor = remember.id;
    label.textContent = W.remember;
    const rememberRow = document.createElement("div");
    rememberRow.className = "letter-remember checklist-remember no-print";
    rememberRow.append(remember, label);

    const reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button checklist-reset";
    reset.textContent = W.clear;
    const danger = document.createElement("div");
    danger.className = "letter-danger checklist-danger no-print";
    danger.append(reset);

    list.after(rememberRow, danger, status);
    T.confirmStep(reset, W.ask, W.yes, () => {
      boxes.forEach((b) => { b.checked = false; });
      ticked.clear();
      if (remembering()) save(say);
      say(W.cleared);
    }, say);
    live.add({ list, remember });
  }

  function init() {
    for (const c of [...live]) if (!c.list.isConnected) live.delete(c);
    // Ticks kept without the opt-in are stale or another version's: not ours to keep.
    if (!remembering()) T.remove(TICKS);
    document.querySelectorAll("ul.checklist[data-checklist]").forEach((list, i) => {
      if (list.dataset.ready) return;
      list.dataset.ready = "1";
      mount(list, i);
    });
  }
  window.flexTools.onEachPage(init);
})();
