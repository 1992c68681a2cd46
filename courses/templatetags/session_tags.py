"""Live training on pages the catalogue and learning own (the course page, My learning), without those
packages importing sessions: the arrows inside courses/ stay one way (sessions beside certificates)."""

from django import template

from courses.sessions import selectors

register = template.Library()


@register.inclusion_tag("courses/sessions/_course_sessions.html")
def course_sessions(course):
    """A course's upcoming sessions: dates (Europe/London), place and seats left (two queries)."""
    return {"course": course, "rows": selectors.upcoming_sessions(course)}


@register.inclusion_tag("courses/sessions/_my_sessions.html", takes_context=True)
def my_sessions(context):
    """The signed-in person's requested, booked and waitlisted sessions, with a cancel button each."""
    request = context["request"]
    return {"bookings": selectors.my_open_bookings(request.user), "csrf_token": context.get("csrf_token")}
