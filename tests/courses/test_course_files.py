"""Courses as Markdown files: the rich-text converter, the file format, and the demo's nine course files."""

import io
import re
import textwrap

import pytest
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model

from courses import demo
from courses.catalogue.blocks import KnowledgeCheckBlock
from courses.catalogue.course_files import CourseFileError, read_course_file, rich_text, validate_body
from courses.models import CourseIndexPage, CoursePage, ModulePage
from home import demo as home_demo
from home.models import HomePage

FRONT_MATTER = """\
---
slug: a-course
title: A course
summary: One line.
topics: [domestic_abuse]
level: awareness
delivery: elearning
duration_minutes: 30
cpd_hours: 0.5
learning_outcomes:
  - Know one thing
certificate_validity_months: null
counts_as_specialist_da: false
is_champion_training: false
prerequisites: []
---
"""
CHECK = """\
::: knowledge-check
questions:
  - text: Pick the right one
    options:
      - text: Right
        correct: true
      - text: Wrong
    feedback: Because.
:::
"""


def course_file(tmp_path, body: str, name: str = "01-a-course.md", front: str = FRONT_MATTER):
    path = tmp_path / name
    path.write_text(front + body, encoding="utf-8")
    return path


# --- Markdown to the HTML Wagtail's rich text stores ----------------------------------------------------------


def test_paragraphs_lists_bold_italic_and_links_become_wagtail_rich_text_html():
    markdown = """\
    A **bold** start, an *aside* and [a link](https://example.org/?a=1&b=2).
    A wrapped line joins its paragraph.

    - first
    - second, *wrapped*
      onto two lines

    1. one
    2. two

    ### A heading
    Last & least <not a tag>.
    """
    assert rich_text(textwrap.dedent(markdown)) == (
        '<p>A <b>bold</b> start, an <i>aside</i> and <a href="https://example.org/?a=1&amp;b=2">a link</a>. '
        "A wrapped line joins its paragraph.</p>"
        "<ul><li>first</li><li>second, <i>wrapped</i> onto two lines</li></ul>"
        "<ol><li>one</li><li>two</li></ol>"
        "<h3>A heading</h3><p>Last &amp; least &lt;not a tag&gt;.</p>"
    )


def test_a_list_straight_after_its_introduction_and_bold_inside_italic():
    assert rich_text("Any of:\n- *one **big** thing*\n- two") == (
        "<p>Any of:</p><ul><li><i>one <b>big</b> thing</i></li><li>two</li></ul>"
    )


def test_a_backslash_keeps_an_asterisk_and_a_line_starting_with_a_number():
    assert rich_text(r"5 \* 3 \*is\* 15") == "<p>5 * 3 *is* 15</p>"
    assert rich_text(r"999\. Call it.") == "<p>999. Call it.</p>"


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("An **unclosed bold", "** opened and not closed"),
        ("A [link](javascript:alert(1))", "a link must start with https://"),
        ("## Not here", "use ### for a heading"),
    ],
)
def test_markdown_mistakes_are_named(markdown, message):
    with pytest.raises(CourseFileError, match=re.escape(message)):
        rich_text(markdown)


def test_a_callout_has_no_headings():
    with pytest.raises(CourseFileError, match="no headings here"):
        rich_text("### Heading", headings=False)


# --- The course file format -----------------------------------------------------------------------------------


