// The site's search worker: Material's own search (lunr), loaded only when a driver searches,
// with the query rewritten so questions, plurals and typos find the right page.
// hooks/search.py fills in the two names below and writes this file next to Material's worker.
"use strict";
(() => {
  const MATERIAL_WORKER = "__MATERIAL_WORKER__"; // Material's worker, in this same folder
  const INDEX_BASE = "../../../search/";         // from assets/javascripts/workers/ to search/

  // Words that say nothing about which page answers: lunr's stop words, plus the ones drivers
  // type in questions and on every page ("amazon", "flex").
  const EXTRA_STOP = new Set((
    "im ive id ill dont didnt doesnt cant wont isnt wasnt havent whats hows theres thats " +
    "amazon flex yes please even still already again ok okay now anything something up"
  ).split(" "));

  // Material's worker answers through the global postMessage; catch its replies so this file
  // decides what the page receives, and hand it messages through its own listener.
  const listeners = [];
  const replies = [];
  const post = self.postMessage.bind(self);
  const listen = self.addEventListener.bind(self);
  self.postMessage = (message) => { const resolve = replies.shift(); resolve ? resolve(message) : post(message); };
  self.addEventListener = (type, fn, options) => (type === "message" ? listeners.push(fn) : listen(type, fn, options));
  const material = (message) => new Promise((resolve) => {
    replies.push(resolve);
    for (const fn of listeners) fn({ data: message });
  });

  let setup = null;   // what the page sent at start: the config, without the documents
  let loading = null; // a promise: Material's worker set up with every document
  let words = null;   // every word in the index -> how often it occurs
  let prefixes = null; // every start of a word, 3 letters or more
  let forms = null;    // root -> the words in the index that share it ("block" -> block, blocks)
  let rarity = null;   // root -> how rare it is across sections (inverse document frequency)

  let imported = false;
  function importMaterial() { // once: each import would add another listener
    if (!imported) importScripts(MATERIAL_WORKER);
    imported = true;
  }

  function load() {
    if (loading) return loading;
    loading = (async () => {
      importMaterial();
      // A Spanish page names this worker with ?lang=es: it searches the Spanish pages' index.
      const lang = (/[?&]lang=([a-z]+)/.exec(self.location.search || "") || [])[1];
      const name = (setup.config.indexes || {})[lang] || setup.config.index;
      const response = await fetch(new URL(INDEX_BASE + name, self.location.href));
      if (!response.ok) throw new Error(`search index ${name}: ${response.status}`);
      const index = await response.json();
      collectWords(index);
      const reply = await material({ type: 0, data: { config: index.config, docs: index.docs, options: setup.options } });
      if (!reply || reply.type !== 1) throw new Error("search worker did not start");
    })();
    loading.catch(() => { loading = null; }); // offline: try again on the next keystroke
    return loading;
  }

  // Split text into words exactly as Material's worker indexes it: on its separator, then
  // lunr's trimmer, lower case.
  function tokens(text, separator) {
    return text.toLowerCase().replace(/<[^>]*>/g, " ").split(separator)
      .map((w) => w.replace(/^\W+/, "").replace(/\W+$/, ""))
      .filter(Boolean);
  }

  function collectWords(index) {
    const separator = new RegExp(index.config.separator);
    words = new Map();
    rarity = new Map();
    for (const doc of index.docs) {
      const roots = new Set();
      for (const field of ["title", "text", "keywords"])
        if (doc[field]) for (const w of tokens(doc[field], separator)) {
          words.set(w, (words.get(w) || 0) + 1);
          roots.add(root(w));
        }
      for (const r of roots) rarity.set(r, (rarity.get(r) || 0) + 1);
    }
    for (const [r, count] of rarity) rarity.set(r, Math.log(1 + index.docs.length / count));
    prefixes = new Set();
    forms = new Map();
    for (const w of words.keys()) {
      for (let i = 3; i < w.length; i++) prefixes.add(w.slice(0, i));
      const r = root(w);
      forms.set(r, [...(forms.get(r) || []), w]);
    }
  }

  // Damerau-Levenshtein distance, stopping early once it passes `max`.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    let prev2 = null;
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      let best = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
        row.push(d);
        best = Math.min(best, d);
      }
      if (best > max) return max + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  // The known words closest to a word that is in no page: the typo's likely meaning.
  function corrections(word) {
    const max = word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
    if (!max) return [];
    let found = [];
    let best = max + 1;
    for (const [w, count] of words) {
      if (w.length < 4 || /\d/.test(w)) continue;
      const d = distance(word, w, Math.min(max, best));
      if (d < best) { best = d; found = [[w, count]]; }
      else if (d === best) found.push([w, count]);
    }
    return best > max ? [] : found.sort((x, y) => y[1] - x[1]).slice(0, 3).map(([w]) => w);
  }

  // Words that are forms of each other share a root: lunr's English stemmer.
  const roots = new Map();
  function root(word) {
    let r = roots.get(word);
    if (r === undefined) {
      r = /\d/.test(word) ? word : self.lunr.stemmer(new self.lunr.Token(word)).toString();
      roots.set(word, r);
    }
    return r;
  }

  // A driver's question -> lunr clauses. Each word that carries meaning becomes one exact clause
  // per form of it found in the pages ("blocks" -> block, blocks); a word found in no page
  // becomes the forms of the words it is likely a typo of; the word still being typed also
  // matches as a prefix. Returns the query and, for each clause, the word it stands for.
  function rewrite(query) {
    const separator = new RegExp(setup.config.separator);
    const typed = tokens(query, separator);
    const typing = !/\s$/.test(query);
    const clauses = new Map(); // clause term -> the word shown to the driver
    const order = [];
    typed.forEach((raw, i) => {
      const w = raw.replace(/[:^~*+]/g, "");
      if (!w || EXTRA_STOP.has(w.replace(/'/g, "")) || !self.lunr.stopWordFilter(w)) return;
      const last = typing && i === typed.length - 1;
      let meant = [w];
      if (!words.has(w) && !(last && prefixes.has(w)) && !/\d/.test(w)) {
        const near = corrections(w);
        if (near.length) meant = near;
      }
      order.push(meant[0]);
      if (last) clauses.set(w, meant[0]);                  // prefix: Material adds the *
      for (const m of meant)
        for (const f of forms.get(root(m)) || [m]) if (!clauses.has(f + "~0")) clauses.set(f + "~0", meant[0]);
    });
    const last = typed.length ? typed[typed.length - 1] : "";
    // Nothing but a small word so far ("a", the start of "appeal"): match what starts with it.
    if (!clauses.size && typing && last && !/[:^~*+]/.test(last)) {
      clauses.set(last, last);
      order.push(last);
    }
    return { query: [...clauses.keys()].join(" "), clauses, words: [...new Set(order)], typing, last };
  }

  // Material multiplies the score of a page's opening (not its sections) by up to 5 against 2
  // for a section, so a page whose aliases share one everyday word with a question beats the
  // section whose heading is that question. Score both alike, then order the pages again.
  function rerank(reply, asked) {
    if (!reply || reply.type !== 3) return reply;
    for (const group of reply.data.items) {
      for (const item of group) {
        const marks = Object.entries(item.terms || {});
        const found = new Set(marks.filter(([, hit]) => hit).map(([t]) => asked.clauses.get(t) ?? asked.clauses.get(t + "~0")));
        const page = item.location.includes("#") ? 0 : 1;
        const materialShare = marks.length ? marks.filter(([, hit]) => hit).length / marks.length : 0;
        // How much of the question the section covers, rare words counting more than common ones.
        const weight = (w) => rarity.get(root(w)) || Math.log(1 + rarity.size);
        const total = asked.words.reduce((sum, w) => sum + weight(w), 0);
        const share = total ? asked.words.filter((w) => found.has(w)).reduce((sum, w) => sum + weight(w), 0) / total : 0;
        item.score = (item.score / (1 + (page + materialShare) ** 2)) * (1 + share) ** 3;
        // What the result shows as missing, and what ?h= marks on the page: the driver's words.
        item.terms = marks.length ? Object.fromEntries(asked.words.map((w) => [w, found.has(w)])) : {};
      }
      group.sort((a, b) => b.score - a.score);
    }
    reply.data.items.sort((a, b) => b[0].score - a[0].score);
    // The suggestion completes the word being typed with a word from the best results' titles
    // (Material's own asks every clause to be in one title, which word forms make impossible).
    if (reply.data.suggest) {
      const last = asked.typing ? asked.last : "";
      const separator = new RegExp(setup.config.separator);
      const titles = reply.data.items.slice(0, 5).flatMap((group) => group.map((item) => item.title));
      const word = last && titles.flatMap((t) => tokens(t, separator)).find((w) => w.startsWith(last) && w !== last);
      reply.data.suggest = word ? [word] : [];
    }
    return reply;
  }

  async function handle(message) {
    switch (message.type) {
      case 0: // setup: keep the config; fetch the documents only when a driver searches
        setup = message.data;
        if (!setup.config.index) { // a full index (no split): hand it over as it is
          importMaterial();
          loading = Promise.resolve();
          return material(message);
        }
        return { type: 1 };
      case 2: { // query
        if (!message.data.trim()) return { type: 3, data: { items: [] } };
        await load();
        if (!setup.config.index) return material(message);
        const asked = rewrite(message.data);
        if (!asked.clauses.size) return { type: 3, data: { items: [] } };
        return rerank(await material({ type: 2, data: asked.query }), asked);
      }
      default:
        return material(message);
    }
  }

  let queue = Promise.resolve();
  listen("message", (ev) => {
    queue = queue.then(() => handle(ev.data)).then(
      (reply) => post(reply),
      (err) => { console.warn("search:", err); post({ type: 3, data: { items: [] } }); },
    );
  });

  // The page says "a driver opened search": start fetching before the first key.
  if (typeof BroadcastChannel !== "undefined")
    new BroadcastChannel("flex-search").onmessage = () => { if (setup && setup.config.index) load().catch(() => {}); };
})();
