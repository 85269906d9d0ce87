from django.conf import settings

from board.models import ALL_ROLES, Role

from . import Rule, board_page, public, signed_in, signed_out

ENTRIES = {
    # The same answer for everyone, signed in or not. No worker beats during this test, so
    # with a broker that answer is 503 "degraded" (tests/test_health_heartbeat.py).
    "healthz": public(ok=503 if settings.REDIS_URL else 200),
    "login": signed_out(),
    # Signing out is a POST; anyone may, and everyone lands on the sign-in page.
    "logout": public(method="post", ok=302),
    "password_reset": public(),
    "password_reset_done": public(),
    "password_reset_confirm": public(kwargs=lambda c: {"uidb64": "MQ", "token": "set-password"}),
    "password_reset_complete": public(),
    # "Your boards": a person with roles on one board has nothing to choose and is sent
    # to that board's home; every persona here but the outsider holds roles on one board.
    "home": signed_in(ok=302, ok_for={"outsider": 200}),
    # Every persona here has completed two-factor sign-in, so both pages send them on.
    "two-factor": signed_in(ok=302),
    "two-factor-setup": signed_in(ok=302),
    "board-detail": board_page(),
    # Every role can open something in the assurance section (audits, case reviews).
    "board-section": Rule(
        "board",
        roles=frozenset(ALL_ROLES),
        kwargs=lambda c: {"board_slug": c.board.slug, "section": "assurance"},
    ),
    "audit-log": board_page({Role.BOARD_MANAGER}),
}
