"""The system libraries the platform needs, found or not: run before `make run` and `make test`, and by CI.

WeasyPrint (certificates, board reports) loads Pango, HarfBuzz, fontconfig and GLib from the system at
import, and without them fails with a traceback that names none of Debian's packages. This module loads each
library the way WeasyPrint does (by its shared-object name), so a missing one is named with the Debian package
that installs it. It uses the standard library only: it runs before Django, with any Python.

    python -m home.system_libraries            # exit 1, naming what to install, if a needed library is missing
    python -m home.system_libraries --report   # every library, found or not, with its version
"""

from __future__ import annotations

import ctypes
import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path

INSTALL_COMMAND = "apt-get install -y --no-install-recommends"


@dataclasses.dataclass(frozen=True)
class Library:
    name: str
    sonames: tuple[str, ...]  # as WeasyPrint tries them: Linux first, then macOS
    package: str  # Debian 12's package
    required: bool
    without: str = ""  # what happens without an optional library
    version: Callable[[ctypes.CDLL], str] | None = None


def _c_string(function: str) -> Callable[[ctypes.CDLL], str]:
    def version(library: ctypes.CDLL) -> str:
        call = getattr(library, function)
        call.restype = ctypes.c_char_p
        return call().decode()

    return version


def _fontconfig_version(library: ctypes.CDLL) -> str:
    number = library.FcGetVersion()  # 21401 is 2.14.1
    return f"{number // 10000}.{number // 100 % 100}.{number % 100}"


def _glib_version(library: ctypes.CDLL) -> str:
    parts = (ctypes.c_uint.in_dll(library, f"glib_{part}_version").value for part in ("major", "minor", "micro"))
    return ".".join(str(part) for part in parts)


def _harfbuzz_subset_version(library: ctypes.CDLL) -> str:
    # WeasyPrint uses the HarfBuzz subsetter from 4.1.0 on (hb_set_add_sorted_array), fontTools below it.
    harfbuzz = _load(("libharfbuzz.so.0", "libharfbuzz.0.dylib"))
    if harfbuzz is None or not harfbuzz.hb_version_atleast(4, 1, 0):
        return "too old (WeasyPrint needs 4.1.0 or later)"
    library.hb_subset_or_fail  # noqa: B018 - the subsetter's entry point must be there
    return _c_string("hb_version_string")(harfbuzz)


LIBRARIES = (
    Library("GLib", ("libgobject-2.0.so.0", "libgobject-2.0.0.dylib"), "libglib2.0-0", True),
    Library(
        "Pango",
        ("libpango-1.0.so.0", "libpango-1.0.dylib"),
        "libpango-1.0-0",
        True,
        version=_c_string("pango_version_string"),
    ),
    Library("Pango FreeType", ("libpangoft2-1.0.so.0", "libpangoft2-1.0.dylib"), "libpangoft2-1.0-0", True),
    Library(
        "HarfBuzz",
        ("libharfbuzz.so.0", "libharfbuzz.0.dylib"),
        "libharfbuzz0b",
        True,
        version=_c_string("hb_version_string"),
    ),
    Library(
        "fontconfig",
        ("libfontconfig.so.1", "libfontconfig.1.dylib"),
        "libfontconfig1",
        True,
        version=_fontconfig_version,
    ),
    Library(
        "HarfBuzz subset",
        ("libharfbuzz-subset.so.0", "libharfbuzz-subset.0.dylib"),
        "libharfbuzz-subset0",
        False,
        without="WeasyPrint subsets fonts with fontTools instead: slower, the same certificates",
        version=_harfbuzz_subset_version,
    ),
)
# Fonts for text the certificate's shipped fonts lack, and for the board report, which uses the system's.
FONTS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONTS_PACKAGE = "fonts-dejavu-core"


def debian_packages() -> list[str]:
    """Every Debian package the platform's Python dependencies need from the system (optional ones included)."""
    return [library.package for library in LIBRARIES] + [FONTS_PACKAGE]


def _load(sonames: tuple[str, ...]) -> ctypes.CDLL | None:
    for soname in sonames:
        try:
            return ctypes.CDLL(soname)
        except OSError:
            continue
    return None


@dataclasses.dataclass(frozen=True)
class Found:
    library: Library
    loaded: bool
    version: str = ""


def find(libraries: tuple[Library, ...] = LIBRARIES) -> list[Found]:
    found = []
    for library in libraries:
        loaded = _load(library.sonames)
        version = ""
        if loaded is not None and library.version:
            try:
                version = library.version(loaded)
            except (AttributeError, ValueError, OSError) as error:
                version = f"version unknown ({error})"
        found.append(Found(library, loaded is not None, version))
    if "GLib" in {library.name for library in libraries}:
        glib = _load(("libglib-2.0.so.0", "libglib-2.0.0.dylib"))
        if glib is not None:
            found = [
                dataclasses.replace(item, version=_glib_version(glib)) if item.library.name == "GLib" else item
                for item in found
            ]
    return found


def report(found: list[Found]) -> str:
    lines = ["System libraries (WeasyPrint, for certificate and board report PDFs):"]
    for item in found:
        library = item.library
        if item.loaded:
            state = f"found {item.version}".rstrip()
        elif library.required:
            state = f"MISSING (needed; Debian package {library.package})"
        else:
            state = f"not found (optional; Debian package {library.package}): {library.without}"
        lines.append(f"  {library.name + ':':17} {state}")
    fonts = "found" if FONTS.exists() else f"not found at {FONTS} (Debian package {FONTS_PACKAGE})"
    lines.append(f"  {'DejaVu fonts:':17} {fonts}")
    return "\n".join(lines)


def missing_message(found: list[Found]) -> str:
    """What to install, or '' when every needed library is there."""
    missing = [item.library for item in found if item.library.required and not item.loaded]
    if not missing:
        return ""
    names = ", ".join(f"{library.name} ({library.package})" for library in missing)
    return (
        f"The platform needs system libraries that are missing: {names}.\n"
        f"Install them on Debian or Ubuntu, as root:\n"
        f"    {INSTALL_COMMAND} {' '.join(debian_packages())}\n"
        f"or run `make system-deps` (as root). Then run the command again."
    )


def main(argv: list[str]) -> int:
    found = find()
    if "--report" in argv:
        print(report(found))
    problem = missing_message(found)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