def test_every_module_block_can_be_written_in_a_course_file(tmp_path):
    path = course_file(
        tmp_path,
        textwrap.dedent("""
        # First steps {#first}

        ## A heading block

        Some **text**.

        ---

        A second paragraph block.

        ::: callout warning Take care
        Call **999** in an emergency.
        :::

        ::: embed https://www.youtube.com/watch?v=abc123

        ::: document leaflets/plan.pdf The safety plan

        ::: knowledge-check Quick check
        pass_mark: 50
        questions:
          - text: Which are right?
            multiple: true
            options:
              - text: This
                correct: true
              - text: That
                correct: true
              - text: Not this
            feedback: Both.
        :::

        # The title gives the slug
        """)
        + CHECK,
    )
    course = read_course_file(path)
    assert str(course.fields["cpd_hours"]) == "0.5" and course.fields["certificate_validity_months"] is None
    first, second = course.modules
    assert (first.title, first.slug, second.title, second.slug) == (
        "First steps",
        "first",
        "The title gives the slug",
        "the-title-gives-the-slug",
    )
    assert first.body == [
        {"type": "heading", "value": "A heading block"},
        {"type": "paragraph", "value": "<p>Some <b>text</b>.</p>"},
        {"type": "paragraph", "value": "<p>A second paragraph block.</p>"},
        {
            "type": "callout",
            "value": {"kind": "warning", "heading": "Take care", "text": "<p>Call <b>999</b> in an emergency.</p>"},
        },
        {"type": "embed", "value": "https://www.youtube.com/watch?v=abc123"},
        {"type": "document", "value": {"document": "leaflets/plan.pdf", "title": "The safety plan"}},
        {
            "type": "knowledge_check",
            "value": {
                "title": "Quick check",
                "pass_mark": 50,
                "questions": [
                    {
                        "text": "Which are right?",
                        "multiple": True,
                        "options": [
                            {"text": "This", "correct": True},
                            {"text": "That", "correct": True},
                            {"text": "Not this", "correct": False},
                        ],
                        "feedback": "Both.",
                    }
                ],
            },
        },
    ]
    # A check without title or pass mark gets the block's defaults.
    assert second.body[0]["value"]["title"] == "Check your understanding"
    assert second.body[0]["value"]["pass_mark"] == KnowledgeCheckBlock().child_blocks["pass_mark"].meta.default == 80


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Stray text\n# Module\n", "line 17: this comes before the first module"),
        ("# Module\n::: image photo.jpg\n", "line 18: unknown block “image”"),
        ("# Module\n::: callout info Heading\nNever closed\n", "line 18: the callout has no closing ::: line"),
        ("# Module\n::: callout shout Heading\nText\n:::\n", "line 18: a callout is one of info, safety, warning"),
        ("# Module\n::: embed not-an-address\n", "line 18: “::: embed” needs the video's address"),
        ("# Module\n:::\n", "line 18: ::: closes a block that was not opened"),
        ("# Module\n::: knowledge-check\nquestions: [\n:::\n", "not valid YAML"),
        (
            "# Module\n::: knowledge-check\nquestions:\n  - text: Q\n    optoins: []\n:::\n",
            "question 1: a question has",
        ),
        ("# Module\n::: knowledge-check\npass: 5\n:::\n", "a knowledge check has “pass_mark:”"),
        ("# Module\nSee [x](ftp://example.org)\n", "line 18: a link must start with"),
        ("# Same\n\n# Same\n", "two modules have the same slug"),
        ("\n", "no modules"),
    ],
)
def test_mistakes_in_a_course_file_name_the_file_and_line(tmp_path, body, message):
    path = course_file(tmp_path, body)
    with pytest.raises(CourseFileError, match=re.escape(message)) as error:
        read_course_file(path)
    assert str(error.value).startswith("01-a-course.md")


def test_course_details_must_be_the_course_fields(tmp_path):
    path = course_file(tmp_path, "# Module\n", front=FRONT_MATTER.replace("level:", "levle:"))
    with pytest.raises(CourseFileError, match="course details unknown: levle; missing: level"):
        read_course_file(path)
    path = course_file(
        tmp_path, "# Module\n", front=FRONT_MATTER.replace("duration_minutes: 30", "duration_minutes: half an hour")
    )
    with pytest.raises(CourseFileError, match="duration_minutes has the wrong kind of value"):
        read_course_file(path)


def test_the_blocks_own_validation_rejects_a_check_without_a_right_answer_and_a_second_check(tmp_path):
    path = course_file(tmp_path, "# Module\n" + CHECK.replace("        correct: true\n", ""))
    with pytest.raises(CourseFileError, match="Mark at least one option as correct"):
        validate_body(read_course_file(path).modules[0].body, "here")
    path = course_file(tmp_path, "# Module\n" + CHECK + CHECK)
    with pytest.raises(CourseFileError, match="at most 1 knowledge check per module"):
        validate_body(read_course_file(path).modules[0].body, "here")


# --- The demo's course files ----------------------------------------------------------------------------------


def prose_words(html: str) -> int:
    return len(re.sub(r"<[^>]+>", " ", html).split())


