"""Wagtail hooks for certificates: the admin viewset (listing, revoke / reinstate / reissue, history, ZIPs)."""

from wagtail import hooks

from .admin import certificate_viewset


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return certificate_viewset
