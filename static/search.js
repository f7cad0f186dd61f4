// accord: the search box. The index is made by `accord build` with
// Pagefind, one index per language; both are searched, the reader's
// language first. Pagefind's results are document views, each node of one
// an anchor; the box lists the nodes (Pagefind's sub-results), so each
// result is one clause and opens at its permalink.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) return;
  var input = form.querySelector("input");
  var list = form.querySelector(".search-results");
  var status = form.querySelector(".search-status");
  var root = new URL(form.getAttribute("data-root") || "./", location.href);
  var langs = JSON.parse(form.getAttribute("data-langs") || "[]");
  var PER_LANGUAGE = 8;
  // Documents read per language, best first: each is one file of the
  // view's whole text, so this bounds what a query downloads.
  var DOCUMENTS = 3;
  form.hidden = false;

  function say(text) { status.textContent = text; }

  // "/" puts the cursor in the box from anywhere on the page.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var active = list.querySelector('[aria-selected="true"] a') || list.querySelector("a");
    if (active) location.href = active.href;
  });

  // Browsers refuse to load the index from file://: say so instead of failing.
  if (location.protocol === "file:") {
    form.setAttribute("data-state", "unavailable");
    input.setAttribute("placeholder", form.getAttribute("data-served").split(/[（(:：]/)[0]);
    input.addEventListener("focus", function () { say(form.getAttribute("data-served")); });
    input.addEventListener("input", function () { say(form.getAttribute("data-served")); });
    return;
  }

  // One Pagefind module per language, each imported under its own URL:
  // instances inside one module share its WebAssembly memory, which breaks
  // when their languages differ. Pagefind takes a module's language from
  // <html lang> at init, so the attribute is set for that call and restored
  // at once. noWorker: the index is small, and every download stays with
  // the page.
  var instances = null;
  function load() {
    if (!instances) {
      var html = document.documentElement;
      instances = Promise.all(langs.map(function (lang) {
        return import(new URL("pagefind/pagefind.js?lang=" + encodeURIComponent(lang), root).href).then(function (pagefind) {
          return pagefind.options({ basePath: new URL("pagefind/", root).href, baseUrl: root.pathname, noWorker: true }).then(function () {
            var own = html.getAttribute("lang");
            html.setAttribute("lang", lang);
            var ready = pagefind.init();
            html.setAttribute("lang", own);
            return ready;
          }).then(function () { return { lang: lang, pagefind: pagefind }; });
        });
      }));
    }
    return instances;
  }
  input.addEventListener("focus", function () { load().catch(function () {}); }, { once: true });

  var generation = 0;
  var lastKey = 0;
  var timer = null;

  // The clauses of the documents found, best first: those that match more
  // distinct words of the query, then those whose matches score higher
  // (the sum of Pagefind's score of each word found), then those of the
  // better document, then in reading order.
  function clauses(pages, lang) {
    var found = [];
    pages.forEach(function (page, rank) {
      var words = wordsOf(page.raw_content || "");
      (page.sub_results || []).forEach(function (sub) {
        // Words before a document's first node: there are none.
        if (!sub.anchor) return;
        var matched = {};
        var score = 0;
        (sub.weighted_locations || []).forEach(function (w) {
          matched[normal(words[w.location] || "")] = true;
          score += w.balanced_score;
        });
        var meta = page.meta || {};
        found.push({
          // A node without a label has a word joiner for a title (Pagefind
          // keeps only anchors with a title).
          url: sub.url, title: meta.title || "", label: (sub.title || "").replace(/\u2060/g, ""),
          excerpt: sub.excerpt,
          lang: meta.lang || lang, words: Object.keys(matched).length, score: score,
          rank: rank, at: sub.anchor.location,
        });
      });
    });
    found.sort(function (a, b) {
      return b.words - a.words || b.score - a.score || a.rank - b.rank || a.at - b.at;
    });
    return found;
  }
  // A view's indexed text as Pagefind numbers its words: split at the
  // zero-width spaces it puts between segmented (Chinese) words, else at
  // white space.
  function wordsOf(content) {
    return content.indexOf("\u200B") >= 0 ? content.split("\u200B") : content.split(/[^\S\uFEFF]+/);
  }
  function normal(word) {
    return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  }

  function option(result, index) {
    var li = document.createElement("li");
    li.id = "search-result-" + index;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", "false");
    li.setAttribute("lang", result.lang);
    var a = document.createElement("a");
    a.href = result.url;
    a.tabIndex = -1;
    var where = document.createElement("span");
    where.className = "where";
    where.textContent = result.title;
    var label = document.createElement("span");
    label.className = "label";
    label.textContent = result.label;
    where.appendChild(label);
    var excerpt = document.createElement("span");
    excerpt.className = "excerpt";
    // Pagefind's excerpt is the indexed text, escaped, with <mark> around matches.
    excerpt.innerHTML = result.excerpt || "";
    a.appendChild(where);
    a.appendChild(excerpt);
    li.appendChild(a);
    return li;
  }

  function show(results) {
    list.textContent = "";
    results.forEach(function (r, i) { list.appendChild(option(r, i)); });
    input.setAttribute("aria-expanded", results.length ? "true" : "false");
    input.removeAttribute("aria-activedescendant");
    var count = form.getAttribute("data-count").replace("{n}", String(results.length));
    say(results.length ? count : form.getAttribute("data-none"));
  }

  function run(query) {
    var mine = ++generation;
    if (!query.trim()) {
      list.textContent = "";
      say("");
      input.setAttribute("aria-expanded", "false");
      return;
    }
    load()
      .then(function (all) {
        return Promise.all(all.map(function (i) {
          return i.pagefind.search(query).then(function (found) {
            var hits = (found && found.results) || [];
            return Promise.all(hits.slice(0, DOCUMENTS).map(function (h) { return h.data(); }));
          }).then(function (pages) {
            return clauses(pages, i.lang).slice(0, PER_LANGUAGE);
          });
        }));
      })
      .then(function (perLanguage) {
        if (mine !== generation) return;
        // Instances are in the order of data-langs: the reader's language first.
        var results = [].concat.apply([], perLanguage);
        show(results);
        var ms = Math.round(performance.now() - lastKey);
        form.setAttribute("data-last-ms", String(ms));
        form.setAttribute("data-state", "done");
      })
      .catch(function (err) {
        if (mine !== generation) return;
        list.textContent = "";
        form.setAttribute("data-state", "failed");
        say(form.getAttribute("data-failed"));
        if (window.console) console.error(err);
      });
  }

  input.addEventListener("input", function () {
    // A keystroke makes any search still under way stale at once, not only
    // when the next search starts after the pause.
    generation++;
    lastKey = performance.now();
    form.setAttribute("data-state", "typing");
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 120);
  });

  // Arrows move through the results, Enter opens one, Escape closes them.
  input.addEventListener("keydown", function (e) {
    var items = list.querySelectorAll("li");
    if (!items.length) return;
    var current = list.querySelector('[aria-selected="true"]');
    var at = Array.prototype.indexOf.call(items, current);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      at = e.key === "ArrowDown" ? Math.min(at + 1, items.length - 1) : Math.max(at - 1, 0);
      if (current) current.setAttribute("aria-selected", "false");
      items[at].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", items[at].id);
      items[at].scrollIntoView({ block: "nearest" });
    } else if (e.key === "Escape") {
      list.textContent = "";
      input.setAttribute("aria-expanded", "false");
      say("");
    }
  });

  // A query in the address (?q=…) runs at once: search links can be shared.
  var q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    lastKey = performance.now();
    run(q);
  }
})();
