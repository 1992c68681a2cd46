"""Reads about the champion network, for this app and for reports.

The four measure inputs at the top are the contract with ``reports``: each
returns a QuerySet of dicts with at least ``user_id``, ``organisation_id``,
``sector_id`` and ``district_id``, the person's place *copied onto the
record when it was made*, so a past figure never changes when somebody
moves job. Days are Europe/London days; periods are inclusive.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Value, Window
from django.db.models.functions import StrIndex
from django.utils import timezone

from accounts.models import District, Organisation, Sector, User
from courses.models import Topic
from home import pagination
from home.dates import day_bounds

from .models import (
    ChampionActivity,
    ChampionContact,
    ChampionProfile,
    ChampionStatus,
    ChampionStatusChange,
    Language,
    NetworkAttendance,
    NetworkEvent,
)

PLACE = ("organisation_id", "sector_id", "district_id")


def _latest_change_on_or_before(day: datetime.date, **filters) -> Subquery:
    """The id of the profile's last status change made on or before ``day`` (matching ``filters``)."""
    return Subquery(
        ChampionStatusChange.objects.filter(profile=OuterRef("profile"), changed_on__lte=day, **filters)
        .order_by("-changed_on", "-changed_at", "-pk")
        .values("pk")[:1]
    )


def _status_changes_active_on(day: datetime.date) -> QuerySet[ChampionStatusChange]:
    """For each profile active at the end of ``day``: the change that made it active."""
    return ChampionStatusChange.objects.filter(
        changed_on__lte=day, to_status=ChampionStatus.ACTIVE, pk=_latest_change_on_or_before(day)
    )


def active_champions_on(day: datetime.date) -> QuerySet:
    """Champions whose status at the end of ``day`` was active, read from the status history.

    One row per champion: ``user_id`` and the place copied when they became
    active, plus ``became_active_on``.
    """
    return _status_changes_active_on(day).values("user_id", *PLACE, became_active_on=F("changed_on"))


def new_champions(start: datetime.date, end: datetime.date) -> QuerySet:
    """Champions who became active in [start, end]: a first approval, or a restoration after lapsing.

    One row per transition into active (someone who lapsed and renewed in the
    same period appears twice: count distinct ``user_id`` for people), with
    ``became_active_on``.
    """
    return (
        ChampionStatusChange.objects.filter(to_status=ChampionStatus.ACTIVE, changed_on__range=(start, end))
        .order_by("changed_on", "pk")
        .values("user_id", *PLACE, became_active_on=F("changed_on"))
    )


def _active_in_period(start: datetime.date, end: datetime.date) -> QuerySet[ChampionStatusChange]:
    """One change per person active on any day of [start, end]: their last move into active up to ``end``.

    Someone was active on some day of the period when either they moved into
    active during it, or the last change on or before ``start`` left them
    active. In both cases their last move into active on or before ``end`` is
    the record to count (the place copied then).
    """
    return ChampionStatusChange.objects.filter(
        to_status=ChampionStatus.ACTIVE,
        changed_on__lte=end,
        pk=_latest_change_on_or_before(end, to_status=ChampionStatus.ACTIVE),
    ).filter(Q(changed_on__gte=start) | Q(pk=_latest_change_on_or_before(start)))


def _attended_in_period(start: datetime.date, end: datetime.date) -> QuerySet[NetworkAttendance]:
    """One attendance per person at an event starting in [start, end] (their latest)."""
    lower, upper = day_bounds(start, end)
    in_period = NetworkAttendance.objects.filter(event__starts_at__gte=lower, event__starts_at__lt=upper)
    latest = Subquery(in_period.filter(user=OuterRef("user")).order_by("-event__starts_at", "-pk").values("pk")[:1])
    return in_period.filter(pk=latest)


def _contacted_in_period(start: datetime.date, end: datetime.date) -> QuerySet[ChampionContact]:
    """One contact per sender in [start, end] (their latest)."""
    in_period = ChampionContact.objects.filter(sent_on__range=(start, end))
    latest = Subquery(in_period.filter(sender=OuterRef("sender")).order_by("-sent_at", "-pk").values("pk")[:1])
    return in_period.filter(pk=latest)


