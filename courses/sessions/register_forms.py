"""The register's upload form (a paper sign-in sheet, see ``register_import``)."""

from django import forms

from .register_import import COLUMNS


class RegisterImportForm(forms.Form):
    file = forms.FileField(
        label="Sign-in sheet (CSV)",
        help_text="Columns " + ",".join(COLUMNS) + " (date YYYY-MM-DD, attended yes or no). If any line has a "
        "problem, nothing is imported and every problem is listed with its line number.",
    )
