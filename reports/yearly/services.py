"""Writes for the partnership yearly report (keyword-only, validated, atomic): a lead
partner's sign-off, the scrutineer's assessment, the dates it was sent on, and the
board's settings made with the board (board.setup)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from board.models import Agency, Board, User
from board.partners import lead_partners

from ..models import AnnualReport, ReportState
from .models import LeadPartnerSignOff, ReportSendOn, ScrutinyAssessment, YearlyReportSettings


def yearly_settings_set_up(*, board: Board) -> None:
    YearlyReportSettings.objects.get_or_create(board=board)


def _open_yearly(report: AnnualReport) -> AnnualReport:
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not report.is_partnership_yearly:
        raise ValidationError("Only a partnership yearly report is signed off and scrutinised.")
    if report.state == ReportState.PUBLISHED:
        raise ValidationError("The report is published: its sign-off and assessment are final.")
    return report


@transaction.atomic
def sign_off_record(
    *, report: AnnualReport, agency: Agency, signatory: str, signed_on: date, by: User
) -> LeadPartnerSignOff:
    """Record (or correct) one lead partner's sign-off."""
    report = _open_yearly(report)
    if not lead_partners(report.board).filter(pk=agency.pk).exists():
        raise ValidationError({"agency": "Choose one of the board's lead partners"})
    sign_off = LeadPartnerSignOff.objects.filter(report=report, agency=agency).first()
    sign_off = sign_off or LeadPartnerSignOff(board=report.board, report=report, agency=agency)
    sign_off.signatory, sign_off.signed_on, sign_off.recorded_by = signatory.strip(), signed_on, by
    sign_off.full_clean()
    sign_off.save()
    return sign_off


@transaction.atomic
def scrutiny_record(
    *, report: AnnualReport, text: str, conclusion: str, assessed_on: date, assessed_by: str,
    by: User,
) -> ScrutinyAssessment:  # fmt: skip
    """Record (or correct) the independent scrutineer's assessment."""
    report = _open_yearly(report)
    found = ScrutinyAssessment.objects.filter(report=report).first()
    found = found or ScrutinyAssessment(board=report.board, report=report)
    found.text, found.conclusion, found.assessed_on = text.strip(), conclusion, assessed_on
    found.assessed_by, found.recorded_by = assessed_by.strip(), by
    found.full_clean()
    found.save()
    return found


@transaction.atomic
def send_on_record(
    *, report: AnnualReport, recipient: str, sent_on: date, by: User
) -> ReportSendOn:
    """Record the day the published report was sent to the Panel or to Foundations."""
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if not report.is_partnership_yearly or report.state != ReportState.PUBLISHED:
        raise ValidationError("Only a published partnership yearly report is sent on.")
    found = ReportSendOn.objects.filter(report=report, recipient=recipient).first()
    found = found or ReportSendOn(board=report.board, report=report, recipient=recipient)
    found.sent_on, found.recorded_by = sent_on, by
    found.full_clean()
    found.save()
    return found