def champion_network_access(start: datetime.date, end: datetime.date) -> QuerySet:
    """People who accessed the DA Champion Network in [start, end], one row per (person, way).

    ``via`` is ``"active"`` (an active champion on any day of the period,
    from the status history), ``"attended"`` (attended a network event held
    in the period) or ``"contacted"`` (contacted a champion through the
    directory in the period; the sender). The place is the one copied on the
    record counted. Completing champion training is the fourth way into the
    measure; reports read that from ``courses.Completion``.

    The result is a ``union()``: it can be iterated, counted, ordered and
    sliced, but not filtered further (aggregate in Python or wrap it).
    """
    # Each part without ordering (SQLite refuses ORDER BY inside a UNION); the columns line up by position.
    active = _active_in_period(start, end).order_by().values("user_id", *PLACE, via=Value("active"))
    attended = _attended_in_period(start, end).order_by().values("user_id", *PLACE, via=Value("attended"))
    contacted = _contacted_in_period(start, end).order_by().values("sender_id", *PLACE, via=Value("contacted"))
    return active.union(attended, contacted, all=True)


def champion_activity(start: datetime.date, end: datetime.date) -> QuerySet:
    """Activity champions logged for days in [start, end]: each row's ``people_reached`` feeds ``colleagues_reached``.

    Keys: ``user_id`` (the champion), the place copied when it was logged,
    ``people_reached``, ``topic_id`` (a ``courses.Topic`` or None), ``kind``
    and ``activity_date``.
    """
    return (
        ChampionActivity.objects.filter(activity_date__range=(start, end))
        .order_by("activity_date", "pk")
        .values("user_id", *PLACE, "people_reached", "topic_id", "kind", "activity_date")
    )


# --- The champion's own records --------------------------------------------------------------------------


def champion_profile_for(user: User) -> ChampionProfile | None:
    if not user.is_authenticated:
        return None
    return (
        ChampionProfile.objects.filter(user=user)
        .select_related("user__organisation__sector", "user__district")
        .prefetch_related("specialisms", "languages", "districts")
        .first()
    )


def is_active_champion(user: User) -> bool:
    return bool(
        user.is_authenticated and ChampionProfile.objects.filter(user=user, status=ChampionStatus.ACTIVE).exists()
    )


def status_history(profile: ChampionProfile) -> QuerySet[ChampionStatusChange]:
    return profile.status_changes.select_related("changed_by", "agreement__recorded_by").order_by("-changed_at", "-pk")


def activities_of(profile: ChampionProfile) -> QuerySet[ChampionActivity]:
    return profile.activities.select_related("topic").order_by("-activity_date", "-logged_at")


def events_attended_by(user: User) -> QuerySet[NetworkEvent]:
    return NetworkEvent.objects.filter(attendances__user=user).select_related("district").order_by("-starts_at")


def upcoming_network_events(now: datetime.datetime | None = None, limit: int = 10) -> QuerySet[NetworkEvent]:
    """Network events that have not finished yet, soonest first (for champions' dashboards)."""
    now = now or timezone.now()
    return NetworkEvent.objects.filter(ends_at__gte=now).select_related("district").order_by("starts_at")[:limit]


# --- The directory ---------------------------------------------------------------------------------------


def in_directory() -> QuerySet[ChampionProfile]:
    """Champions anyone signed in may find: active, chose to be visible, confirmed their yearly check-in in time
    (``unconfirmed_since`` is blank), and their account is open."""
    return ChampionProfile.objects.filter(
        status=ChampionStatus.ACTIVE, visible_in_directory=True, unconfirmed_since__isnull=True, user__is_active=True
    )


def directory_champion(profile_id: int) -> ChampionProfile | None:
    """One champion's directory entry, or None when they are not (or no longer) in the directory."""
    profile = (
        in_directory().filter(pk=profile_id).select_related("user__organisation__sector", "user__district").first()
    )
    return attach_directory_details([profile])[0] if profile else None


@dataclass
class DirectoryQuery:
    """What the directory was asked for, after unknown values were dropped (see ``ignored``)."""

    text: str = ""
    district: FilterOption | None = None
    sector: FilterOption | None = None
    organisation: FilterOption | None = None
    specialism: FilterOption | None = None
    language: FilterOption | None = None
    sort: str = "relevance"
    ignored: list[str] = field(default_factory=list)
    # Champions covering the whole county appear under every district: the id of "Countywide", if known.
    countywide_id: int | None = None

    @property
    def terms(self) -> list[str]:
        # At most six words: enough for a name and an organisation, and a bound on the query's size.
        return [t for t in self.text.lower().split() if t][:6]


