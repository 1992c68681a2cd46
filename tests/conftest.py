import pytest

from tests.factories import UserFactory, enable_totp

pytest_plugins = ["tests.worker_fixtures"]


def pytest_collection_modifyitems(items):
    """A transactional test must restore the reference data (districts, sectors, roles, topics, the
    Wagtail root) that migrations load: without serialized_rollback its flush wipes them for every
    later test, and the next serialized test then collides with the content types post_migrate recreates."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(
                f"{item.nodeid}: use @pytest.mark.django_db(transaction=True, serialized_rollback=True)"
            )


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser (behind its ``admin_client``), with the two-step sign-in staff must have."""
    enable_totp(admin_user)
    return admin_user


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
