"""The courses app's models, defined in its sub-packages (one app, label ``courses``).

catalogue <- learning <- certificates (and scorm beside certificates): see each sub-package's models module.
"""

from .catalogue.models import CourseIndexPage, CoursePage, Delivery, Level, ModulePage, Topic
from .certificates.models import Certificate, CertificateQuerySet
from .learning.models import Completion, Enrolment, Evaluation, ModuleProgress, QuizAttempt
from .scorm.models import ScormAttempt, ScormModulePage, ScormPackage

__all__ = [
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
    "ScormAttempt",
    "ScormModulePage",
    "ScormPackage",
    "Topic",
]
