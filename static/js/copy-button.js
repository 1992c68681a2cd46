// A "Copy" button beside a read-only value marked data-copy-source (such as a new API token). Progressive
// enhancement: without JavaScript the value can still be selected and copied by hand, so the button is only
// added when it can work. No inline script or style: it runs under a strict Content-Security-Policy.
(function () {
  "use strict";
  var sources = document.querySelectorAll("[data-copy-source]");
  for (var i = 0; i < sources.length; i++) addButton(sources[i]);

  function addButton(source) {
    var label = document.querySelector('label[for="' + source.id + '"]');
    var name = label ? label.textContent.trim().toLowerCase() : "value";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary copy-button";
    button.textContent = "Copy " + name;
    var status = document.createElement("span");
    status.className = "copy-button__status";
    status.setAttribute("role", "status");
    source.insertAdjacentElement("afterend", button);
    button.insertAdjacentElement("afterend", status);

    button.addEventListener("click", function () {
      var done = function () {
        status.textContent = " Copied to the clipboard.";
      };
      var byHand = function () {
        source.focus();
        source.select();
        status.textContent = " Press Ctrl+C (or Cmd+C) to copy the selected " + name + ".";
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.value).then(done, byHand);
      } else {
        byHand();
      }
    });
  }
})();
