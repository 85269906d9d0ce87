"""Browser tests: Playwright drives Debian's Chromium against Django's live server.

Every page a test visits is checked with axe-core (from node_modules, installed by
`make`); a serious or critical accessibility violation fails the test that visited it.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Error as PlaywrightError

# Playwright's sync API runs an event loop in this thread; the ORM calls that tests make
# to set up data are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = {"serious", "critical"}
# Third-party pages we cannot change, with the reason. Swagger UI (the API documentation
# for partner systems' developers) has known upstream contrast and nested-control faults.
AXE_EXEMPT_PATHS = {"/api/docs/": "Swagger UI's own markup"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("REQUIRE_BROWSER_TESTS"):
        raise pytest.UsageError(f"Chromium not found at {CHROMIUM}; CI must run browser tests")
    skip = pytest.mark.skip(
        reason=f"Chromium not found at {CHROMIUM}: install it with "
        "`apt-get install chromium` (or set CHROMIUM_PATH) to run the browser tests"
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class AccessibilityChecker:
    """Runs axe-core on each page as it loads and keeps what it finds."""

    def __init__(self, page) -> None:
        self.page = page
        self.script = AXE_SCRIPT.read_text()
        self.problems: list[str] = []
        self.checked: list[str] = []
        self.running = False

    def _run_axe(self) -> dict:
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            # Evaluated through DevTools, not added as a <script>, so the page's
            # Content-Security-Policy stays in force for the page's own code.
            self.page.evaluate(self.script)
        return self.page.evaluate("axe.run(document, {resultTypes: ['violations']})")

    def check(self, wait: bool = True) -> None:
        """Check the current page once. The load handler calls this with wait=False: it
        runs in Playwright's event greenlet and must not block on itself. An explicit call
        waits for a check in progress, so its result is there when this returns."""
        page = self.page
        while wait and self.running:
            page.wait_for_timeout(50)
        url = page.url
        if self.running or url in self.checked or not url.startswith("http"):
            return
        if urlparse(url).path in AXE_EXEMPT_PATHS:
            return
        self.running = True
        try:
            result = self._run_axe()
        except PlaywrightError as exc:
            if "context was destroyed" not in str(exc):
                raise
            return  # the page navigated away mid-check; its successor is checked on load
        finally:
            self.running = False
        self.checked.append(url)
        for violation in result["violations"]:
            if violation["impact"] in BLOCKING_IMPACTS:
                targets = [node["target"] for node in violation["nodes"]][:3]
                self.problems.append(
                    f"{page.url}: {violation['id']} ({violation['impact']}): "
                    f"{violation['help']} at {targets}"
                )


@pytest.fixture
def page(chromium, live_server, request):
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `make test`, which installs it")
    context = chromium.new_context(base_url=live_server.url)
    page = context.new_page()
    csp_violations: list[str] = []
    request.node.csp_violations = csp_violations  # for the harness's own test
    page.on(
        "console",
        lambda message: (
            csp_violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.set_default_timeout(10_000)
    checker = AccessibilityChecker(page)
    request.node.accessibility_checker = checker  # for the harness's own test
    page.on("load", lambda _: checker.check(wait=False))
    yield page
    checker.check()  # the page the test ended on
    context.close()
    assert not checker.problems, "Accessibility violations:\n" + "\n".join(checker.problems)
    assert not csp_violations, "Content-Security-Policy violations:\n" + "\n".join(csp_violations)


@pytest.fixture
def sign_in(page, live_server):
    """Sign a persona in without typing (two-factor done), by giving the browser a real
    session cookie:
    `sign_in(manager)`. Only tests of the sign-in journey itself should use the form."""
    from django.conf import settings

    from tests.factories import signed_in_client

    def sign_in_as(user) -> None:
        client = signed_in_client(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
        )

    return sign_in_as
