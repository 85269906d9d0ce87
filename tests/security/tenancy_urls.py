"""Pages for tests/security/test_tenancy.py only: one that forgets the access layer, and
two that use it (a function view and a lazily rendered class-based list)."""

from django.http import HttpResponse
from django.template import engines
from django.template.response import TemplateResponse
from django.urls import path
from django.views.generic import ListView

from board.access import BoardRoleRequiredMixin, board_view
from board.models import ALL_ROLES, Agency
from lscb.urls import urlpatterns as site_urls


def forgets_the_board(request, board_slug):
    return HttpResponse(str(Agency.objects.count()))


@board_view(*ALL_ROLES)
def counts_agencies(request):
    return HttpResponse(str(Agency.objects.count()))


class AgencyNames(BoardRoleRequiredMixin, ListView):
    """The queryset is built at import and read while the template renders, after the view
    has returned: the board's scope must still be open then."""

    allowed_roles = ALL_ROLES
    queryset = Agency.objects.order_by("name")

    def render_to_response(self, context, **kwargs):
        template = engines["django"].from_string(
            "{% for agency in object_list %}{{ agency.name }};{% endfor %}"
        )
        return TemplateResponse(self.request, template, context)


urlpatterns = [
    path("boards/<slug:board_slug>/forgets/", forgets_the_board),
    path("boards/<slug:board_slug>/counts/", counts_agencies),
    path("boards/<slug:board_slug>/names/", AgencyNames.as_view()),
    *site_urls,  # the header's navigation links to the site's pages
]
