"""Benchmark checking and unpacking a SCORM package: 50 MB in 2,000 files in under 10 s.

    make bench ONLY=scorm_import

Builds a SCORM 1.2 package with a manifest and 2,000 files (HTML, script and incompressible "media", 50 MB in
all), then times ``courses.scorm.packages.check`` + ``unpack`` into media storage (a temporary local folder),
as the worker does for an upload. The baseline, in the same run, is ``zipfile.extractall`` of the same ZIP to
a folder: the floor for unpacking on this machine. It prints the medians and their ratio, and exits non-zero
if the median is 10 s or more.

Settings: BENCH_FILES (2000), BENCH_MEGABYTES (50), BENCH_REPEATS (3).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FILES = int(os.environ.get("BENCH_FILES", 2000))
MEGABYTES = int(os.environ.get("BENCH_MEGABYTES", 50))
REPEATS = int(os.environ.get("BENCH_REPEATS", 3))
TARGET_SECONDS = 10.0


def build_package() -> bytes:
    size = MEGABYTES * 1024 * 1024 // FILES
    resources = "".join(f'<file href="media/{i}.bin"/>' for i in range(FILES - 2))
    manifest = f"""<?xml version="1.0"?>
<manifest identifier="BENCH" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="ORG"><organization identifier="ORG"><title>Bench</title>
    <item identifier="SCO-1" identifierref="RES-1"><title>Bench</title></item></organization></organizations>
  <resources><resource identifier="RES-1" type="webcontent" adlcp:scormtype="sco" href="index.html">
    <file href="index.html"/>{resources}</resource></resources>
</manifest>"""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", manifest)
        archive.writestr("index.html", "<!DOCTYPE html><title>Bench</title><p>Bench</p>")
        for i in range(FILES - 2):
            archive.writestr(f"media/{i}.bin", os.urandom(size))  # media barely compresses
    return buffer.getvalue()


def main() -> int:
    media = Path(tempfile.mkdtemp(prefix="bench-scorm-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.base")
    os.environ["MEDIA_ROOT"] = str(media)
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from courses.scorm.packages import check, unpack

    content = build_package()
    print(f"package: {FILES:,} files, {len(content) / 1024 / 1024:.1f} MB zipped")
    ours, baseline = [], []
    try:
        for repeat in range(REPEATS):
            target = media / f"plain-{repeat}"
            started = time.perf_counter()
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                archive.extractall(target)
            baseline.append(time.perf_counter() - started)
            started = time.perf_counter()
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                checked = check(archive)
                unpack(archive, checked, f"scorm/bench-{repeat}/")
            ours.append(time.perf_counter() - started)
    finally:
        shutil.rmtree(media, ignore_errors=True)
    median, floor = statistics.median(ours), statistics.median(baseline)
    print(f"check + unpack: median {median:.2f} s; extractall (baseline): {floor:.2f} s; ratio {median / floor:.1f}")
    results = ROOT / "benchmarks" / "results"
    results.mkdir(exist_ok=True)
    (results / "scorm_import.json").write_text(json.dumps({"median_s": median, "baseline_s": floor}))
    if median >= TARGET_SECONDS:
        print(f"MISSED: {median:.2f} s >= {TARGET_SECONDS} s")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
