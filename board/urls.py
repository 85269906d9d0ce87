from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import forms, views
from .views import (
    actions,
    budget,
    calendar,
    exports,
    host,
    invitations,
    meetings,
    membership,
    notifications,
    partnership,
    plan,
    search,
    statutory,
    training,
)
from .views.password_reset import LimitedPasswordResetView

auth_patterns = [
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(form_class=forms.SignInForm, redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password-reset/", LimitedPasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=forms.SetPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    *auth_patterns,
    path("", views.home, name="home"),
    # A calendar app's address: no session, the token in ?key= is the key (the query, not
    # the path, so that access logs, which leave queries out, never hold it).
    path("calendar-feeds/board.ics", calendar.feed, name="calendar-ics"),
    path("boards/<slug:board_slug>/", views.board_detail, name="board-detail"),
    path(
        "boards/<slug:board_slug>/sections/<slug:section>/",
        views.board_section,
        name="board-section",
    ),
    path("invitations/accept/", invitations.invitation_answer, name="invitation-answer"),
    # The token travels in the query (?key=), which neither Django's 404 log nor the access
    # log (gunicorn.conf.py) writes down: a secret never reaches a log.
    path("invitations/open/", invitations.invitation_open, name="invitation-accept"),
    path("host/boards/", host.host_boards, name="host-boards"),
    path("host/boards/new/", host.host_board_create, name="host-board-create"),
    path("host/boards/<slug:slug>/", host.host_board_detail, name="host-board-detail"),
    path("host/boards/<slug:slug>/invite/", host.host_invite_manager, name="host-invite-manager"),
    path(
        "host/boards/<slug:slug>/invitations/<uuid:pk>/resend/",
        host.host_invitation_resend,
        name="host-invitation-resend",
    ),
    path(
        "host/boards/<slug:slug>/invitations/<uuid:pk>/revoke/",
        host.host_invitation_revoke,
        name="host-invitation-revoke",
    ),
]


def record_paths(prefix: str, name: str, form_view, delete_view, create: bool = True) -> list:
    """The add, edit and delete pages of one kind of record."""
    paths = [
        path(f"{prefix}<uuid:pk>/edit/", form_view.as_view(), name=f"{name}-edit"),
        path(f"{prefix}<uuid:pk>/delete/", delete_view.as_view(), name=f"{name}-delete"),
    ]
    if create:
        paths.append(path(f"{prefix}new/", form_view.as_view(), name=f"{name}-create"))
    return paths


board_patterns = [
    path("notifications/", notifications.notification_list, name="notification-list"),
    path("notifications/read/", notifications.notifications_read, name="notifications-read"),
    path(
        "notifications/preferences/",
        notifications.notification_preferences,
        name="notification-preferences",
    ),
    path("invitations/", invitations.invitation_list, name="invitation-list"),
    path("invitations/new/", invitations.invitation_create, name="invitation-create"),
    path("invitations/<uuid:pk>/resend/", invitations.invitation_resend, name="invitation-resend"),
    path("invitations/<uuid:pk>/revoke/", invitations.invitation_revoke, name="invitation-revoke"),
    path("search/", search.board_search, name="board-search"),
    path("agencies/", membership.agency_list, name="agency-list"),
    *record_paths("agencies/", "agency", membership.AgencyFormView, membership.AgencyDeleteView),
    path("members/", membership.member_list, name="member-list"),
    path("members/gaps/", membership.membership_gaps, name="membership-gaps"),
    path("members/export/", exports.member_export, name="member-export"),
    path("members/gaps/export/", exports.membership_gaps_export, name="membership-gaps-export"),
    *record_paths(
        "members/", "membership", membership.MembershipFormView, membership.MembershipDeleteView
    ),
    path("members/<uuid:pk>/end/", membership.MembershipEndView.as_view(), name="membership-end"),
    path("people/", membership.person_list, name="person-list"),
    path("people/new/", membership.PersonFormView.as_view(), name="person-create"),
    path("people/<uuid:pk>/edit/", membership.PersonFormView.as_view(), name="person-edit"),
    path("meetings/", meetings.meeting_list, name="meeting-list"),
    path("meetings/attendance/", meetings.attendance_report, name="attendance-report"),
    path("meetings/attendance/export/", exports.attendance_export, name="attendance-export"),
    path("meetings/<uuid:pk>/", meetings.meeting_detail, name="meeting-detail"),
    *record_paths("meetings/", "meeting", meetings.MeetingFormView, meetings.MeetingDeleteView),
    path("meetings/<uuid:pk>/attendance/", meetings.attendance_edit, name="attendance-edit"),
    path(
        "meetings/<uuid:meeting_pk>/agenda/new/",
        meetings.AgendaItemFormView.as_view(),
        name="agenda-item-create",
    ),
    *record_paths(
        "agenda/",
        "agenda-item",
        meetings.AgendaItemFormView,
        meetings.AgendaItemDeleteView,
        create=False,
    ),
    path("meetings/<uuid:meeting_pk>/papers/new/", meetings.paper_upload, name="paper-upload"),
    path("papers/<uuid:pk>/", meetings.paper_download, name="paper-download"),
    path("papers/<uuid:pk>/delete/", meetings.PaperDeleteView.as_view(), name="paper-delete"),
    path(
        "meetings/<uuid:source_pk>/actions/new/",
        actions.MeetingActionFormView.as_view(),
        name="meeting-action-create",
    ),
    path("calendar/", calendar.month, name="calendar"),
    path("calendar/feed/", calendar.feed_settings, name="calendar-feed"),
    path("calendar/feed/new/", calendar.feed_renew, name="calendar-feed-renew"),
    path("calendar/feed/stop/", calendar.feed_revoke, name="calendar-feed-revoke"),
    path("statutory/", statutory.statutory_calendar, name="statutory-calendar"),
    path("statutory/export/", statutory.statutory_export, name="statutory-export"),
    path("statutory/timescales/", statutory.timescale_list, name="timescales"),
    path("statutory/timescales/<str:key>/", statutory.timescale_edit, name="timescale-edit"),
    path("actions/", actions.action_list, name="action-list"),
    path("actions/export/", exports.action_export, name="action-export"),
    path("actions/<uuid:pk>/", actions.action_detail, name="action-detail"),
    *record_paths("actions/", "action", actions.ActionFormView, actions.ActionDeleteView),
    path(
        "actions/<uuid:pk>/progress/", actions.ActionProgressView.as_view(), name="action-progress"
    ),
    path("actions/<uuid:pk>/sign-off/", actions.action_sign_off_view, name="action-sign-off"),
    path("plan/", plan.plan, name="plan"),
    path("plan/carry-over/", plan.plan_carry_over_view, name="plan-carry-over"),
    *record_paths("plan/priorities/", "priority", plan.PriorityFormView, plan.PriorityDeleteView),
    path(
        "plan/priorities/<uuid:priority_pk>/objectives/new/",
        plan.ObjectiveFormView.as_view(),
        name="objective-create",
    ),
    *record_paths(
        "plan/objectives/",
        "objective",
        plan.ObjectiveFormView,
        plan.ObjectiveDeleteView,
        create=False,
    ),
    path(
        "plan/objectives/<uuid:source_pk>/actions/new/",
        actions.ObjectiveActionFormView.as_view(),
        name="objective-action-create",
    ),
    path("challenges/", plan.challenge_list, name="challenge-list"),
    *record_paths("challenges/", "challenge", plan.ChallengeFormView, plan.ChallengeDeleteView),
    path("partnership/", partnership.partnership_arrangements, name="partnership-arrangements"),
    path("partnership/arrangement/", partnership.board_arrangement, name="board-arrangement"),
    path(
        "partnership/arrangement/confirm/",
        partnership.board_arrangement_confirm,
        name="board-arrangement-confirm",
    ),
    path("scrutiny/", partnership.scrutiny_plan, name="scrutiny-plan"),
    *record_paths(
        "scrutiny/areas/",
        "scrutiny-area",
        partnership.ScrutinyAreaFormView,
        partnership.ScrutinyAreaDeleteView,
    ),
    path("scrutiny/findings/", partnership.scrutiny_finding_list, name="scrutiny-finding-list"),
    path(
        "scrutiny/findings/new/",
        partnership.ScrutinyFindingFormView.as_view(),
        name="scrutiny-finding-create",
    ),
    path(
        "scrutiny/findings/<uuid:pk>/edit/",
        partnership.ScrutinyFindingFormView.as_view(),
        name="scrutiny-finding-edit",
    ),
    path(
        "scrutiny/findings/<uuid:pk>/challenge/",
        partnership.scrutiny_finding_challenge,
        name="scrutiny-finding-challenge",
    ),
    path("budget/", budget.budget, name="budget"),
    path("budget/export/", exports.budget_export, name="budget-export"),
    *record_paths(
        "budget/expenditure/",
        "expenditure-line",
        budget.ExpenditureLineFormView,
        budget.ExpenditureLineDeleteView,
    ),
    *record_paths(
        "budget/income/", "income-line", budget.IncomeLineFormView, budget.IncomeLineDeleteView
    ),
    path("training/", training.training_summary, name="training-summary"),
    path("training/courses/", training.course_list, name="training-course-list"),
    path("training/courses/new/", training.CourseFormView.as_view(), name="training-course-create"),
    path(
        "training/courses/<uuid:pk>/edit/",
        training.CourseFormView.as_view(),
        name="training-course-edit",
    ),
    path(
        "training/courses/<uuid:pk>/delete/",
        training.CourseDeleteView.as_view(),
        name="training-course-delete",
    ),
    path("training/sessions/", training.session_list, name="training-session-list"),
    path(
        "training/sessions/new/",
        training.TrainingSessionFormView.as_view(),
        name="training-session-create",
    ),
    path("training/sessions/<uuid:pk>/", training.session_detail, name="training-session-detail"),
    path(
        "training/sessions/<uuid:pk>/edit/",
        training.TrainingSessionFormView.as_view(),
        name="training-session-edit",
    ),
    path(
        "training/sessions/<uuid:pk>/delete/",
        training.TrainingSessionDeleteView.as_view(),
        name="training-session-delete",
    ),
    path(
        "training/attendance/<uuid:pk>/delete/",
        training.AttendanceDeleteView.as_view(),
        name="training-attendance-delete",
    ),
    path(
        "training/sessions/<uuid:pk>/attendance/",
        training.attendance_create,
        name="training-attendance-create",
    ),
    path(
        "training/sessions/<uuid:pk>/evaluation/",
        training.EvaluationFormView.as_view(),
        name="training-evaluation-edit",
    ),
]

urlpatterns.append(path("boards/<slug:board_slug>/", include(board_patterns)))
