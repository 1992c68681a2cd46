"""Keep what accounts.two_step caches true, whichever route adds or removes an authenticator."""

from allauth.mfa.models import Authenticator
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_save

from . import two_step


def remember_two_step_on_sign_in(sender, request, user, **kwargs):
    two_step.remember(user)


def forget_two_step(sender, instance, **kwargs):
    two_step.forget(instance.user_id)


def connect():
    user_logged_in.connect(remember_two_step_on_sign_in, dispatch_uid="accounts.two_step.sign_in")
    post_save.connect(forget_two_step, sender=Authenticator, dispatch_uid="accounts.two_step.saved")
    post_delete.connect(forget_two_step, sender=Authenticator, dispatch_uid="accounts.two_step.deleted")
