import pytest

from tests.factories import UserFactory

pytest_plugins = ["tests.worker_fixtures"]


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def professional(db):
    return UserFactory()


@pytest.fixture
def training_manager(db):
    return UserFactory(groups=["Training managers"], job_title="Training manager")


@pytest.fixture
def demo_site(db):
    """The demo site tree (home page, 'Get help now', site settings) as load_demo makes it."""
    import io

    from home import demo

    demo.load(io.StringIO())
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)