def search_directory(query: DirectoryQuery) -> QuerySet[ChampionProfile]:
    """Champions in the directory matching the query, ready to page through.

    The account, organisation, sector and district come with each row; give a
    page of them their specialisms, languages and districts covered with
    ``attach_directory_details``.

    Text: every word must appear in the champion's name, job title,
    organisation (its name, sector or sector group: "police" finds the
    Constabulary's champions), bio, specialisms, languages or districts. District: champions
    covering it, or covering the whole county. Relevance ranks champions by
    where the words appear in their search text, which starts with the name,
    then the job title, then the organisation and its sector: a name match comes before a job
    or organisation match, which comes before a match in the bio; then by name.
    Filtering and ranking read the champion's own row (no joins but the
    account's), so the query stays cheap however many champions there are.
    """
    champions = in_directory()
    for term in query.terms:
        champions = champions.filter(search_text__contains=term)
    if query.district is not None:
        district_ids = {query.district.pk, query.countywide_id} - {None}
        covers = ChampionProfile.districts.through.objects.filter(
            championprofile_id=OuterRef("pk"), district_id__in=district_ids
        )
        champions = champions.filter(Exists(covers))
    if query.sector is not None:
        champions = champions.filter(user__organisation__sector_id=query.sector.pk)
    if query.organisation is not None:
        champions = champions.filter(user__organisation_id=query.organisation.pk)
    if query.specialism is not None:
        champions = champions.filter(
            Exists(
                ChampionProfile.specialisms.through.objects.filter(
                    championprofile_id=OuterRef("pk"), topic_id=query.specialism.pk
                )
            )
        )
    if query.language is not None:
        champions = champions.filter(
            Exists(
                ChampionProfile.languages.through.objects.filter(
                    championprofile_id=OuterRef("pk"), language_id=query.language.pk
                )
            )
        )

    if query.terms and query.sort == "relevance":
        position = sum(
            (StrIndex("search_text", Value(term)) for term in query.terms[1:]),
            StrIndex("search_text", Value(query.terms[0])),
        )
        champions = champions.annotate(position=position).order_by("position", "user__full_name", "pk")
    else:
        champions = champions.order_by("user__full_name", "pk")

    return champions.select_related("user__organisation__sector", "user__district")


DIRECTORY_PAGE_SIZE = 20


def directory_page(query: DirectoryQuery, page_number: str | int | None) -> Page:
    """One page of the directory's results (with their tags) and how many match in all.

    The total comes with the page's rows (``COUNT(*) OVER ()``), so the
    matching champions are found once, not once to count and again to list.
    A page number past the end shows the last page; anything else not a
    number shows the first.
    """
    number = pagination.page_number(page_number)
    matches = search_directory(query)
    counted = matches.annotate(total_matches=Window(Count("pk")))

    def rows_of(page: int) -> list[ChampionProfile]:
        start = (page - 1) * DIRECTORY_PAGE_SIZE
        return list(counted[start : start + DIRECTORY_PAGE_SIZE])

    rows = rows_of(number)
    if rows:
        total = rows[0].total_matches
    elif number > 1 and (total := matches.count()):
        number = (total - 1) // DIRECTORY_PAGE_SIZE + 1
        rows = rows_of(number)
    else:
        total = 0
    paginator = Paginator(matches, DIRECTORY_PAGE_SIZE)
    paginator.count = total  # known already: the paginator must not count again
    return Page(attach_directory_details(rows), number, paginator)


def attach_directory_details(profiles: list[ChampionProfile]) -> list[ChampionProfile]:
    """Give each champion ``specialism_names``, ``language_names`` and ``district_names`` (three queries in all).

    Cheaper than ``prefetch_related`` for a page of results: names only, no model instances or per-champion
    querysets, which is most of a directory page's Python time.
    """
    ids = [profile.pk for profile in profiles]
    relations = [
        ("specialism_names", ChampionProfile.specialisms.through, "topic"),
        ("language_names", ChampionProfile.languages.through, "language"),
        ("district_names", ChampionProfile.districts.through, "district"),
    ]
    for attribute, through, target in relations:
        names: dict[int, list[str]] = defaultdict(list)
        if ids:
            rows = (
                through.objects.filter(championprofile_id__in=ids)
                .order_by(f"{target}__sort_order", f"{target}__name")
                .values_list("championprofile_id", f"{target}__name")
            )
            for profile_id, name in rows:
                names[profile_id].append(name)
        for profile in profiles:
            setattr(profile, attribute, names[profile.pk])
    return profiles


