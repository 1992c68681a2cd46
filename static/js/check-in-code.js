// The trainer's check-in code (templates/courses/sessions/admin/qr.html): load a new code every
// data-refresh-seconds, so that a code is only good for a short while. Each request for the image makes a new
// signed token on the server; the query string only stops the browser reusing the last image.
(function () {
  "use strict";
  var image = document.querySelector("img[data-check-in-code]");
  if (!image) return;
  var source = image.getAttribute("data-check-in-code");
  var seconds = parseInt(image.getAttribute("data-refresh-seconds"), 10) || 30;

  function refresh() {
    image.setAttribute("src", source + "?at=" + Date.now());
  }

  window.setInterval(refresh, seconds * 1000);
})();
