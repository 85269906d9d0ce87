import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets

from board.models import Agency, Board, Sector
from board.selectors import boards_for_user

from ..errors import Conflict
from ..filters import StrictBooleanFilter
from ..serializers import StrictSerializer
from ..viewsets import BoardScopedViewSet


class BoardSerializer(serializers.ModelSerializer):
    class Meta:
        model = Board
        fields = ["id", "slug", "name", "local_authority"]


@extend_schema(tags=["boards"])
class BoardViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The boards on which the caller holds a role."""

    serializer_class = BoardSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return boards_for_user(self.request.user).order_by("name", "id")


class AgencySerializer(StrictSerializer):
    sector = serializers.ChoiceField(choices=Sector.choices)

    class Meta:
        model = Agency
        fields = ["id", "name", "sector", "is_statutory_partner", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]

    def validate_name(self, name: str) -> str:
        board = self.context["view"].board
        taken = Agency.objects.filter(board=board, name__iexact=name.strip())
        if self.instance is not None:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise Conflict("This board already has an agency with this name.")
        return name.strip()


class AgencyFilter(django_filters.FilterSet):
    sector = django_filters.ChoiceFilter(choices=Sector.choices)
    is_statutory_partner = StrictBooleanFilter()

    class Meta:
        model = Agency
        fields = ["sector", "is_statutory_partner"]


@extend_schema(tags=["board"])
class AgencyViewSet(
    BoardScopedViewSet,  # first, so that its perform_create (which sets the board) wins
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
):
    """The board's partner agencies. Every board role reads; the board manager writes."""

    serializer_class = AgencySerializer
    queryset = Agency.objects.order_by("name", "id")
    filterset_class = AgencyFilter
