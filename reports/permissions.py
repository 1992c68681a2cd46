"""Who may see the measures and freeze them: a Wagtail permission policy for the Measures screens.

The permissions are ``reports.view_measures`` and ``reports.freeze_measures`` (on ``MeasureSnapshot``, see its
Meta): the actions are "view" and "freeze", and the policy names them after the measures, not the model.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from .models import MeasureSnapshot


class MeasuresPermissionPolicy(ModelPermissionPolicy):
    """``<action>_measures`` rather than Django's ``<action>_measuresnapshot``."""

    def _get_permission_codename(self, action):
        return f"{action}_measures"


# view: the dashboard, its exports, the completions CSV and the board reports' PDFs; freeze: create a board report.
measures_policy = MeasuresPermissionPolicy(MeasureSnapshot)
