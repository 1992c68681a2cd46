"""The courses app's models, defined in its sub-packages (one app, label ``courses``).

catalogue <- learning <- certificates (and sessions beside certificates): see each sub-package's models module.
"""

from .catalogue.models import CourseIndexPage, CoursePage, Delivery, Level, ModulePage, Topic
from .certificates.models import Certificate, CertificateQuerySet
from .learning.models import Completion, Enrolment, Evaluation, ModuleProgress, QuizAttempt
from .sessions.models import (
    Booking,
    BookingStatus,
    BookingStatusChange,
    CalendarFeed,
    DateAttendance,
    SessionDate,
    TrainingSession,
)
from .sessions.notice_models import BookingInvitation, SentReminder

__all__ = [
    "BookingInvitation",
    "SentReminder",
    "Booking",
    "BookingStatus",
    "BookingStatusChange",
    "CalendarFeed",
    "DateAttendance",
    "SessionDate",
    "TrainingSession",
    "Certificate",
    "CertificateQuerySet",
    "Completion",
    "CourseIndexPage",
    "CoursePage",
    "Delivery",
    "Enrolment",
    "Evaluation",
    "Level",
    "ModulePage",
    "ModuleProgress",
    "QuizAttempt",
    "Topic",
]
