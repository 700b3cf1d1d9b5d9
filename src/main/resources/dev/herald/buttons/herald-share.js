(function () {
  "use strict";
  // Binds only the bar this script sits in, so a page with two bars gets two independent ones.
  var bar = document.currentScript && document.currentScript.parentNode;
  if (!bar || !bar.hasAttribute || !bar.hasAttribute("data-herald-buttons")) return;
  var status = bar.querySelector(".herald-share__status"), timer;
  function say(key) {
    if (!status) return;
    status.textContent = bar.getAttribute(key) || "";
    clearTimeout(timer);
    timer = setTimeout(function () { status.textContent = ""; }, 5000);
  }
  var copy = bar.querySelector('a[data-network="copy"]');
  if (copy && navigator.clipboard && window.isSecureContext) {
    copy.addEventListener("click", function (e) {
      e.preventDefault();
      navigator.clipboard.writeText(copy.href).then(
        function () { say("data-copied"); },
        function () { say("data-copy-failed"); });
    });
  }
  var share = bar.querySelector('button[data-network="share"]');
  if (share && navigator.share) {
    share.parentNode.hidden = false;
    share.addEventListener("click", function () {
      var data = { url: share.getAttribute("data-url") };
      if (share.getAttribute("data-title")) data.title = share.getAttribute("data-title");
      // Rejected when the reader closes the sheet: nothing to report.
      navigator.share(data)["catch"](function () {});
    });
  }
})();
