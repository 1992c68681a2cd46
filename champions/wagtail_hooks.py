"""The champion network in the Wagtail admin: a "Champion network" menu for training managers.

Champions (applications to approve or decline), network events (created and
edited here, each with a register to tick and a CSV import), and the
activity log with its CSV export. Every screen checks its permission.
"""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton

from home.admin_permissions import PolicyMenuItem

from . import admin_views
from .models import NetworkEvent
from .permissions import activity_policy, attendance_policy, champion_policy


class NetworkEventIndexView(generic.IndexView):
    def get_list_buttons(self, instance):
        buttons = super().get_list_buttons(instance)
        if attendance_policy.user_has_permission(self.request.user, "add"):
            buttons.insert(
                0,
                ListingButton(
                    "Register",
                    url=reverse("champions_admin:event_register", args=[instance.pk]),
                    attrs={"aria-label": f"Register for '{instance.title}'"},
                    priority=5,
                ),
            )
        return buttons


class NetworkEventCreateView(generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class NetworkEventViewSet(ModelViewSet):
    model = NetworkEvent
    name = "network_events"
    icon = "date"
    menu_label = "Network events"
    index_view_class = NetworkEventIndexView
    add_view_class = NetworkEventCreateView
    form_fields = ["title", "kind", "starts_at", "ends_at", "venue", "online_link", "district", "description"]
    list_display = ["title", "kind", "starts_at", "district"]
    list_filter = ["kind", "district"]
    search_fields = ["title", "venue"]
    search_backend_name = None  # plain ORM search: a few hundred rows at most
    ordering = ["-starts_at"]
    copy_view_enabled = False


network_events = NetworkEventViewSet()


@hooks.register("register_admin_viewset")
def register_network_events():
    return network_events


@hooks.register("register_admin_urls")
def register_champion_admin_urls():
    urls = [
        path("", admin_views.ChampionListView.as_view(), name="champions"),
        path("<int:pk>/", admin_views.ChampionReviewView.as_view(), name="champion"),
        path("events/<int:pk>/register/", admin_views.EventRegisterView.as_view(), name="event_register"),
        path("activity/", admin_views.ActivityLogView.as_view(), name="activity"),
    ]
    return [path("champions/", include((urls, "champions_admin"), namespace="champions_admin"))]


@hooks.register("register_admin_menu_item")
def register_champion_menu():
    menu = Menu(
        items=[
            PolicyMenuItem(
                "Champions",
                reverse("champions_admin:champions"),
                icon_name="group",
                order=100,
                policy=champion_policy,
                action="view",
            ),
            network_events.get_menu_item(order=200),
            PolicyMenuItem(
                "Activity log",
                reverse("champions_admin:activity"),
                icon_name="list-ul",
                order=300,
                policy=activity_policy,
                action="view",
            ),
        ]
    )
    return SubmenuMenuItem("Champion network", menu, icon_name="group", order=350)
