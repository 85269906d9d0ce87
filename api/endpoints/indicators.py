"""The indicator catalogue through the API: every board role reads it; the board manager
adds and changes indicators, with related indicators and breakdown sets named by code."""

from copy import copy

from django.core.exceptions import ValidationError as ModelValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.exceptions import ValidationError

from datasets.models import CategorySet, Indicator
from datasets.services.catalogue import check_period_type
from datasets.services.snapshots import mark_all_stale

from ..idempotency import replayable
from ..serializers import StrictSerializer
from ..viewsets import BoardScopedViewSet


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = [
            "id",
            "code",
            "name",
            "definition",
            "theme",
            "unit",
            "polarity",
            "period_type",
            "rollup",
            "decimals",
            "breakdowns_add_up",
            "target",
        ]


class IndicatorWriteSerializer(StrictSerializer):
    """An indicator as written by the board manager's systems: other indicators and
    breakdown sets by code, the model's rules (a ratio's parts, one code per board) and
    the period type that cannot change while there are figures, all as 400s."""

    numerator = serializers.SlugRelatedField(
        slug_field="code", queryset=Indicator.objects.all(), required=False, allow_null=True
    )
    denominator = serializers.SlugRelatedField(
        slug_field="code", queryset=Indicator.objects.all(), required=False, allow_null=True
    )
    breakdown_sets = serializers.SlugRelatedField(
        slug_field="code", queryset=CategorySet.objects.all(), many=True, required=False
    )

    class Meta:
        model = Indicator
        fields = [*IndicatorSerializer.Meta.fields, "numerator", "denominator",
                  "breakdown_sets", "amber_margin", "notes"]  # fmt: skip
        read_only_fields = ["id"]
        validators = []  # the (board, code) rule is checked by full_clean below

    def get_fields(self):
        fields = super().get_fields()
        view = self.context.get("view")
        board = getattr(view, "board", None)
        if board is not None:  # choices of this board only: another board's code is a 400
            for name in ("numerator", "denominator"):
                fields[name].queryset = Indicator.objects.filter(board=board)
            fields["breakdown_sets"].child_relation.queryset = CategorySet.objects.filter(
                board=board
            )
        return fields

    def validate(self, attrs: dict) -> dict:
        board = self.context["view"].board
        indicator = copy(self.instance) if self.instance else Indicator(board=board)
        for name, value in attrs.items():
            if name != "breakdown_sets":
                setattr(indicator, name, value)
        try:
            check_period_type(indicator)
            indicator.full_clean(exclude=["breakdown_sets"])
        except ModelValidationError as error:
            raise ValidationError(error.message_dict) from None
        return attrs


@extend_schema(tags=["datasets"])
class IndicatorViewSet(
    BoardScopedViewSet,  # first, so that its perform_create (which sets the board) wins
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
):
    """Every board role reads the catalogue; the board manager adds and changes
    indicators (with an Idempotency-Key, a retried write is answered once)."""

    serializer_class = IndicatorSerializer
    queryset = Indicator.objects.order_by("theme", "order", "code", "id")

    def get_serializer_class(self):
        if self.request is not None and self.request.method not in ("GET", "HEAD", "OPTIONS"):
            return IndicatorWriteSerializer
        return IndicatorSerializer

    def create(self, request, *args, **kwargs):
        return replayable(
            request,
            lambda: super(IndicatorViewSet, self).create(request, *args, **kwargs),
            board=self.board,
        )

    def update(self, request, *args, **kwargs):
        return replayable(
            request,
            lambda: super(IndicatorViewSet, self).update(request, *args, **kwargs),
            board=self.board,
        )

    def perform_create(self, serializer) -> None:
        super().perform_create(serializer)
        mark_all_stale(self.board)

    def perform_update(self, serializer) -> None:
        serializer.save()
        mark_all_stale(self.board)
