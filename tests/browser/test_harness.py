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
