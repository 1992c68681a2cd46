"""The courses app's models, defined in its sub-packages (one app, label ``courses``).

catalogue <- learning <- certificates (and scorm beside certificates): see each sub-package's models module.
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

__all__ = [
    "Assignment",
    "AssignmentReminder",
    "Certificate",
    "CertificateQuerySet",
    "Completion",
    "CourseIndexPage",
    "CoursePage",
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
    "Topic",
]
