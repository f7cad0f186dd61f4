// accord: the search box. `accord build` makes one Pagefind index of every
// document view (a document in one language), the language and the
// document as filters, and one file per document of its clauses in every
// language (search/<id>.json.gz, src/search/clauses.rs). The box lists
// clauses, each opening at its permalink, with the same clause in the
// site's other languages beside it.
//
// What Pagefind does here and what this script adds. Pagefind finds the
// documents that hold every word of the query, with the filters, ranked.
// Its records are whole document views, each word once (src/search/mod.rs
// says why), so it knows neither clauses nor the places of words; and it
// matches words by their beginning ("reduction" in "reductions", 北斗 in a
// longer word). Its exact search for a quoted phrase needs those places,
// so it is not asked for one. This script reads the clause files of the
// documents found and keeps the clauses that hold every word of the query
// as whole words (Chinese cut into words as the index cut it) and every
// quoted phrase, word after word; it ranks them by phrase, then by how many
// of the query's words they hold. Words like "and", "the", 的 are not
// required, unless the query has no other words.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form) return;
  var input = form.querySelector("input");
  var list = form.querySelector(".search-results");
  var status = form.querySelector(".search-status");
  var langSelect = form.querySelector("#search-lang");
  var docSelect = form.querySelector("#search-doc");
  var topicSelect = form.querySelector("#search-topic");
  var root = new URL(form.getAttribute("data-root") || "./", location.href);
  var langs = JSON.parse(form.getAttribute("data-langs") || "[]");
  var indexLang = form.getAttribute("data-index-lang") || "und";
  // Document views read per query, best first: each costs its Pagefind
  // record and its document's clause file (every language; two views of
  // one document share it), so this bounds what a query downloads.
  var DOCUMENTS = 5;
  var SHOWN = 12;
  var STOP = {};
  ("a an and are as at be by for from in into is it its of on or that the their this to with " +
    "y e o u de del la las el los en por para con que un una al " +
    "的 和 与 及 等 在 了 并")
    .split(" ").forEach(function (w) { STOP[w] = true; });
  form.hidden = false;

  // The box speaks the interface language (<html data-ui>, chosen by the
  // reader: static/accord.js): the page's own strings are the form's, each
  // other language's are on a <template class="search-strings"> of the
  // form (templates/site_header.html).
  var html = document.documentElement;
  function ui() { return html.getAttribute("data-ui") || html.getAttribute("lang"); }
  function strings() { return form.querySelector("template.search-strings[lang='" + ui() + "']"); }
  function msg(name) { return (strings() || form).getAttribute("data-" + name); }
  var selects = [langSelect, docSelect, topicSelect].filter(Boolean);
  var own = {
    placeholder: input.getAttribute("placeholder"),
    label: list.getAttribute("aria-label"),
    options: selects.map(function (s) {
      return Array.prototype.map.call(s.options, function (o) { return o.textContent; });
    }),
  };
  var langName = {};
  function localize() {
    var t = strings();
    if (form.getAttribute("data-state") === "unavailable") {
      input.setAttribute("placeholder", msg("served").split(/[（(:：]/)[0]);
    } else {
      input.setAttribute("placeholder", t ? t.getAttribute("data-placeholder") : own.placeholder);
    }
    list.setAttribute("aria-label", t ? t.getAttribute("data-label") : own.label);
    selects.forEach(function (s, k) {
      var from = t && t.content.querySelector("select[data-for='" + s.id + "']");
      for (var i = 0; i < s.options.length; i++) {
        s.options[i].textContent = from && from.options[i] ? from.options[i].textContent : own.options[k][i];
      }
    });
    langName = {};
    if (langSelect) {
      Array.prototype.forEach.call(langSelect.options, function (o) { if (o.value) langName[o.value] = o.textContent; });
    }
  }
  document.addEventListener("accord:ui", localize);

  function say(text) { status.textContent = text; }
  function open(on) {
    if (on) form.setAttribute("data-open", "");
    else form.removeAttribute("data-open");
  }

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
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });

  // Browsers refuse to load the index from file://: say so instead of failing.
  if (location.protocol === "file:") {
    form.setAttribute("data-state", "unavailable");
    localize();
    input.addEventListener("focus", function () { say(msg("served")); });
    input.addEventListener("input", function () { say(msg("served")); });
    return;
  }
  localize();

  // One Pagefind module and instance for every language: pagefind.js, the
  // WebAssembly and the index's metadata are loaded once. Pagefind cuts the
  // query into words by the language it is started in, taken from
  // <html lang>: the index's language (Chinese) is set for that call and
  // restored at once. noWorker: every download stays with the page.
  var instance = null;
  function load() {
    if (!instance) {
      instance = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
        return pagefind.options({
          basePath: new URL("pagefind/", root).href,
          baseUrl: root.pathname,
          noWorker: true,
          // A page is a whole document: a long one is no worse a match
          // (pageLength 0); a word as long as the query's scores well above
          // longer words that only start with it (termSimilarity).
          ranking: { pageLength: 0, termSimilarity: 5 },
        }).then(function () {
          var html = document.documentElement;
          var own = html.getAttribute("lang");
          html.setAttribute("lang", indexLang);
          var ready = pagefind.init();
          html.setAttribute("lang", own);
          return ready;
        }).then(function () { return pagefind; });
      });
    }
    return instance;
  }
  input.addEventListener("focus", function () { load().catch(function () {}); }, { once: true });

  // Words as the index holds them: lower case, without accents, letters and
  // digits only (a hyphen or an apostrophe separates words). Chinese, with
  // no spaces, is cut as Pagefind cuts a query (Intl.Segmenter).
  var segmenter = null;
  try { segmenter = new Intl.Segmenter(indexLang === "und" ? undefined : indexLang, { granularity: "word" }); } catch (e) { segmenter = null; }
  function normal(w) {
    return w.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  }
  function tokens(text) {
    var out = [];
    var parts = segmenter && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(text)
      ? Array.from(segmenter.segment(text), function (s) { return s.segment; })
      : [text];
    parts.forEach(function (p) { out.push.apply(out, pieces(p)); });
    return out;
  }
  // The tokens of one word of a clause file, cut already as the index cut
  // it: not cut again.
  function pieces(word) {
    return normal(word).match(/[\p{L}\p{N}]+/gu) || [];
  }

  // The query: quoted phrases and single words. Required: each phrase, and
  // each word but the stop words (all of them if there is nothing else).
  function parse(query) {
    var phrases = [];
    var words = [];
    var rest = query.replace(/["“”«»「」『』]([^"“”«»「」『』]+)["“”«»「」『』]/g, function (_, p) {
      var t = tokens(p);
      if (t.length) phrases.push(t);
      return " ";
    });
    tokens(rest).forEach(function (t) { if (words.indexOf(t) < 0) words.push(t); });
    var content = words.filter(function (w) { return !STOP[w]; });
    var required = (content.length || phrases.length ? content : words).map(function (w) { return [w]; });
    var all = [];
    phrases.forEach(function (p) { all = all.concat(p); });
    all = all.concat(words);
    return {
      required: phrases.concat(required),
      all: all,
      // The whole query, word after word, for the ranking's phrase bonus.
      sequence: tokens(query),
      cjk: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(query),
      // What Pagefind is asked: the required words, phrases' included.
      term: [].concat.apply([], phrases.concat(required)).join(" "),
    };
  }

  // A clause's text as the index cut it: zero-width spaces between the
  // words of a segmented (Chinese) index, else white space.
  function wordsOf(raw) {
    var zws = raw.indexOf("\u200B") >= 0;
    return { joiner: zws ? "" : " ", words: zws ? raw.split("\u200B") : raw.split(/[^\S\uFEFF]+/) };
  }

  // The clause file of a document, once per page.
  var files = {};
  function clauseFile(doc) {
    if (!files[doc]) {
      files[doc] = fetch(new URL("search/" + encodeURIComponent(doc) + ".json.gz", root).href)
        .then(function (r) {
          if (!r.ok) throw new Error(r.status + " " + r.url);
          return r.arrayBuffer();
        })
        .then(function (buf) {
          var bytes = new Uint8Array(buf);
          // gzip, unless the server sent it decompressed.
          if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes));
          return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).json();
        });
      files[doc].catch(function () { delete files[doc]; });
    }
    return files[doc];
  }

  // Where `seq` (tokens) occurs in `toks` (tokens, each with the word it is
  // in), word after word: a query word may also be several of the index's
  // words in a row (the query cut coarser than the text). Returns the
  // positions of each occurrence, as word numbers.
  function find(toks, seq) {
    var found = [];
    for (var i = 0; i < toks.length; i++) {
      var at = i;
      var hit = [];
      var ok = seq.every(function (w) {
        var s = "";
        var j = at;
        while (j < toks.length && s.length < w.length) {
          s += toks[j].t;
          hit.push(toks[j].w);
          j++;
          if (s !== w.slice(0, s.length)) return false;
        }
        at = j;
        return s === w;
      });
      if (ok) found.push(hit);
    }
    return found;
  }

  // The clauses of the views found (with their documents' clause files)
  // that hold every required word and phrase, with what ranks them.
  function clauses(views, q) {
    var found = [];
    // The reader's language first: the interface's.
    var order = [ui()].concat(langs.filter(function (l) { return l !== ui(); }));
    views.forEach(function (view, rank) {
      var file = view.file;
      (file.nodes || []).forEach(function (node) {
        var raw = node.text[view.lang];
        if (!raw) return;
        // A document found for the topic holds clauses on others too.
        if (q.topic && (node.topics || []).indexOf(q.topic) < 0) return;
        var text = wordsOf(raw);
        var toks = [];
        text.words.forEach(function (word, w) {
          pieces(word).forEach(function (t) { toks.push({ t: t, w: w }); });
        });
        var marks = {};
        var ok = q.required.every(function (seq) {
          var hits = find(toks, seq);
          hits.forEach(function (h) { h.forEach(function (w) { marks[w] = true; }); });
          return hits.length > 0;
        });
        if (!ok) return;
        var words = 0;
        q.all.forEach(function (w) {
          var hits = find(toks, [w]);
          if (hits.length) words++;
          if (!STOP[w] || q.required.some(function (r) { return r.indexOf(w) >= 0; })) {
            hits.forEach(function (h) { h.forEach(function (x) { marks[x] = true; }); });
          }
        });
        var phrase = q.sequence.length > 1 && find(toks, q.sequence).length > 0;
        var aligned = [];
        order.forEach(function (l) {
          var other = l !== view.lang && node.text[l];
          if (other) aligned.push({ lang: l, text: other.replace(/\u200B/g, "") });
        });
        found.push({
          url: view.url.replace(/#.*$/, "") + "#" + node.key, key: node.key, doc: file.id,
          lang: view.lang, title: view.title, label: node.label[view.lang] || "",
          excerpt: excerpt(text, 0, text.words.length, marks), aligned: aligned,
          phrase: phrase ? 1 : 0, words: words, count: Object.keys(marks).length,
          rank: rank, order: order.indexOf(view.lang) < 0 ? order.length : order.indexOf(view.lang),
        });
      });
    });
    // Stable: clauses of one document stay in reading order.
    found.sort(function (a, b) {
      return b.phrase - a.phrase || b.words - a.words || a.order - b.order ||
        a.rank - b.rank || b.count - a.count;
    });
    // A clause found in two languages is listed once, in the reader's
    // language where it can be: the other is shown beside it.
    var seen = {};
    return found.filter(function (r) {
      var id = r.doc + "#" + r.key;
      if (seen[id]) return false;
      seen[id] = true;
      return true;
    });
  }

  // About 30 words around the first match, the matches marked.
  function excerpt(text, start, end, marks) {
    var first = start;
    for (var w = start; w < end; w++) { if (marks[w]) { first = w; break; } }
    var from = Math.max(start, Math.min(first - 8, end - 30));
    var to = Math.min(end, from + 30);
    var parts = [];
    if (from > start) parts.push({ text: "… " });
    for (var i = from; i < to; i++) {
      // The space after a word is not marked with it.
      var word = /^(.*?)(\s*)$/.exec(text.words[i]);
      parts.push({ text: word[1], mark: !!marks[i] });
      parts.push({ text: word[2] + (i + 1 < to ? text.joiner : "") });
    }
    if (to < end) parts.push({ text: " …" });
    return parts;
  }

  function option(result, index) {
    var li = document.createElement("li");
    li.id = "search-result-" + index;
    li.setAttribute("lang", result.lang);
    var a = document.createElement("a");
    a.href = result.url;
    var where = document.createElement("span");
    where.className = "where";
    where.textContent = result.title;
    var label = document.createElement("span");
    label.className = "label";
    label.textContent = result.label;
    where.appendChild(label);
    var excerpt = document.createElement("span");
    excerpt.className = "excerpt";
    result.excerpt.forEach(function (p) {
      var node = document.createTextNode(p.text);
      if (p.mark) {
        var m = document.createElement("mark");
        m.appendChild(node);
        node = m;
      }
      excerpt.appendChild(node);
    });
    a.appendChild(where);
    a.appendChild(excerpt);
    result.aligned.forEach(function (al) {
      var span = document.createElement("span");
      span.className = "aligned";
      span.setAttribute("lang", al.lang);
      var name = document.createElement("span");
      name.className = "in";
      name.setAttribute("lang", ui());
      name.textContent = langName[al.lang] || al.lang;
      name.title = msg("aligned");
      span.appendChild(name);
      span.appendChild(document.createTextNode(al.text.length > 160 ? al.text.slice(0, 160) + "…" : al.text));
      a.appendChild(span);
    });
    li.appendChild(a);
    return li;
  }

  function show(results) {
    list.textContent = "";
    results.forEach(function (r, i) { list.appendChild(option(r, i)); });
    open(results.length > 0);
    var count = msg("count").replace("{n}", String(results.length));
    say(results.length ? count : msg("none"));
  }

  var generation = 0;
  var lastKey = 0;
  var timer = null;

  function run(query) {
    var mine = ++generation;
    var q = parse(query);
    if (!q.required.length) {
      list.textContent = "";
      open(false);
      if (!query.trim()) {
        say("");
        return;
      }
      // Punctuation alone: nothing to look for.
      say(msg("none"));
      form.setAttribute("data-state", "done");
      return;
    }
    var filters = {};
    if (langSelect && langSelect.value) filters.lang = [langSelect.value];
    if (docSelect && docSelect.value) filters.doc = [docSelect.value];
    if (topicSelect && topicSelect.value) {
      q.topic = topicSelect.value;
      filters.topic = [q.topic];
    }
    var pagefind = null;
    load()
      .then(function (p) {
        pagefind = p;
        return pagefind.search(q.term, { filters: filters });
      })
      .then(function (found) {
        // Chinese the browser cut coarser than the index (a word of the
        // query two of the index's): each character alone finds the
        // documents, the whole words are checked here.
        if (found && found.results.length || !q.cjk) return found;
        return pagefind.search(q.term.replace(/[\p{Script=Han}]/gu, "$& "), { filters: filters });
      })
      .then(function (found) {
        var hits = ((found && found.results) || []).slice(0, DOCUMENTS);
        return Promise.all(hits.map(function (h) {
          return h.data().then(function (page) {
            var meta = page.meta || {};
            return clauseFile(meta.doc).then(function (file) {
              return { url: page.url, lang: meta.lang, title: meta.title || "", file: file };
            });
          });
        }));
      })
      .then(function (views) {
        if (mine !== generation) return null;
        return clauses(views, q).slice(0, SHOWN);
      })
      .then(function (results) {
        if (!results || mine !== generation) return;
        show(results);
        var ms = Math.round(performance.now() - lastKey);
        form.setAttribute("data-last-ms", String(ms));
        form.setAttribute("data-state", "done");
      })
      .catch(function (err) {
        if (mine !== generation) return;
        list.textContent = "";
        open(false);
        form.setAttribute("data-state", "failed");
        say(msg("failed"));
        if (window.console) console.error(err);
      });
  }

  function again() {
    // A keystroke makes any search still under way stale at once, not only
    // when the next search starts after the pause.
    generation++;
    lastKey = performance.now();
    form.setAttribute("data-state", "typing");
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 120);
  }
  input.addEventListener("input", again);
  selects.forEach(function (s) {
    if (s) s.addEventListener("change", function () { if (input.value.trim()) again(); });
  });

  // The results are a list of links (not a listbox of options: an option
  // may not hold a link, and these are links a reader may open in a new
  // tab or copy). Arrow down from the box goes to the first, arrows move
  // between them, Enter opens one (Enter in the box opens the first),
  // Escape closes them and goes back to the box.
  function close() {
    list.textContent = "";
    open(false);
    say("");
    input.focus();
  }
  input.addEventListener("keydown", function (e) {
    var first = list.querySelector("a");
    if (e.key === "ArrowDown" && first) {
      e.preventDefault();
      first.focus();
    } else if (e.key === "Escape") {
      close();
    }
  });
  list.addEventListener("keydown", function (e) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (at < 0) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      var to = e.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
      if (to < 0) input.focus();
      else links[to].focus();
    } else if (e.key === "Escape") {
      close();
    }
  });

  // A query in the address (?q=…, with ?lang=…, ?doc=… and ?topic=…) runs at once:
  // search links can be shared.
  var params = new URLSearchParams(location.search);
  var pick = function (select, value) {
    if (select && value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) select.value = value;
  };
  pick(langSelect, params.get("lang"));
  pick(docSelect, params.get("doc"));
  pick(topicSelect, params.get("topic"));
  var q = params.get("q");
  if (q) {
    input.value = q;
    lastKey = performance.now();
    run(q);
  }
})();
