"""The README lists the measures' definitions exactly as their functions' docstrings give them."""

from pathlib import Path

from django.conf import settings

from reports import measures as m


def test_the_readme_gives_every_measure_its_docstring_definition():
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    section = readme.split("## The measures", 1)[1]
    for measure in m.MEASURES:
        assert f"| `{measure.name}` | {measure.definition} |" in section, measure.name
