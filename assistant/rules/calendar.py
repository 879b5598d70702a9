"""Working days and ALV deadlines ("negen werkdagen voorafgaand aan de ALV").

Convention (issue 4, overrides rules.md §3): count back from the ALV date, the ALV day itself not counted,
skipping Saturdays, Sundays and the *algemeen erkende feestdagen* of the Algemene termijnenwet art. 3
(Nieuwjaarsdag, Goede Vrijdag (lid 2), Tweede Paasdag, Koningsdag, 5 mei every year, Hemelvaartsdag, Tweede
Pinksterdag, Eerste and Tweede Kerstdag) plus configurable extra days (royal-decree days, office closures;
``Settings.extra_non_working_days``, default none). Bridge days are working days. The 9th working day is the
deadline, 12:00 Europe/Amsterdam; a submission at 12:00 or later is late.

The holiday dates come from ``holidays.NL`` (PUBLIC + OPTIONAL: OPTIONAL adds 5 May in non-lustrum years),
filtered through an allow-list of Atw names, so no non-Atw day can sneak in if the package adds one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable
from zoneinfo import ZoneInfo

from assistant.errors import InputError
from assistant.rules.sources import SourceRef, f0, f1

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DEADLINE_WORKING_DAYS = 9
DEADLINE_TIME = dt.time(12, 0)

# Names as ``holidays.NL(language="nl")`` spells them. Eerste Paas-/Pinksterdag are Sundays anyway (kept so the
# skipped-days list names them). Koninginnedag covers dates before 2014.
ATW_HOLIDAY_NAMES = frozenset(
    {
        "Nieuwjaarsdag",
        "Goede vrijdag",
        "Eerste paasdag",
        "Tweede paasdag",
        "Koningsdag",
        "Koninginnedag",
        "Bevrijdingsdag",
        "Hemelvaartsdag",
        "Eerste pinksterdag",
        "Tweede pinksterdag",
        "Eerste kerstdag",
        "Tweede kerstdag",
    }
)
_WEEKDAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

CONVENTION = (
    "Negen werkdagen voorafgaand aan de ALV: er wordt teruggeteld vanaf de ALV-datum; de dag van de ALV zelf telt "
    "niet mee. Zaterdagen, zondagen en de algemeen erkende feestdagen van de Algemene termijnenwet (art. 3: "
    "Nieuwjaarsdag, Goede Vrijdag, Tweede Paasdag, Koningsdag (27 april; 26 april als de 27e op zondag valt), "
    "5 mei (elk jaar), Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag) zijn geen werkdagen, evenmin "
    "als ingestelde extra vrije dagen (standaard geen). Brugdagen zijn gewone werkdagen. De negende werkdag is de "
    "deadline, 12:00 uur (Nederlandse tijd); indiening om 12:00 uur of later is te laat. Voor amendementen is dit "
    "de statutaire termijn; voor moties een dringend verzoek van het VNG-bestuur."
)

# Passages the working-day count rests on (the statutory term and the two documented examples).
# Every passage that states the nine working days is cited: a reader may know any one of them.
DEADLINE_SOURCES: tuple[SourceRef, ...] = (
    f1(388, note="9 werkdagen voorafgaand aan de ALV (statutair), 13 juni 2024"),
    f1(256, note="negen werkdagen voorafgaand aan de ALV (uitnodiging), 13 juni 2024"),
    f1(433, note="moties: geen statutaire deadline, dringend verzoek"),
    f0(146, note="9 werkdagen: 18 november 2019, 12.00 uur"),
    f0(95, note="negen werkdagen voor de Buitengewone ALV: 18 november 2019"),
)


@lru_cache(maxsize=64)
def _atw_holidays(year: int) -> dict[dt.date, str]:
    import holidays  # light (pure Python); imported lazily so importing this module stays cheap

    calendar = holidays.NL(years=year, categories=(holidays.PUBLIC, holidays.OPTIONAL), language="nl")
    result: dict[dt.date, str] = {}
    for day in calendar:
        # Two holidays on one date (5 May 2016 was also Hemelvaartsdag) come back as a list of names.
        names = [name for name in calendar.get_list(day) if name in ATW_HOLIDAY_NAMES]
        if names:
            result[day] = " / ".join(names)
    return result


def _parse_extra_day(value) -> tuple[dt.date, str]:
    """Accept a date, an ISO string, ``(date, name)`` or ``"YYYY-MM-DD naam"`` / ``"YYYY-MM-DD=naam"``."""
    name = "extra vrije dag (instelling)"
    if isinstance(value, (tuple, list)):
        value, name = value[0], str(value[1])
    if isinstance(value, dt.datetime):
        return value.date(), name
    if isinstance(value, dt.date):
        return value, name
    text = str(value).strip()
    head, _, tail = text.replace("=", " ", 1).partition(" ")
    try:
        day = dt.date.fromisoformat(head)
    except ValueError:
        raise InputError(
            f"Ongeldige extra vrije dag: {text!r}.",
            hint="Gebruik JJJJ-MM-DD, eventueel gevolgd door een naam (instelling extra_non_working_days).",
        ) from None
    return day, tail.strip() or name


def extra_days(values: Iterable | None = None) -> dict[dt.date, str]:
    """Extra non-working days as ``{date: name}``; ``None`` reads ``Settings.extra_non_working_days``."""
    if values is None:
        from assistant.config import get_settings

        values = get_settings().extra_non_working_days
    return dict(_parse_extra_day(value) for value in values)


def non_working_reason(day: dt.date, extra: dict[dt.date, str] | None = None) -> str | None:
    """Why ``day`` is not a working day (holiday name, extra day, "zaterdag"/"zondag"), or ``None``."""
    holiday = _atw_holidays(day.year).get(day)
    if holiday:
        return holiday
    if extra and day in extra:
        return extra[day]
    if day.weekday() >= 5:
        return _WEEKDAY_NAMES[day.weekday()]
    return None


def is_working_day(day: dt.date, extra: dict[dt.date, str] | None = None) -> bool:
    return non_working_reason(day, extra) is None


def working_days_between(start: dt.date, end: dt.date, *, extra_non_working_days: Iterable | None = ()) -> int:
    """Number of working days ``d`` with ``start <= d < end`` (0 when ``end <= start``)."""
    extra = extra_days(extra_non_working_days)
    count, day = 0, start
    while day < end:
        count += is_working_day(day, extra)
        day += dt.timedelta(days=1)
    return count


def count_back_working_days(
    alv_date: dt.date, n: int, extra: dict[dt.date, str] | None = None
) -> tuple[dt.date, list[tuple[dt.date, str]]]:
    """The ``n``-th working day before ``alv_date`` (not counted) and the days skipped on the way (newest first)."""
    day, counted, skipped = alv_date, 0, []
    while counted < n:
        day -= dt.timedelta(days=1)
        reason = non_working_reason(day, extra)
        if reason is None:
            counted += 1
        else:
            skipped.append((day, reason))
    return day, skipped


def at_amsterdam(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=AMSTERDAM)


def to_amsterdam(moment: dt.datetime) -> dt.datetime:
    """Naive datetimes are Europe/Amsterdam; aware ones are converted."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=AMSTERDAM)
    return moment.astimezone(AMSTERDAM)


