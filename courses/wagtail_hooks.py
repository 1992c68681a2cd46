"""Wagtail imports this module of each app; the courses app's hooks live in its sub-packages."""

from .certificates import wagtail_hooks as certificates_hooks
from .learning import wagtail_hooks as learning_hooks
from .scorm import wagtail_hooks as scorm_hooks
from .sessions import register_hooks as session_register_hooks
from .sessions import wagtail_hooks as sessions_hooks

__all__ = ["certificates_hooks", "learning_hooks", "scorm_hooks", "session_register_hooks", "sessions_hooks"]
