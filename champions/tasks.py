"""Background work for the champion network."""

from celery import shared_task

from . import services


@shared_task
def lapse_expired_champions() -> dict[str, int]:
    """Nightly (see CELERY_BEAT_SCHEDULE): lapse champions whose certificate expired, restore renewed ones."""
    result = services.lapse_expired_champions()
    return {"lapsed": len(result.lapsed), "restored": len(result.restored)}
