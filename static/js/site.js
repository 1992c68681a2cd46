// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // "Leave this site": replace this page in the history so Back does not return here.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-quick-exit]");
    if (!link) return;
    event.preventDefault();
    window.open("https://www.google.co.uk", "_newtab");
    window.location.replace(link.href);
  });
  // Pressing Escape three times in quick succession also leaves the site.
  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1500; });
    presses.push(now);
    if (presses.length >= 3) {
      var link = document.querySelector("[data-quick-exit]");
      if (link) window.location.replace(link.href);
    }
  });
  // Move focus to an error summary so screen readers announce it.
  var summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
})();
