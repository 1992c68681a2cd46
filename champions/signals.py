"""Keep the directory's search text current when accounts change a champion's name or organisation.

A signal because the change happens in ``accounts``, which must not know
about champions (the arrows point one way: champions above accounts).
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from accounts.models import Organisation, User

from . import services
from .models import ChampionProfile

SEARCHED_USER_FIELDS = {"full_name", "job_title", "organisation", "organisation_id"}


@receiver(post_save, sender=User, dispatch_uid="champions_user_saved")
def user_saved(sender, instance: User, created: bool, update_fields=None, **kwargs) -> None:
    if created or (update_fields is not None and not SEARCHED_USER_FIELDS & set(update_fields)):
        return  # e.g. a sign-in only updates last_login
    for profile in ChampionProfile.objects.filter(user=instance):
        services.refresh_search_text(profile)


@receiver(post_save, sender=Organisation, dispatch_uid="champions_organisation_saved")
def organisation_saved(sender, instance: Organisation, created: bool, **kwargs) -> None:
    if created:
        return
    for profile in ChampionProfile.objects.filter(user__organisation=instance):
        services.refresh_search_text(profile)
