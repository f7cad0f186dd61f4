// accord: small progressive enhancements. The site works without them.
(function () {
  "use strict";
  var root = document.documentElement;
  root.setAttribute("data-js", "ready");
  // A check that the stylesheet loaded (used by the browser tests).
  var css = getComputedStyle(root).getPropertyValue("--accord-css").trim();
  root.setAttribute("data-css", css === "loaded" ? "loaded" : "missing");

  // The contents over the page (narrow screens): opened and closed in
  // place, without moving the reader; Escape or a chosen entry closes it.
  var toc = document.getElementById("contents");
  var opener = document.querySelector(".to-contents");
  if (toc && opener) {
    var close = function (refocus) {
      toc.classList.remove("open");
      if (location.hash === "#contents") history.replaceState(null, "", location.pathname + location.search);
      if (refocus) opener.focus();
    };
    opener.addEventListener("click", function (e) {
      e.preventDefault();
      toc.classList.add("open");
      var here = toc.querySelector("a[aria-current]") || toc.querySelector("ol a");
      if (here) here.focus();
    });
    toc.addEventListener("click", function (e) {
      var a = e.target.closest && e.target.closest("a");
      if (!a) return;
      if (a.classList.contains("toc-close")) { e.preventDefault(); close(true); } else { close(false); }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && (toc.classList.contains("open") || location.hash === "#contents")) close(true);
    });
  }

  // The entry of the section being read is marked in the contents.
  if (toc && window.requestAnimationFrame) {
    var links = {};
    var entries = toc.querySelectorAll("ol a[href^='#']");
    for (var k = 0; k < entries.length; k++) links[decodeURIComponent(entries[k].getAttribute("href").slice(1))] = entries[k];
    var marked = null;
    var mark = function () {
      var current = null;
      for (var id in links) {
        var el = document.getElementById(id);
        if (el && el.getBoundingClientRect().top < 96) current = links[id]; else if (el) break;
      }
      if (current === marked) return;
      if (marked) marked.removeAttribute("aria-current");
      if (current) current.setAttribute("aria-current", "location");
      marked = current;
    };
    var pending = false;
    window.addEventListener("scroll", function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; mark(); });
    }, { passive: true });
    mark();
  }

  // The node nearest the top of the window: where the reader is.
  function currentNode() {
    if (location.hash.length > 1) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) {
        var r = target.getBoundingClientRect();
        if (r.bottom > 0 && r.top < window.innerHeight) return target.id;
      }
    }
    var nodes = document.querySelectorAll(".node[id]");
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].getBoundingClientRect().bottom > 8) return nodes[i].id;
    }
    return null;
  }

  // Switching views keeps the reader at the same clause.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-view]");
    if (!a) return;
    var id = currentNode();
    if (id) {
      e.preventDefault();
      location.href = a.getAttribute("href").split("#")[0] + "#" + encodeURIComponent(id).replace(/%3A/g, ":");
    }
  });

  // "Cite" copies the node's citation: document, locator, permanent URL.
  function copy(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text, done); });
    } else {
      fallback(text, done);
    }
  }
  function fallback(text, done) {
    var t = document.createElement("textarea");
    t.value = text;
    t.setAttribute("readonly", "");
    t.style.position = "fixed";
    t.style.opacity = "0";
    document.body.appendChild(t);
    t.select();
    try { document.execCommand("copy"); done(); } catch (err) { window.prompt("", text); }
    document.body.removeChild(t);
  }
  // Each permalink of a document gets a Cite button after it, made from
  // the page's button for the cell's language (a <template>), which copies
  // the node's citation: the template's form (`data-form-node`, or
  // `data-form-document` for a node without a locator) with `{title}`,
  // `{locator}` and `{url}` filled in one pass from the template's title
  // and URL, the link's locator (`data-loc`) and its fragment.
  var made = {};
  var templates = document.querySelectorAll("template.cite-button");
  for (var t = 0; t < templates.length; t++) {
    made[templates[t].getAttribute("lang")] = templates[t];
  }
  var anchors = document.querySelectorAll(".cell .tools > a.anchor[data-loc]");
  for (var a = 0; a < anchors.length; a++) {
    var cell = anchors[a].closest(".cell");
    var model = cell && made[cell.getAttribute("lang")];
    if (!model) continue;
    var loc = anchors[a].getAttribute("data-loc");
    var parts = {
      title: model.getAttribute("data-title"),
      locator: loc,
      url: model.getAttribute("data-url") + anchors[a].getAttribute("href")
    };
    var form = model.getAttribute(loc ? "data-form-node" : "data-form-document");
    var button = model.content.firstElementChild.cloneNode(true);
    button.setAttribute("data-cite", form.replace(/\{(title|locator|url)\}/g, function (m, k) {
      return parts[k];
    }));
    anchors[a].parentNode.insertBefore(button, anchors[a].nextSibling);
  }
  var buttons = document.querySelectorAll("button.cite");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function (e) {
      var b = e.currentTarget;
      var label = b.textContent;
      copy(b.getAttribute("data-cite"), function () {
        b.textContent = b.getAttribute("data-copied");
        b.setAttribute("aria-live", "polite");
        setTimeout(function () { b.textContent = label; }, 1500);
      });
    });
  }

  // The page's switch opens or closes every list of cross-links, as the
  // reader last chose on this site (folded until asked: the page needs no
  // script for them, and nothing moves as it loads).
  var refsSwitch = document.querySelector(".refs-switch button");
  if (refsSwitch) {
    var REFS = "accord.refs-open";
    var lists = document.querySelectorAll(".xrefs details");
    var setOpen = function (open) {
      refsSwitch.setAttribute("aria-pressed", open ? "true" : "false");
      for (var d = 0; d < lists.length; d++) lists[d].open = open;
    };
    var wanted = false;
    try { wanted = localStorage.getItem(REFS) === "1"; } catch (err) { wanted = false; }
    if (wanted) setOpen(true);
    refsSwitch.addEventListener("click", function () {
      var open = refsSwitch.getAttribute("aria-pressed") !== "true";
      setOpen(open);
      try { localStorage.setItem(REFS, open ? "1" : "0"); } catch (err) { /* private mode */ }
    });
  }

  // A printed briefing's contents: the page of each item, from `?pages=`
  // (`accord pdf` prints twice: see src/pdf/contents.rs).
  var printed = /[?&]pages=([0-9,]+)/.exec(location.search);
  if (printed) {
    var numbers = printed[1].split(",");
    var cells = document.querySelectorAll(".briefing-toc .page");
    for (var p = 0; p < cells.length && p < numbers.length; p++) cells[p].textContent = numbers[p];
  }

  // With three languages or more, the parallel view shows the ones the
  // reader ticks (at least one): from `?show=zh-Hans,es` in the address,
  // else as last chosen on this site, else all.
  var chooser = document.querySelector(".show-langs");
  if (chooser) {
    var boxes = chooser.querySelectorAll("input[type=checkbox]");
    var KEY = "accord.hidden-languages";
    var hidden = [];
    var asked = /[?&]show=([^&#]*)/.exec(location.search);
    try {
      if (asked) {
        var shown = decodeURIComponent(asked[1]).split(",");
        for (var b = 0; b < boxes.length; b++) {
          if (shown.indexOf(boxes[b].value) < 0) hidden.push(boxes[b].value);
        }
        if (hidden.length === boxes.length) hidden = [];
      } else {
        hidden = JSON.parse(localStorage.getItem(KEY) || "[]");
      }
    } catch (err) { hidden = []; }
    var apply = function () {
      var left = 0;
      for (var b = 0; b < boxes.length; b++) {
        var lang = boxes[b].value;
        var off = hidden.indexOf(lang) >= 0;
        boxes[b].checked = !off;
        if (!off) left++;
        var cells = document.querySelectorAll(".nodes .cell[lang='" + lang + "'], .colheads > [lang='" + lang + "'], .xrefs .t[lang='" + lang + "']");
        for (var c = 0; c < cells.length; c++) cells[c].hidden = off;
      }
      // A cross-link keeps one name at least (its target may lack the
      // languages shown).
      var refs = document.querySelectorAll(".xrefs a.ref");
      for (var r = 0; r < refs.length; r++) {
        if (!refs[r].querySelector(".t:not([hidden])")) refs[r].querySelector(".t").hidden = false;
      }
      // The last language shown cannot be hidden.
      for (var b2 = 0; b2 < boxes.length; b2++) boxes[b2].disabled = left === 1 && boxes[b2].checked;
    };
    chooser.addEventListener("change", function (e) {
      var lang = e.target.value;
      hidden = hidden.filter(function (l) { return l !== lang; });
      if (!e.target.checked) hidden.push(lang);
      try { localStorage.setItem(KEY, JSON.stringify(hidden)); } catch (err) { /* private mode */ }
      apply();
    });
    // Languages the page does not have are not counted.
    hidden = hidden.filter(function (l) {
      for (var b = 0; b < boxes.length; b++) if (boxes[b].value === l) return true;
      return false;
    });
    if (hidden.length >= boxes.length) hidden = [];
    apply();
    chooser.hidden = false;
  }
})();
