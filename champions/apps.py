from django.apps import AppConfig


class ChampionsConfig(AppConfig):
    name = "champions"
    verbose_name = "Champion network"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
