from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"

    def ready(self):
        # Here, not in wagtail_hooks.py (which Wagtail imports lazily), so that a publish from any process
        # (a management command, a Celery task, a shell) invalidates the page cache.
        from .catalogue import signal_handlers as catalogue_handlers
        from .certificates import signal_handlers as certificate_handlers

        catalogue_handlers.connect()
        certificate_handlers.connect()
