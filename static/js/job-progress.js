// A background job's page (templates/home/admin/job.html): poll its status while it runs, update the
// counts, and reload the page once it has finished so that the result (a link, or the problems) shows.
// Without this script the page says how far it had got and offers a link to check again.
(function () {
  "use strict";
  var box = document.querySelector("[data-job-status-url]");
  if (!box || !window.fetch) return;
  var url = box.getAttribute("data-job-status-url");
  var text = box.querySelector("[data-job-progress-text]");
  var bar = box.querySelector("[data-job-progress-bar]");
  var INTERVAL = 1500;
  // The live region is read out when it changes: change its words at most every ANNOUNCE ms (and on
  // every new stage), so that a screen reader is not interrupted by each count.
  var ANNOUNCE = 10000;
  var lastStage = null;
  var lastAnnounced = 0;

  function update(progress) {
    if (progress.finished) {
      window.location.reload();
      return;
    }
    var now = Date.now();
    if (progress.stage !== lastStage || now - lastAnnounced >= ANNOUNCE) {
      text.textContent = progress.text;
      lastStage = progress.stage;
      lastAnnounced = now;
    }
    if (progress.total) {
      if (!bar) {
        bar = document.createElement("progress");
        bar.setAttribute("aria-labelledby", "job-title");
        text.insertAdjacentElement("afterend", bar);
      }
      bar.max = progress.total;
      bar.value = progress.done;
      bar.textContent = progress.done + " of " + progress.total;
    }
    window.setTimeout(poll, INTERVAL);
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(update)
      .catch(function () {
        window.setTimeout(poll, INTERVAL * 4);
      });
  }

  window.setTimeout(poll, INTERVAL);
})();
