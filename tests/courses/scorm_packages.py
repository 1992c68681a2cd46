"""Small real SCORM packages for the tests, built as ZIPs: SCORM 1.2, SCORM 2004 3rd edition, and two-SCO ones.

Each SCO is an HTML page and a script that use the API as vendors' content does: find ``API`` or
``API_1484_11`` in a parent window, initialise, read the learner's name and the saved location and suspend data,
and, on the learner's buttons, save a location and suspend data ("Next page"), leave part-way (exit
"suspend"), or finish with a score and a status, committing and terminating.
"""

from __future__ import annotations

import io
import stat
import zipfile
from xml.sax.saxutils import escape

SCO_HTML = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{title}</title><script src="{js}"></script></head>
<body>
<main>
<h1>{title}</h1>
<p>Hello <span id="learner"></span>.</p>
<p id="page">Loading</p>
<p>Saved notes: <span id="suspend"></span></p>
<p>Last error: <span id="last-error">0</span></p>
<button type="button" id="next">Next page</button>
<button type="button" id="leave">Leave for now</button>
<button type="button" id="finish">Finish</button>
<button type="button" id="unknown">Set an unknown element</button>
<p id="done" role="status"></p>
</main>
</body>
</html>
"""

SCO_JS = """(function () {
  function find(name) {
    var w = window;
    for (var i = 0; i < 10 && w; i += 1) {
      if (w[name]) { return w[name]; }
      if (w.parent === w) { break; }
      w = w.parent;
    }
    return null;
  }
  var api04 = find("API_1484_11");
  var api = api04 || find("API");
  var v2004 = !!api04;
  var k = v2004 ? {name: "cmi.learner_name", location: "cmi.location", suspend: "cmi.suspend_data",
      exit: "cmi.exit", raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max"}
    : {name: "cmi.core.student_name", location: "cmi.core.lesson_location", suspend: "cmi.suspend_data",
      exit: "cmi.core.exit", raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max"};
  function get(key) { return v2004 ? api.GetValue(key) : api.LMSGetValue(key); }
  function set(key, value) { return v2004 ? api.SetValue(key, value) : api.LMSSetValue(key, value); }
  function error() { return String(v2004 ? api.GetLastError() : api.LMSGetLastError()); }
  function commit() { return v2004 ? api.Commit("") : api.LMSCommit(""); }
  function finish() { return v2004 ? api.Terminate("") : api.LMSFinish(""); }
  document.addEventListener("DOMContentLoaded", function () {
    if (!api) { document.getElementById("page").textContent = "No SCORM API found"; return; }
    if (v2004) { api.Initialize(""); } else { api.LMSInitialize(""); }
    document.getElementById("learner").textContent = get(k.name);
    var location = get(k.location) || "1";
    document.getElementById("page").textContent = "Page " + location;
    document.getElementById("suspend").textContent = get(k.suspend) || "none";
    if (!v2004) { set("cmi.core.lesson_status", "incomplete"); }
    else { set("cmi.completion_status", "incomplete"); }
    document.getElementById("next").addEventListener("click", function () {
      set(k.location, "2");
      set(k.suspend, "seen=1,2");
      commit();
      document.getElementById("page").textContent = "Page 2";
    });
    document.getElementById("leave").addEventListener("click", function () {
      set(k.exit, "suspend");
      commit();
      finish();
      document.getElementById("done").textContent = "You can come back later.";
    });
    document.getElementById("unknown").addEventListener("click", function () {
      set("cmi.no_such_element", "1");
      document.getElementById("last-error").textContent = error();
    });
    document.getElementById("finish").addEventListener("click", function () {
      set(k.min, "0"); set(k.max, "100"); set(k.raw, "90");
      if (v2004) {
        set("cmi.score.scaled", "0.9");
        set("cmi.completion_status", "completed");
        set("cmi.success_status", "passed");
        set(k.exit, "normal");
      } else {
        set("cmi.core.lesson_status", "passed");
        set(k.exit, "");
      }
      commit();
      finish();
      document.getElementById("done").textContent = "Finished.";
    });
  });
})();
"""

# (identifier, title, folder)
ONE_SCO = [("SCO-1", "Recognising coercive control", "sco1")]
TWO_SCOS = [("SCO-1", "Recognising coercive control", "sco1"), ("SCO-2", "Responding safely", "sco2")]


def manifest_12(items=ONE_SCO, *, mastery_score: int | None = None, title: str = "Coercive control") -> str:
    mastery = f"<adlcp:masteryscore>{mastery_score}</adlcp:masteryscore>" if mastery_score is not None else ""
    item_xml = "".join(
        f'<item identifier="{i}" identifierref="RES-{i}"><title>{escape(t)}</title>{mastery}</item>'
        for i, t, _ in items
    )
    resources = "".join(
        f'<resource identifier="RES-{i}" type="webcontent" adlcp:scormtype="sco" href="{f}/index.html">'
        f'<file href="{f}/index.html"/></resource>'
        for i, _, f in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="MANIFEST-12" version="1.0" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="ORG"><organization identifier="ORG"><title>{escape(title)}</title>{item_xml}</organization>
  </organizations>
  <resources>{resources}</resources>
</manifest>"""


def manifest_2004(
    items=ONE_SCO,
    *,
    edition: str = "2004 3rd Edition",
    scaled_passing_score: float | None = None,
    completion_threshold: float | None = None,
    title: str = "Coercive control",
) -> str:
    extra = ""
    if completion_threshold is not None:
        extra += f"<adlcp:completionThreshold>{completion_threshold}</adlcp:completionThreshold>"
    if scaled_passing_score is not None:
        extra += (
            '<imsss:sequencing><imsss:objectives><imsss:primaryObjective objectiveID="PRIMARY" '
            f'satisfiedByMeasure="true"><imsss:minNormalizedMeasure>{scaled_passing_score}'
            "</imsss:minNormalizedMeasure></imsss:primaryObjective></imsss:objectives></imsss:sequencing>"
        )
    item_xml = "".join(
        f'<item identifier="{i}" identifierref="RES-{i}"><title>{escape(t)}</title>{extra}</item>' for i, t, _ in items
    )
    resources = "".join(
        f'<resource identifier="RES-{i}" type="webcontent" adlcp:scormType="sco" href="{f}/index.html">'
        f'<file href="{f}/index.html"/></resource>'
        for i, _, f in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="MANIFEST-2004" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>{edition}</schemaversion></metadata>
  <organizations default="ORG"><organization identifier="ORG"><title>{escape(title)}</title>{item_xml}</organization>
  </organizations>
  <resources>{resources}</resources>
</manifest>"""


def sco_files(items=ONE_SCO) -> dict[str, str]:
    files = {"shared/sco.js": SCO_JS}
    for _, title, folder in items:
        files[f"{folder}/index.html"] = SCO_HTML.format(title=escape(title), js="../shared/sco.js")
    return files


def build_zip(files: dict[str, str | bytes], *, symlinks: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return buffer.getvalue()


def package_12(items=ONE_SCO, **kwargs) -> bytes:
    return build_zip({"imsmanifest.xml": manifest_12(items, **kwargs), **sco_files(items)})


def package_2004(items=ONE_SCO, **kwargs) -> bytes:
    return build_zip({"imsmanifest.xml": manifest_2004(items, **kwargs), **sco_files(items)})