def is_late(submitted_at: dt.datetime, deadline: dt.datetime) -> bool:
    """True when the submission arrived at the deadline (12:00) or later. Naive times are Europe/Amsterdam."""
    return to_amsterdam(submitted_at) >= to_amsterdam(deadline)


def _iso_minutes(moment: dt.datetime) -> str:
    return to_amsterdam(moment).strftime("%Y-%m-%dT%H:%M")


@dataclass(frozen=True)
class OtherDate:
    """A date in the run-up to an ALV: a date (calendar weeks) or a date with a time."""

    key: str
    label: str  # Dutch
    day: dt.date
    time: dt.time | None = None
    origin: str = "berekend"  # "berekend" (generic rule) | "vergaderstukken" (from the meeting registry)
    sources: tuple[SourceRef, ...] = ()

    @property
    def value(self) -> str:
        return self.day.isoformat() if self.time is None else f"{self.day.isoformat()}T{self.time:%H:%M}"

    def to_dict(self) -> dict:
        return {
            "date": self.value,
            "label": self.label,
            "origin": self.origin,
            "sources": [s.to_dict() for s in self.sources],
        }


def generic_other_dates(alv_date: dt.date, extra: dict[dt.date, str] | None = None) -> dict[str, OtherDate]:
    """Dates that follow from the generic rules (calendar weeks, as both documented meetings confirm)."""
    speaker_day, _ = count_back_working_days(alv_date, 2, extra)
    return {
        "proposals_sent": OtherDate(
            "proposals_sent", "Verzending ALV-voorstellen aan de leden (4 weken voor de ALV)",
            alv_date - dt.timedelta(weeks=4), sources=(f1(580),),
        ),
        "other_candidates_until": OtherDate(
            "other_candidates_until", "Uiterste datum andere kandidaten voor vacatures (3 weken voor de ALV)",
            alv_date - dt.timedelta(weeks=3), sources=(f1(7043),),
        ),
        "candidates_published": OtherDate(
            "candidates_published", "Bekendmaking alle kandidaten (2 weken voor de ALV)",
            alv_date - dt.timedelta(weeks=2), sources=(f1(7044),),
        ),
        "supporters_list_until": OtherDate(
            "supporters_list_until", "Definitieve lijst ondersteunende gemeenten (1 dag voor de ALV, vóór 10:00)",
            alv_date - dt.timedelta(days=1), dt.time(10, 0), sources=(f1(472),),
        ),
        "speaker_registration": OtherDate(
            "speaker_registration",
            "Aanmelden om het woord te voeren (bij voorkeur; 2 werkdagen voor de ALV, vóór 12:00, naar het "
            "voorbeeld van de ALV van 26 juni 2024; spontaan het woord vragen kan altijd)",
            speaker_day, dt.time(12, 0), sources=(f1(480),),
        ),
    }


