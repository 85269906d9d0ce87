from django import forms
from django.core.exceptions import ValidationError

from ..models import Agency, Membership, PartnerRole, Person, User
from .records import BoardMeta, BoardModelForm


class AgencyForm(BoardModelForm):
    submit_label = "Save agency"

    class Meta(BoardMeta):
        model = Agency
        fields = ["name", "sector", "is_statutory_partner", "partner_role", "acts_for"]

    def adjust_fields(self) -> None:
        role = self.fields["partner_role"]
        role.choices = [("", "Not set"), *PartnerRole.choices]
        role.widget = forms.RadioSelect(choices=role.choices)
        leads = self.fields["acts_for"]
        leads.queryset = leads.queryset.filter(partner_role=PartnerRole.LEAD).exclude(
            pk=self.instance.pk
        )
        leads.empty_label = "None"


class PersonForm(BoardModelForm):
    submit_label = "Save person"
    account_email = forms.EmailField(
        label="E-mail address of their user account (optional)",
        required=False,
        help_text="Only for people who sign in. Their board role then gives them access.",
    )

    class Meta(BoardMeta):
        model = Person
        fields = ["full_name", "email"]

    def adjust_fields(self) -> None:
        if self.instance.user_id:
            self.fields["account_email"].initial = self.instance.user.email

    def clean_account_email(self) -> str:
        email = self.cleaned_data["account_email"]
        if not email:
            self.instance.user = None
            return email
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise ValidationError(
                "There is no active user account with this e-mail address. Invite them "
                "(the link below the form), or leave it empty to record the person without "
                "access.",
                code="no_account",
            )
        self.instance.user = user
        return email


class MembershipForm(BoardModelForm):
    submit_label = "Save membership"

    class Meta(BoardMeta):
        model = Membership
        fields = [
            "person",
            "agency",
            "board_role",
            "post_title",
            "start_date",
            "end_date",
            "chair_is_independent",
            "appointment_agreed_by",
        ]
        widgets = {"appointment_agreed_by": forms.CheckboxSelectMultiple}
        labels = {"chair_is_independent": "For the chair: is the chair independent?"}

    def adjust_fields(self) -> None:
        self.fields["chair_is_independent"] = forms.TypedChoiceField(
            label="For the chair only: is the chair independent of the partner agencies?",
            choices=[("", "Not the chair"), ("yes", "Yes"), ("no", "No")],
            coerce=lambda value: value == "yes",
            empty_value=None,
            required=False,
            widget=forms.RadioSelect,
        )
        if self.instance.chair_is_independent is not None:
            self.initial["chair_is_independent"] = (
                "yes" if self.instance.chair_is_independent else "no"
            )
        self.fields[
            "appointment_agreed_by"
        ].label = "For the chair only: partner agencies that agreed the appointment"


class EndMembershipForm(BoardModelForm):
    submit_label = "End membership"

    class Meta(BoardMeta):
        model = Membership
        fields = ["end_date"]

    def adjust_fields(self) -> None:
        self.fields["end_date"].required = True
        self.fields["end_date"].error_messages["required"] = "Enter the date the membership ends"
