"""The calendar: the month page and the feed's settings for every board role; the feed
itself answers 404 to anyone for a token that is not one."""

from . import board_page, public

ENTRIES = {
    "calendar": board_page(),
    "calendar-feed": board_page(),
    # GET is the confirmation page; only the POST makes or stops anything.
    "calendar-feed-renew": board_page(),
    "calendar-feed-revoke": board_page(),
    # Without ?key= (or with one that is not a feed's): 404 for everyone.
    "calendar-ics": public(ok=404),
}
