"""The permission matrix: every URL the site routes, requested with GET as every role, against the table below
(which mirrors the README's permission table).

The URLs come from walking Django's URL resolver (Wagtail's admin, allauth, the API, every
app's urls) plus the Wagtail page tree, so a new URL is requested without anyone remembering to add it; a URL
whose parameters the test cannot fill, or that has no row in the expected table, fails the test with a message
saying where to add it. Each role's test also fails on any 5xx, and on any page that shows a champion's work
email or phone to someone the champion did not share them with (DESIGN.md: "Work email and phone are shown only
to other active champions, and only if the champion chose to share them"). The deliberate exception is the
admin for training managers and superusers, who manage people's accounts and so see their addresses.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urlparse

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.models import Collection, Page, Site, Task, Workflow

from accounts.roles import PARTNER_LEADS, TRAINERS, TRAINING_MANAGERS
from tests.factories import CoursePageFactory, ModulePageFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "learner", "champion", "trainer", "training_manager", "partner_lead", "superuser")

# Status classes.
OK = "ok"  # 2xx
LOGIN = "login"  # a redirect to a sign-in page
REFUSED = "refused"  # 401/403/404/405, or Wagtail's "no permission" redirect to the admin dashboard
REDIRECT = "redirect"  # any other redirect (e.g. a signed-in person sent on from the sign-in page)
BAD_REQUEST = "bad request"  # 400: a GET without the query the view needs
SERVER_ERROR = "5xx"

# allauth's sign-in; /admin/login/ only redirects there (Wagtail's admin sends unknown admin paths to it first).
SIGN_IN_PATHS = {"/accounts/login/", "/admin/login/"}


def classify(path: str, response) -> str:
    status = response.status_code
    if status >= 500:
        return SERVER_ERROR
    if 200 <= status < 300:
        return OK
    if status in (301, 302, 303, 307, 308):
        target = urlparse(response["Location"]).path
        if target in SIGN_IN_PATHS:
            return LOGIN
        if target == "/admin/" and path != "/admin/" and path.startswith("/admin/"):
            return REFUSED  # wagtail.admin.auth.permission_denied
        return REDIRECT
    if status == 400:
        return BAD_REQUEST
    if status in (401, 403, 404, 405, 410):
        return REFUSED
    return str(status)


# --- The world every role's requests run against --------------------------------------------------------------

SECRET_EMAIL = "hidden.champion@secret-example.org"  # the sign-in address of a champion who does not share
SECRET_WORK_EMAIL = "hidden.work@secret-example.org"
SECRET_PHONE = "07700 900461"
SHARED_EMAIL = "sharing.work@shared-example.org"  # a champion who shares with other active champions
SHARED_PHONE = "07700 900462"


@dataclasses.dataclass
class World:
    users: dict
    organisation: object
    course_index: object
    course: object
    module: object
    directory: object
    standard_page: object
    secret_champion: object
    sharing_champion: object
    certificate: object
    completion: object
    revision: object
    network_event: object
    board_report: object
    api_token: object
    document: object
    image: object
    redirect: object
    job: object
    scorm_package: object = None


def _champion(user, course, manager, *, share: bool, work_email: str = "", work_phone: str = ""):
    from champions import services
    from tests.champions.conftest import apply_with_agreement, certify

    certify(user, course)
    profile = apply_with_agreement(user)
    profile = services.approve(profile, by=manager)
    return services.update_profile(
        profile,
        bio="I can help colleagues with safety planning.",
        specialisms=[],
        languages=[],
        districts=[user.district],
        visible_in_directory=True,
        share_contact_details=share,
        work_email=work_email,
        work_phone=work_phone,
    )


def build_world() -> World:
    import io

    from champions.models import ChampionDirectoryPage, NetworkEvent
    from courses.models import Completion, CourseIndexPage
    from home import demo
    from reports import services as report_services
    from reports.models import BoardReport
    from tests.champions.conftest import certify

    demo.load(io.StringIO())
    home = Site.objects.get(is_default_site=True).root_page
    standard_page = Page.objects.get(slug="get-help-now").specific
    course_index = CourseIndexPage.objects.first() or home.add_child(
        instance=CourseIndexPage(title="Courses", slug="courses")
    )
    course = CoursePageFactory(
        parent=course_index, title="Champion training", slug="champion-training", is_champion_training=True
    )
    module = ModulePageFactory(parent=course, title="Recognising abuse", slug="recognising-abuse")
    scorm_package = _scorm_package(course)
    directory = ChampionDirectoryPage.objects.first() or home.add_child(
        instance=ChampionDirectoryPage(title="Champion directory", slug="champion-directory")
    )
    revision = course.save_revision()

    organisation = OrganisationFactory(name="Matrix Organisation")
    users = {
        "learner": UserFactory(organisation=organisation, full_name="Matrix Learner"),
        "champion": UserFactory(organisation=organisation, full_name="Matrix Champion"),
        "trainer": UserFactory(groups=[TRAINERS], full_name="Matrix Trainer"),
        "training_manager": UserFactory(groups=[TRAINING_MANAGERS], full_name="Matrix Manager"),
        # In the secret champion's organisation: a partner lead reads their own organisation's staff list.
        "partner_lead": UserFactory(groups=[PARTNER_LEADS], organisation=organisation, full_name="Matrix Lead"),
        "superuser": UserFactory(is_superuser=True, is_staff=True, full_name="Matrix Admin"),
    }
    manager = users["training_manager"]
    _champion(users["champion"], course, manager, share=True)
    secret_user = UserFactory(organisation=organisation, email=SECRET_EMAIL, full_name="Hidden Champion")
    secret_champion = _champion(
        secret_user, course, manager, share=False, work_email=SECRET_WORK_EMAIL, work_phone=SECRET_PHONE
    )
    sharing_user = UserFactory(full_name="Sharing Champion")
    sharing_champion = _champion(
        sharing_user, course, manager, share=True, work_email=SHARED_EMAIL, work_phone=SHARED_PHONE
    )
    certificate = certify(users["learner"], course)
    completion = Completion.objects.get(pk=certificate.completion_id)

    now = timezone.now()
    network_event = NetworkEvent.objects.create(
        title="Champion forum",
        starts_at=now + timezone.timedelta(days=7),
        ends_at=now + timezone.timedelta(days=7, hours=2),
        venue="Town hall",
        created_by=manager,
    )
    board_report = BoardReport.objects.create(period="2025-26-Q1", requested_by=manager)
    api_token, _secret = report_services.create_api_token(users["partner_lead"], "Dashboard")

    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    document = Document.objects.create(title="Handout", file=ContentFile(b"handout", name="handout.txt"))
    image = Image.objects.create(title="Logo", file=get_test_image_file())
    redirect = Redirect.objects.create(old_path="/old-page", redirect_link="/")
    from home import services as jobs

    job = jobs.create_job("courses.import_completions", manager, "Import of history.csv")
    return World(
        users=users,
        organisation=organisation,
        course_index=course_index,
        course=course,
        module=module,
        directory=directory,
        standard_page=standard_page,
        secret_champion=secret_champion,
        sharing_champion=sharing_champion,
        certificate=certificate,
        completion=completion,
        revision=revision,
        network_event=network_event,
        board_report=board_report,
        api_token=api_token,
        document=document,
        image=image,
        redirect=redirect,
        job=job,
        scorm_package=scorm_package,
    )


def _scorm_package(course):
    """A SCORM module with a ready package of one file (as the upload's check leaves it)."""
    from django.core.files.storage import default_storage

    from courses.models import ScormModulePage, ScormPackage

    scorm_module = ScormModulePage(
        title="Coercive control", slug="coercive-control", body=[{"type": "paragraph", "value": "<p>Intro</p>"}]
    )
    course.add_child(instance=scorm_module)
    item = {"identifier": "SCO-1", "title": "Part one", "launch": "index.html", "is_sco": True, "level": 0}
    package = ScormPackage.objects.create(
        module=scorm_module,
        version_number=1,
        status=ScormPackage.Status.READY,
        scorm_version="1.2",
        manifest={"version": "1.2", "items": [item]},
        file_name="package.zip",
    )
    default_storage.save(f"{package.storage_prefix}index.html", ContentFile(b"<!DOCTYPE html><title>SCO</title>"))
    return package


def _taught_session_date(w: World):
    """A date of a session the world's trainer teaches, started five minutes ago (its register and check-in
    code open), made the first time a route asks for it."""
    if not hasattr(w, "_session_date"):
        from courses.models import SessionDate, TrainingSession

        start = timezone.now() - timezone.timedelta(minutes=5)
        session = TrainingSession.objects.create(
            course=w.course,
            district=w.users["learner"].district,
            capacity=10,
            starts_at=start,
            ends_at=start + timezone.timedelta(hours=3),
            venue_name="Matrix Hall",
        )
        session.trainers.set([w.users["trainer"]])
        w._session_date = SessionDate.objects.create(session=session, starts_at=start, ends_at=session.ends_at)
    return w._session_date


# --- Filling URL parameters ------------------------------------------------------------------------------------

NO_SUCH_ID = 999999  # for objects the test does not create: the view must refuse it (404), never fail (5xx)

# Parameter name -> value, for every route that has the parameter (unless PARAMETERS_BY_ROUTE says otherwise).
PARAMETERS = {
    "course_id": lambda w: w.course.pk,
    "completion_id": lambda w: w.completion.pk,
    "certificate_id": lambda w: w.certificate.pk,
    "code": lambda w: w.certificate.code,
    "organisation_id": lambda w: w.organisation.pk,
    "token_id": lambda w: w.api_token.pk,
    "report_id": lambda w: w.board_report.pk,
    "page_id": lambda w: w.course.pk,
    "parent_page_id": lambda w: w.course_index.pk,
    "page_to_move_id": lambda w: w.module.pk,
    "destination_id": lambda w: w.course_index.pk,
    "revision_id": lambda w: w.revision.pk,
    "content_type_app_name": lambda w: "courses",
    "content_type_model_name": lambda w: "coursepage",
    "document_id": lambda w: w.document.pk,
    "doc_id": lambda w: w.document.pk,
    "image_id": lambda w: w.image.pk,
    "filter_spec": lambda w: "fill-80x80",
    "redirect_id": lambda w: w.redirect.pk,
    "collection_id": lambda w: Collection.get_first_root_node().pk,
    "task_id": lambda w: Task.objects.first().pk,
    "task_state_id": lambda w: NO_SUCH_ID,
    "workflow_state_id": lambda w: NO_SUCH_ID,
    "uploaded_file_id": lambda w: NO_SUCH_ID,
    "session_id": lambda w: NO_SUCH_ID,
    "restriction_id": lambda w: NO_SUCH_ID,
    "page_view_restriction_id": lambda w: NO_SUCH_ID,
    "action_name": lambda w: "approve",
    "job_id": lambda w: w.job.pk,
    "token": lambda w: "not-a-real-token",
    "uidb64": lambda w: "MQ",
    "uidb36": lambda w: "1",
    "key": lambda w: "not-a-real-key",
    "page_pk": lambda w: w.course.pk,
    "workflow_pk": lambda w: Workflow.objects.first().pk,
    "export_id": lambda w: _learner_export(w).pk,
    "date_id": lambda w: _taught_session_date(w).pk,
}


def _learner_export(world: World):
    """The learner's own subject-access export (made once, through the service, as the data page does)."""
    if not hasattr(world, "learner_export"):
        from privacy import services as privacy_services

        learner = world.users["learner"]
        world.learner_export = privacy_services.request_export(learner, by=learner)
    return world.learner_export


def _training_session(world: World):
    """A session of the world's course (made on first use), with no bookings: its admin pages answer a GET."""
    from courses.models import SessionDate, TrainingSession
    from courses.sessions import services

    # Not the session the world's trainer teaches (``_taught_session_date``): its admin pages are refused to them.
    session = TrainingSession.objects.filter(course=world.course, trainers=None).first()
    if session is None:
        start = timezone.now() + timezone.timedelta(days=10)
        session = TrainingSession.objects.create(
            course=world.course, capacity=12, district=world.users["learner"].district, venue_name="Fenland Hall"
        )
        SessionDate.objects.create(session=session, starts_at=start, ends_at=start + timezone.timedelta(hours=6))
        services.refresh_span(session)
    return session


# Route name (or namespace followed by ":") -> its own parameter values, where a name means different things.
PARAMETERS_BY_ROUTE = {
    "wagtailsnippets_accounts_organisation:": {"pk": lambda w: w.organisation.pk},
    "wagtailsnippetchoosers_accounts_organisation:": {"pk": lambda w: w.organisation.pk},
    "wagtailsnippets_accounts_district:": {"pk": lambda w: w.users["learner"].district_id},
    "wagtailsnippetchoosers_accounts_district:": {"pk": lambda w: w.users["learner"].district_id},
    "wagtailsnippets_accounts_sector:": {"pk": lambda w: w.organisation.sector_id},
    "wagtailsnippetchoosers_accounts_sector:": {"pk": lambda w: w.organisation.sector_id},
    "wagtailadmin_collections:": {"pk": lambda w: Collection.get_first_root_node().pk},
    "wagtailadmin_workflows:": {"pk": lambda w: Workflow.objects.first().pk},
    "wagtailadmin_workflows:edit_task": {"pk": lambda w: Task.objects.first().pk},
    "wagtailadmin_workflows:disable_task": {"pk": lambda w: Task.objects.first().pk},
    "wagtailadmin_workflows:enable_task": {"pk": lambda w: Task.objects.first().pk},
    "wagtailadmin_workflows:add_task": {"app_label": lambda w: "wagtailcore", "model_name": lambda w: "grouptask"},
    "wagtailadmin_api:pages:": {"pk": lambda w: w.course.pk, "action_name": lambda w: "copy"},
    "wagtailadmin_api:documents:": {"pk": lambda w: w.document.pk},
    "wagtailadmin_api:images:": {"pk": lambda w: w.image.pk},
    "wagtailadmin_pages:revisions_compare": {
        "pk": lambda w: w.course.pk,
        "revision_id_a": lambda w: "earliest",
        "revision_id_b": lambda w: "latest",
    },
    "wagtailadmin_pages:choose_parent": {"app_label": lambda w: "courses", "model_name": lambda w: "modulepage"},
    "wagtailadmin_tag_model_autocomplete": {"app_name": lambda w: "wagtaildocs", "model_name": lambda w: "document"},
    "wagtailadmin_editing_sessions:ping": {
        "app_label": lambda w: "wagtailcore",
        "model_name": lambda w: "page",
        "object_id": lambda w: str(w.course.pk),
    },
    "wagtail_bulk_action": {
        "app_label": lambda w: "accounts",
        "model_name": lambda w: "user",
        "action": lambda w: "set_active_state",
    },
    "wagtailsettings:": {
        "app_name": lambda w: "home",
        "model_name": lambda w: "sitesettings",
        "pk": lambda w: Site.objects.get(is_default_site=True).pk,
    },
    "wagtailusers_users:": {"pk": lambda w: w.users["learner"].pk},
    "wagtailusers_groups:": {"pk": lambda w: Group.objects.get(name=TRAINERS).pk},
    "wagtailsites:": {"pk": lambda w: Site.objects.get(is_default_site=True).pk},
    "certificates_admin:": {"pk": lambda w: w.certificate.pk},
    "scorm_admin:upload": {"module_id": lambda w: w.scorm_package.module_id},
    "scorm_admin:attempts": {"module_id": lambda w: w.scorm_package.module_id},
    "scorm_admin:withdraw": {"package_id": lambda w: w.scorm_package.pk},
    "scorm:content": {"package_id": lambda w: w.scorm_package.pk, "path": lambda w: "index.html"},
    "scorm:commit": {"attempt_id": lambda w: NO_SUCH_ID},
    "sessions:": {"session_id": lambda w: _training_session(w).pk, "booking_id": lambda w: NO_SUCH_ID},
    "training_sessions:": {"pk": lambda w: _training_session(w).pk},
    "network_events:": {"pk": lambda w: w.network_event.pk},
    "champions_admin:champion": {"pk": lambda w: w.secret_champion.pk},
    "champions_admin:event_register": {"pk": lambda w: w.network_event.pk},
    "champions:agreement": {"token": lambda w: _agreement_token(w)},
    "champions:check_in": {"token": lambda w: _check_in_token(w)},
    "privacy_admin:request": {"pk": lambda w: NO_SUCH_ID},
    "privacy_admin:person": {"pk": lambda w: w.users["learner"].pk},
    "wagtaildocs_chooser:chosen": {"pk": lambda w: str(w.document.pk)},
    "wagtailimages_chooser:chosen": {"pk": lambda w: str(w.image.pk)},
}

# Routes without a name, or with positional groups: the URL to request (or {label: URL} for several), by the
# route's full pattern.
EXPLICIT_URLS = {
    "admin/test404/": lambda w: "/admin/test404/",
    "admin/^.*/$": lambda w: "/admin/no-such-screen/",
    "api/v1/^.*$": lambda w: "/api/v1/no-such-endpoint/",
    "documents/^(\\d+)/(.*)$": lambda w: f"/documents/{w.document.pk}/handout.txt",
    # Wagtail's page serving: every live page in the tree, and the champion directory's own routes.
    "^((?:[\\w\\-]+/)*)$": lambda w: {
        **{f"page {page.specific_class.__name__} {page.slug}": page.url for page in _live_pages()},
        "champion directory search": w.directory.url + "?q=champion",
        "champion page (does not share)": w.directory.url + f"{w.secret_champion.pk}/",
        "champion contact form (does not share)": w.directory.url + f"{w.secret_champion.pk}/contact/",
        "champion page (shares)": w.directory.url + f"{w.sharing_champion.pk}/",
    },
}


def _token_of(link: str) -> str:
    return link.rstrip("/").rsplit("/", 1)[-1]


def _agreement_token(w) -> str:
    """The secret champion's line-manager agreement link (answered: it shows the answer to anyone holding it)."""
    from champions import agreements

    return _token_of(agreements.link_for(agreements.current_agreement(w.secret_champion)))


def _check_in_token(w) -> str:
    """A yearly check-in of the champion role's own: only they may open it (after signing in)."""
    import datetime

    from champions import check_ins
    from champions.models import ChampionCheckIn

    check_in, _ = ChampionCheckIn.objects.get_or_create(
        profile=w.users["champion"].champion_profile, due_on=datetime.date(2025, 1, 1)
    )
    return _token_of(check_ins.link_for(check_in))


def _live_pages():
    return Page.objects.live().filter(depth__gt=1).specific().order_by("path")


@dataclasses.dataclass(frozen=True)
class Route:
    key: str  # the route's name, or its full pattern where it has none
    name: str | None
    pattern: str
    parameters: tuple[str, ...]
    positional: int


def walk(patterns=None, prefix: str = "", namespace: str | None = None, params=(), positional: int = 0):
    """Every URL pattern under the root URLconf, with its full pattern, name and parameter names."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        regex = entry.pattern.regex
        names = tuple(regex.groupindex)
        unnamed = regex.groups - len(names)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(
                entry.url_patterns, prefix + str(entry.pattern), inner, params + names, positional + unnamed
            )
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            full = prefix + str(entry.pattern)
            yield Route(name or full, name, full, params + names, positional + unnamed)


def routes() -> list[Route]:
    """``walk()``, with a route whose name is used by more than one pattern keyed by its name and pattern."""
    found = list(walk())
    names = [route.name for route in found if route.name]
    return [
        dataclasses.replace(route, key=f"{route.name} [{route.pattern}]")
        if route.name and names.count(route.name) > 1
        else route
        for route in found
    ]


def _route_parameters(route: Route) -> dict:
    table = dict(PARAMETERS)
    name = route.name or ""
    # Broader entries first (namespace, name prefix), the exact route name last.
    for key in sorted(PARAMETERS_BY_ROUTE, key=len):
        if name == key or (key.endswith((":", "_")) and name.startswith(key)):
            table.update(PARAMETERS_BY_ROUTE[key])
    return table


def urls_for(route: Route, world: World) -> dict[str, str]:
    """The concrete URLs to request for a route, by their key in EXPECTED (the route's, or the route's and a
    label where one route serves several pages); raises LookupError naming what to add where."""
    explicit = EXPLICIT_URLS.get(route.pattern) or EXPLICIT_URLS.get(route.key)
    if explicit:
        urls = explicit(world)
        if isinstance(urls, dict):
            return {f"{route.key} | {label}": url for label, url in urls.items()}
        return {route.key: urls}
    if route.name is None or route.positional:
        raise LookupError(f"{route.pattern!r} has no name or has positional groups: add its URLs to EXPLICIT_URLS")
    table = _route_parameters(route)
    missing = [p for p in route.parameters if p not in table]
    if missing:
        raise LookupError(
            f"{route.key} ({route.pattern}): add {', '.join(missing)} to PARAMETERS or PARAMETERS_BY_ROUTE"
        )
    kwargs = {p: table[p](world) for p in route.parameters}
    return {route.key: reverse(route.name, kwargs=kwargs)}


# --- What each role gets --------------------------------------------------------------------------------------


# One expected class for each role, in ROLES order; a set where either outcome is acceptable (explicit only).
def expect(anonymous, learner, champion, trainer, training_manager, partner_lead, superuser) -> dict:
    return dict(
        zip(ROLES, (anonymous, learner, champion, trainer, training_manager, partner_lead, superuser), strict=True)
    )


EVERYONE = expect(OK, OK, OK, OK, OK, OK, OK)
SIGNED_IN = expect(LOGIN, OK, OK, OK, OK, OK, OK)

# Profiles (one expected class per role, in ROLES order).
# The Wagtail admin's screens for training managers (and superusers): pages, learning, champions, measures,
# certificates, events, organisations, and learners' accounts (a staff member's account is a superuser's alone).
MANAGERS = expect(LOGIN, LOGIN, LOGIN, REFUSED, OK, LOGIN, OK)
# Wagtail admin settings for superusers only: collections, workflows, redirects, site settings, districts and
# sectors (changes), groups, sites, deleting accounts.
SUPERUSERS = expect(LOGIN, LOGIN, LOGIN, REFUSED, REFUSED, LOGIN, OK)
# The Wagtail admin's dashboard, choosers and read-only lists for everyone with admin access (trainers too).
ADMIN_STAFF = expect(LOGIN, LOGIN, LOGIN, OK, OK, LOGIN, OK)
# Admin URLs that answer a GET with a refusal even for those allowed in: POST-only actions, or ids that do
# not exist in the test (NO_SUCH_ID).
ADMIN_NO_GET = expect(LOGIN, LOGIN, LOGIN, REFUSED, REFUSED, LOGIN, REFUSED)
# Public: the site's public pages, certificate verification, the API's schema and docs, allauth's
# password-reset and email-confirmation pages, Wagtail's static sprite and translations.
EVERYONE = expect(OK, OK, OK, OK, OK, OK, OK)
# Anyone signed in: their own profile, email addresses, password, two-step settings and learning record;
# the champion directory (complete profiles only).
SIGNED_IN = expect(LOGIN, OK, OK, OK, OK, OK, OK)
# Signed-in people are sent on: nothing to confirm or set up (TOTP already active, no pending code), or the
# next step of a course.
SIGNED_IN_SENT_ON = expect(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT)
# Refused to every session: the partner API (token only), POST-only revocation, unknown API paths, password
# forms of restrictions that do not exist.
NOBODY = expect(REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED)
# Signed in but not applicable: no recovery codes yet; applying to be a champion without the certificate.
SIGNED_IN_NOT_APPLICABLE = expect(LOGIN, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED)
# Active champions only: their directory profile, activity log and withdrawal.
CHAMPIONS = expect(LOGIN, REDIRECT, OK, REDIRECT, REDIRECT, REDIRECT, REDIRECT)
# Manager screens that send a GET on (to choose a page type, or back to the enrolment list).
MANAGERS_SENT_ON = expect(LOGIN, LOGIN, LOGIN, REFUSED, REDIRECT, LOGIN, REDIRECT)
# allauth's sign-in and sign-up pages: signed-in people are sent on.
SIGN_IN_PAGES = expect(OK, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT)
# One learner's own certificate download and evaluation: nobody else's (not even a superuser's session).
OWN_LEARNING = expect(LOGIN, OK, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED)
# A champion's own yearly check-in link: nobody else's session opens it.
OWN_CHECK_IN = expect(LOGIN, REFUSED, OK, REFUSED, REFUSED, REFUSED, REFUSED)
# Partner figures and partner API tokens: partner leads, training managers and superusers.
PARTNER_FIGURES = expect(LOGIN, REFUSED, REFUSED, REFUSED, OK, OK, OK)
# A partner lead's own organisation's staff list (and its audited download).
OWN_ORGANISATION_STAFF = expect(LOGIN, REFUSED, REFUSED, REFUSED, REFUSED, OK, REFUSED)

EXPECTED: dict[str, dict] = {
    **dict.fromkeys(
        [
            "wagtailadmin_api:pages:detail",
            "wagtailadmin_explore_root",
            "wagtailadmin_explore",
            "wagtailadmin_explore_results",
            "wagtailadmin_pages:add",
            "wagtailadmin_pages:preview_on_add",
            "wagtailadmin_pages:type_use",
            "wagtailadmin_pages:type_use_results",
            "wagtailadmin_pages:usage",
            "wagtailadmin_pages:edit",
            "wagtailadmin_pages:preview_on_edit",
            "wagtailadmin_pages:view_draft",
            "wagtailadmin_pages:unpublish",
            "wagtailadmin_pages:search",
            "wagtailadmin_pages:search_results",
            "wagtailadmin_pages:move",
            "wagtailadmin_pages:copy",
            "wagtailadmin_pages:set_privacy",
            "wagtailadmin_pages:revisions_view",
            "wagtailadmin_pages:revisions_revert",
            "wagtailadmin_pages:revisions_unschedule",
            "wagtailadmin_pages:revisions_compare",
            "wagtailadmin_pages:workflow_history",
            "wagtailadmin_pages:history",
            "wagtailadmin_pages:history_results",
            "wagtailadmin_reports:locked_pages",
            "wagtailadmin_reports:locked_pages_results",
            "wagtailadmin_reports:workflow",
            "wagtailadmin_reports:workflow_results",
            "wagtailadmin_reports:workflow_tasks",
            "wagtailadmin_reports:workflow_tasks_results",
            "wagtailadmin_reports:aging_pages",
            "wagtailadmin_reports:aging_pages_results",
            "wagtailadmin_reports:page_types_usage",
            "wagtailadmin_reports:page_types_usage_results",
            "courses_admin:import_completions",
            "courses_admin:enrol_people",
            "courses_admin:assign_course",
            "courses_admin:assignments",
            "champions_admin:champions",
            "champions_admin:champion",
            "champions_admin:event_register",
            "champions_admin:activity",
            "reports_admin:dashboard",
            "reports_admin:completions_export",
            "wagtailforms:index",
            "wagtailforms:index_results",
            "wagtaildocs:index",
            "wagtaildocs:index_results",
            "wagtaildocs:add",
            "wagtaildocs:edit",
            "wagtaildocs:delete",
            "wagtaildocs:add_multiple",
            "wagtaildocs:document_usage",
            "wagtailimages:index",
            "wagtailimages:index_results",
            "wagtailimages:edit",
            "wagtailimages:delete",
            "wagtailimages:preview",
            "wagtailimages:add",
            "wagtailimages:image_usage",
            "wagtailimages:add_multiple",
            "wagtailsnippets_accounts_organisation:add",
            "wagtailsnippets_accounts_organisation:edit",
            "wagtailsnippets_accounts_organisation:usage",
            "wagtailsnippets_accounts_organisation:history",
            "wagtailsnippets_accounts_organisation:history_results",
            "wagtailsnippets_accounts_organisation:copy",
            "wagtailsnippetchoosers_accounts_organisation:create",
            "wagtailsnippets_accounts_district:list",
            "wagtailsnippets_accounts_district:list_results",
            "wagtailsnippets_accounts_sector:list",
            "wagtailsnippets_accounts_sector:list_results",
            "certificates_admin:index",
            "certificates_admin:index_results",
            "certificates_admin:history",
            "certificates_admin:history_results",
            "certificates_admin:usage",
            "certificates_admin:edit",
            "certificates_admin:revoke",
            "certificates_admin:reinstate",
            "certificates_admin:reissue",
            "certificates_admin:pdf",
            "certificates_admin:export",
            "training_sessions:add",
            "training_sessions:copy",
            "training_sessions:edit",
            "training_sessions:delete",
            "training_sessions:history",
            "training_sessions:history_results",
            "training_sessions:usage",
            "network_events:index",
            "network_events:index_results",
            "network_events:add",
            "network_events:edit",
            "network_events:delete",
            "network_events:history",
            "network_events:history_results",
            "network_events:usage",
            "wagtailusers_users:index",
            "wagtailusers_users:index_results",
            "wagtailusers_users:add",
            "wagtailusers_users:edit",
            "wagtailusers_users:history",
            "wagtailusers_users:history_results",
            "wagtailusers_users:usage",
            "wagtailusers_users:copy",
            "wagtaildocs_chooser:chosen",
            "wagtaildocs_chooser:create",
            "wagtailimages_chooser:chosen",
            "wagtailimages_chooser:create",
            "wagtailimages_chooser:select_format",
        ],
        MANAGERS,
    ),
    **dict.fromkeys(
        [
            "wagtailadmin_pages:delete",
            "wagtailadmin_collections:index",
            "wagtailadmin_collections:add",
            "wagtailadmin_collections:set_privacy",
            "wagtailadmin_workflows:index",
            "wagtailadmin_workflows:index_results",
            "wagtailadmin_workflows:add",
            "wagtailadmin_workflows:disable",
            "wagtailadmin_workflows:edit",
            "wagtailadmin_workflows:usage",
            "wagtailadmin_workflows:usage_results",
            "wagtailadmin_workflows:task_index",
            "wagtailadmin_workflows:task_index_results",
            "wagtailadmin_workflows:edit_task",
            "wagtailadmin_workflows:disable_task",
            "wagtailredirects:index",
            "wagtailredirects:index_results",
            "wagtailredirects:add",
            "wagtailredirects:edit",
            "wagtailredirects:delete",
            "wagtailredirects:start_import",
            "wagtailsnippets_accounts_organisation:delete",
            "wagtailsnippets_accounts_district:add",
            "wagtailsnippets_accounts_district:edit",
            "wagtailsnippets_accounts_district:delete",
            "wagtailsnippets_accounts_district:usage",
            "wagtailsnippets_accounts_district:history",
            "wagtailsnippets_accounts_district:history_results",
            "wagtailsnippets_accounts_district:copy",
            "wagtailsnippetchoosers_accounts_district:create",
            "wagtailsnippets_accounts_sector:add",
            "wagtailsnippets_accounts_sector:edit",
            "wagtailsnippets_accounts_sector:delete",
            "wagtailsnippets_accounts_sector:usage",
            "wagtailsnippets_accounts_sector:history",
            "wagtailsnippets_accounts_sector:history_results",
            "wagtailsnippets_accounts_sector:copy",
            "wagtailsnippetchoosers_accounts_sector:create",
            "wagtailusers_users:delete",
            "wagtailusers_groups:index",
            "wagtailusers_groups:index_results",
            "wagtailusers_groups:add",
            "wagtailusers_groups:edit",
            "wagtailusers_groups:delete",
            "wagtailusers_groups:history",
            "wagtailusers_groups:history_results",
            "wagtailusers_groups:usage",
            "wagtailsites:index",
            "wagtailsites:index_results",
            "wagtailsites:add",
            "wagtailsites:edit",
            "wagtailsites:delete",
            "wagtailsites:history",
            "wagtailsites:history_results",
            "wagtailsites:usage",
            "wagtailsites:copy",
        ],
        SUPERUSERS,
    ),
    **dict.fromkeys(
        [
            "wagtailadmin_home",
            "training_sessions:index",
            "training_sessions:index_results",
            "admin/test404/",
            "wagtailadmin_api:pages:listing",
            "wagtailadmin_api:documents:listing",
            "wagtailadmin_api:documents:detail",
            "wagtailadmin_api:images:listing",
            "wagtailadmin_api:images:detail",
            "wagtailadmin_pages:move_confirm",
            "wagtailadmin_pages:confirm_workflow_cancellation",
            "wagtailadmin_choose_page",
            "wagtailadmin_choose_page_child",
            "wagtailadmin_choose_page_search",
            "wagtailadmin_choose_page_chosen_multiple",
            "wagtailadmin_choose_page_external_link",
            "wagtailadmin_choose_page_email_link",
            "wagtailadmin_choose_page_phone_link",
            "wagtailadmin_choose_page_anchor_link",
            "wagtailadmin_tag_autocomplete",
            "wagtailadmin_workflows:task_chooser",
            "wagtailadmin_workflows:task_chooser_results",
            "wagtailadmin_workflows:task_chooser_create",
            "wagtailadmin_workflows:task_chosen",
            "wagtailadmin_reports:site_history",
            "wagtailadmin_reports:site_history_results",
            "wagtailadmin_account",
            "wagtailadmin_dismissibles",
            "courses_admin:index",
            "courses_admin:course_enrolments",
            # A trainer's own sessions, each date's register and check-in code (another's session: a 404).
            "session_registers:my_sessions",
            "session_registers:register",
            "session_registers:qr",
            "session_registers:qr_image",
            "wagtailembeds:chooser",
            "wagtailembeds:chooser_upload",
            "wagtailsnippets_accounts_organisation:list",
            "wagtailsnippets_accounts_organisation:list_results",
            "wagtailsnippetchoosers_accounts_organisation:choose",
            "wagtailsnippetchoosers_accounts_organisation:choose_results",
            "wagtailsnippetchoosers_accounts_organisation:chosen",
            "wagtailsnippetchoosers_accounts_organisation:chosen_multiple",
            "wagtailsnippetchoosers_accounts_district:choose",
            "wagtailsnippetchoosers_accounts_district:choose_results",
            "wagtailsnippetchoosers_accounts_district:chosen",
            "wagtailsnippetchoosers_accounts_district:chosen_multiple",
            "wagtailsnippetchoosers_accounts_sector:choose",
            "wagtailsnippetchoosers_accounts_sector:choose_results",
            "wagtailsnippetchoosers_accounts_sector:chosen",
            "wagtailsnippetchoosers_accounts_sector:chosen_multiple",
            "wagtaildocs_chooser:choose",
            "wagtaildocs_chooser:choose_results",
            "wagtaildocs_chooser:chosen_multiple",
            "wagtailimages_chooser:choose",
            "wagtailimages_chooser:choose_results",
            "wagtailimages_chooser:chosen_multiple",
        ],
        ADMIN_STAFF,
    ),
    **dict.fromkeys(
        [
            "wagtailadmin_api:pages:find",
            "wagtailadmin_api:pages:action",
            "wagtailadmin_api:documents:find",
            "wagtailadmin_api:images:find",
            "wagtail_bulk_action",
            "wagtailadmin_pages:convert_alias",
            "wagtailadmin_pages:set_page_position",
            "wagtailadmin_pages:workflow_action",
            "wagtailadmin_pages:collect_workflow_action_data",
            "wagtailadmin_pages:workflow_preview",
            "wagtailadmin_pages:lock",
            "wagtailadmin_pages:unlock",
            "wagtailadmin_pages:workflow_history_detail",
            "wagtailadmin_tag_model_autocomplete",
            "wagtailadmin_collections:edit",
            "wagtailadmin_collections:delete",
            "wagtailadmin_workflows:enable",
            "wagtailadmin_workflows:add_task",
            "wagtailadmin_workflows:enable_task",
            "wagtailadmin_logout",
            "wagtailadmin_editing_sessions:ping",
            "wagtailadmin_editing_sessions:release",
            "wagtailadmin_block_preview",
            "reports_admin:request_board_report",
            "reports_admin:download_board_report",
            "wagtailforms:list_submissions",
            "wagtailforms:list_submissions_results",
            "wagtailforms:delete_submissions",
            "wagtailredirects:process_import",
            "wagtailsettings:preview_on_edit",
            "wagtailsnippets:index",
            "wagtaildocs:edit_multiple",
            "wagtaildocs:create_multiple_from_uploaded_document",
            "wagtaildocs:delete_multiple",
            "wagtaildocs:delete_upload_multiple",
            "wagtailimages:url_generator",
            "wagtailimages:url_generator_output",
            "wagtailimages:edit_multiple",
            "wagtailimages:create_multiple_from_uploaded_image",
            "wagtailimages:delete_multiple",
            "wagtailimages:delete_upload_multiple",
            "certificates_admin:export_download",
            "admin/^.*/$",
        ],
        ADMIN_NO_GET,
    ),
    **dict.fromkeys(
        [
            "wagtailadmin_sprite",
            "wagtailadmin_javascript_catalog",
            "wagtaildocs_serve",
            "account_inactive",
            "account_email_verification_sent",
            "account_reset_password",
            "account_confirm_email",
            "account_reset_password_from_key_done",
            "account_reset_password_from_key",
            "account_reset_password_done",
            "certificates:verify",
            "certificates:verify_code",
            "sessions:session",
            "reports_api:schema",
            "reports_api:docs",
            "health",
            "wagtailcore_login",
            "wagtail_serve | page HomePage home",
            "wagtail_serve | page StandardPage get-help-now",
            "wagtail_serve | page CourseIndexPage courses",
            "wagtail_serve | page CoursePage champion-training",
            "champions:agreement",
        ],
        EVERYONE,
    ),
    **dict.fromkeys(
        [
            "accounts:profile",
            "account_reauthenticate",
            "account_email",
            "account_change_password",
            "mfa_index",
            "champions:mine",
            "courses:my_learning",
            "courses:learning_record_csv",
            "session_pages:check_in_confirm",
            "session_pages:calendar_feed",
            "wagtail_serve | page ChampionDirectoryPage champion-directory",
            "wagtail_serve | champion directory search",
            "wagtail_serve | champion page (does not share)",
            "wagtail_serve | champion contact form (does not share)",
            "wagtail_serve | champion page (shares)",
        ],
        SIGNED_IN,
    ),
    **dict.fromkeys(
        [
            "account_set_password",
            "account_confirm_login_code",
            "mfa_authenticate",
            "mfa_activate_totp",
            "mfa_generate_recovery_codes",
            "champions:directory",
            "courses:continue",
            "wagtail_serve | page ModulePage recognising-abuse",
            # A SCORM module's player: for enrolled learners (the others are sent to the course).
            "wagtail_serve | page ScormModulePage coercive-control",
        ],
        SIGNED_IN_SENT_ON,
    ),
    **dict.fromkeys(
        [
            "wagtaildocs_authenticate_with_password",
            "reports:revoke_api_token",
            "sessions:book",
            "sessions:cancel",
            "reports_api:measures",
            "reports_api:periods",
            "api/v1/^.*$",
            "session_pages:calendar_feed_ics",  # an unknown feed token
            "wagtailcore_authenticate_with_password",
        ],
        NOBODY,
    ),
    **dict.fromkeys(
        [
            "mfa_view_recovery_codes",
            "mfa_download_recovery_codes",
            "champions:apply",
            "courses:follow_up",
            "session_pages:reset_calendar_feed",  # POST only
        ],
        SIGNED_IN_NOT_APPLICABLE,
    ),
    **dict.fromkeys(
        [
            "champions:edit",
            "champions:log_activity",
            "champions:withdraw",
        ],
        CHAMPIONS,
    ),
    **dict.fromkeys(
        [
            "wagtailadmin_pages:add_subpage",
            "courses_admin:withdraw_enrolments",
        ],
        MANAGERS_SENT_ON,
    ),
    **dict.fromkeys(
        [
            "account_login",
            "account_signup",
        ],
        SIGN_IN_PAGES,
    ),
    **dict.fromkeys(
        [
            "certificates:download",
            "courses:evaluation",
        ],
        OWN_LEARNING,
    ),
    "champions:check_in": OWN_CHECK_IN,
    **dict.fromkeys(
        [
            "reports:partner_figures",
            "reports:api_tokens",
        ],
        PARTNER_FIGURES,
    ),
    **dict.fromkeys(
        [
            "reports:organisation_staff",
            "reports:organisation_staff_download",
            "courses:assign_to_staff",
        ],
        OWN_ORGANISATION_STAFF,
    ),
    "wagtailadmin_pages:choose_parent": expect(LOGIN, LOGIN, LOGIN, OK, REDIRECT, LOGIN, REDIRECT),
    "wagtailadmin_pages:revisions_index": expect(LOGIN, LOGIN, LOGIN, REDIRECT, REDIRECT, LOGIN, REDIRECT),
    "wagtailadmin_workflows:select_task_type": expect(LOGIN, LOGIN, LOGIN, REFUSED, REFUSED, LOGIN, REDIRECT),
    "account_logout": expect(REDIRECT, OK, OK, OK, OK, OK, OK),
    "mfa_reauthenticate": expect(LOGIN, REDIRECT, REDIRECT, OK, OK, OK, OK),
    "mfa_deactivate_totp": expect(LOGIN, REFUSED, REFUSED, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "courses:catalogue": expect(REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    # Routes with one name for two patterns.
    "wagtailsettings:edit [admin/settings/<slug:app_name>/<slug:model_name>/]": expect(
        LOGIN,
        LOGIN,
        LOGIN,
        REFUSED,
        REFUSED,
        LOGIN,
        REDIRECT,  # on to the default site's settings
    ),
    "wagtailsettings:edit [admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/]": SUPERUSERS,
    "wagtailadmin_workflows:remove [admin/workflows/remove/<int:page_pk>/]": ADMIN_NO_GET,
    "wagtailadmin_workflows:remove [admin/workflows/remove/<int:page_pk>/<int:workflow_pk>/]": ADMIN_NO_GET,
    # Wagtail's own deliberate error page (home.error_test raises, to test error reporting): a 5xx for everyone
    # with admin access, by design. DELIBERATE_5XX lets it through the 5xx check.
    "wagtailadmin_error_test": expect(LOGIN, LOGIN, LOGIN, SERVER_ERROR, SERVER_ERROR, LOGIN, SERVER_ERROR),
    # Wagtail's sign-in and password reset only send people to allauth's (one sign-in, issue 9).
    "admin_sign_in": expect(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN),
    "wagtailadmin_login": expect(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, LOGIN),
    **dict.fromkeys(
        [
            "admin_password_reset",
            "wagtailadmin_password_reset",
            "wagtailadmin_password_reset_done",
            "wagtailadmin_password_reset_confirm",
            "wagtailadmin_password_reset_complete",
        ],
        expect(REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),  # to allauth's reset
    ),
    # A background job's page, progress and file: its owner's alone (the world's job is the manager's import),
    # a 404 for everyone else, superusers included.
    **dict.fromkeys(["jobs:job", "jobs:status"], expect(LOGIN, LOGIN, LOGIN, REFUSED, OK, LOGIN, REFUSED)),
    # The job has not finished, so there is no file yet, for its owner either.
    "jobs:download": expect(LOGIN, LOGIN, LOGIN, REFUSED, REFUSED, LOGIN, REFUSED),
    # SCORM: the packages' screens are the training managers'; withdrawing a version is POST only; the runtime's
    # commit is POST only (and the attempt's owner's alone); a package's files are for managers and for learners
    # with an attempt on that version (nobody in the world has one).
    **dict.fromkeys(["scorm_admin:index", "scorm_admin:upload", "scorm_admin:attempts"], MANAGERS),
    "scorm_admin:withdraw": ADMIN_NO_GET,
    "scorm:commit": NOBODY,
    "scorm:content": expect(LOGIN, REFUSED, REFUSED, REFUSED, OK, REFUSED, OK),
    # Exit this page: ends the session and sends anyone to the site setting's address.
    "exit_this_page": expect(REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    "staying_safe_online": EVERYONE,
    # Data protection: a person's own data page and their export (the world's is the learner's: a 404 for
    # anyone else); asking for an export or an erasure is POST-only; the privacy notice is public.
    "privacy:your_data": SIGNED_IN,
    "privacy:download": OWN_LEARNING,
    **dict.fromkeys(["privacy:request_export", "privacy:request_erasure"], expect(LOGIN, *[REFUSED] * 6)),
    "privacy:notice": EVERYONE,
    # The data protection officer's screens (the role has no column here: tests/privacy hold it to the
    # README's row); of these roles, superusers only. No request exists in the world: a 404 for all.
    **dict.fromkeys(
        ["privacy_admin:requests", "privacy_admin:people", "privacy_admin:person", "privacy_admin:audit"], SUPERUSERS
    ),
    "privacy_admin:request": ADMIN_NO_GET,
    # A check-in code that is not one of ours (the matrix fills in a certificate's code): refused with a message.
    "session_pages:check_in": expect(*[BAD_REQUEST] * 7),
}

# 5xx the test lets through, each for a stated reason.
DELIBERATE_5XX = {"wagtailadmin_error_test"}


def _client_for(role: str, world: World) -> Client:
    client = Client(raise_request_exception=False)
    if role != "anonymous":
        # Staff test users have TOTP set up (tests/factories.py), so a forced sign-in counts as a full one.
        client.force_login(world.users[role])
    return client


def _body(response) -> str:
    content = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    return content.decode("utf-8", errors="replace").lower()


def _leaks(role: str, key: str, path: str, body: str) -> list[str]:
    """The champion contact details this response shows that the role may not see.

    Two deliberate exceptions, both in the README's table: training managers and superusers manage people's
    accounts in the admin and see their details there; a partner lead's download of their own organisation's
    staff list (audited) has each person's sign-in address, which the employer already knows, but never a
    champion's directory work email or phone."""
    in_admin = path.startswith("/admin/")
    staff_exception = role in ("training_manager", "superuser") and in_admin
    found = []
    if not staff_exception:
        secrets = (SECRET_WORK_EMAIL, SECRET_PHONE)
        if not (role == "partner_lead" and key == "reports:organisation_staff_download"):
            secrets += (SECRET_EMAIL,)
        found += [secret for secret in secrets if secret in body]
    if not staff_exception and role != "champion":
        found += [shared for shared in (SHARED_EMAIL, SHARED_PHONE) if shared in body]
    return found


def run_matrix(role: str) -> tuple[dict, list[str]]:
    world = build_world()
    client = _client_for(role, world)
    actual, problems = {}, []
    for route in routes():
        try:
            urls = urls_for(route, world)
        except LookupError as error:
            problems.append(str(error))
            continue
        for key, url in urls.items():
            if role != "anonymous" and "_auth_user_id" not in client.session:
                client.force_login(world.users[role])  # a sign-out URL (Wagtail's signs out on GET) came before
            response = client.get(url)
            outcome = classify(url, response)
            actual[(key, url)] = outcome
            if outcome == SERVER_ERROR and key not in DELIBERATE_5XX:
                problems.append(f"{role} GET {url}: {response.status_code}")
            if response.get("Content-Type", "").startswith(("text/", "application/json")):
                for secret in _leaks(role, key, url, _body(response)):
                    problems.append(f"{role} GET {url} shows {secret!r}, which its champion did not share")
    return actual, problems


@pytest.mark.parametrize("role", ROLES)
def test_every_url_gives_each_role_what_the_permission_table_says(role):
    actual, problems = run_matrix(role)
    for (key, url), outcome in actual.items():
        expected = EXPECTED.get(key)
        if expected is None:
            problems.append(f"{key} ({url}) has no row in EXPECTED: add one (and to the README's table)")
            continue
        wanted = expected[role]
        allowed = set(wanted) if isinstance(wanted, (set, frozenset)) else {wanted}
        if outcome not in allowed:
            problems.append(f"{role} GET {url}: {outcome}, expected {wanted}")
    print(f"permission matrix: {len(actual)} URLs x 1 role ({role})")
    assert not problems, "\n".join(problems)


def test_the_leak_check_sees_details_a_champion_shared_with_another_champion():
    """A control for the matrix's leak check: the details are on the page when the viewer may see them."""
    world = build_world()
    client = _client_for("champion", world)
    shared = _body(client.get(world.directory.url + f"{world.sharing_champion.pk}/"))
    assert SHARED_EMAIL in shared and SHARED_PHONE in shared
    hidden = _body(client.get(world.directory.url + f"{world.secret_champion.pk}/"))
    assert "hidden champion" in hidden
    assert not _leaks("champion", "wagtail_serve", "/champion-directory/", hidden)
    # A learner sees the sharing champion's page, without the details.
    learner_page = _body(_client_for("learner", world).get(world.directory.url + f"{world.sharing_champion.pk}/"))
    assert "sharing champion" in learner_page
    assert _leaks("learner", "wagtail_serve", "/champion-directory/", shared) == [SHARED_EMAIL, SHARED_PHONE]
    assert not _leaks("learner", "wagtail_serve", "/champion-directory/", learner_page)
