/* Checklists remember their ticks on this device, per page, with a button to clear them.
   Only which boxes are ticked is kept (in localStorage), never any text. */
"use strict";
(function () {
  function init() {
    document.querySelectorAll("ul.checklist[data-checklist]").forEach((list) => {
      if (list.dataset.ready) return;
      list.dataset.ready = "1";
      const key = "flex-checklist-" + list.dataset.checklist;
      const boxes = [...list.querySelectorAll('input[type="checkbox"]')];
      let saved = [];
      try { saved = JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { saved = []; }
      boxes.forEach((box, i) => { box.checked = saved.includes(i); });
      const status = document.createElement("p");
      status.className = "checklist-status";
      status.setAttribute("role", "status");
      const reset = document.createElement("button");
      reset.type = "button";
      reset.className = "md-button checklist-reset no-print";
      reset.textContent = "Clear my ticks";
      const save = () => {
        const ticked = boxes.flatMap((b, i) => (b.checked ? [i] : []));
        try {
          if (ticked.length) localStorage.setItem(key, JSON.stringify(ticked)); else localStorage.removeItem(key);
        } catch (e) { /* storage blocked: ticks last until the page closes */ }
      };
      boxes.forEach((box) => box.addEventListener("change", save));
      reset.addEventListener("click", () => {
        boxes.forEach((b) => { b.checked = false; });
        save();
        status.textContent = "Ticks cleared.";
      });
      list.after(reset, status);
    });
  }
  if (window.document$) window.document$.subscribe(init); else document.addEventListener("DOMContentLoaded", init);
})();
