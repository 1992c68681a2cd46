"""Wide tables of figures on a 1280 x 800 screen: every column can be reached, and a table that scrolls says so.

The measures dashboard (admin) and the partner figures (site) have a column per measure. Where they do not
fit, the table scrolls sideways inside a region that a keyboard can focus, whose name says it scrolls, with a
visible hint and a shadow at the edge where more columns are; the row headings stay in view.
"""

import os
import re

import pytest
from playwright.sync_api import expect

from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDTH, HEIGHT = 1280, 800
SCREENSHOTS = os.environ.get("E2E_SCREENSHOTS")  # a folder, to look at the layout by eye


def signed_in(page, live_server, user) -> None:
    """The browser signed in as ``user`` (a session made by Django's test client: signing in is tested elsewhere)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def check_every_column_can_be_read(page, region, name: str) -> None:
    """The last column's header is on screen, or the region scrolls, says so, and brings it into view."""
    last_header = region.locator("thead th").last
    region.scroll_into_view_if_needed()
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png")
    overflowing = region.evaluate("el => el.scrollWidth > el.clientWidth + 1")
    if not overflowing:
        expect(last_header).to_be_in_viewport(ratio=0.95)
        return
    # It announces itself as a scrolling region a keyboard can reach, and shows it.
    assert region.get_attribute("role") == "region"
    assert region.get_attribute("tabindex") == "0"
    expect(region).to_have_accessible_name(re.compile("scroll", re.IGNORECASE))
    hint = page.locator(f"#{region.get_attribute('id')}-hint")
    expect(hint).to_be_visible()
    expect(hint).to_contain_text(re.compile("scroll", re.IGNORECASE))
    assert "table-scroll--more-right" in region.get_attribute("class")  # the shadow at the right-hand edge
    # The keyboard reaches the last column: focus the region, press End.
    region.focus()
    page.keyboard.press("End")
    page.wait_for_function("el => el.scrollLeft + el.clientWidth >= el.scrollWidth - 1", arg=region.element_handle())
    expect(last_header).to_be_in_viewport(ratio=0.95)
    # The row headings stay in view while the figures scroll under them.
    expect(region.locator("tbody th").first).to_be_in_viewport(ratio=0.95)
    assert "table-scroll--more-left" in region.get_attribute("class")
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}-scrolled.png")


def test_the_measures_table_can_be_read_to_its_last_column_at_1280_pixels(
    page, live_server, demo_site, assert_accessible
):
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    manager = UserFactory(groups=["Training managers"], full_name="Sam Whitfield")
    signed_in(page, live_server, manager)
    page.goto("/admin/measures/?by=district")
    check_every_column_can_be_read(page, page.get_by_role("region", name=re.compile("^Q\\d")), "dashboard")
    assert_accessible(page)


def test_the_partner_tables_can_be_read_to_their_last_column_at_1280_pixels(
    page, live_server, demo_site, assert_accessible
):
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    lead = UserFactory(groups=["Partner leads"], organisation=OrganisationFactory(name="Fenland Police Station"))
    signed_in(page, live_server, lead)
    page.goto("/partners/")
    for name in ("By the district people work in", "By sector"):
        region = page.get_by_role("region", name=re.compile(f"^{name}"))
        check_every_column_can_be_read(page, region, f"partner-{name.split()[-1].lower()}")
    assert_accessible(page)
