"""Wagtail hooks for live training: the sessions admin (training managers: all; trainers: their own)."""

from wagtail import hooks

from .admin import session_viewset


@hooks.register("register_admin_viewset")
def register_session_viewset():
    return session_viewset
