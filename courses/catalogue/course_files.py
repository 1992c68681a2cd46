"""Courses as text files: one Markdown file per course, read into page fields and StreamField data.

The demo courses live in ``courses/fixtures/demo/`` in this format, so that whoever writes the training can
edit it as a document rather than as Python (as bakerydemo keeps its content in fixtures). A file is:

- YAML front matter between two ``---`` lines: the course page's fields (``COURSE_FIELDS``);
- ``# Module title {#module-slug}`` starting each module (the slug defaults to the title's);
- in a module, ``## Heading`` for a heading block, Markdown text for a paragraph block (a line ``---`` between
  two texts makes them two paragraph blocks), and special blocks fenced by ``:::`` lines:
  ``::: callout safety|info|warning Optional heading`` ... ``:::`` (its text is Markdown),
  ``::: knowledge-check Title`` ... ``:::`` (its body is YAML: ``pass_mark`` and ``questions``),
  and the one-line ``::: embed URL`` and ``::: document path/to/file.pdf Optional link text``.

Markdown becomes the HTML Wagtail's rich text stores (``<p>``, ``<ul>``/``<ol>``/``<li>``, ``<h3>`` in
paragraphs, ``<b>``, ``<i>``, ``<a href>``) with :func:`rich_text`. Every mistake raises ``CourseFileError``
naming the file and line. ``validate_body`` then runs the blocks' own validation (a knowledge check needs a
correct option, and so on).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import slugify

COURSE_FIELDS = {
    "slug": str,
    "title": str,
    "summary": str,
    "topics": list,
    "level": str,
    "delivery": str,
    "duration_minutes": int,
    "cpd_hours": (int, float, str),
    "learning_outcomes": list,
    "certificate_validity_months": (int, type(None)),
    "counts_as_specialist_da": bool,
    "is_champion_training": bool,
    "prerequisites": list,
}
CALLOUT_KINDS = ("info", "safety", "warning")
PARAGRAPH_BREAK = "---"
FENCE = ":::"

_MODULE = re.compile(r"^#\s+(?P<title>.+?)(?:\s+\{#(?P<slug>[a-z0-9-]+)\})?\s*$")
_HEADING = re.compile(r"^##\s+(?P<text>.+?)\s*$")
_OPEN = re.compile(r"^:::\s*(?P<name>[\w-]+)\s*(?P<rest>.*?)\s*$")
_BULLET = re.compile(r"^[-*]\s+(?P<text>.*)$")
_NUMBERED = re.compile(r"^\d+[.)]\s+(?P<text>.*)$")
_H3 = re.compile(r"^###\s+(?P<text>.+?)\s*$")
_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)\)")
_ESCAPABLE = "\\*_[]()#`-+.!>"
# libyaml's loader where PyYAML was built with it (the wheels are): several times faster than the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class CourseFileError(ValueError):
    """A course file that cannot be read as a course; the message names the file and the line."""


@dataclass
class Module:
    title: str
    slug: str
    body: list[dict] = field(default_factory=list)  # StreamField data: {"type": ..., "value": ...}
    line: int = 0


@dataclass
class CourseFile:
    path: Path
    fields: dict
    modules: list[Module]


# --- Markdown to Wagtail rich text ------------------------------------------------------------------------


def inline(text: str) -> str:
    """Inline Markdown (``**bold**``, ``*italic*``, ``[text](url)``, ``\\*`` escapes) as rich-text HTML."""
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPABLE:
            out.append(html.escape(text[i + 1], quote=False))
            i += 2
        elif text.startswith("**", i):
            end = _closing(text, "**", i + 2)
            out.append(f"<b>{inline(text[i + 2 : end])}</b>")
            i = end + 2
        elif char == "*":
            end = _closing(text, "*", i + 1)
            out.append(f"<i>{inline(text[i + 1 : end])}</i>")
            i = end + 1
        elif char == "[" and (link := _LINK.match(text, i)):
            url = link["url"]
            if not url.startswith(("https://", "http://", "mailto:", "tel:")):
                raise CourseFileError(f"a link must start with https://, http://, mailto: or tel: ({url})")
            out.append(f'<a href="{html.escape(url)}">{inline(link["text"])}</a>')
            i = link.end()
        else:
            out.append(html.escape(char, quote=False))
            i += 1
    return "".join(out)


def _closing(text: str, marker: str, start: int) -> int:
    end = start
    while True:
        end = text.find(marker, end)
        if end == -1:
            raise CourseFileError(f"{marker} opened and not closed in “{text}” (write \\* for an asterisk)")
        # "**" inside an italic span is bold, not the italic's end.
        if marker == "*" and text.startswith("**", end):
            end = _closing(text, "**", end + 2) + 2
            continue
        if text[end - 1] != "\\":
            return end
        end += len(marker)


def rich_text(markdown: str, *, headings: bool = True) -> str:
    """Markdown paragraphs, lists (``-`` or ``1.``) and ``###`` headings as the HTML Wagtail's rich text stores.

    ``headings=False`` for a field without the h3 feature (a callout's text).
    """
    out: list[str] = []
    paragraph: list[str] = []
    items: list[list[str]] = []
    list_tag = ""
    blank_before = False

    def close_paragraph():
        if paragraph:
            out.append(f"<p>{inline(' '.join(paragraph))}</p>")
            paragraph.clear()

    def close_list():
        nonlocal list_tag
        if items:
            out.append(f"<{list_tag}>" + "".join(f"<li>{inline(' '.join(i))}</li>" for i in items) + f"</{list_tag}>")
            items.clear()
        list_tag = ""

    for raw in markdown.splitlines():
        line = raw.strip()
        if not line:
            close_paragraph()
            blank_before = True
            continue
        bullet, numbered = _BULLET.match(line), _NUMBERED.match(line)
        if h3 := _H3.match(line):
            if not headings:
                raise CourseFileError(f"no headings here: “{line}”")
            close_paragraph()
            close_list()
            out.append(f"<h3>{inline(h3['text'])}</h3>")
        elif line.startswith("#"):
            raise CourseFileError(f"use ### for a heading inside a text: “{line}”")
        elif bullet or numbered:
            close_paragraph()
            tag = "ul" if bullet else "ol"
            if tag != list_tag:
                close_list()
                list_tag = tag
            items.append([(bullet or numbered)["text"]])
        elif items and not blank_before:
            items[-1].append(line)  # a wrapped list item
        else:
            close_list()
            paragraph.append(line)
        blank_before = False
    close_paragraph()
    close_list()
    return "".join(out)


# --- Course files ------------------------------------------------------------------------------------------


def read_course_file(path: Path) -> CourseFile:
    """Read one course file (see the module docstring); raises ``CourseFileError`` naming the file and line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    name = path.name
    if not lines or lines[0].strip() != "---":
        raise CourseFileError(f"{name}, line 1: a course file starts with its details between two --- lines")
    try:
        end = next(n for n in range(1, len(lines)) if lines[n].strip() == "---")
    except StopIteration:
        raise CourseFileError(f"{name}: the course details have no closing --- line") from None
    fields = _course_fields(name, _yaml(name, 2, "\n".join(lines[1:end])))
    reader = _BodyReader(name)
    n = end + 1
    while n < len(lines):
        n = reader.read(lines, n)
    reader.finish(len(lines) + 1)
    if not reader.modules:
        raise CourseFileError(f"{name}: no modules (start each with a line “# Module title”)")
    slugs = [module.slug for module in reader.modules]
    if len(set(slugs)) != len(slugs):
        raise CourseFileError(f"{name}: two modules have the same slug ({', '.join(slugs)})")
    return CourseFile(path=path, fields=fields, modules=reader.modules)


def read_course_folder(folder: Path) -> list[CourseFile]:
    """Every course file of a folder (``NN-slug.md``), in file-name order: the order of the catalogue.

    Only names starting with a digit are courses, so that a README can sit beside them.
    """
    return [read_course_file(path) for path in sorted(folder.glob("[0-9]*.md"))]


def _yaml(name: str, first_line: int, text: str):
    try:
        return yaml.load(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {first_line + mark.line}" if mark else f"from line {first_line}"
        raise CourseFileError(f"{name}, {where}: not valid YAML ({getattr(error, 'problem', error)})") from None


def _course_fields(name: str, data) -> dict:
    if not isinstance(data, dict):
        raise CourseFileError(f"{name}: the course details must be “name: value” lines")
    unknown = sorted(set(data) - set(COURSE_FIELDS))
    missing = sorted(set(COURSE_FIELDS) - set(data))
    if unknown or missing:
        problems = ([f"unknown: {', '.join(unknown)}"] if unknown else []) + (
            [f"missing: {', '.join(missing)}"] if missing else []
        )
        raise CourseFileError(f"{name}: course details {'; '.join(problems)}")
    for key, kind in COURSE_FIELDS.items():
        if not isinstance(data[key], kind) or (kind is int and isinstance(data[key], bool)):
            raise CourseFileError(f"{name}: {key} has the wrong kind of value ({data[key]!r})")
    for key in ("topics", "prerequisites", "learning_outcomes"):
        if not all(isinstance(item, str) for item in data[key]):
            raise CourseFileError(f"{name}: {key} must be a list of texts")
    try:
        cpd_hours = Decimal(str(data["cpd_hours"]))
    except InvalidOperation:
        raise CourseFileError(f"{name}: cpd_hours must be a number ({data['cpd_hours']!r})") from None
    return data | {"cpd_hours": cpd_hours}


class _BodyReader:
    """Reads the modules after the front matter, one construct at a time."""

    def __init__(self, name: str):
        self.name = name
        self.modules: list[Module] = []
        self.text: list[str] = []
        self.text_line = 0

    def error(self, line: int, message: str) -> CourseFileError:
        return CourseFileError(f"{self.name}, line {line}: {message}")

    def add(self, line: int, block_type: str, value) -> None:
        if not self.modules:
            raise self.error(line, "this comes before the first module (start each with a line “# Module title”)")
        self.modules[-1].body.append({"type": block_type, "value": value})

    def flush_text(self) -> None:
        if any(line.strip() for line in self.text):
            try:
                self.add(self.text_line, "paragraph", rich_text("\n".join(self.text)))
            except CourseFileError as error:
                raise self.error(self.text_line, str(error)) from None
        self.text = []

    def read(self, lines: list[str], n: int) -> int:
        """Read the construct starting at ``lines[n]``; returns the index of the next line to read."""
        line, number = lines[n].rstrip(), n + 1
        if module := _MODULE.match(line):
            self.flush_text()
            title = module["title"].strip()
            self.modules.append(Module(title=title, slug=module["slug"] or slugify(title), line=number))
            return n + 1
        if heading := _HEADING.match(line):
            self.flush_text()
            self.add(number, "heading", heading["text"])
            return n + 1
        if line.strip() == PARAGRAPH_BREAK:
            self.flush_text()
            return n + 1
        if opening := _OPEN.match(line):
            self.flush_text()
            return self.special(lines, n, opening["name"].replace("-", "_"), opening["rest"])
        if line.strip() == FENCE:
            raise self.error(number, "::: closes a block that was not opened")
        if not self.text:
            self.text_line = number
        self.text.append(line)
        return n + 1

    def special(self, lines: list[str], n: int, name: str, rest: str) -> int:
        number = n + 1
        if name == "embed":
            try:
                URLValidator(schemes=["https", "http"])(rest)
            except ValidationError:
                raise self.error(number, f"“::: embed” needs the video's address (https://...), not “{rest}”") from None
            self.add(number, "embed", rest)
            return n + 1
        if name == "document":
            path, _, title = rest.partition(" ")
            if not path:
                raise self.error(number, "“::: document” needs the file's path, then the link text if any")
            self.add(number, "document", {"document": path, "title": title.strip()})
            return n + 1
        if name not in ("callout", "knowledge_check"):
            raise self.error(number, f"unknown block “{name}” (callout, knowledge-check, embed or document)")
        try:
            end = next(i for i in range(n + 1, len(lines)) if lines[i].strip() == FENCE)
        except StopIteration:
            raise self.error(number, f"the {name.replace('_', ' ')} has no closing ::: line") from None
        body = "\n".join(lines[n + 1 : end])
        if name == "callout":
            kind, _, heading = rest.partition(" ")
            if kind not in CALLOUT_KINDS:
                raise self.error(number, f"a callout is one of {', '.join(CALLOUT_KINDS)}: “::: callout info Heading”")
            try:
                text = rich_text(body, headings=False)
            except CourseFileError as error:
                raise self.error(number, f"in the callout: {error}") from None
            self.add(number, "callout", {"kind": kind, "heading": heading.strip(), "text": text})
        else:
            self.add(number, "knowledge_check", self.knowledge_check(number, rest, _yaml(self.name, n + 2, body)))
        return end + 1

    def knowledge_check(self, number: int, title: str, data) -> dict:
        if not isinstance(data, dict) or set(data) - {"pass_mark", "questions"}:
            raise self.error(number, "a knowledge check has “pass_mark:” (optional) and “questions:”")
        questions = data.get("questions")
        if not isinstance(questions, list) or not questions:
            raise self.error(number, "a knowledge check needs a list of questions")
        check = {"title": title or "Check your understanding", "pass_mark": data.get("pass_mark", 80)}
        check["questions"] = [self.question(number, i, q) for i, q in enumerate(questions, 1)]
        return check

    def question(self, number: int, index: int, data) -> dict:
        where = f"question {index}"
        if not isinstance(data, dict) or set(data) - {"text", "multiple", "options", "feedback"}:
            raise self.error(number, f"{where}: a question has text, multiple (optional), options and feedback")
        options = data.get("options")
        if not isinstance(options, list) or not all(
            isinstance(o, dict) and not set(o) - {"text", "correct"} and isinstance(o.get("text"), str) for o in options
        ):
            raise self.error(number, f"{where}: each option has “text:” and, if it is right, “correct: true”")
        if not isinstance(data.get("text"), str) or not isinstance(data.get("feedback", ""), str):
            raise self.error(number, f"{where}: the question's text and feedback are texts")
        return {
            "text": data["text"],
            "multiple": bool(data.get("multiple", False)),
            "options": [{"text": o["text"], "correct": o.get("correct", False) is True} for o in options],
            "feedback": data.get("feedback", ""),
        }

    def finish(self, line: int) -> None:
        self.flush_text()


def validate_body(body: list[dict], where: str) -> None:
    """The blocks' own validation of a module body (knowledge checks, callouts, lengths, block counts).

    Embeds are checked as addresses only: their validation would fetch the video's page. Documents are
    checked by the loader, which finds or creates them.
    """
    from .blocks import ModuleStreamBlock

    stream_block = ModuleStreamBlock()
    counts: dict[str, int] = {}
    for item in body:
        block_type = item["type"]
        counts[block_type] = counts.get(block_type, 0) + 1
        if block_type in ("embed", "document"):
            continue
        child = stream_block.child_blocks[block_type]
        try:
            child.clean(child.to_python(item["value"]))
        except ValidationError as error:
            raise CourseFileError(
                f"{where}: a {block_type.replace('_', ' ')} is not valid: {_messages(error)}"
            ) from None
    for block_type, limits in stream_block.meta.block_counts.items():
        if counts.get(block_type, 0) > limits.get("max_num", float("inf")):
            raise CourseFileError(f"{where}: at most {limits['max_num']} {block_type.replace('_', ' ')} per module")


def _messages(error: ValidationError) -> str:
    """The messages of a (nested) block validation error, flattened to one line."""
    found: list[str] = []

    def walk(value):
        if isinstance(value, ValidationError):
            for attr in ("block_errors", "non_block_errors"):
                walk(getattr(value, attr, None))
            if not hasattr(value, "block_errors"):
                found.extend(value.messages)
        elif isinstance(value, dict):
            for key, inner in value.items():
                before = len(found)
                walk(inner)
                found[before:] = [f"{key}: {message}" for message in found[before:]]
        elif isinstance(value, (list, tuple)):
            for inner in value:
                walk(inner)

    walk(error)
    return "; ".join(found) or str(error)
