"""Background work for the champion network."""

from celery import shared_task

from . import check_ins, services


@shared_task
def lapse_expired_champions() -> dict[str, int]:
    """Nightly (see CELERY_BEAT_SCHEDULE): lapse champions whose certificate expired, restore renewed ones."""
    result = services.lapse_expired_champions()
    return {"lapsed": len(result.lapsed), "restored": len(result.restored)}


@shared_task
def run_yearly_check_ins() -> dict[str, int]:
    """Daily (see CELERY_BEAT_SCHEDULE): ask champions on their approval's anniversary; hide who did not answer."""
    result = check_ins.run_daily()
    return {"asked": result.asked, "hidden": result.hidden}
