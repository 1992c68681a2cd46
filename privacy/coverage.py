"""Which records about a person the export and erasure cover, and which are left out on purpose (and why).

``user_foreign_keys()`` walks the model graph: every field, on every installed model, that points at the user.
``tests/privacy/test_model_graph.py`` fails for any of them that is neither covered by both
``export.SECTIONS`` and ``erasure.STEPS`` nor listed here, so a new model with a foreign key to the user (a
session booking, say) cannot be forgotten.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings

# "app_label.Model.field" -> why neither the export nor erasure needs to handle it.
_AUTHORSHIP = (
    "staff authorship of site content: points at the account row, which an erasure leaves carrying only the "
    "pseudonym; the content itself is the partnership's, not personal data about its author"
)
EXCLUDED: dict[str, str] = {
    "wagtailcore.Page.owner": _AUTHORSHIP,
    "wagtailcore.Page.locked_by": _AUTHORSHIP,
    "wagtailcore.Revision.user": _AUTHORSHIP,
    "wagtailcore.WorkflowState.requested_by": _AUTHORSHIP,
    "wagtailcore.TaskState.finished_by": _AUTHORSHIP,
    "wagtailcore.Comment.user": _AUTHORSHIP + " (editors' comments on draft pages)",
    "wagtailcore.Comment.resolved_by": _AUTHORSHIP,
    "wagtailcore.CommentReply.user": _AUTHORSHIP + " (editors' comments on draft pages)",
    "wagtailimages.Image.uploaded_by_user": _AUTHORSHIP,
    "wagtaildocs.Document.uploaded_by_user": _AUTHORSHIP,
    "wagtailcore.UploadedFile.uploaded_by_user": "a temporary upload, deleted by Wagtail once the upload is saved",
    "wagtailcore.PageLogEntry.user": "who edited a page (editorial history); the row names only the pseudonym",
    "courses.Enrolment.enrolled_by": "the training manager who enrolled someone: a staff action on another person",
    "courses.Certificate.revoked_by": "the training manager who revoked another person's certificate",
    "champions.ChampionStatusChange.changed_by": "the manager who approved or declined another person",
    "champions.NetworkAttendance.recorded_by": "the manager who kept a register of other people",
    "champions.NetworkEvent.created_by": "the manager who created an event: the partnership's record",
    "courses.Assignment.assigned_by": "who assigned a course to someone else: the staff member's own action, kept "
    "for the audit; their name is pseudonymised with them",
    "courses.BookingStatusChange.changed_by": "who changed someone else's booking (a person's own changes are in "
    "their bookings export as 'you'): a staff action, kept for the audit; pseudonymised with them",
    "courses.DateAttendance.marked_by": "who marked a register: the staff member's own action, kept for the audit; "
    "their name is pseudonymised with them",
    "courses.TrainingSession.cancelled_by": "who cancelled a session: the partnership's record of a staff action",
    "courses.TrainingSession.register_closed_by": "who closed a session's register: a staff action on other "
    "people's attendance, kept for the audit",
    "courses.TrainingSession.trainers": "who teaches a session: the partnership's published programme, not a record "
    "about the trainer; an erased trainer is listed by their pseudonym",
    "courses.TrainingSession_trainers.user": "the through table of TrainingSession.trainers (see there)",
    "courses.ScormPackage.uploaded_by": "who uploaded a course package: staff authorship of site content",
    "champions.ManagerAgreement.recorded_by": "the training manager who recorded someone else's paper agreement "
    "(the agreement itself is in that person's export and erasure)",
    "reports.MeasureSnapshot.frozen_by": "the manager who froze a quarter's figures",
    "reports.BoardReport.requested_by": "the manager who asked for a board report",
    "privacy.ErasureRequest.person": "the record of the request and its decision, kept to show it was answered; "
    "it names only the pseudonym after the erasure (in the export under data_protection)",
    "privacy.ErasureRequest.recorded_by": "the officer who recorded someone else's request",
    "privacy.ErasureRequest.decided_by": "the officer who decided someone else's request",
    "privacy.LegalHold.person": "a hold stops erasure, so it is never erased (in the export under data_protection)",
    "privacy.LegalHold.placed_by": "the officer who placed a hold on someone else",
    "privacy.LegalHold.lifted_by": "the officer who lifted a hold on someone else",
    "privacy.RetentionNotice.person": "that the person was told their unused account will close: deleted when the "
    "account is closed or used again",
}


def user_foreign_keys() -> list[str]:
    """Every concrete relation to the user, as "app_label.Model.field", on the model that declares it."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    found = []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields():
            if field.is_relation and field.concrete and field.related_model is user_model and field.model is model:
                found.append(f"{model._meta.label}.{field.name}")
    return sorted(found)
