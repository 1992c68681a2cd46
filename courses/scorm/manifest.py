"""Reading a SCORM package's ``imsmanifest.xml``: its version, organization, items and their launch files.

Pure functions of the manifest's bytes, so the rules are tested without a ZIP or a database. Elements are
matched by local name (vendors disagree on namespace prefixes and even on namespace URIs); the XML is parsed
with defusedxml, so a manifest cannot expand entities or reach the network.
"""

from __future__ import annotations

import posixpath
from dataclasses import asdict, dataclass, field
from urllib.parse import unquote
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

SCORM_12 = "1.2"
SCORM_2004_2 = "2004-2"
SCORM_2004_3 = "2004-3"
SCORM_2004_4 = "2004-4"
VERSION_LABELS = {
    SCORM_12: "SCORM 1.2",
    SCORM_2004_2: "SCORM 2004 2nd edition",
    SCORM_2004_3: "SCORM 2004 3rd edition",
    SCORM_2004_4: "SCORM 2004 4th edition",
}
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


class ManifestError(Exception):
    """The package cannot be used; the message says why, for the training manager who uploaded it."""


@dataclass
class Item:
    """A launchable item of the organization (a SCO or an asset), in the order of the tree."""

    identifier: str
    title: str
    launch: str  # the path in the package, with the item's parameters appended
    is_sco: bool
    level: int = 0
    mastery_score: int | None = None  # 1.2: adlcp:masteryscore (0-100)
    scaled_passing_score: float | None = None  # 2004: the primary objective's minNormalizedMeasure
    completion_threshold: float | None = None  # 2004: adlcp:completionThreshold


@dataclass
class Manifest:
    version: str
    title: str
    organization: str
    items: list[Item] = field(default_factory=list)
    resource_count: int = 0

    @property
    def version_label(self) -> str:
        return VERSION_LABELS[self.version]

    def as_json(self) -> dict:
        return asdict(self)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local(child.tag) == name]


def _child(element: Element, name: str) -> Element | None:
    found = _children(element, name)
    return found[0] if found else None


