"""The browser harness itself: a check that cannot fail protects nobody."""

import pytest

pytestmark = pytest.mark.browser


def test_axe_catches_a_critical_violation(page, request, live_server):
    broken = "<!DOCTYPE html><html lang='en'><title>t</title><img src='/x.png'></html>"
    page.route("**/broken-page", lambda route: route.fulfill(body=broken, content_type="text/html"))
    page.goto("/broken-page")
    checker = request.node.accessibility_checker
    checker.check()  # the load handler may not have been dispatched yet; checks run once
    assert any("image-alt (critical)" in problem for problem in checker.problems)
    checker.problems.clear()  # expected here; any other page would fail the test


def test_an_inline_script_is_refused_by_the_content_security_policy(page, request):
    page.goto("/accounts/login/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = 1'; document.body.appendChild(s); }"
    )
    assert page.evaluate("typeof window.injected") == "undefined"
    page.wait_for_timeout(100)  # let the console message arrive
    violations = request.node.csp_violations
    assert violations, "the inline script should have been reported"
    violations.clear()  # expected here; any other page would fail the test
