"""Keep the directory current when accounts or courses change a champion's name, organisation, sector or the choices.

Signals because the changes happen in ``accounts`` and ``courses``, which
must not know about champions (the arrows point one way: champions above them).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.models import District, Organisation, Sector, User
from courses.models import Topic

from . import selectors, services
from .models import ChampionProfile, Language

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


@receiver(post_save, sender=Sector, dispatch_uid="champions_sector_saved")
def sector_saved(sender, instance: Sector, created: bool, **kwargs) -> None:
    if created:
        return
    for profile in ChampionProfile.objects.filter(user__organisation__sector=instance):
        services.refresh_search_text(profile)


def _filter_choices_changed(sender, **kwargs) -> None:
    selectors.forget_directory_filter_options()


for _model in (Organisation, District, Sector, Topic, Language):
    post_save.connect(_filter_choices_changed, sender=_model, dispatch_uid=f"champions_choices_saved_{_model.__name__}")
    post_delete.connect(
        _filter_choices_changed, sender=_model, dispatch_uid=f"champions_choices_deleted_{_model.__name__}"
    )
