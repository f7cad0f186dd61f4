// accord serve: reloads the page after each rebuild, and shows a failed
// rebuild's error over the page (the last good site stays served).
(function () {
  "use strict";
  var box = null;
  function show(text) {
    if (!box) {
      box = document.createElement("pre");
      box.id = "accord-build-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;" +
        "margin:0;padding:1rem;background:#2b0a0a;color:#ffe9e9;font:13px/1.5 monospace;" +
        "border:2px solid #ff6b6b;border-radius:6px;z-index:2147483647;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "accord: the last rebuild failed; this page is the last good build.\n\n" + text;
  }
  var source = new EventSource("/__accord/events");
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("failed", function (e) { show(e.data); });
})();
