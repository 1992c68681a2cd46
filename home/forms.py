from django import forms
from django.forms.renderers import TemplatesSetting

from .text import clean_search_text


class SiteFormRenderer(TemplatesSetting):
    """Renders every form with the site's accessible field template."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class SearchField(forms.CharField):
    """A search box: NUL and other control characters are taken out before anything else sees the text.

    A plain CharField refuses NUL, which a search form then drops without a word; searching for what
    was meant (``Pri\\x00ya`` finds Priya) is kinder, and nothing unsafe reaches the database.
    """

    def to_python(self, value):
        return clean_search_text(super().to_python(value), self.max_length or 200)
