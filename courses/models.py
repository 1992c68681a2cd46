"""The courses app's models, defined in its sub-packages (one app, label ``courses``).

catalogue <- learning <- certificates, with scorm and sessions beside certificates: see each sub-package's models.
"""

from .catalogue.models import CourseIndexPage, CoursePage, Delivery, Level, ModulePage, Topic
from .certificates.models import Certificate, CertificateQuerySet
from .learning.models import (
    Assignment,
    AssignmentReminder,
    Completion,
    Enrolment,
    Evaluation,
    FollowUp,
    ModuleProgress,
    QuizAttempt,
)
from .scorm.models import ScormAttempt, ScormModulePage, ScormPackage
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
    "Assignment",
    "AssignmentReminder",
    "BookingInvitation",
    "SentReminder",
    "Booking",
    "BookingStatus",
    "BookingStatusChange",
    "CalendarFeed",
    "Certificate",
    "CertificateQuerySet",
    "Completion",
    "CourseIndexPage",
    "CoursePage",
    "DateAttendance",
    "Delivery",
    "Enrolment",
    "Evaluation",
    "FollowUp",
    "Level",
    "ModulePage",
    "ModuleProgress",
    "QuizAttempt",
    "ScormAttempt",
    "ScormModulePage",
    "ScormPackage",
    "SessionDate",
    "Topic",
    "TrainingSession",
]
