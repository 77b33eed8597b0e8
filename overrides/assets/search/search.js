/* Search, the parts Material leaves to the site:
   - the documents are fetched only once a driver opens search: this tells the search worker
     (hooks/search_worker.js) to start as soon as the box is opened, before the first key;
   - the words from a result link (?h=) are marked only as whole words in running text, never
     inside checklists, letters, buttons or form controls, where a mark would break the layout
     or change what is copied. */
"use strict";
(function () {
  // Where a mark must never go: it would split a label laid out in a row, or land in a letter.
  const NO_MARKS = ".checklist, .task-list, .letter, button, .md-button, label, input, textarea, select, " +
    "pre, code, form, .finder, .deadline-calculator, nav, .md-search, .md-header, .md-footer";
  // A word the search found may carry an ending on the page: "block" -> "blocks".
  const ENDING = /^(s|es|ed|d|ing|er|ers)$/;
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
})();
