/* The SCORM player: provides window.API (SCORM 1.2) or window.API_1484_11 (SCORM 2004) through scorm-again,
   loaded with what the server kept (resume), then loads the SCO into the frame. Commits go to the attempt's
   JSON endpoint as {csrf_token, session, sequence, sco, cmi}: the session id and the rising sequence let the
   server ignore a repeated commit, so a retried request never counts time twice. */
(function () {
  "use strict";
  var holder = document.getElementById("scorm-player");
  var data = document.getElementById("scorm-runtime");
  var frame = document.getElementById("scorm-content");
  if (!holder || !data || !frame || !window.Scorm12API) {
    return;
  }
  var runtime = JSON.parse(data.textContent);
  var token = holder.getAttribute("data-csrf-token");
  var status = document.getElementById("scorm-status");
  var session = (window.crypto && window.crypto.randomUUID) ? window.crypto.randomUUID()
    : String(Date.now()) + "-" + String(Math.random()).slice(2);
  var sequence = 0;

  var settings = {
    lmsCommitUrl: runtime.commitUrl,
    dataCommitFormat: "json",
    autocommit: true,
    autocommitSeconds: 30,
    logLevel: 5,
    xhrHeaders: { "X-CSRFToken": token },
    requestHandler: function (commitObject) {
      sequence += 1;
      var cmi = (commitObject && commitObject.cmi) || commitObject;
      return { csrf_token: token, session: session, sequence: sequence, sco: runtime.sco, cmi: cmi };
    }
  };

  var api;
  if (runtime.version === "2004") {
    api = new window.Scorm2004API(settings);
    window.API_1484_11 = api;
  } else {
    api = new window.Scorm12API(settings);
    window.API = api;
  }
  api.loadFromJSON(runtime.cmi, "");

  function saved() {
    if (status) {
      status.textContent = "Your progress is saved.";
    }
  }
  api.on(runtime.version === "2004" ? "Commit" : "LMSCommit", saved);
  api.on(runtime.version === "2004" ? "Terminate" : "LMSFinish", saved);

  frame.setAttribute("src", frame.getAttribute("data-src"));
})();