def _text(element: Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _attribute(element: Element, name: str) -> str:
    """An attribute by local name, whatever its namespace (``adlcp:scormtype``, ``adlcp:scormType``)."""
    for key, value in element.attrib.items():
        if _local(key).lower() == name.lower():
            return value.strip()
    return ""


def _version(root: Element, data: bytes) -> str:
    metadata = _child(root, "metadata")
    schema_version = _text(_child(metadata, "schemaversion") if metadata is not None else None).lower()
    # ElementTree drops xmlns declarations: the namespace URIs are looked for in the manifest's text.
    namespaces = data[:4096].decode("utf-8", "ignore").lower()
    if schema_version == "1.2":
        return SCORM_12
    if "4th" in schema_version:
        return SCORM_2004_4
    if "3rd" in schema_version:
        return SCORM_2004_3
    if schema_version in ("cam 1.3", "2004 2nd edition"):
        return SCORM_2004_2
    if schema_version:
        raise ManifestError(
            f"The manifest says schema version “{schema_version}”; only SCORM 1.2 and SCORM 2004 (2nd, 3rd "
            "and 4th editions) can be played."
        )
    if "adlcp_rootv1p2" in namespaces:
        return SCORM_12
    if "adlcp_v1p3" in namespaces:
        return SCORM_2004_2
    raise ManifestError("The manifest does not say which SCORM version it is (metadata/schemaversion).")


def safe_package_path(path: str) -> str | None:
    """The path normalised inside the package, or None if it would leave it (``../``, absolute, a drive)."""
    path = unquote(path).replace("\\", "/")
    if not path or path.startswith("/") or (len(path) > 1 and path[1] == ":"):
        return None
    normalised = posixpath.normpath(path)
    if normalised == ".." or normalised.startswith("../") or normalised.startswith("/"):
        return None
    return normalised


def _float(text: str) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def parse(data: bytes, files: set[str] | None = None) -> Manifest:
    """Read the manifest; ``files`` (the package's paths) lets it check that every launch file is there."""
    try:
        root = ElementTree.fromstring(data, forbid_dtd=False)
    except DefusedXmlException:
        raise ManifestError("The manifest uses XML entities, which are not allowed.") from None
    except ElementTree.ParseError as error:
        raise ManifestError(f"imsmanifest.xml is not well-formed XML ({error}).") from None
    if _local(root.tag) != "manifest":
        raise ManifestError("imsmanifest.xml does not start with a <manifest> element.")
    version = _version(root, data)
    resources_element = _child(root, "resources")
    resources = {}
    base = root.get(XML_BASE, "")
    for resource in _children(resources_element, "resource") if resources_element is not None else []:
        identifier = resource.get("identifier", "")
        href = resource.get("href", "")
        if href:  # xml:base on the manifest, <resources> and the resource are prefixes, outermost first
            href = base + resources_element.get(XML_BASE, "") + resource.get(XML_BASE, "") + href
        resources[identifier] = (href, _attribute(resource, "scormtype").lower() == "sco")
    organizations = _child(root, "organizations")
    orgs = _children(organizations, "organization") if organizations is not None else []
    if not orgs:
        raise ManifestError("The manifest has no organization, so there is nothing to launch.")
    default = organizations.get("default", "")
    organization = next((org for org in orgs if org.get("identifier") == default), orgs[0])
    items: list[Item] = []

    def walk(parent: Element, level: int) -> None:
        for element in _children(parent, "item"):
            if element.get("isvisible", "true").lower() == "false":
                continue
            reference = element.get("identifierref", "")
            title = _text(_child(element, "title")) or element.get("identifier", "")
            if reference:
                if reference not in resources or not resources[reference][0]:
                    raise ManifestError(f"The item “{title}” points to a resource ({reference}) with no launch file.")
                href, is_sco = resources[reference]
                path, _, query = href.partition("?")
                safe = safe_package_path(path)
                if safe is None:
                    raise ManifestError(f"The launch file of “{title}” ({href}) is outside the package.")
                if files is not None and safe not in files:
                    raise ManifestError(f"The launch file of “{title}” ({safe}) is not in the package.")
                parameters = element.get("parameters", "").lstrip("?&")
                query = "&".join(part for part in (query, parameters) if part)
                mastery = _text(_child(element, "masteryscore"))
                threshold = _child(element, "completionThreshold")
                threshold_value = None
                if threshold is not None:
                    threshold_value = _float(threshold.get("minProgressMeasure", "") or _text(threshold))
                passing = None
                sequencing = _child(element, "sequencing")
                objectives = _child(sequencing, "objectives") if sequencing is not None else None
                primary = _child(objectives, "primaryObjective") if objectives is not None else None
                if primary is not None and primary.get("satisfiedByMeasure", "false").lower() == "true":
                    passing = _float(_text(_child(primary, "minNormalizedMeasure")))
                items.append(
                    Item(
                        identifier=element.get("identifier", ""),
                        title=title,
                        launch=safe + (f"?{query}" if query else ""),
                        is_sco=is_sco,
                        level=level,
                        mastery_score=int(float(mastery)) if _float(mastery) is not None else None,
                        scaled_passing_score=passing,
                        completion_threshold=threshold_value,
                    )
                )
            walk(element, level + 1)

    walk(organization, 0)
    if not items:
        raise ManifestError("The manifest's organization has no item with a launch file.")
    identifiers = [item.identifier for item in items]
    if len(set(identifiers)) != len(identifiers) or not all(identifiers):
        raise ManifestError("Every item in the manifest needs its own identifier.")
    return Manifest(
        version=version,
        title=_text(_child(organization, "title")) or "Untitled package",
        organization=organization.get("identifier", ""),
        items=items,
        resource_count=len(resources),
    )