@dataclass(frozen=True)
class FilterOption:
    """One choice of a directory filter: a district, sector, organisation, specialism or language."""

    pk: int
    slug: str
    name: str

    def __str__(self) -> str:
        return self.name


DIRECTORY_OPTIONS_CACHE_KEY = "champions:directory-filter-options"
DIRECTORY_OPTIONS_SECONDS = 300


def directory_filter_options() -> dict[str, list[FilterOption]]:
    """The choices for the directory's filters, cached: five reference lists read on every search.

    Saving or deleting an organisation, district, sector, topic or language
    clears the cache (champions.signal_handlers); with a per-process cache, other
    processes see the change within ``DIRECTORY_OPTIONS_SECONDS``.
    """
    options = cache.get(DIRECTORY_OPTIONS_CACHE_KEY)
    if options is None:
        options = {
            key: [FilterOption(pk, slug, name) for pk, slug, name in queryset]
            for key, queryset in (
                ("districts", District.objects.order_by("sort_order", "name").values_list("pk", "slug", "name")),
                ("sectors", Sector.objects.order_by("sort_order", "name").values_list("pk", "slug", "name")),
                ("organisations", Organisation.objects.order_by("name").values_list("pk", "pk", "name")),
                ("specialisms", Topic.objects.order_by("sort_order", "name").values_list("pk", "slug", "name")),
                ("languages", Language.objects.order_by("sort_order", "name").values_list("pk", "slug", "name")),
            )
        }
        cache.set(DIRECTORY_OPTIONS_CACHE_KEY, options, DIRECTORY_OPTIONS_SECONDS)
    return options


def forget_directory_filter_options() -> None:
    cache.delete(DIRECTORY_OPTIONS_CACHE_KEY)


# --- For training managers -------------------------------------------------------------------------------


def champions_by_status(status: str | None = None) -> QuerySet[ChampionProfile]:
    champions = ChampionProfile.objects.select_related("user__organisation", "user__district")
    if status:
        champions = champions.filter(status=status)
    return champions.order_by("user__full_name", "pk")


def unconfirmed_champions() -> QuerySet[ChampionProfile]:
    """Active champions hidden from the directory because they did not answer their yearly check-in in time.

    They are still active champions (and counted in ``active_champions``): hiding is not lapsing.
    """
    return champions_by_status(ChampionStatus.ACTIVE).filter(unconfirmed_since__isnull=False)


def unconfirmed_champions_count() -> int:
    """How many ``unconfirmed_champions`` there are (the managers' dashboard shows it)."""
    return ChampionProfile.objects.filter(status=ChampionStatus.ACTIVE, unconfirmed_since__isnull=False).count()


def activity_log(start: datetime.date | None = None, end: datetime.date | None = None) -> QuerySet[ChampionActivity]:
    """Every logged activity (optionally for days in [start, end]), newest first, for managers and the export."""
    activities = ChampionActivity.objects.select_related("user", "organisation", "district", "topic")
    if start:
        activities = activities.filter(activity_date__gte=start)
    if end:
        activities = activities.filter(activity_date__lte=end)
    return activities.order_by("-activity_date", "-logged_at", "-pk")


def event_register(event: NetworkEvent) -> list[tuple[User, bool]]:
    """Who can be ticked on an event's register: active champions plus anyone already marked, with their mark."""
    attended_ids = set(event.attendances.values_list("user_id", flat=True))
    people = (
        User.objects.filter(Q(champion_profile__status=ChampionStatus.ACTIVE) | Q(pk__in=attended_ids))
        .select_related("organisation")
        .order_by("full_name", "pk")
        .distinct()
    )
    return [(person, person.pk in attended_ids) for person in people]


def network_events() -> QuerySet[NetworkEvent]:
    from django.db.models import Count

    return (
        NetworkEvent.objects.select_related("district").annotate(attended=Count("attendances")).order_by("-starts_at")
    )
