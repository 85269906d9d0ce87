"""Every role has its own notifications on its board (and nobody else's)."""

from . import board_page

ENTRIES = {
    "notification-list": board_page(),
    "notification-preferences": board_page(),
    # Marking all read is a POST; every role lands back on its list.
    "notifications-read": board_page(method="post", data={"all": "1"}, ok=302),
}
