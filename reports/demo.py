"""Demo figures: two years of imported training history, and the last complete quarter frozen.

Not everyone who started a course finished it, and most learners said what they thought of theirs: the
courses demo adds those unfinished enrolments and evaluations to the same people (``courses.demo``)
before the quarter is frozen, so the frozen figures have them too.

The history goes in through the courses app's own import (``courses.importing``),
as a partnership's real history would, so reports writes no learning record
itself. The same file is made on every run in the same quarter, and the
import skips what is already there, so running it again changes nothing. No
API token is made: a token is a secret that only its owner should ever see.
"""

from __future__ import annotations

import csv
import datetime
import io
import random

from django.utils import timezone

from accounts.models import District, Organisation, User
from courses import demo as courses_demo
from courses.learning.importing import import_completions
from courses.models import CoursePage

from . import periods as p
from . import services
from .models import MeasureSnapshot

PEOPLE = 500
QUARTERS = 8
EMAIL = "history-{:03d}@demo.dasv-learning.example"
FIRST_NAMES = ["Amira", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Harry", "Isla", "Jay", "Kiran", "Leah"]
SURNAMES = ["Ahmed", "Brown", "Clarke", "Davies", "Evans", "Foster", "Green", "Hughes", "Iqbal", "Jones", "Khan"]


def history_csv(today: datetime.date) -> bytes | None:
    """The demo history as an import file, or None when there are no courses or organisations to use."""
    courses = list(CoursePage.objects.live().order_by("pk").values_list("slug", "is_champion_training"))
    organisations = list(Organisation.objects.filter(is_partner=True).order_by("name").values_list("name", flat=True))
    districts = list(
        District.objects.exclude(slug="outside-the-area").order_by("sort_order").values_list("name", flat=True)
    )
    if not courses or not organisations or not districts:
        return None
    quarters = p.quarters_ending_with(p.last_complete_quarter(today), QUARTERS)
    rng = random.Random(2026)  # the same people and dates on every run
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["email", "full_name", "organisation", "district", "course", "completed_on"])
    for n in range(PEOPLE):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        organisation = rng.choice(organisations)
        district = rng.choice(districts)
        taken = rng.sample(courses, k=min(len(courses), rng.choice([1, 1, 2, 3])))
        for slug, is_champion_training in taken:
            if is_champion_training and rng.random() < 0.7:
                continue  # champion training is for the few
            quarter = rng.choice(quarters)
            day = quarter.start + datetime.timedelta(days=rng.randrange(quarter.days))
            writer.writerow([EMAIL.format(n), name, organisation, district, slug, day.isoformat()])
    return out.getvalue().encode()


def load(stdout) -> int:
    today = timezone.localdate()
    created = 0
    data = history_csv(today)
    if data is not None:
        # The figures need the history, not 700 certificate PDFs rendered in this process (tasks run eagerly).
        summary = import_completions(data, today=today, queue_certificates=False)
        if summary.imported:
            stdout.write(f"  imported demo training history: {summary}")
            created += summary.imported
        people = list(User.objects.filter(email__startswith="history-", email__endswith="@demo.dasv-learning.example"))
        quarters = p.quarters_ending_with(p.last_complete_quarter(today), QUARTERS)
        added = courses_demo.add_to_history(people, quarters[0].start, quarters[-1].end)
        if added:
            stdout.write(
                f"  added to the history: {added['in progress']} courses in progress, {added['withdrawn']} "
                f"withdrawn and {added['evaluations']} evaluations"
            )
            created += added.total()
    quarter = p.last_complete_quarter(today)
    if not MeasureSnapshot.objects.filter(period=quarter.label).exists() and data is not None:
        services.freeze(quarter, today=today)
        stdout.write(f"  froze the figures for {quarter.label} (the last complete quarter)")
        created += 1
    return created
