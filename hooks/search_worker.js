// The site's search worker, loaded on every page: tiny until a driver searches. Then it
// fetches the documents and loads the site's search (search_ranking.js), with lunr from
// Material's worker for word roots and stop words. Nothing is built before a driver searches,
// and nothing is fetched after that first search.
// hooks/search.py fills in the names below and writes both files next to Material's worker.
"use strict";
(() => {
  const MATERIAL_WORKER = "__MATERIAL_WORKER__"; // Material's worker, in this same folder
  const RANKING = "__RANKING__";                 // search_ranking.js, in this same folder
  const INDEX_BASE = "../../../search/";         // from assets/javascripts/workers/ to search/

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
  let loading = null; // a promise: the documents fetched and the site's search ready
  let ranking = null; // query text -> the reply for the page

  let imported = false;
  function importMaterial() { // once: each import would add another listener (never sent a setup here)
    if (!imported) importScripts(MATERIAL_WORKER);
    imported = true;
  }

  function load() {
    if (loading) return loading;
    loading = (async () => {
      // Ask for the documents first: they download while the scripts are read.
      // A Spanish page names this worker with ?lang=es: it searches the Spanish pages' index.
      const lang = (/[?&]lang=([a-z]+)/.exec(self.location.search || "") || [])[1];
      const name = (setup.config.indexes || {})[lang] || setup.config.index;
      const response = fetch(new URL(INDEX_BASE + name, self.location.href));
      importMaterial();
      if (!self.flexRanking) importScripts(RANKING);
      const documents = await response;
      if (!documents.ok) throw new Error(`search index ${name}: ${documents.status}`);
      ranking = self.flexRanking(await documents.json());
    })();
    loading.catch(() => { loading = null; }); // offline: try again on the next keystroke
    return loading;
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
      case 2: // query
        if (!message.data.trim()) return { type: 3, data: { items: [] } };
        await load();
        return setup.config.index ? ranking(message.data) : material(message);
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
