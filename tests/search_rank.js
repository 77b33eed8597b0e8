// Rank queries with Material's own search worker, exactly as a browser does.
// Usage: node tests/search_rank.js SITE_DIR [LANG] < queries.json  (a JSON list of strings)
// LANG "es" searches the Spanish pages, as the worker does on a page under /es/.
// Prints a JSON list: for each query, the page locations of the results, best first.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const site = process.argv[2];
const workers = path.join(site, "assets/javascripts/workers");
// The worker a browser starts is the one named in the page's __config.
const lang = process.argv[3] || "";
const home = fs.readFileSync(path.join(site, lang ? lang + "/index.html" : "index.html"), "utf8");
const named = /"search":\s*"[^"]*\/workers\/([^"]+)"/.exec(home)[1];
const file = named.split("?")[0];
// What every page fetches first (settings only, when the documents are split off).
const index = JSON.parse(fs.readFileSync(path.join(site, "search/search_index.json"), "utf8"));
const queries = JSON.parse(fs.readFileSync(0, "utf8"));

let reply = null;
const listeners = [];
const self = {
  addEventListener: (type, fn) => type === "message" && listeners.push(fn),
  location: { href: "http://localhost/assets/javascripts/workers/" + named,
              search: named.includes("?") ? "?" + named.split("?")[1] : "" },
  postMessage: (msg) => { reply = msg; },
};
const context = vm.createContext({
  self, console, setTimeout, clearTimeout, URL, Promise,
  importScripts: (...urls) => { // Material's worker and lunr language packs load this way
    for (const u of urls) {
      const file = new URL(u, self.location.href).pathname.replace(/^\//, "");
      vm.runInContext(fs.readFileSync(path.join(site, file), "utf8"), context);
    }
  },
  fetch: async (url) => { // the worker fetches the documents from the site
    const file = path.join(site, new URL(url).pathname);
    const body = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
    return { ok: body !== null, status: body === null ? 404 : 200, json: async () => JSON.parse(body) };
  },
});
context.addEventListener = self.addEventListener;
context.postMessage = (msg) => { reply = msg; };
context.self = context; // in a worker, `self` is the global object
context.location = self.location;
vm.runInContext(fs.readFileSync(path.join(workers, file), "utf8"), context);

async function send(msg) {
  reply = null;
  for (const fn of listeners) await fn({ data: msg });
  for (let i = 0; reply === null && i < 200; i++) await new Promise((r) => setTimeout(r, 5));
  return reply;
}

(async () => {
  const ready = await send({ type: 0, data: { ...index, options: { suggest: true } } });
  if (!ready || ready.type !== 1) throw new Error("search worker did not start: " + JSON.stringify(ready));
  const out = [];
  for (const q of queries) {
    const res = await send({ type: 2, data: q });
    out.push(res.data.items.map((group) => group[0].location.split("#")[0]));
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
