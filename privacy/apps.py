from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """Data protection: subject access, erasure, legal holds and the retention schedule.

    It sits above accounts, courses, champions and reports (it exports and erases their records); none of
    them imports it.
    """

    default_auto_field = "django.db.models.BigAutoField"
    name = "privacy"
    verbose_name = "Data protection"
