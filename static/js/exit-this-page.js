// "Exit this page", as GOV.UK Frontend's component does it (progressive enhancement: without this file the
// button and the skip link are plain links to /exit/, which ends the session and redirects).
//
// - Activating the button or the skip link hides the page at once behind an overlay, then leaves.
// - Pressing Shift three times, each within 5 seconds of the last, leaves too; any other key resets the count.
//   A live region announces each step, as GOV.UK's does, and three "lights" on the button show the count.
// - A page restored by Back (the back-forward cache) is reset, so it is never left blank.
// No inline script or style: it runs under a Content-Security-Policy without 'unsafe-inline'.
(function () {
  "use strict";

  var TIMEOUT = 5000; // milliseconds allowed between one Shift and the next
  var MESSAGES = {
    pressTwoMoreTimes: "Shift, press 2 more times to exit.",
    pressOneMoreTime: "Shift, press 1 more time to exit.",
    activated: "Loading.",
    timedOut: "Exit this page expired.",
  };

  var root = document.querySelector("[data-exit-this-page]");
  if (!root) return;
  var button = root.querySelector("[data-exit-this-page-button]");
  if (!button) return;
  var skipLink = document.querySelector("[data-exit-this-page-skiplink]");

  var count = 0;
  var lastKeyWasModified = false;
  var keypressTimer = null;
  var messageTimer = null;
  var overlay = null;

  // A polite, atomic live region, as GOV.UK's role="status" span is; without the role itself, so that the
  // page's own status messages stay the only "status" on the page.
  var status = document.createElement("span");
  status.className = "visually-hidden";
  status.setAttribute("aria-live", "polite");
  status.setAttribute("aria-atomic", "true");
  status.setAttribute("data-exit-this-page-status", "");
  root.appendChild(status);

  var indicator = document.createElement("span");
  indicator.className = "exit-this-page__indicator";
  indicator.setAttribute("aria-hidden", "true");
  for (var i = 0; i < 3; i++) {
    var light = document.createElement("span");
    light.className = "exit-this-page__light";
    indicator.appendChild(light);
  }
  button.appendChild(indicator);

  function updateIndicator() {
    indicator.classList.toggle("exit-this-page__indicator--visible", count > 0);
    var lights = indicator.querySelectorAll(".exit-this-page__light");
    for (var j = 0; j < lights.length; j++) {
      lights[j].classList.toggle("exit-this-page__light--on", j < count);
    }
  }

  function exitPage() {
    status.textContent = "";
    // Hide everything, not only cover it: nobody can tab or read through to the page while the next one loads.
    document.body.classList.add("exit-this-page-hide-content");
    overlay = document.createElement("div");
    overlay.className = "exit-this-page-overlay";
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("data-exit-this-page-overlay", "");
    document.body.appendChild(overlay);
    // Text set after the element is in the page is announced more reliably.
    overlay.textContent = MESSAGES.activated;
    // Replace this page in the history: Back does not come straight back to it.
    window.location.replace(button.href);
  }

  function handleClick(event) {
    event.preventDefault();
    exitPage();
  }

  function clearTimers() {
    if (keypressTimer) window.clearTimeout(keypressTimer);
    if (messageTimer) window.clearTimeout(messageTimer);
    keypressTimer = null;
    messageTimer = null;
  }

  function resetCount() {
    clearTimers();
    count = 0;
    status.textContent = MESSAGES.timedOut;
    messageTimer = window.setTimeout(function () {
      status.textContent = "";
    }, TIMEOUT);
    updateIndicator();
  }

  function handleKeyup(event) {
    // Shift used as a modifier (Shift + A) sends a keyup for A with shiftKey set, then one for Shift: that
    // Shift is not a press of its own, so it is not counted.
    if (event.key === "Shift" && !lastKeyWasModified) {
      count += 1;
      updateIndicator();
      if (messageTimer) {
        window.clearTimeout(messageTimer);
        messageTimer = null;
      }
      if (count >= 3) {
        count = 0;
        clearTimers();
        exitPage();
      } else {
        status.textContent = count === 1 ? MESSAGES.pressTwoMoreTimes : MESSAGES.pressOneMoreTime;
        if (keypressTimer) window.clearTimeout(keypressTimer);
        keypressTimer = window.setTimeout(resetCount, TIMEOUT);
      }
    } else if (keypressTimer) {
      resetCount(); // any other key, between Shifts, starts the count again
    }
    lastKeyWasModified = event.shiftKey;
  }

  function resetPage() {
    document.body.classList.remove("exit-this-page-hide-content");
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
    status.setAttribute("aria-live", "polite");
    status.textContent = "";
    count = 0;
    clearTimers();
    updateIndicator();
  }

  button.addEventListener("click", handleClick);
  if (skipLink) skipLink.addEventListener("click", handleClick);
  document.addEventListener("keyup", handleKeyup, true);
  window.addEventListener("pageshow", resetPage);
})();
