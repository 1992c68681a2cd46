"""Page numbers from the query string, for every list on the site that paginates.

A page number is whatever a person (or a probe) puts in the URL: ``?page=99999999999999999999``
must show the last page, not make the database fail on an OFFSET past a 64-bit integer, and
anything that is not a whole number shows the first page.
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator

# Far past the end of any list here, and small enough that (number - 1) * page size stays a
# valid OFFSET on SQLite and PostgreSQL; a number beyond it is "past the end" like any other.
MAX_PAGE_NUMBER = 1_000_000


def page_number(raw: str | int | None) -> int:
    """The page asked for, from 1 to ``MAX_PAGE_NUMBER``; 1 if it is not a whole number."""
    try:
        number = int(str(raw).strip()) if raw not in (None, "") else 1
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE_NUMBER)


def get_page(paginator: Paginator, raw: str | int | None) -> Page:
    """The page asked for, clamped to the pages there are (the last page for a number past the end)."""
    return paginator.get_page(page_number(raw))


class ClampedPageMixin:
    """For Wagtail's listing views (``BaseListingView``, ``ReportView``): the page number read as every list
    here reads it (a negative or unreadable number is the first page), not as Django's ``get_page`` would."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset, page_size, orphans=self.get_paginate_orphans(), allow_empty_first_page=self.get_allow_empty()
        )
        page = get_page(paginator, self.request.GET.get(self.page_kwarg))
        return (paginator, page, page.object_list, page.has_other_pages())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context.get("page_obj") is not None:
            # Wagtail's page links count from the page shown, not from the number in the address.
            context["elided_page_range"] = context["paginator"].get_elided_page_range(context["page_obj"].number)
        return context
