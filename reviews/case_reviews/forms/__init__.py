"""The case review forms, by record: reviews.py, incidents.py, retention.py."""


def initial_of(record, form_class) -> dict:
    """An edit form's starting values from the record: its fields, and the agencies
    involved (a many-to-many, read as a list) for the reviews and incidents that have them."""
    fields = [name for name in form_class.base_fields if name != "agencies_involved"]
    initial = {name: getattr(record, name) for name in fields}
    initial["agencies_involved"] = list(record.agencies_involved.all())
    return initial
