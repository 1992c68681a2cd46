"""Who may use the data protection screens: Wagtail permission policies on the privacy models.

The screens (admin_views) and their menu items (wagtail_hooks) ask these, never ``has_perm`` with a string.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from .models import ErasureRequest, LegalHold, SubjectAccessExport


class _AuditPolicy(ModelPermissionPolicy):
    """``privacy.view_privacy_audit`` (declared on ErasureRequest's Meta): the action "view" names the audit log."""

    def _get_permission_codename(self, action):
        return f"{action}_privacy_audit"


# view: the requests; add: record a request made by post; decide: approve or refuse.
erasure_request_policy = ModelPermissionPolicy(ErasureRequest)
# view: people and their holds; add: place a hold; change: lift it.
legal_hold_policy = ModelPermissionPolicy(LegalHold)
# add: produce a subject-access export for someone.
export_policy = ModelPermissionPolicy(SubjectAccessExport)
# view: the audit log of data protection work.
audit_policy = _AuditPolicy(ErasureRequest)
