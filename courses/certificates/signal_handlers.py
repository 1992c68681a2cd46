"""Certificates follow completions: connected in ``CoursesConfig.ready()``."""

from ..learning.models import Completion
from ..learning.signals import completions_recorded


def queue_certificates_of(sender, completion_ids, **kwargs) -> int:
    from .services import queue_certificates

    return queue_certificates(completion_ids)


def connect() -> None:
    completions_recorded.connect(
        queue_certificates_of, sender=Completion, dispatch_uid="courses.certificates.completions_recorded"
    )
