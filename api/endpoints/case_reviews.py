"""Serious case and learning reviews, and the actions raised from their recommendations:
for the SCR sub-group, the board manager and the independent chair only."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers

from board.models import Action
from reviews.case_reviews.models import CaseReview
from reviews.case_reviews.selectors.reviews import (
    SCR_READERS,
    attach_recommendations,
    case_reviews,
    scr_actions,
)

from ..viewsets import BoardScopedViewSet
from .board_records import ActionSerializer


class CaseReviewSerializer(serializers.ModelSerializer):
    class Meta:
        model = CaseReview
        fields = [
            "id",
            "reference",
            "review_type",
            "partner_board",
            "incident_on",
            "notified_on",
            "decision",
            "decision_on",
            "methodology",
        ]


@extend_schema(tags=["case reviews"])
class CaseReviewViewSet(BoardScopedViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin):
    read_roles = SCR_READERS
    serializer_class = CaseReviewSerializer

    def get_queryset(self):
        if self.is_schema_generation:
            return CaseReview.objects.none()
        return case_reviews(board=self.board).order_by("-notified_on", "reference", "id")


class CaseReviewActionSerializer(ActionSerializer):
    review = serializers.SerializerMethodField()
    recommendation = serializers.SerializerMethodField()

    class Meta(ActionSerializer.Meta):
        fields = [*ActionSerializer.Meta.fields, "review", "recommendation"]

    def get_review(self, action) -> str | None:
        recommendation = getattr(action, "recommendation", None)
        return recommendation.review.reference if recommendation else None

    def get_recommendation(self, action) -> str | None:
        recommendation = getattr(action, "recommendation", None)
        return recommendation.text if recommendation else None


@extend_schema(tags=["case reviews"])
class CaseReviewActionViewSet(BoardScopedViewSet, mixins.ListModelMixin):
    """Every action raised from a review's recommendations, with its review."""

    read_roles = SCR_READERS
    serializer_class = CaseReviewActionSerializer

    def get_queryset(self):
        if self.is_schema_generation:
            return Action.objects.none()
        return scr_actions(board=self.board).order_by("due_date", "created_at", "id")

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return attach_recommendations(page) if page is not None else page