def test_the_demo_files_hold_nine_courses_and_32_modules_each_with_a_valid_knowledge_check():
    courses = demo.demo_courses()
    assert len(courses) == 9
    modules = [module for course in courses for module in course.modules]
    assert len(modules) == 32
    check_block = KnowledgeCheckBlock()
    words = 0
    for module in modules:
        checks = [block["value"] for block in module.body if block["type"] == "knowledge_check"]
        assert len(checks) == 1, module.slug
        check_block.clean(check_block.to_python(checks[0]))  # raises if a question has no right answer, etc.
        for block in module.body:
            if block["type"] in ("heading", "paragraph"):
                words += prose_words(block["value"])
            elif block["type"] == "callout":
                words += prose_words(block["value"]["heading"]) + prose_words(block["value"]["text"])
    assert words > 14_000  # about 14,700 words of teaching: nothing lost on the way from the files


def stored_body(module: ModulePage) -> list[dict]:
    def without_ids(value):
        if isinstance(value, dict):
            return {key: without_ids(inner) for key, inner in value.items() if key != "id"}
        if isinstance(value, list):
            return [without_ids(inner) for inner in value]
        return value

    return without_ids(list(module.body.raw_data))


@pytest.mark.django_db
def test_the_demo_files_load_as_course_and_module_pages_with_the_files_content():
    home_demo.load(io.StringIO())
    index = HomePage.objects.get().add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    courses, new_courses, new_modules = demo.load_courses(index)
    assert (new_courses, new_modules) == (9, 32)
    assert CoursePage.objects.count() == 9 and ModulePage.objects.count() == 32
    for course_file in demo.demo_courses():
        page = courses[course_file.fields["slug"]]
        assert (page.title, page.cpd_hours, page.level) == (
            course_file.fields["title"],
            course_file.fields["cpd_hours"],
            course_file.fields["level"],
        )
        pages = ModulePage.objects.child_of(page).order_by("path")
        assert [(m.title, m.slug) for m in pages] == [(m.title, m.slug) for m in course_file.modules]
        for module_page, module_file in zip(pages, course_file.modules, strict=True):
            assert stored_body(module_page) == module_file.body, module_file.slug
    assert demo.load_courses(index)[1:] == (0, 0)


@pytest.mark.django_db
def test_a_document_block_adds_its_file_once_as_a_wagtail_document(tmp_path):
    (tmp_path / "leaflets").mkdir()
    (tmp_path / "leaflets" / "plan.pdf").write_bytes(b"%PDF-1.4 a safety plan")
    course_file(
        tmp_path,
        "# One\n::: document leaflets/plan.pdf The safety plan\n"
        + CHECK
        + "# Two\n::: document leaflets/plan.pdf\n"
        + CHECK,
    )
    home_demo.load(io.StringIO())
    index = HomePage.objects.get().add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    demo.load_courses(index, tmp_path)
    document = get_document_model().objects.get()
    assert document.title == "The safety plan"
    blocks = [module.body[0] for module in ModulePage.objects.order_by("path")]
    assert [(block.value["document"], block.value["title"]) for block in blocks] == [
        (document, "The safety plan"),
        (document, ""),
    ]


@pytest.mark.django_db
def test_load_demo_stops_at_a_bad_course_file_with_its_name_and_line_and_changes_nothing(tmp_path, monkeypatch):
    course_file(tmp_path, "# Module\n::: callout loud Hey\nText\n:::\n")
    monkeypatch.setattr(demo, "COURSES_FOLDER", tmp_path)
    pages = HomePage.objects.count()
    with pytest.raises(CommandError, match=re.escape("01-a-course.md, line 18: a callout is one of")):
        call_command("load_demo", stdout=io.StringIO())
    assert HomePage.objects.count() == pages and not CoursePage.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("old", "new", "named"),
    [
        ("prerequisites: []", "prerequisites: [nope]", "nope"),
        ("topics: [domestic_abuse]", "topics: [domestic-abuse]", "domestic-abuse"),
        ("level: awareness", "level: awarness", "awarness"),
        ("delivery: elearning", "delivery: awareness", "awareness"),
    ],
)
def test_load_demo_names_what_a_course_file_refers_to_that_does_not_exist(tmp_path, monkeypatch, old, new, named):
    course_file(tmp_path, "# Module\n::: document ../outside.pdf\n" + CHECK, front=FRONT_MATTER.replace(old, new))
    (tmp_path.parent / "outside.pdf").write_bytes(b"%PDF-1.4")  # there, but not beside the course files
    monkeypatch.setattr(demo, "COURSES_FOLDER", tmp_path)
    message = f"no such level, delivery, topic, demo course or document: {named}, ../outside.pdf"
    with pytest.raises(CommandError, match=re.escape(message) + "$"):
        call_command("load_demo", stdout=io.StringIO())
    assert not CoursePage.objects.exists()
