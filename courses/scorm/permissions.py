"""Who may use the SCORM screens: Wagtail permission policies on the SCORM models.

The screens (admin_views) and their menu item (wagtail_hooks) ask these, never ``has_perm`` with a string.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from .models import ScormAttempt, ScormPackage

# change: the packages screen and withdrawing a version; add: upload a package (a new version).
package_policy = ModelPermissionPolicy(ScormPackage)
# view: the learners' attempts of a SCORM module.
attempt_policy = ModelPermissionPolicy(ScormAttempt)
