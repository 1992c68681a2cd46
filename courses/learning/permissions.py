"""Who may use the training managers' "Learning" screens: Wagtail permission policies on learning's models.

The screens (admin_views) and their menu items (wagtail_hooks) ask these, never ``has_perm`` with a string.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from accounts.models import User

from .models import Assignment, Completion, Enrolment

# view: a course's enrolments; add: enrol people; change: withdraw enrolments.
enrolment_policy = ModelPermissionPolicy(Enrolment)
# add: import completion history.
completion_policy = ModelPermissionPolicy(Completion)
# view: people's email addresses in the enrolment lists (training managers have it, trainers do not: accounts.0004).
user_policy = ModelPermissionPolicy(User)
# view: the list of assignments; add: assign a course (training managers, in the admin).
assignment_policy = ModelPermissionPolicy(Assignment)
