"""The annual report: templates of sections, the year's report, its rendered versions and
the consistency problems accepted before approval. Section types live in reports/sections/."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q

from board.models import BoardOwnedModel
from core.periods import FinancialYear


class ReportKind(models.TextChoices):
    """An LSCB's annual report, or a partnership's yearly report (Working Together 2023):
    the second has a checklist of required contents, the lead partners' sign-off, the
    scrutineer's assessment and a send-on clock (reports/yearly/)."""

    ANNUAL = "annual", "Annual report"
    PARTNERSHIP = "partnership", "Yearly report (safeguarding children partnership)"


class ReportTemplate(BoardOwnedModel):
    """A board's own ordered list of sections, copied from a built-in template (see
    reports/builtin.py) or from another of the board's templates, then edited."""

    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    kind = models.CharField(max_length=12, choices=ReportKind.choices, default=ReportKind.ANNUAL)
    # What a report made from the template is called, unless its own page changes it:
    # empty for "<board> Annual Review <year>" (or "Yearly Report" for a partnership's).
    report_title = models.CharField(max_length=200, blank=True)
    report_subtitle = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["board", "name"], name="reporttemplate_name_per_board")
        ]

    def __str__(self) -> str:
        return self.name


class ReportState(models.TextChoices):
    DRAFTING = "drafting", "Drafting"
    IN_REVIEW = "in_review", "In review"
    APPROVED = "approved", "Approved by the board"
    PUBLISHED = "published", "Published"


LOCKED_STATES = {ReportState.APPROVED, ReportState.PUBLISHED}


