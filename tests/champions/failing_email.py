"""An email backend whose mail server is down (a real failure mode, not a mock of our own code)."""

from django.core.mail.backends.base import BaseEmailBackend


class Backend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("The mail server refused the connection.")
