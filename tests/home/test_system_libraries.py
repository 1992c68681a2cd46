"""`make run` and `make test` name the Debian package of a missing system library; CI lists what it found."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from home import system_libraries
from home.system_libraries import Library

ROOT = Path(__file__).resolve().parents[2]


def test_the_report_lists_every_library_weasyprint_loads_and_this_machine_has_the_needed_ones():
    result = subprocess.run(
        [sys.executable, "-m", "home.system_libraries", "--report"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr  # this suite renders PDFs, so they must be here
    for name in ("GLib", "Pango", "Pango FreeType", "HarfBuzz", "fontconfig", "HarfBuzz subset", "DejaVu fonts"):
        assert re.search(rf"^  {re.escape(name)}: +(found|not found)", result.stdout, re.M), name
    assert re.search(r"^  Pango: +found \d+\.\d+\.\d+$", result.stdout, re.M)


def test_a_missing_needed_library_is_named_with_the_command_that_installs_it():
    absent = Library("Pango", ("libpango-not-installed-here.so.0",), "libpango-1.0-0", True)
    found = system_libraries.find((absent,))

    message = system_libraries.missing_message(found)
    assert "The platform needs system libraries that are missing: Pango (libpango-1.0-0)." in message
    packages = " ".join(system_libraries.debian_packages())
    assert f"apt-get install -y --no-install-recommends {packages}" in message
    assert "make system-deps" in message
    assert "MISSING (needed; Debian package libpango-1.0-0)" in system_libraries.report(found)


def test_a_missing_optional_library_is_reported_and_stops_nothing():
    absent = Library(
        "HarfBuzz subset", ("libharfbuzz-subset-not-here.so.0",), "libharfbuzz-subset0", False, without="fontTools"
    )
    found = system_libraries.find((absent,))

    assert system_libraries.missing_message(found) == ""
    assert "not found (optional; Debian package libharfbuzz-subset0): fontTools" in system_libraries.report(found)


def test_the_makefile_and_the_readme_install_the_same_packages_the_check_names():
    makefile = (ROOT / "Makefile").read_text()
    listed = re.search(r"^SYSTEM_PACKAGES := (.*?)(?<!\\)\n", makefile, re.M | re.S).group(1)
    packages = listed.replace("\\\n", " ").split()
    assert packages == ["python3", "python3-venv", *system_libraries.debian_packages()]

    readme = (ROOT / "README.md").read_text()
    assert f"apt-get install -y --no-install-recommends {' '.join(packages)}\n" in readme