class AnnualReport(BoardOwnedModel):
    """One board's report for one financial year. Its sections are copied from a template
    when it is created, so later edits to the template leave the report alone."""

    start_year = models.PositiveSmallIntegerField(help_text="First year of the financial year.")
    title = models.CharField(max_length=200)
    subtitle = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=12, choices=ReportKind.choices, default=ReportKind.ANNUAL)
    state = models.CharField(
        max_length=12, choices=ReportState.choices, default=ReportState.DRAFTING
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # The cover (reports/cover.py): one of the report's uploaded images as the logo, and the
    # board's colour as a hex code ("#1d70b8"; empty for a white cover).
    cover_logo = models.ForeignKey(
        "ReportImage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    cover_colour = models.CharField(
        max_length=7, blank=True,
        validators=[RegexValidator(r"^#[0-9a-f]{6}$", "Enter the colour as a hex code: #1d70b8")],
    )  # fmt: skip

    class Meta:
        ordering = ["-start_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "start_year"], name="annualreport_one_per_year"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def year(self) -> FinancialYear:
        return FinancialYear(self.start_year)

    @property
    def is_locked(self) -> bool:
        return self.state in LOCKED_STATES

    @property
    def is_partnership_yearly(self) -> bool:
        return self.kind == ReportKind.PARTNERSHIP

    def clean(self) -> None:
        if self.cover_logo_id and self.cover_logo.report_id != self.pk:
            raise ValidationError({"cover_logo": "Choose one of this report's images."})


class Section(BoardOwnedModel):
    """A section of a template or of a report (exactly one of the two). `section_type`
    names a module of reports/sections/; `config` holds that type's settings (for example
    the indicator codes of a dataset section); `narrative` is the authored text (limited
    Markdown), written by `author` where one is assigned."""

    template = models.ForeignKey(
        ReportTemplate, on_delete=models.CASCADE, null=True, blank=True, related_name="sections"
    )
    report = models.ForeignKey(
        AnnualReport, on_delete=models.CASCADE, null=True, blank=True, related_name="sections"
    )
    order = models.PositiveIntegerField(default=0)
    section_type = models.CharField(max_length=40)
    title = models.CharField(max_length=200)
    config = models.JSONField(default=dict, blank=True)
    narrative = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # In print, the section starts a new page (as every section did before), or flows on
    # after the previous one so that a short report is not mostly empty pages.
    new_page = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(template__isnull=True, report__isnull=False)
                | Q(template__isnull=False, report__isnull=True),
                name="section_in_a_template_or_a_report",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def type_label(self) -> str:
        from .sections import registry

        found = registry.types().get(self.section_type)
        return found.label if found else self.section_type

    @property
    def owner(self) -> "ReportTemplate | AnnualReport":
        return self.report if self.report_id else self.template

    def clean(self) -> None:
        from .sections import registry

        errors = {}
        if self.section_type not in registry.types():
            errors["section_type"] = "Choose a known type of section."
        owner = self.report if self.report_id else self.template if self.template_id else None
        if owner is not None and owner.board_id != self.board_id:
            errors["board"] = "The section belongs to another board."
        if self.report_id and self.narrative:
            from core.markdown import image_error

            from .images import references

            rule = "Images must be uploaded to the report"
            error = image_error(self.narrative, references(self.report), rule)
            if error:
                errors["narrative"] = error
        if errors:
            raise ValidationError(errors)


def image_upload_to(image: "ReportImage", filename: str) -> str:
    # The stored name is random: the person's file name is kept only as data.
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"reports/{image.board_id}/{image.report_id}/images/{uuid.uuid4().hex}{suffix}"


class ReportImage(BoardOwnedModel):
    """An image uploaded to a report for its authored text (PNG or JPEG, checked by its
    bytes). Authors show it by its `name`, or by the address the upload page shows; the
    report's pages and its PDF load it from storage, never from the web."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="images")
    name = models.SlugField(max_length=60)
    file = models.FileField(upload_to=image_upload_to, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["report", "name"], name="reportimage_name_per_report")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.report_id and self.report.board_id != self.board_id:
            raise ValidationError({"report": "The report belongs to another board."})


class VersionStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RENDERING = "rendering", "Rendering"
    DONE = "done", "Ready"
    FAILED = "failed", "Failed"


class ReportVersion(BoardOwnedModel):
    """One render of a report to PDF: the file (in default storage, never a public URL),
    its SHA-256, the hash of the gathered inputs, who asked, when, and the report's state
    then."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(
        max_length=10, choices=VersionStatus.choices, default=VersionStatus.QUEUED
    )
    report_state = models.CharField(max_length=12, choices=ReportState.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    inputs_hash = models.CharField(max_length=64, blank=True)
    # The board's change marker (reports/changes.py) read before the version's inputs were
    # gathered: the same marker now means the same inputs, without gathering them again.
    changes_marker = models.CharField(max_length=64, blank=True)
    file_name = models.CharField(max_length=300, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    # The background job making it (core/jobs): its status, attempts and reason drive the
    # waiting page. Null for a version rendered from the command line, or once the job is
    # deleted (long after it finished).
    job = models.ForeignKey(
        "jobs.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="reportversion_number"),
            # One render per inputs at a time: a second "Make the PDF" joins the first.
            models.UniqueConstraint(
                fields=["report", "inputs_hash"],
                condition=models.Q(status__in=["queued", "rendering"]) & ~models.Q(inputs_hash=""),
                name="reportversion_one_render_per_inputs",
            ),
            # The same for a version asked for by its change marker (its inputs not yet
            # gathered): a second request with the same marker joins the first.
            models.UniqueConstraint(
                fields=["report", "changes_marker"],
                condition=models.Q(status__in=["queued", "rendering"])
                & ~models.Q(changes_marker=""),
                name="reportversion_one_render_per_marker",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} – version {self.number}"

    @property
    def is_finished(self) -> bool:
        return self.status in (VersionStatus.DONE, VersionStatus.FAILED)


IN_PROGRESS = (VersionStatus.QUEUED, VersionStatus.RENDERING)


class CheckAcceptance(BoardOwnedModel):
    """A consistency problem the board manager accepted, with the reason. The key names
    the problem and its details, so a changed problem needs accepting again."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="acceptances")
    key = models.CharField(max_length=200)
    reason = models.TextField()
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="checkacceptance_once")
        ]

    def __str__(self) -> str:
        return self.key


class Acronym(BoardOwnedModel):
    """The board's glossary: an acronym and what it stands for."""

    term = models.CharField(max_length=30)
    meaning = models.CharField(max_length=300)

    class Meta:
        ordering = ["term"]
        constraints = [models.UniqueConstraint(fields=["board", "term"], name="acronym_per_board")]

    def __str__(self) -> str:
        return self.term


# The partnership yearly report's records (sign-off, scrutiny, send-on, settings).
from .yearly.models import (  # noqa: E402, F401
    LeadPartnerSignOff,
    ReportSendOn,
    ScrutinyAssessment,
    YearlyReportSettings,
)
