from django import forms

from ..models import Action, ActionStatus, ActionUpdate
from .records import BoardMeta, BoardModelForm


class ActionForm(BoardModelForm):
    submit_label = "Save action"

    class Meta(BoardMeta):
        model = Action
        fields = ["description", "owner_agency", "owner_person", "due_date", "theme"]
        labels = {"owner_agency": "Owning agency", "owner_person": "Owning person",
                  "theme": "Theme in the annual report (optional)"}  # fmt: skip
        help_texts = {
            "theme": "A business plan action with a theme is listed in that theme's work "
            "programme, in a report's strengths section that draws actions: write the "
            "theme as its '## ' line there, such as Early help."
        }


class ActionUpdateForm(BoardModelForm):
    submit_label = "Save progress"
    evidence = forms.CharField(
        label="Evidence of completion",
        required=False,
        widget=forms.Textarea,
        help_text="Required when the action is complete.",
    )

    class Meta(BoardMeta):
        model = ActionUpdate
        fields = ["date", "text", "status"]
        labels = {"status": "Status after this update", "text": "Progress"}
        widgets = {"status": forms.RadioSelect}

    def __init__(self, *args, action: Action, **kwargs) -> None:
        self.action = action
        super().__init__(*args, **kwargs)
        self.instance.action = action
        self.fields["evidence"].initial = action.evidence
        self.fields["status"].initial = action.status

    def _get_validation_exclusions(self):
        exclusions = super()._get_validation_exclusions()
        exclusions.add("author")  # set by the service from the signed-in user
        return exclusions

    def clean(self):
        data = super().clean()
        if data.get("status") == ActionStatus.COMPLETE and not data.get("evidence", "").strip():
            self.add_error("evidence", "Record the evidence of completion")
        return data
