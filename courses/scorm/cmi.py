"""The CMI data model as this platform keeps it: what a commit may carry, time, scores and the completion rule.

Pure functions of the committed data and the package's manifest item, shared by the commit service and the
launch data of a resumed attempt.
"""

from __future__ import annotations

import re

SUSPEND_DATA_LIMIT = {"1.2": 4096, "2004": 64000}

# The top-level elements of each version's data model; anything else in a commit is dropped, not stored.
ELEMENTS_12 = {
    "core",
    "suspend_data",
    "launch_data",
    "comments",
    "comments_from_lms",
    "objectives",
    "student_data",
    "student_preference",
    "interactions",
}
ELEMENTS_2004 = {
    "comments_from_learner",
    "comments_from_lms",
    "completion_status",
    "completion_threshold",
    "credit",
    "entry",
    "exit",
    "interactions",
    "launch_data",
    "learner_id",
    "learner_name",
    "learner_preference",
    "location",
    "max_time_allowed",
    "mode",
    "objectives",
    "progress_measure",
    "scaled_passing_score",
    "score",
    "session_time",
    "success_status",
    "suspend_data",
    "time_limit_action",
    "total_time",
}

_TIME_12 = re.compile(r"^(\d{2,4}):(\d{2}):(\d{2})(\.\d{1,2})?$")
_DURATION = re.compile(
    r"^P(?:(?P<y>\d+)Y)?(?:(?P<mo>\d+)M)?(?:(?P<d>\d+)D)?"
    r"(?:T(?:(?P<h>\d+)H)?(?:(?P<mi>\d+)M)?(?:(?P<s>\d+(?:\.\d{1,2})?)S)?)?$"
)


class CommitError(Exception):
    """The committed data breaks a rule of the data model; nothing of it is stored."""

    def __init__(self, message: str, error_code: int = 405):
        super().__init__(message)
        self.error_code = error_code


def family(scorm_version: str) -> str:
    return "2004" if scorm_version.startswith("2004") else "1.2"


def seconds_of(value: str, version_family: str) -> int:
    """A session time in seconds: ``HHHH:MM:SS.SS`` (1.2) or an ISO 8601 duration (2004); 0 if unreadable."""
    value = (value or "").strip()
    if version_family == "1.2":
        match = _TIME_12.match(value)
        if not match:
            return 0
        return int(match.group(1)) * 3600 + int(match.group(2)) * 60 + int(match.group(3))
    match = _DURATION.match(value)
    if not match or value in ("P", "PT"):
        return 0
    parts = {key: float(number) if number else 0 for key, number in match.groupdict().items()}
    return int(
        parts["y"] * 365 * 86400
        + parts["mo"] * 30 * 86400
        + parts["d"] * 86400
        + parts["h"] * 3600
        + parts["mi"] * 60
        + parts["s"]
    )


def format_time(seconds: int, version_family: str) -> str:
    hours, rest = divmod(max(0, int(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    if version_family == "1.2":
        return f"{hours:04d}:{minutes:02d}:{secs:02d}"
    return f"PT{hours}H{minutes}M{secs}S"


def _number(value) -> float | None:
    if value in (None, ""):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise CommitError(f"“{value}” is not a number.", 405) from None


def clean(cmi: dict, version_family: str) -> dict:
    """The elements of the data model in a commit, checked; raises CommitError for a broken rule."""
    if not isinstance(cmi, dict):
        raise CommitError("The commit has no CMI data.", 201)
    allowed = ELEMENTS_12 if version_family == "1.2" else ELEMENTS_2004
    kept = {key: value for key, value in cmi.items() if key in allowed}
    suspend = kept.get("suspend_data") or ""
    if not isinstance(suspend, str) or len(suspend) > SUSPEND_DATA_LIMIT[version_family]:
        raise CommitError(
            f"The suspend data is longer than SCORM {version_family} allows "
            f"({SUSPEND_DATA_LIMIT[version_family]:,} characters).",
            405 if version_family == "1.2" else 407,
        )
    score = (kept.get("core") or {}).get("score") if version_family == "1.2" else kept.get("score")
    score = score if isinstance(score, dict) else {}
    raw, low, high = _number(score.get("raw")), _number(score.get("min")), _number(score.get("max"))
    if version_family == "1.2":
        low, high = (0.0 if low is None else low), (100.0 if high is None else high)
    if raw is not None and ((low is not None and raw < low) or (high is not None and raw > high)):
        raise CommitError(f"The score {raw:g} is outside its range ({low:g} to {high:g}).", 405)
    scaled = _number(score.get("scaled")) if version_family == "2004" else None
    if scaled is not None and not -1 <= scaled <= 1:
        raise CommitError(f"The scaled score {scaled:g} is outside -1 to 1.", 407)
    return kept


def session_time(cmi: dict, version_family: str) -> int:
    value = (cmi.get("core") or {}).get("session_time", "") if version_family == "1.2" else cmi.get("session_time")
    return seconds_of(value or "", version_family)


def scaled_score(cmi: dict, version_family: str) -> float | None:
    """The score on 0-1 (1.2: raw between min and max, 0-100 by default)."""
    if version_family == "2004":
        score = cmi.get("score") or {}
        scaled = _number(score.get("scaled"))
        if scaled is not None:
            return scaled
        raw, low, high = _number(score.get("raw")), _number(score.get("min")), _number(score.get("max"))
    else:
        score = (cmi.get("core") or {}).get("score") or {}
        raw, low, high = _number(score.get("raw")), _number(score.get("min")), _number(score.get("max"))
        low, high = (0.0 if low is None else low), (100.0 if high is None else high)
    if raw is None or low is None or high is None or high <= low:
        return None
    return round((raw - low) / (high - low), 4)


def statuses(cmi: dict, item: dict, version_family: str) -> dict[str, str]:
    """The SCO's statuses as the LMS reads them, the manifest's mastery score and thresholds applied.

    1.2: ``lesson_status``; with a mastery score and a raw score, passed or failed by the score.
    2004: ``completion_status`` (by the completion threshold when a progress measure is reported) and
    ``success_status`` (by the scaled passing score when a scaled score is reported).
    """
    if version_family == "1.2":
        core = cmi.get("core") or {}
        status = core.get("lesson_status") or "not attempted"
        raw = _number((core.get("score") or {}).get("raw"))
        mastery = item.get("mastery_score")
        if mastery is not None and raw is not None and status in ("completed", "passed", "failed"):
            status = "passed" if raw >= mastery else "failed"
        return {"lesson_status": status}
    completion = cmi.get("completion_status") or "unknown"
    success = cmi.get("success_status") or "unknown"
    threshold, progress = item.get("completion_threshold"), _number(cmi.get("progress_measure"))
    if threshold is not None and progress is not None:
        completion = "completed" if progress >= threshold else "incomplete"
    passing, scaled = item.get("scaled_passing_score"), _number((cmi.get("score") or {}).get("scaled"))
    if passing is not None and scaled is not None:
        success = "passed" if scaled >= passing else "failed"
    return {"completion_status": completion, "success_status": success}


def is_done(status: dict[str, str], version_family: str) -> bool:
    """The completion rule: 1.2 passed or completed; 2004 completed and, where success is reported, passed."""
    if version_family == "1.2":
        return status["lesson_status"] in ("passed", "completed")
    return status["completion_status"] == "completed" and status["success_status"] in ("passed", "unknown")
