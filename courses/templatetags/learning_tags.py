"""Template tags that show a person's learning on pages other apps own (the home page), without those apps
importing courses: the arrows between apps stay one way (home at the bottom)."""

from django import template

from courses.learning import selectors

register = template.Library()


@register.inclusion_tag("courses/_welcome_back.html", takes_context=True)
def welcome_back(context):
    """The signed-in home page's "Welcome back" block: continue where you left off, courses in progress, and
    the way to the person's tools if they are staff."""
    request = context["request"]
    return {
        "user": request.user,
        "perms": context.get("perms"),
        "welcome": selectors.welcome_back(request.user),
    }
