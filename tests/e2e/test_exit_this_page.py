"""'Exit this page' in a real browser, on a phone-sized and a desktop-sized screen.

The exit target (BBC Weather by default) is answered by Playwright's ``page.route`` with a local page, so no
request leaves the machine. The announcements are read from the button's polite live region, as a
screen reader would hear them.
"""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from courses.learning import services
from courses.models import CoursePage, ModulePage
from tests.e2e.test_learner_journey import sign_in
from tests.factories import CourseIndexPageFactory, CoursePageFactory, ModulePageFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TARGET = "https://www.bbc.co.uk/weather"
PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}
LONG_BODY = [{"type": "heading", "value": "Why this matters"}] + [
    {"type": "paragraph", "value": f"<p>Paragraph {n} of a long module: " + "words to read. " * 40 + "</p>"}
    for n in range(1, 16)
]


def _route_exit_target(page) -> list[str]:
    """Answer the exit target with a local page; return the addresses the site's /exit/ redirected to.

    Playwright's routes never see a redirect's target (a redirected request goes straight to the network), so
    the /exit/ request is routed too: the real view runs (``route.fetch`` with the browser's cookies, so the
    session really ends), and its redirect is handed to the browser as a new navigation, which the target's
    route then answers.
    """
    redirected_to = []

    def exit_view(route):
        response = route.fetch(max_redirects=0)
        location = response.headers.get("location", "")
        redirected_to.append(location if response.status == 302 else f"status {response.status}")
        route.fulfill(status=200, headers={"Refresh": f"0; url={location}"}, content_type="text/html", body="")

    def target(route):
        route.fulfill(status=200, content_type="text/html", body="<title>Weather</title><h1>Weather forecast</h1>")

    page.route("**/exit/", exit_view)
    page.route("https://www.bbc.co.uk/**", target)
    return redirected_to


def _long_module(demo_site) -> tuple[CoursePage, ModulePage]:
    cache.clear()
    catalogue = CourseIndexPageFactory(parent=demo_site.root_page)
    course = CoursePageFactory(parent=catalogue, title="Domestic abuse awareness")
    module = ModulePageFactory(parent=course, title="What domestic abuse is", body=LONG_BODY)
    return course, module


def _signed_in_on_scrolled_module(page, demo_site, viewport) -> None:
    course, module = _long_module(demo_site)
    learner = UserFactory()
    services.enrol(learner, course)
    page.set_viewport_size(viewport)
    sign_in(page, learner.email)
    page.goto(module.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("What domestic abuse is")
    page.mouse.wheel(0, 3000)
    page.wait_for_function("window.scrollY > 1000")


def _exit_button(page):
    return page.get_by_role("link", name="Emergency Exit this page")


def _status(page):
    """The button's live region, where the announcements are made."""
    status = page.locator("[data-exit-this-page] [data-exit-this-page-status]")
    expect(status).to_have_attribute("aria-live", "polite")
    return status


def test_pressing_shift_three_times_on_a_scrolled_module_page_on_a_phone_leaves_for_the_exit_target(page, demo_site):
    requested = _route_exit_target(page)
    _signed_in_on_scrolled_module(page, demo_site, PHONE)
    status = _status(page)

    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 2 more times to exit.")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 1 more time to exit.")
    with page.expect_navigation(url=TARGET):
        page.keyboard.press("Shift")
    expect(page.get_by_role("heading", name="Weather forecast")).to_be_visible()
    assert requested == [TARGET]  # through the site's own /exit/

    # The session ended on the way out: back on the site, the learner is signed out.
    page.goto("/learning/")
    expect(page).to_have_url("/accounts/login/?next=/learning/")


def test_the_button_hides_the_page_behind_an_overlay_and_announces_loading(page, demo_site):
    asked = []
    _signed_in_on_scrolled_module(page, demo_site, DESKTOP)
    # The way out fails (as on a lost connection), so the page that was left can be looked at.
    page.route("**/exit/", lambda route: (asked.append(route.request.url), route.abort("aborted")))

    _exit_button(page).click()

    overlay = page.locator("[data-exit-this-page-overlay]")
    expect(overlay).to_have_attribute("role", "alert")
    expect(overlay).to_have_text("Loading.")
    expect(overlay).to_be_visible()
    # The page is hidden, not only covered: nothing behind the overlay can be read or reached with Tab.
    expect(page.get_by_role("heading", level=1)).to_be_hidden()
    expect(_exit_button(page)).to_be_hidden()
    assert page.evaluate("document.body.classList.contains('exit-this-page-hide-content')")
    assert len(asked) == 1 and asked[0].endswith("/exit/")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_exit_button_stays_on_screen_after_scrolling(page, demo_site, viewport, assert_accessible):
    _signed_in_on_scrolled_module(page, demo_site, viewport)
    assert_accessible(page)

    button = _exit_button(page)
    expect(button).to_be_in_viewport()
    box = button.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"] / 4  # at the top of the screen
    if viewport is PHONE:
        assert box["width"] >= viewport["width"] - 1  # a full-width bar on a phone
    # Nothing else is on top of it: a click there reaches the button.
    hit = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('[data-exit-this-page-button]') !== null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert hit


def test_another_key_between_shifts_starts_the_count_again(page, demo_site):
    requested = _route_exit_target(page)
    _signed_in_on_scrolled_module(page, demo_site, PHONE)
    status = _status(page)

    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 1 more time to exit.")
    page.keyboard.press("a")
    expect(status).to_have_text("Exit this page expired.")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 2 more times to exit.")
    # Shift held as a modifier (Shift + A) is not a press of its own.
    page.keyboard.press("Shift+A")
    expect(status).to_have_text("Exit this page expired.")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 1 more time to exit.")
    assert requested == []  # nothing has left yet
    with page.expect_navigation(url=TARGET):
        page.keyboard.press("Shift")


def test_the_skip_link_leaves_too_and_the_page_before_is_usable_after_back(page, demo_site):
    _route_exit_target(page)
    course, module = _long_module(demo_site)
    page.set_viewport_size(PHONE)
    page.goto(course.url)
    page.goto("/staying-safe-online/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Exit this page", exact=True)
    expect(skip).to_be_focused()
    with page.expect_navigation(url=TARGET):
        page.keyboard.press("Enter")

    # The exited page was replaced in the history: Back returns to the page before, which is not blanked.
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("Domestic abuse awareness")
    expect(page.locator("[data-exit-this-page-overlay]")).to_have_count(0)
    expect(_exit_button(page)).to_be_visible()


def test_without_javascript_the_button_is_a_plain_link_through_the_sites_exit(browser, live_server, demo_site):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        _route_exit_target(page)
        page.goto("/")
        with page.expect_navigation(url=TARGET):
            _exit_button(page).click()
    finally:
        context.close()
