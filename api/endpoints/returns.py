"""Sub-groups and their quarterly returns. Every board role reads the sub-groups; the
returns are read by whoever may open a return page (subgroups.selectors.RETURN_READERS);
a sub-group's chair or deputy saves and submits that sub-group's return (and only that
one), through the same workflow services as the pages."""

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from board.models import Role
from core.periods import Quarter
from datasets import periods
from subgroups.models import QuarterlyReturn, ReturnStatus, SubGroup
from subgroups.selectors import RETURN_READERS
from subgroups.services.returns import (
    ReturnConflict,
    ReturnInvalid,
    quarterly_return_save,
    quarterly_return_submit,
    return_due_date,
    return_get,
)
from subgroups.services.spec import spec_for
from subgroups.services.validation import content_from_data, data_from_content, figure_field

from ..errors import Conflict
from ..serializers import StrictSerializer
from ..viewsets import BoardScopedViewSet


class SubGroupSerializer(serializers.ModelSerializer):
    parent = serializers.CharField(source="parent.name", allow_null=True)

    class Meta:
        model = SubGroup
        fields = ["id", "name", "kind", "parent", "purpose"]


@extend_schema(tags=["sub-groups"])
class SubGroupViewSet(BoardScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = SubGroupSerializer
    queryset = SubGroup.objects.select_related("parent").order_by("name", "id")


class ReturnSerializer(serializers.ModelSerializer):
    subgroup = serializers.UUIDField(source="subgroup_id")
    quarter = serializers.SerializerMethodField()
    due_date = serializers.SerializerMethodField()
    template = serializers.SerializerMethodField()

    class Meta:
        model = QuarterlyReturn
        fields = [
            "id",
            "subgroup",
            "quarter",
            "period_start",
            "due_date",
            "status",
            "version",
            "first_submitted_on_time",
            "template",
            "content",
        ]

    def get_quarter(self, r) -> str:
        return periods.import_label(r.period_start, "quarter")

    def get_due_date(self, r) -> str:
        return return_due_date(r).isoformat()

    def get_template(self, r) -> dict:
        """The questions, actions and figures the content answers (their ids are its keys)."""
        return spec_for(r)


class ReturnFilter(django_filters.FilterSet):
    subgroup = django_filters.UUIDFilter(field_name="subgroup_id")
    status = django_filters.ChoiceFilter(choices=ReturnStatus.choices)

    class Meta:
        model = QuarterlyReturn
        fields = ["subgroup", "status"]


class ReturnWriteSerializer(StrictSerializer):
    """Which return (sub-group and quarter), what it says, and the version it was read at."""

    subgroup = serializers.UUIDField()
    quarter = serializers.CharField(help_text="e.g. 2014-15 Q1")
    version = serializers.IntegerField(min_value=0)
    content = serializers.DictField(
        help_text="questions {id: text}, actions {id: {status, comment}}, figures {key: value}"
        ", comments {indicator id: text}, as in the return's `template`"
    )

    class Meta:
        model = QuarterlyReturn
        fields = ["subgroup", "quarter", "version", "content"]


@extend_schema(tags=["sub-groups"])
class ReturnViewSet(BoardScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    serializer_class = ReturnSerializer
    queryset = QuarterlyReturn.objects.select_related("subgroup").order_by(
        "-period_start", "subgroup__name", "id"
    )
    filterset_class = ReturnFilter
    read_roles = RETURN_READERS  # the return page's rule, drafts included
    # The board-level role; the service then requires the chair or deputy of that sub-group.
    write_roles = frozenset({Role.SUBGROUP_CHAIR})

    @extend_schema(request=ReturnWriteSerializer, responses=ReturnSerializer)
    @action(detail=False, methods=["post"], url_path="save", url_name="save")
    def save_draft(self, request, board_slug: str):
        """Save a draft: partial answers are kept. 409 if someone saved it since `version`."""
        return self._write(request, quarterly_return_save)

    @extend_schema(request=ReturnWriteSerializer, responses=ReturnSerializer)
    @action(detail=False, methods=["post"], url_path="submit")
    def submit(self, request, board_slug: str):
        """Save and submit: refused (400, with each problem) unless complete and valid."""
        return self._write(request, quarterly_return_submit)

    def _write(self, request, service) -> Response:
        incoming = ReturnWriteSerializer(data=request.data, context=self.get_serializer_context())
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        subgroup = SubGroup.objects.filter(board=self.board, pk=data["subgroup"]).first()
        if subgroup is None:
            raise NotFound("No such sub-group on this board.")
        quarter = self._quarter(data["quarter"])
        spec = spec_for(return_get(subgroup, quarter))
        content = self._content(spec, data["content"])
        try:
            saved = service(
                subgroup=subgroup,
                quarter=quarter,
                content=content,
                by=request.user,
                expected_version=data["version"],
            )
        except ReturnConflict as conflict:
            raise Conflict(
                f"Someone saved this return since version {data['version']}; it is now at "
                f"version {conflict.current.version}. Read it again, then resend."
            ) from None
        except ReturnInvalid as invalid:
            raise ValidationError({"content": invalid.checked.errors}) from None
        except DjangoValidationError as error:
            raise ValidationError({"detail": error.messages}) from None
        return Response(ReturnSerializer(saved, context=self.get_serializer_context()).data)

    @staticmethod
    def _quarter(label: str) -> Quarter:
        try:
            return Quarter.containing(periods.parse(label, "quarter"))
        except ValueError:
            raise ValidationError({"quarter": ["Give a quarter such as 2014-15 Q1."]}) from None

    @staticmethod
    def _content(spec: dict, sent: dict) -> dict:
        """Only the template's own questions, actions and figures; an unknown id is refused
        rather than silently dropped."""
        content = content_from_data(spec, data_from_content(spec, {}) | _as_form_data(sent))
        unknown = {
            f"{part}.{key}"
            for part, answers in sent.items()
            for key in (answers if isinstance(answers, dict) else {"": None})
            if part not in content or key not in content[part]
        }
        if unknown:
            raise ValidationError(
                {"content": [f"Not in this return's template: {sorted(unknown)}"]}
            )
        return content


def _as_form_data(content: dict) -> dict:
    """Stored-content shape to the form fields content_from_data reads."""
    data = {}
    for key, text in (content.get("questions") or {}).items():
        data[f"q_{key}"] = str(text)
    for key, answer in (content.get("actions") or {}).items():
        answer = answer if isinstance(answer, dict) else {}
        data[f"a_{key}_status"] = str(answer.get("status", ""))
        data[f"a_{key}_comment"] = str(answer.get("comment", ""))
    for key, value in (content.get("figures") or {}).items():
        data[figure_field(key)] = "" if value is None else str(value)
    for key, text in (content.get("comments") or {}).items():
        data[f"c_{key}"] = str(text)
    return data
