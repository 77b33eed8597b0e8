/* "Find your reason": ranks the causes against words a driver pastes or types.
   Runs only in the browser, on the causes data built into the page; nothing is sent. */
"use strict";
(function () {
  // Words in almost every notice; they say nothing about which reason it is.
  const COMMON = new Set(("a an and are as at be been by for from has have i in is it its me my of on or our " +
    "so that the this to was we were with you your amazon flex account accounts deactivated deactivation " +
    "deactivate hello hi dear partner delivery driver team regards thank thanks please no not after more than one " +
    "record indicate terminate termination review decid decision program participation violation serious " +
    "detail unable will can may must ha been had do did use").split(" ").map((w) => w.replace(/(ing|ed|es|s)$/, "") || w));

  function words(text) {
    return text.toLowerCase().replace(/[\u2018\u2019']/g, "").replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
  }

  // A light stem so "bots"/"bot" and "spoofing"/"spoof" meet; good enough for short phrases.
  function stem(word) {
    return word.replace(/(ing|ed|es|s)$/, "") || word;
  }

  function prepare(causes) {
    const prepared = causes.map((cause) => {
      const phrases = cause.aliases.concat([cause.title]).map((a) => words(a).map(stem)).filter((p) => p.length);
      const single = new Set();
      phrases.forEach((p) => p.forEach((w) => { if (!COMMON.has(w) && w.length > 2) single.add(w); }));
      return { cause, phrases, single };
    });
    // A word that several reasons share tells less: weigh it by how many reasons use it.
    const spread = new Map();
    prepared.forEach((e) => e.single.forEach((w) => spread.set(w, (spread.get(w) || 0) + 1)));
    prepared.forEach((e) => { e.weight = (w) => 1 / spread.get(w); });
    return prepared;
  }

  function containsPhrase(tokens, phrase) {
    outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
      for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
      return true;
    }
    return false;
  }

  // Score: a whole alias phrase found counts by its length (longer = more telling);
  // single telling words add one each. Returns the words that matched, to show why.
  function rank(prepared, text) {
    const raw = words(text);
    const tokens = raw.map(stem);
    const seen = new Map(raw.map((w, i) => [tokens[i], w]));
    const results = [];
    for (const entry of prepared) {
      let score = 0;
      const why = new Set();
      for (const phrase of entry.phrases) {
        const telling = phrase.filter((w) => !COMMON.has(w));
        if (!telling.length || !containsPhrase(tokens, phrase)) continue;
        score += 2 * telling.length + (phrase.length > 1 ? 1 : 0);
        why.add(phrase.map((w) => seen.get(w) || w).join(" "));
      }
      for (const w of new Set(tokens)) {
        if (!entry.single.has(w)) continue;
        score += entry.weight(w);
        if (![...why].some((p) => p.split(" ").includes(seen.get(w)))) why.add(seen.get(w));
      }
      if (score > 0) results.push({ cause: entry.cause, score, why: [...why] });
    }
    results.sort((a, b) => b.score - a.score);
    // A real notice that names no known reason points to "no reason given" (the data's "other" category).
    const fallback = prepared.find((e) => e.cause.category === "other");
    if (fallback && raw.length >= 8 && (!results.length || results[0].score < 2) &&
        (!results.length || results[0].cause !== fallback.cause)) {
      const rest = results.filter((r) => r.cause !== fallback.cause);
      return [{ cause: fallback.cause, score: 0, why: ["no specific reason found in your text"] }].concat(rest);
    }
    return results;
  }

  function el(tag, text) {
    const node = document.createElement(tag);
    node.textContent = text;
    return node;
  }

  function show(out, results, text) {
    out.replaceChildren();
    const summary = document.createElement("p");
    if (!text.trim()) { return; }
    if (!results.length) {
      summary.textContent = "No reason matched those words. Try other words from your notice, or look through the list of all reasons below.";
      out.append(summary);
      return;
    }
    // Matches far weaker than the best rest on a stray common word: leave them out.
    const best = results[0].score;
    const top = results.filter((r, i) => i === 0 || best === 0 || r.score >= best * 0.35).slice(0, 5);
    summary.textContent = top.length === 1 ? "Best match:" : "Best match first, then " + (top.length - 1) +
      (top.length === 2 ? " other reason that also matches:" : " other reasons that also match:");
    summary.tabIndex = -1;
    const list = document.createElement("ol");
    for (const r of top) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = r.cause.url;
      link.textContent = r.cause.title;
      const about = document.createElement("span");
      about.textContent = " " + r.cause.summary + " ";
      const why = document.createElement("span");
      why.className = "finder-why";
      why.textContent = "Matched: " + r.why.map((w) => "\u201c" + w + "\u201d").join(", ");
      if (r === top[0]) item.prepend(el("strong", "Best match: "));
      item.append(link, about, why);
      list.append(item);
    }
    out.append(summary, list);
  }

  function init() {
    const form = document.getElementById("finder");
    const data = document.getElementById("finder-data");
    if (!form || !data || form.dataset.ready) return;
    form.dataset.ready = "1";
    const prepared = prepare(JSON.parse(data.textContent));
    const box = document.getElementById("finder-text");
    const out = document.getElementById("finder-results");
    let timer = 0;
    const run = () => show(out, rank(prepared, box.value), box.value);
    box.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 300); });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(timer);
      run();
      // After a deliberate search, take the driver to the answer (not while they are still typing).
      const first = out.querySelector("p");
      if (first) { first.focus(); first.scrollIntoView({ block: "start" }); }
    });
  }

  if (typeof module !== "undefined") { module.exports = { rank, prepare, words }; return; }  // Node tests
  if (window.document$) window.document$.subscribe(init); else document.addEventListener("DOMContentLoaded", init);
})();
