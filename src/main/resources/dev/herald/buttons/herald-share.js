(function () {
  "use strict";
  // Serves every bar on the page, whether this script is Herald's cached file or inline in a bar;
  // a bar is bound once, so two copies of the script never double a click.
  function bind(bar) {
    if (bar.hasAttribute("data-herald-bound")) return;
    bar.setAttribute("data-herald-bound", "");
    var status = bar.querySelector(".hs-st"), timer;
    function say(key) {
      if (!status) return;
      status.textContent = bar.getAttribute(key) || "";
      clearTimeout(timer);
      timer = setTimeout(function () { status.textContent = ""; }, 5000);
    }
    var copy = bar.querySelector("a.hs-cp");
    if (copy && navigator.clipboard && window.isSecureContext) {
      copy.addEventListener("click", function (e) {
        e.preventDefault();
        navigator.clipboard.writeText(copy.href).then(
          function () { say("data-copied"); },
          function () { say("data-copy-failed"); });
      });
    }
    var share = bar.querySelector("button.hs-sh");
    if (share && navigator.share) {
      share.parentNode.hidden = false;
      share.addEventListener("click", function () {
        // The attribute may be relative; the share sheet needs the absolute URL.
        var data = { url: new URL(share.getAttribute("data-url"), document.baseURI).href };
        if (share.getAttribute("data-title")) data.title = share.getAttribute("data-title");
        // Rejected when the reader closes the sheet: nothing to report.
        navigator.share(data)["catch"](function () {});
      });
    }
  }
  function bindAll() {
    var bars = document.querySelectorAll("[data-herald-buttons]");
    for (var i = 0; i < bars.length; i++) bind(bars[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bindAll);
  else bindAll();
})();
