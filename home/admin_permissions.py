"""The one way the admin screens check permissions: Wagtail's permission policies.

Each app names its policies in its ``permissions.py`` (as ``wagtail.contrib.redirects`` does); a screen is a
view with Wagtail's ``PermissionCheckedMixin`` (``permission_policy`` and ``permission_required``), and its menu
item is a ``PolicyMenuItem`` asking the same policy the same question, so the menu shows exactly the screens a
person may open. A refusal raises ``PermissionDenied``, which Wagtail's admin turns into its "no permission"
redirect to the dashboard.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies.base import BasePermissionPolicy


class PolicyMenuItem(MenuItem):
    """A menu item shown to the people whom ``policy`` allows ``action`` (the check its screen makes)."""

    def __init__(self, *args, policy: BasePermissionPolicy, action: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.policy = policy
        self.action = action

    def is_shown(self, request):
        return self.policy.user_has_permission(request.user, self.action)


class _LoadsWhatTheUrlNames:
    def dispatch(self, request, *args, **kwargs):
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, **kwargs) -> None:
        """Look up what the URL names (after the permission check)."""


class PolicyCheckedMixin(PermissionCheckedMixin, _LoadsWhatTheUrlNames):
    """``PermissionCheckedMixin``, then ``load()`` what the URL names.

    Only after the check (``PermissionCheckedMixin.dispatch`` comes first in the MRO): someone refused gets the
    same answer for an id that exists and one that does not, so the admin's addresses tell outsiders nothing.
    A screen that names no policy or action is a mistake, not an open screen: it fails loudly.
    """

    def dispatch(self, request, *args, **kwargs):
        # Wagtail's mixin lets everyone in when there is no policy or no action: here that is a mistake.
        if not self.permission_policy or (self.permission_required is None and self.any_permission_required is None):
            raise ImproperlyConfigured(f"{type(self).__name__} names no permission_policy and permission_required.")
        return super().dispatch(request, *args, **kwargs)


class PolicyCheckedAdminView(PolicyCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """An admin screen open only to users whom ``permission_policy`` allows ``permission_required`` (checked on
    every request, before ``load()`` fetches what the screen is about)."""

    # The screens above this one, as (URL name, label), between "Home" and this screen's own title.
    parent_breadcrumbs: tuple[tuple[str, str], ...] = ()

    def get_breadcrumbs_items(self):
        # Wagtail's mixin gives only "Home", and its slim header shows the breadcrumbs as the visible title (the
        # page's h1 is for screen readers only): every screen would read "Home". End them with this screen.
        return [
            *self.breadcrumbs_items,
            *({"url": reverse(name), "label": label} for name, label in self.parent_breadcrumbs),
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]
