"""Every form leaves checking to the server, so a mistake shows in the GOV.UK error
summary rather than in a browser pop-up (see core/forms/helper.py)."""

from django.urls import reverse

from tests.board.test_training import session


def test_number_fields_with_limits_do_not_block_the_server_check(board, manager, client_for):
    held = session(board)
    client = client_for(manager)
    pages = [
        reverse("training-attendance-create", kwargs={"board_slug": board.slug, "pk": held.pk}),
        reverse("assurance:audit-create", kwargs={"board_slug": board.slug}),
        reverse("datasets:import", kwargs={"board_slug": board.slug}),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert 'novalidate="novalidate"' in html, url
