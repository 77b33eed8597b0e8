// The site's search, loaded by the search worker (search_worker.js) with the documents. It
// answers in the form Material's search interface expects (results grouped by page, words
// marked, a suggestion), so the interface, the share link and ?h= highlighting stay Material's.
// It uses lunr (from Material's worker) for word roots and stop words, not for ranking:
// question words are dropped, every form of a word counts, typos are read as the words the
// site has, and results are ordered by how much of the question each page or section answers,
// and where.
"use strict";
self.flexRanking = (index) => {
  // Everything that depends on the language, keyed by the site's search language
  // (`plugins: search: lang:` in mkdocs.yml). Stemmer and lunr's own stop words come from lunr
  // (lunr.stemmer for English, lunr.<lang>.stemmer once Material loads that language); a site
  // in another language adds its table here. With no table, search still works: no extra stop
  // words and no question shapes.
  const LANGUAGES = {
    en: {
      // Words that say nothing about which page answers, beyond lunr's stop words: the ones
      // drivers type in questions, and the ones on every page ("amazon", "flex").
      stop: "im ive id ill dont didnt doesnt cant wont isnt wasnt havent hasnt whats hows theres thats " +
        "amazon flex yes please even still already again ok okay now anything something up " +
        "going getting gonna wanna",
      // Forms no stemmer can find: each word, then the word whose root it shares.
      irregular: "sent send, paid pay, took take, taken take, went go, gone go, heard hear, told tell, " +
        "lost lose, left leave, drove drive, driven drive, ran run, stole steal, stolen steal, gave give, " +
        "given give, made make, said say, kept keep, brought bring, caught catch, wrote write, " +
        "written write, knew know, known know, bought buy, found find, thought think, came come, " +
        "felt feel, spoke speak, spent spend, broke break, broken break, forgot forget, forgotten forget, " +
        "fell fall, won win, sold sell, hung hang, hid hide, hidden hide, ate eat, drank drink, " +
        "children child, people person, men man, women woman, " +
        "decision decide, decisions decide",
      // The shape of a question, and the same shape in a heading that answers it. Each phrase is
      // matched on word roots, longest first; the words between commas are one phrase. A text
      // can have several shapes ("how long do i have": deadline and time).
      intents: {
        deadline: "how long do i have, how long have i got, how many days do i have, how many days do i get, " +
          "how much time do i have, how fast do i need, how soon do i need, how soon should i, how quickly do i need, " +
          "deadline, time limit, due, too late, last day, by when",
        time: "how long, how many days, how many weeks, how much time, how soon, how fast, how much longer, " +
          "when will i hear, when will i know, when will i find out, when do they, when will they, how quickly, " +
          "hear back, heard back, until, till, take, wait, usually, deadline, time limit, due, too late, last day, by when",
        next: "what now, now what, what happens, what next, whats next, what do i do now, what to expect, " +
          "expect, after i, once i, outcome, my chances, the chances, any chance, odds",
        check: "status, check on, go through, went through, arrived, follow up, update, know if, know it, " +
          "how do i know, how will i know, how can i know",
        silence: "no answer, no reply, no response, nothing, never replied, never answered, never heard, " +
          "havent heard, not heard, no word, ignored, ignoring, ghosted, still waiting",
        complain: "complain, complaint, file a complaint, report amazon, report them, report it, who do i report",
        include: "what should i put, what do i put, put in, what to include, include, what to write, " +
          "what should i write, what do i write, what do i say, what should i say, what to say, " +
          "what do they need, what do i need, what info, information",
        where: "where do i, where can i, where to, what email, which email, email address, address, send it",
        again: "again, second time, another time, one more, second",
        contact: "talk to, speak to, contact, call, phone, real person, human, someone at, reach",
        allowed: "can i, am i allowed, is it ok, may i, could i, do i have to",
        how: "how do i, how to, how can i, how should i, how does, how is, how are, steps, way to, ways to",
        meaning: "what does, mean, means, meaning, what is, what are, explain",
      },
      // Shapes that many headings have ("Can I ...?", "What is ...?"): they count half.
      weak: "allowed how meaning",
    },
  };

  const setup = index;     // the config: separator, language, reason pages
  let lang = null;         // the language's table, stemmer and stop word filter
  let words = null;        // every word in the index -> how often it occurs
  let prefixes = null;     // every start of a word, 3 letters or more
  let rarity = null;       // root -> how rare it is across sections (inverse document frequency)
  let docs = null;         // location -> what the ranking needs to know of that page or section
  let reasonRoots = null;  // roots that name a reason: in a reason page's aliases or title, on no guide page

  function language(config) {
    const code = (config.lang && config.lang[0]) || "en";
    // Material's worker holds lunr and its English stemmer; another language's comes from
    // Material's own lunr language files, as its worker would load them.
    if (code !== "en" && !self.lunr[code])
      importScripts("../lunr/min/lunr.stemmer.support.min.js", `../lunr/min/lunr.${code}.min.js`);
    const lunr = code === "en" ? self.lunr : self.lunr[code];
    const table = LANGUAGES[code] || { stop: "", irregular: "", intents: {}, weak: "" };
    const weak = new Set(table.weak.split(/\s+/));
    return {
      irregular: new Map(table.irregular.split(",").map((p) => p.trim().split(/\s+/)).filter((p) => p.length === 2)),
      stop: new Set(table.stop.split(/\s+/).filter(Boolean)),
      stopWord: (w) => !lunr.stopWordFilter(w),
      stem: (w) => lunr.stemmer(new self.lunr.Token(w)).toString(),
      intents: Object.entries(table.intents).map(([name, phrases]) => ({
        name, weight: weak.has(name) ? 0.5 : 1, phrases: phrases.split(",").map((p) => p.trim().split(/\s+/)),
      })),
    };
  }

  // Split text into words exactly as Material's worker indexes it: on its separator, then
  // lunr's trimmer, lower case.
  function tokens(text, separator) {
    return text.toLowerCase().replace(/<[^>]*>/g, " ").split(separator)
      .map((w) => w.replace(/^\W+|\W+$/g, ""))
      .filter(Boolean);
  }
  const plain = (w) => w.replace(/['’]/g, "");
  const meanings = new Map();
  function meaningful(w) {
    let m = meanings.get(w);
    if (m === undefined) meanings.set(w, m = Boolean(w) && !lang.stop.has(plain(w)) && !lang.stopWord(w));
    return m;
  }

  // Words that are forms of each other share a root.
  const roots = new Map();
  function root(word) {
    let r = roots.get(word);
    if (r === undefined) {
      r = /\d/.test(word) ? word : lang.stem(lang.irregular.get(word) || word);
      roots.set(word, r);
    }
    return r;
  }

  // The question shapes in a text ("how long do i have" -> deadline), longest phrase first,
  // each word used once.
  function intentsOf(text, separator, used = new Set()) {
    const found = new Set();
    const seq = tokens(text, separator).map((w) => root(plain(w)));
    const taken = new Map(); // shape -> the places its phrases took
    for (let i = 0; i < seq.length; i++)
      for (const { name, phrase } of lang.phrases.get(seq[i]) || []) {
        const mine = taken.get(name) || new Set();
        if (i + phrase.length > seq.length || !phrase.every((r, j) => seq[i + j] === r && !mine.has(i + j))) continue;
        found.add(name);
        for (let j = i; j < i + phrase.length; j++) { mine.add(j); used.add(j); }
        taken.set(name, mine);
      }
    return found;
  }

  function collectWords(index) {
    const separator = new RegExp(index.config.separator);
    const phrases = index.config.phrases || "\u0000";
    const reasons = new Set(index.config.reasons || []);
    words = new Map();
    rarity = new Map();
    docs = new Map();
    const headings = new Map();
    for (const doc of index.docs) headings.set(doc.title, (headings.get(doc.title) || 0) + 1);
    const rootsOf = (list) => new Set(list.filter(meaningful).map(root));
    for (const doc of index.docs) {
      const seen = new Set();
      const field = {};
      for (const name of ["title", "text", "keywords", "summary"]) {
        field[name] = doc[name] ? tokens(doc[name], separator) : [];
        for (const w of field[name]) {
          words.set(w, (words.get(w) || 0) + 1);
          seen.add(root(w));
        }
      }
      for (const r of seen) rarity.set(r, (rarity.get(r) || 0) + 1);
      const text = new Map();
      for (const w of field.text) if (meaningful(w)) text.set(root(w), (text.get(root(w)) || 0) + 1);
      const aliases = doc.keywords ? doc.keywords.split(phrases) : [];
      const aliasRoots = aliases.map((a) => [...rootsOf(tokens(a, separator))]).filter((a) => a.length);
      const page = doc.location.split("#")[0];
      const template = doc.location.includes("#") && headings.get(doc.title) > 2;
      docs.set(doc.location, {
        page,
        section: doc.location.includes("#"),
        reason: reasons.has(page),
        title: rootsOf(field.title),
        summary: rootsOf(field.summary),
        text,
        source: doc,
        boost: doc.boost || 1,
        // A heading that many pages share ("What does this mean?") says nothing about which one answers.
        template,
        aliases: aliasRoots,
        aliasRoots: new Set(aliasRoots.flat()),
        // A section answers the question shape of its heading; a page, that of its title,
        // its description and its aliases.
        intents: template ? new Set()
          : new Set([doc.title, doc.summary || "", ...aliases].flatMap((t) => [...intentsOf(t, separator)])),
      });
    }
    for (const [r, count] of rarity) rarity.set(r, Math.log(1 + index.docs.length / count));
    prefixes = new Set();
    for (const w of words.keys()) {
      for (let i = 3; i < w.length; i++) prefixes.add(w.slice(0, i));
    }
    // A word names a reason when a reason page uses it for itself and no guide page does:
    // "selfie" does, "account" or "blocks" (the evidence log's words too) do not.
    const guide = new Set();
    const named = new Set();
    for (const d of docs.values()) {
      if (d.section) continue;
      for (const r of [...d.title, ...d.aliasRoots]) (d.reason ? named : guide).add(r);
      if (!d.reason) for (const r of d.summary) guide.add(r);
    }
    reasonRoots = new Set([...named].filter((r) => !guide.has(r)));
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

  // A word in no page made of two that are ("paycheck"), each 3 letters or more.
  function compound(word) {
    for (let i = 3; i <= word.length - 3; i++) {
      const parts = [word.slice(0, i), word.slice(i)];
      if (parts.every((p) => words.has(p) && meaningful(p))) return parts;
    }
    return null;
  }

  // A driver's question -> the words that carry meaning, each with the roots a page may hold it
  // by: every form of it ("blocks" -> block), or for a word found in no page, the words it is
  // likely a typo of; the word still being typed also stands for the words it starts.
  function rewrite(query) {
    const separator = new RegExp(setup.config.separator);
    const typed = tokens(query, separator);
    const typing = !/\s$/.test(query);
    const terms = new Map();   // the word shown to the driver -> the roots that count as it
    // The words that give the question its shape ("go through", "how long") are matched to
    // headings of the same shape, not looked for in the text; a question that is all shape
    // ("what now") is answered by its shape alone.
    const shape = new Set();  // their places in the question
    const shaped = new Set(); // their roots: they still complete an alias ("second appeal")
    const shapeWords = new Map(); // and as words, for a question that has nothing else
    const intents = intentsOf(query, separator, shape);
    typed.forEach((raw, i) => {
      const w = raw.replace(/[:^~*+]/g, "");
      if (!meaningful(w)) return;
      if (shape.has(i)) {
        shaped.add(root(w));
        if (!shapeWords.has(w)) shapeWords.set(w, new Set([root(w)]));
        return;
      }
      const last = typing && i === typed.length - 1;
      let meant = [w];
      if (!words.has(w) && !(last && prefixes.has(w)) && !/\d/.test(w)) {
        const near = corrections(w);
        const parts = near.length ? [] : compound(w);
        if (near.length) meant = near;
        else if (parts) { // "paycheck": pay, check
          for (const part of parts) terms.set(part, new Set([root(part)]));
          return;
        }
      }
      const found = terms.get(meant[0]) || new Set();
      terms.set(meant[0], found);
      // The word being typed also stands for every word it starts.
      if (last && !words.has(w)) for (const k of words.keys()) if (k.startsWith(w)) found.add(root(k));
      for (const m of meant) found.add(root(m));
    });
    const last = typed.length ? typed[typed.length - 1] : "";
    // Nothing but a small word so far ("a", the start of "appeal"): match what starts with it,
    // unless the question has a shape ("what now"): then its shape finds the answer.
    if (!terms.size && !intents.size && typing && last)
      terms.set(last, new Set([...words.keys()].filter((k) => k.startsWith(last)).map(root)));
    return { terms, intents, shaped, shapeWords, typing, last };
  }

  // How well one page or section answers the question, from 0 to about 2: the share of the
  // question's words it holds, rare words counting more than common ones, each by where it
  // stands. A heading or a whole alias ("shared account") counts in full; the page's own title
  // and description a little less; body text, or one word of an alias ("account" alone), less.
  // So a reason page whose aliases share one everyday word with a question does not beat the
  // guide section whose heading is that question.
  const WHERE = { heading: 1, alias: 1, summary: 0.6, pageTitle: 0.5, partAlias: 0.3, text: 0.3, moreText: 0.25 };

  function understand(asked) {
    const list = [...asked.terms].map(([word, set]) => {
      const own = rarity.get(root(word));
      const weight = own || Math.max(0, ...[...set].map((r) => rarity.get(r) || 0)) || 1;
      return { word, roots: set, weight: Math.sqrt(weight) };
    });
    // Whether a set of roots holds one of a word's roots (looking through the smaller of the two:
    // a word being typed, "d", stands for hundreds).
    const holds = (set, t) => {
      const [few, many] = set.size < t.roots.size ? [set, t.roots] : [t.roots, set];
      for (const r of few) if (many.has(r)) return true;
      return false;
    };
    const asks = (r) => asked.shaped.has(r) || list.some((t) => t.roots.has(r));
    // The aliases the question holds whole, page by page.
    const whole = new Map();
    let reason = false;
    for (const [location, d] of docs) {
      if (d.section) continue;
      const full = new Set(d.aliases.filter((a) => a.every(asks)).flat());
      if (d.reason) for (const r of [...full, ...d.title]) if (reasonRoots.has(r) && asks(r)) reason = true;
      whole.set(location, full);
    }
    return { list, holds, asks, whole, reason, intents: asked.intents };
  }

  function judge(location, q) {
    const d = docs.get(location);
    const page = docs.get(d.page) || d;
    const full = q.whole.get(d.page) || new Set();
    const part = page.aliasRoots;
    let total = 0, got = 0;
    const found = new Set(); // the question's words this page or section holds, or its page does
    let own = false;         // whether it holds one itself (else it is not a result)
    for (const t of q.list) {
      let m = 0, mine = true;
      if (q.holds(d.title, t)) m = d.template ? WHERE.pageTitle : WHERE.heading;
      else if (q.holds(full, t)) [m, mine] = d.section ? [WHERE.pageTitle, false] : [WHERE.alias, true];
      else if (!d.section && q.holds(d.summary, t)) m = WHERE.summary;
      else if (d.section && (q.holds(page.title, t) || q.holds(page.summary, t))) [m, mine] = [WHERE.pageTitle, false];
      else {
        let n = 0;
        if (t.roots.size < d.text.size) { for (const r of t.roots) n = Math.max(n, d.text.get(r) || 0); }
        else for (const [r, count] of d.text) if (t.roots.has(r)) n = Math.max(n, count);
        if (n) m = WHERE.text + WHERE.moreText * Math.min(n - 1, 3) / 3;
        else if (q.holds(part, t)) [m, mine] = [WHERE.partAlias, !d.section];
      }
      if (m) found.add(t.word);
      if (m && mine) own = true;
      total += t.weight;
      got += t.weight * m;
    }
    let score = total ? got / total : q.list.length ? 0 : 1; // no words: only the shape counts
    if (found.size === q.list.length) score *= 1.25;
    // Of two headings that hold the question, the one with fewer other words is more to the point.
    // A page whose alias is the question, word for word, is as much to the point.
    const said = d.template ? 0 : [...d.title].filter(q.asks).length;
    const pointed = Math.max(said / (d.title.size || 1), !d.section && full.size ? 1 : 0);
    if (pointed) score *= 1 + 0.25 * pointed;
    score *= d.boost; // front matter `search: boost:` (below 1 on pages that only point to others)
    // A question about the process ("how long", "can i", "what now") that names no reason:
    // prefer the guide pages, and the sections whose heading has the same shape.
    if (q.intents.size && !q.reason) {
      const weight = (names) => lang.intents.filter((i) => names.has(i.name)).reduce((sum, i) => sum + i.weight, 0);
      const shared = weight(new Set([...q.intents].filter((i) => d.intents.has(i))));
      const share = shared / weight(q.intents);
      score = (score * (1 + 0.6 * share) + 0.4 * share) * (d.reason ? 0.6 : 1);
    }
    return { score, found, own };
  }

  // Mark the question's words in a result's title or text (HTML from the index: tags and
  // character references are left as they are).
  // Each word is judged once per question (`q.marks`), however many results hold it.
  function mark(html, q, typing) {
    const marks = q.marks || (q.marks = new Map());
    const hit = (w) => {
      let yes = marks.get(w);
      if (yes === undefined) {
        const word = plain(w.toLowerCase());
        yes = meaningful(word) &&
          q.list.some((t) => t.roots.has(root(word)) || (typing && t.word === q.last && word.startsWith(q.last)));
        marks.set(w, yes);
      }
      return yes;
    };
    return html.replace(/(<[^>]*>|&[#\w]+;|&)|([^<&]+)/g, (all, tag, text) =>
      tag || text.replace(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu, (w) => (hit(w) ? `<mark>${w}</mark>` : w)));
  }

  // One result as Material's interface shows it. `terms`: the driver's words, each found or not:
  // what the result shows as missing, and what ?h= marks on the opened page.
  function result(doc, score, terms, q, typing) {
    const marked = (html) => (q ? mark(html, q, typing) : html);
    return { location: doc.location, title: marked(doc.title), text: marked(doc.text), ...(doc.tags && { tags: doc.tags }), score, terms };
  }

  // The question -> the results, grouped by page as Material's own search gives them: each
  // group is a page and its sections, best first, and starts with its best match. A question
  // that is all shape ("what now", "how long") finds the guide sections with that shape.
  function search(asked) {
    const shapeOnly = !asked.terms.size;
    const q = understand(asked);
    q.last = asked.last;
    // All shape ("can i call"): its own words still tell two pages of the same shape apart.
    const tie = shapeOnly && understand({ ...asked, terms: asked.shapeWords });
    // A section whose heading has the question's shape ("no answer") is a result even when the
    // rest of the question is elsewhere on its page; a weak shape ("can i") is not enough.
    const strong = new Set(lang.intents.filter((i) => i.weight === 1 && q.intents.has(i.name)).map((i) => i.name));
    const groups = new Map();
    for (const [location, d] of docs) {
      let { score, found, own } = judge(location, q);
      if (shapeOnly) {
        if (d.reason || ![...q.intents].some((i) => d.intents.has(i))) continue;
        score += 0.5 * judge(location, tie).score + (d.section ? 0 : 0.01); // then to the whole page
      } else if (!own && !(strong.size && !q.reason && [...strong].some((i) => d.intents.has(i)))) continue;
      const item = result(d.source, score, Object.fromEntries(q.list.map((t) => [t.word, found.has(t.word)])), q, asked.typing);
      groups.set(d.page, [...(groups.get(d.page) || []), item]);
    }
    for (const [page, items] of groups) {
      items.sort((a, b) => b.score - a.score);
      if (!items.some((i) => i.location === page) && docs.has(page))
        items.push(result(docs.get(page).source, 0, {}));
    }
    const items = [...groups.values()].sort((a, b) => b[0].score - a[0].score);
    // The suggestion completes the word being typed with a word from the best results' titles.
    const last = asked.typing ? asked.last : "";
    const separator = new RegExp(setup.config.separator);
    const titles = items.slice(0, 5).flatMap((group) => group.map((item) => docs.get(item.location).source.title));
    const word = last && titles.flatMap((t) => tokens(t, separator)).find((w) => w.startsWith(last) && w !== last);
    return { type: 3, data: { items, suggest: word ? [word] : [] } };
  }

  lang = language(index.config);
  // Each phrase of each shape, in roots, found by its first word; longest first.
  lang.phrases = new Map();
  for (const { name, phrases } of lang.intents)
    for (const words of phrases) {
      const phrase = words.map((w) => root(plain(w)));
      lang.phrases.set(phrase[0], [...(lang.phrases.get(phrase[0]) || []), { name, phrase }]);
    }
  for (const list of lang.phrases.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
  collectWords(index);

  // A query from the page -> the reply it shows.
  return (text) => {
    const asked = rewrite(text);
    if (!asked.terms.size && !asked.intents.size) return { type: 3, data: { items: [] } };
    return search(asked);
  };
};
