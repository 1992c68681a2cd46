"""Certificates keep what they certify (name, course, CPD hours), count their renderings, and record reminders.

Existing rows get the name, course and hours of their completion, and a code in the normalised form.
"""

import secrets

from django.conf import settings
from django.db import migrations, models

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _new_code() -> str:
    return "".join(CROCKFORD[secrets.randbelow(32)] for _ in range(16))


def copy_from_completions(apps, schema_editor):
    Certificate = apps.get_model("courses", "Certificate")
    taken = set(Certificate.objects.values_list("code", flat=True))
    for certificate in Certificate.objects.select_related("completion__user", "completion__course"):
        completion = certificate.completion
        certificate.holder_name = completion.user.full_name or completion.user.email
        certificate.course_title = completion.course.title
        certificate.cpd_hours = completion.course.cpd_hours
        if len(certificate.code) != 16 or any(c not in CROCKFORD for c in certificate.code):
            code = _new_code()
            while code in taken:
                code = _new_code()
            taken.add(code)
            certificate.code = code
        certificate.save(update_fields=["holder_name", "course_title", "cpd_hours", "code"])


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_role_permissions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="certificate",
            options={"ordering": ["-issued_on", "-pk"]},
        ),
        migrations.AddField(
            model_name="certificate",
            name="course_title",
            field=models.CharField(default="", help_text="The course title on the certificate.", max_length=255),
        ),
        migrations.AddField(
            model_name="certificate",
            name="cpd_hours",
            field=models.DecimalField(decimal_places=1, default=0, max_digits=4, verbose_name="CPD hours"),
        ),
        migrations.AddField(
            model_name="certificate",
            name="expired_at",
            field=models.DateTimeField(blank=True, help_text="When the daily task marked it expired.", null=True),
        ),
        migrations.AddField(
            model_name="certificate",
            name="holder_name",
            field=models.CharField(default="", help_text="The name on the certificate.", max_length=150),
        ),
        migrations.AddField(
            model_name="certificate",
            name="ready_notified_at",
            field=models.DateTimeField(
                blank=True, help_text="When the holder was emailed that the certificate is ready.", null=True
            ),
        ),
        migrations.AddField(
            model_name="certificate",
            name="reminder_14_sent_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="certificate",
            name="reminder_60_sent_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="certificate",
            name="render_queued_at",
            field=models.DateTimeField(
                blank=True, help_text="When a rendering was last asked for (so that one is not asked twice).", null=True
            ),
        ),
        migrations.AddField(
            model_name="certificate",
            name="revision",
            field=models.PositiveSmallIntegerField(default=1, help_text="1 when issued, one more at each reissue."),
        ),
        migrations.AlterField(
            model_name="certificate",
            name="pdf",
            field=models.FileField(blank=True, max_length=200, upload_to="certificates/"),
        ),
        migrations.AddIndex(
            model_name="certificate",
            index=models.Index(fields=["issued_on"], name="courses_cer_issued__7a6bd4_idx"),
        ),
        migrations.RunPython(copy_from_completions, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="certificate",
            constraint=models.CheckConstraint(
                condition=models.Q(("code__regex", "^[0-9A-HJKMNP-TV-Z]{16}$")), name="certificate_code_normalised"
            ),
        ),
        migrations.AddConstraint(
            model_name="certificate",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("expires_on__isnull", True), ("expires_on__gt", models.F("issued_on")), _connector="OR"
                ),
                name="certificate_expires_after_issue",
            ),
        ),
        migrations.AddConstraint(
            model_name="certificate",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("revoked_at__isnull", True), ("revoked_reason", "")),
                    models.Q(("revoked_at__isnull", False), models.Q(("revoked_reason", ""), _negated=True)),
                    _connector="OR",
                ),
                name="certificate_revoked_with_reason",
            ),
        ),
        migrations.AddConstraint(
            model_name="certificate",
            constraint=models.CheckConstraint(
                condition=models.Q(("revision__gte", 1)), name="certificate_revision_from_1"
            ),
        ),
        migrations.AddConstraint(
            model_name="certificate",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("holder_name", ""), _negated=True), models.Q(("course_title", ""), _negated=True)
                ),
                name="certificate_names_what_it_certifies",
            ),
        ),
    ]
