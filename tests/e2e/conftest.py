"""Real-browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's live server.

Nothing here downloads a browser: Playwright is pointed at /usr/bin/chromium (``make e2e-deps`` installs it,
and axe-core from npm). Without them the tests are skipped, except under CI=true, where they fail: CI must
never pass by silently skipping its browser tests.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The WCAG 2.2 AA rule set as axe tags it; only violations of these impacts fail a test.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FAILING_IMPACTS = {"serious", "critical"}


def pytest_collection_modifyitems(config, items):
    e2e_dir = Path(__file__).parent
    for item in items:
        if e2e_dir in item.path.parents:
            item.add_marker(pytest.mark.e2e)


def _missing_prerequisites() -> list[str]:
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} is missing (run `make e2e-deps`, which installs Debian's chromium)")
    if not AXE_JS.exists():
        missing.append(f"{AXE_JS.relative_to(settings.BASE_DIR)} is missing (run `npm ci`)")
    return missing


@pytest.fixture(scope="session")
def _e2e_prerequisites():
    missing = _missing_prerequisites()
    if missing:
        reason = "browser tests need: " + "; ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true, so not skipping: {reason}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(_e2e_prerequisites, tmp_path_factory):
    """One headless Chromium for the session; every test gets its own context (cookies, storage) from `page`."""
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API leaves an asyncio loop running in this thread while it is started, for the rest of
    # the session. Django then refuses ORM calls ("You cannot call this from an async context") unless told that
    # this synchronous code is safe, and its per-thread store of database connections switches to a separate
    # one: tests would get new connection objects without what pytest-django put on the current ones (the data
    # serialized for serialized_rollback). So hand the same connections over, as Django's LiveServerThread does.
    saved_env = {key: os.environ.get(key) for key in ("DJANGO_ALLOW_ASYNC_UNSAFE", "TMPDIR")}
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    database_connections = {alias: connections[alias] for alias in connections}
    # Playwright gives each launch a fresh, throw-away user-data dir under the driver's TMPDIR: point that at
    # pytest's temporary directory so the profile is new for every run and never shared with another one.
    os.environ["TMPDIR"] = str(tmp_path_factory.mktemp("chromium-profile"))
    try:
        playwright = sync_playwright().start()
    finally:
        _restore_env({"TMPDIR": saved_env["TMPDIR"]})
    for alias, connection in database_connections.items():
        connections[alias] = connection
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    finally:
        playwright.stop()
        _restore_env(saved_env)


def _restore_env(saved: dict[str, str | None]) -> None:
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


# Every Content-Security-Policy violation on any page a test visits is reported to the test (the event is
# the browser's own; the listener is installed through DevTools, so the page's policy does not stop it).
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__reportCspViolation(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline code"} on ${event.documentURI}` +
    (event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : "") +
    (event.sample ? `: ${event.sample}` : "")
  );
});
"""


@pytest.fixture
def page(browser, live_server, settings):
    """A new browser context and page per test, with relative URLs resolved against the live server.

    The site's Content-Security-Policy is enforced (never bypassed), and a test fails if anything on a
    page it visited broke it: a policy that stops the site's own JavaScript is caught by every journey.
    ``page.csp_violations`` lists them as they happen.
    """
    # The policy blocks Wagtail's gravatar.com avatars in the admin, as it should; turning them off is the
    # security issue's own change to the settings (until it lands, off here so other violations still fail).
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15_000)
    violations: list[str] = []
    context.expose_function("__reportCspViolation", lambda violation: violations.append(violation))
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    page.csp_violations = violations
    yield page
    context.close()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


def _describe(violation: dict) -> str:
    # A target is a CSS selector, or a list of them for an element inside a shadow root or a frame.
    targets = ", ".join(" ".join(map(str, node["target"])) for node in violation["nodes"])
    impact, rule, help_text, url = (violation[key] for key in ("impact", "id", "help", "helpUrl"))
    return f"- [{impact}] {rule}: {help_text} ({url})\n    on: {targets}"


def inject_axe(page) -> None:
    """Put axe-core on the page as a script file of the page's own origin, so the site's strict CSP allows it.

    (``add_script_tag(path=...)`` would inline the file, which the policy rightly blocks; the file is
    answered by Playwright, never by the site.)
    """
    if not page.url.startswith("http"):  # set_content pages have no policy
        page.add_script_tag(path=str(AXE_JS))
        return
    origin = "/".join(page.url.split("/")[:3])
    url = f"{origin}/__e2e__/axe.min.js"

    def serve(route):
        route.fulfill(path=str(AXE_JS), content_type="text/javascript")

    page.route(url, serve)
    try:
        page.add_script_tag(url=url)
    finally:
        page.unroute(url, serve)


@pytest.fixture
def assert_accessible():
    """``assert_accessible(page)``: run axe-core on the page as it is now; fail on serious or critical issues."""

    def check(page) -> None:
        inject_axe(page)
        results = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            AXE_TAGS,
        )
        # axe checked something real: a blank or broken page passes no rules.
        assert results["passes"], f"axe found nothing to check on {page.url}"
        failing = [v for v in results["violations"] if v["impact"] in FAILING_IMPACTS]
        assert not failing, f"Accessibility violations on {page.url}:\n" + "\n".join(map(_describe, failing))

    return check
