/* Small progressive enhancements. Runs again after each instant page change. */
"use strict";
(function () {
  // A table wider than the phone scrolls sideways; keyboard users must be able to reach and
  // scroll it too (WCAG 2.1.1), so a scrolling table gets a tab stop and a name.
  function focusableScrollers() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach((wrap) => {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        const caption = wrap.closest("article") && wrap.previousElementSibling;
        const name = caption && /^H[2-4]$/.test(caption.tagName) ? caption.textContent.trim() : "Table";
        wrap.setAttribute("aria-label", name + " (scrolls sideways)");
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
  function init() {
    focusableScrollers();
    printButtons();
  }
  window.addEventListener("resize", focusableScrollers);
  if (window.document$) window.document$.subscribe(init); else document.addEventListener("DOMContentLoaded", init);
})();
