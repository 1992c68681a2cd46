"""The champion fixtures, for the tests here that walk the whole site."""

from tests.champions.conftest import champion_course, make_champion  # noqa: F401  (fixtures)