@dataclass(frozen=True)
class DeadlineResult:
    alv_date: dt.date
    amendment_deadline: dt.datetime  # aware, Europe/Amsterdam, 12:00
    motion_deadline: dt.datetime
    skipped_days: tuple[tuple[dt.date, str], ...]  # oldest first
    other_dates: dict[str, OtherDate]
    convention: str
    sources: tuple[SourceRef, ...]
    meeting_label: str | None = None  # e.g. "ALV 26-06-2024" when the registry knows the meeting
    notes: tuple[str, ...] = field(default_factory=tuple)  # Dutch remarks (e.g. cross-check with the documents)

    def to_json(self) -> dict:
        """The ``motie deadline --json`` contract."""
        return {
            "alv_date": self.alv_date.isoformat(),
            "amendment_deadline": _iso_minutes(self.amendment_deadline),
            "motion_deadline": _iso_minutes(self.motion_deadline),
            "skipped_days": [{"date": d.isoformat(), "name": name} for d, name in self.skipped_days],
            "other_dates": {key: value.to_dict() for key, value in self.other_dates.items()},
            "convention": self.convention,
            "sources": [s.to_dict() for s in self.sources],
        }


def deadlines(
    alv_date: dt.date, *, extra_non_working_days: Iterable | None = None, settings=None
) -> DeadlineResult:
    """Amendment and motion deadline (9 working days before, 12:00) and the other dates of an ALV.

    ``extra_non_working_days``: dates (or ``(date, name)``, or ISO strings) that are not working days on top of
    the Atw days; ``None`` (default) takes them from the settings (``extra_non_working_days``), ``()`` means none.
    ``settings`` (default: the process settings) also locates the user meeting registry. Dates the meeting registry knows (e.g. the documented speaker registration) replace the generic ones.
    """
    from assistant.rules.meetings import get_meeting  # lazy: meetings reads data files

    if isinstance(alv_date, dt.datetime):
        alv_date = alv_date.date()
    if extra_non_working_days is None and settings is not None:
        extra_non_working_days = settings.extra_non_working_days
    extra = extra_days(extra_non_working_days)
    deadline_day, skipped = count_back_working_days(alv_date, DEADLINE_WORKING_DAYS, extra)
    deadline = at_amsterdam(deadline_day, DEADLINE_TIME)
    other = generic_other_dates(alv_date, extra)
    sources = list(DEADLINE_SOURCES)
    notes: list[str] = []
    meeting = get_meeting(alv_date, settings)
    if meeting is not None:
        other = meeting.merge_other_dates(other)
        known = {(s.path, s.line_start, s.line_end) for s in meeting.deadline_sources}
        sources = [*meeting.deadline_sources, *(s for s in sources if (s.path, s.line_start, s.line_end) not in known)]
        documented = meeting.documented_deadline
        if documented is not None and documented != deadline:
            notes.append(
                f"Let op: de vergaderstukken noemen {documented:%d-%m-%Y %H:%M} als deadline; "
                f"de berekening geeft {deadline:%d-%m-%Y %H:%M}. Ga uit van de vergaderstukken."
            )
    convention = CONVENTION
    if meeting is not None and meeting.documented_deadline == deadline:
        convention += f" De berekende deadline komt overeen met de vergaderstukken van de {meeting.label}."
    return DeadlineResult(
        alv_date=alv_date,
        amendment_deadline=deadline,
        motion_deadline=deadline,
        skipped_days=tuple(sorted(skipped)),
        other_dates=other,
        convention=convention + "".join(" " + n for n in notes),
        sources=tuple(sources),
        meeting_label=meeting.label if meeting else None,
        notes=tuple(notes),
    )
