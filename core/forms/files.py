"""The upload of a table of records (CSV, or an Excel workbook where the reader takes one):
its type checked by its name and its size by core.uploads, before anything reads it."""

from django import forms

from core.uploads import check_size

TABLE_EXTENSIONS = (".csv", ".xlsx")


class TableFileField(forms.FileField):
    """`wrong_type` is the message for a file of another type; `noun` names the file in
    the size messages ("The selected register is empty.")."""

    def __init__(
        self, *, noun: str, wrong_type: str, extensions=TABLE_EXTENSIONS, kind="data", **kwargs
    ):
        self.noun, self.wrong_type, self.kind = noun, wrong_type, kind
        self.extensions = tuple(extensions)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return upload
        if not upload.name.lower().endswith(self.extensions):
            raise forms.ValidationError(self.wrong_type, code="wrong_type")
        check_size(upload, kind=self.kind, noun=self.noun)
        return upload
