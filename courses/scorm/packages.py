"""Checking an uploaded SCORM ZIP and unpacking it into media storage (run in the worker).

Every rule is checked on the ZIP's directory before a byte is unpacked, and the sizes are checked again
while unpacking (a ZIP's directory can lie about them): a package that breaks a rule leaves nothing behind.
"""

from __future__ import annotations

import mimetypes
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from .manifest import Manifest, ManifestError, parse, safe_package_path

MANIFEST = "imsmanifest.xml"
AICC_SUFFIXES = (".au", ".crs", ".des", ".cst")
CHUNK = 1024 * 1024

mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("font/woff2", ".woff2")
mimetypes.add_type("application/json", ".json")
mimetypes.add_type("text/vtt", ".vtt")


class PackageError(ManifestError):
    """The ZIP breaks one of the package rules; the message says which."""


@dataclass(frozen=True)
class Limits:
    max_files: int
    max_unpacked_bytes: int
    max_compression_ratio: int

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            max_files=settings.SCORM_MAX_FILES,
            max_unpacked_bytes=settings.SCORM_MAX_UNPACKED_BYTES,
            max_compression_ratio=settings.SCORM_MAX_COMPRESSION_RATIO,
        )


@dataclass(frozen=True)
class CheckedPackage:
    manifest: Manifest
    members: tuple[tuple[zipfile.ZipInfo, str], ...]  # each file and its normalised path
    unpacked_bytes: int


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


def check(archive: zipfile.ZipFile, limits: Limits | None = None) -> CheckedPackage:
    """Apply the package rules to the ZIP's directory and read its manifest; raises PackageError."""
    limits = limits or Limits.from_settings()
    infos = archive.infolist()
    files = [info for info in infos if not info.is_dir()]
    if len(files) > limits.max_files:
        raise PackageError(f"The package has {len(files):,} files; at most {limits.max_files:,} are allowed.")
    members = []
    total = compressed = 0
    for info in files:
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise PackageError(f"The package contains a symbolic link ({info.filename}), which is not allowed.")
        path = safe_package_path(info.filename)
        if path is None:
            raise PackageError(f"The path “{info.filename}” leaves the package (../ or an absolute path).")
        total += info.file_size
        compressed += info.compress_size
        members.append((info, path))
    if total > limits.max_unpacked_bytes:
        raise PackageError(
            f"The package unpacks to {_megabytes(total)}; at most {_megabytes(limits.max_unpacked_bytes)} is allowed."
        )
    # A whole-archive ratio: media in real packages barely compresses, so a huge ratio marks a ZIP bomb.
    if total > CHUNK and total > limits.max_compression_ratio * max(compressed, 1):
        raise PackageError(
            f"The package unpacks to {total // max(compressed, 1):,} times its compressed size, which marks a "
            "ZIP bomb; it was not unpacked."
        )
    paths = {path for _, path in members}
    if MANIFEST not in paths:
        if "cmi5.xml" in paths:
            raise PackageError("This is a cmi5 package (cmi5.xml); only SCORM 1.2 and 2004 packages can be played.")
        if any(path.lower().endswith(AICC_SUFFIXES) for path in paths):
            raise PackageError("This is an AICC package (.au/.crs files); only SCORM 1.2 and 2004 can be played.")
        nested = sorted(path for path in paths if path.endswith("/" + MANIFEST))
        hint = f" (there is one at {nested[0]}: zip the folder's contents, not the folder)" if nested else ""
        raise PackageError(f"There is no imsmanifest.xml at the root of the ZIP{hint}.")
    manifest_info = next(info for info, path in members if path == MANIFEST)
    manifest = parse(archive.read(manifest_info), files=paths)
    return CheckedPackage(manifest, tuple(members), total)


def unpack(
    archive: zipfile.ZipFile,
    checked: CheckedPackage,
    prefix: str,
    progress: Callable[[str, int, int], None] | None = None,
) -> int:
    """Write the package's files under ``prefix`` in media storage; returns the bytes written.

    Each file is read with its declared size as a cap, so a directory that lies stops the unpacking.
    """
    delete_files(prefix)  # a retried task starts again from nothing (no per-file existence checks)
    written = 0
    total_files = len(checked.members)
    for done, (info, path) in enumerate(checked.members, start=1):
        with archive.open(info) as source:
            data = source.read(info.file_size + 1)
        if len(data) > info.file_size:
            raise PackageError(f"“{info.filename}” is larger than the ZIP says; the package was not unpacked.")
        written += len(data)
        default_storage.save(prefix + path, ContentFile(data))
        if progress:
            progress("Unpacking files", done, total_files)
    return written


def delete_files(prefix: str) -> None:
    """Remove what was unpacked under ``prefix`` (a package refused half-way)."""
    try:
        directories, files = default_storage.listdir(prefix)
    except (FileNotFoundError, NotImplementedError):
        return
    for name in files:
        default_storage.delete(prefix + name)
    for directory in directories:
        delete_files(f"{prefix}{directory}/")


def content_type(path: str) -> str:
    kind, _ = mimetypes.guess_type(path)
    if kind is None:
        return "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/javascript", "application/json", "image/svg+xml"):
        return f"{kind}; charset=utf-8" if kind != "image/svg+xml" else kind
    return kind
