from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import District, Organisation, Sector
from .viewsets import refuse_bulk_changes_to_staff

hooks.register("before_bulk_action", refuse_bulk_changes_to_staff)


class OrganisationFilterSet(WagtailFilterSet):
    class Meta:
        model = Organisation
        fields = ["sector", "is_partner", "districts_served"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "sector", "is_partner"]
    list_per_page = 50
    search_fields = ["name", "email_domains__domain"]
    search_backend_name = None  # plain ORM search: a few hundred rows
    filterset_class = OrganisationFilterSet
    ordering = ["name"]


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    menu_label = "Districts"
    list_display = ["name", "ons_code"]
    search_fields = ["name", "ons_code"]
    search_backend_name = None


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "tag"
    menu_label = "Sectors"
    list_display = ["name", "group"]
    list_filter = ["group"]
    search_fields = ["name"]
    search_backend_name = None


class PartnershipGroup(SnippetViewSetGroup):
    menu_label = "Partnership"
    menu_icon = "group"
    menu_order = 300
    items = (OrganisationViewSet, DistrictViewSet, SectorViewSet)


register_snippet(PartnershipGroup)
