"""Keep the directory current when accounts or courses change a champion's name, organisation, sector or the choices.

Signals because the changes happen in ``accounts`` and ``courses``, which
must not know about champions (the arrows point one way: champions above them).
Connected in ``ChampionsConfig.ready()``, so every process (web, worker, command) keeps the directory current.
"""

from django.db.models.signals import post_delete, post_save

from accounts.models import District, Organisation, Sector, User
from courses.models import Topic

from . import selectors, services
from .models import ChampionProfile, Language

SEARCHED_USER_FIELDS = {"full_name", "job_title", "organisation", "organisation_id"}


def user_saved(sender, instance: User, created: bool, update_fields=None, **kwargs) -> None:
    if created or (update_fields is not None and not SEARCHED_USER_FIELDS & set(update_fields)):
        return  # e.g. a sign-in only updates last_login
    for profile in ChampionProfile.objects.filter(user=instance):
        services.refresh_search_text(profile)


def organisation_saved(sender, instance: Organisation, created: bool, **kwargs) -> None:
    if created:
        return
    for profile in ChampionProfile.objects.filter(user__organisation=instance):
        services.refresh_search_text(profile)


def sector_saved(sender, instance: Sector, created: bool, **kwargs) -> None:
    if created:
        return
    for profile in ChampionProfile.objects.filter(user__organisation__sector=instance):
        services.refresh_search_text(profile)


def filter_choices_changed(sender, **kwargs) -> None:
    selectors.forget_directory_filter_options()


def connect() -> None:
    post_save.connect(user_saved, sender=User, dispatch_uid="champions_user_saved")
    post_save.connect(organisation_saved, sender=Organisation, dispatch_uid="champions_organisation_saved")
    post_save.connect(sector_saved, sender=Sector, dispatch_uid="champions_sector_saved")
    for model in (Organisation, District, Sector, Topic, Language):
        post_save.connect(
            filter_choices_changed, sender=model, dispatch_uid=f"champions_choices_saved_{model.__name__}"
        )
        post_delete.connect(
            filter_choices_changed, sender=model, dispatch_uid=f"champions_choices_deleted_{model.__name__}"
        )
