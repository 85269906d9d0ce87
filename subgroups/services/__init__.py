"""Writes of the subgroups app, by sub-domain: groups (sub-groups, seats and access),
templates, returns (the workflow), validation, reminders and spreadsheets."""
