"""Which questions the rule engine answers, and which meeting a question is about.

Routing is data: each ``Intent`` is a set of patterns (on the folded, typo-corrected question) plus exclusions.
A question that matches an intent goes to the rule engine (``assistant.rules``: ``deadlines``, ``vote_weight``,
``signing_rules``, ``amendable_items``; a submission moment is held against the deadline with ``is_late``) and is
answered with the computed value plus the rule's source passages; everything else goes to retrieval. A vote-weight question about a named gemeente without an inhabitant count is
answered "niet gevonden": the documents hold no population figures, and we never guess one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from assistant.search import fold

_MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
    # abbreviations people type: "29 nov 2024", "3 okt"
    "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_NAMES_NL = ("", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                   "oktober", "november", "december")
_WEEKDAYS_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


@dataclass(frozen=True)
class Intent:
    name: str
    require: tuple[str, ...]  # every pattern must match (regex on the folded question)
    exclude: tuple[str, ...] = ()  # none may match
    any_of: tuple[str, ...] = ()  # at least one must match (when given)

    def matches(self, text: str) -> bool:
        if not all(re.search(p, text) for p in self.require):
            return False
        if self.any_of and not any(re.search(p, text) for p in self.any_of):
            return False
        return not any(re.search(p, text) for p in self.exclude)


# Who might sign instead of the burgemeester (a signing question names one of them).
_SIGNER = r"(wethouder\w*|secretaris|gemeentesecretaris|griffier|alderman|clerk)\b"  # raadsleden co-sign: retrieval

# Order matters: the first intent that matches wins.
INTENTS: tuple[Intent, ...] = (
    Intent(
        "vote_weight",
        require=(r"\b(hoeveel|hoevee?l|aantal|how many|number of)\b.*\b(stem|stemmen|stemen|stemmmen|votes?)\b"
                 r"|\bstemgewicht\b"
                 # "Rotterdam heeft ruim 670.000 inwoners. Krijgt Rotterdam dan 670 stemmen?"
                 r"|\d\s*(inwoners|inwonrs|inhabitants|residents)\b.*\b(krijg\w*|heeft|hebben|get|gets|have|has)\b"
                 r".*\b(stemmen|votes)\b",),
        exclude=(r"\b(maximum|maximaal|minimum|minimaal|max|min|hoogste|most)\b",
                 r"\b(uitgebracht|voor|tegen)\b.*%"),
    ),
    Intent(
        # "Onze motie is op 13 juni om 12.05 uur binnengekomen. Wordt die nog behandeld?": a submission moment to
        # compare with the deadline (``submission_moment``)
        "late_submission",
        require=(r"\b(amendement\w*|amendment\w*|motie\w*|motions?)\b", r"\b\d{1,2}[.:]\d{2}\b"),
        any_of=(r"\b(binnengekomen|binnen gekomen|binnenkwam|kwam\w*\b.*\bbinnen|ingediend|ingestuurd|verstuurd|"
                r"gestuurd|gemaild|opgestuurd|submitted|sent|received|arrived)\b",),
        exclude=(r"\btot wanneer\b", r"\b(uiterlijk|voor welke datum|by when)\b"),
    ),
    Intent(
        "deadline",  # "deadl[ie]+ne": also the typed "deadlien"
        require=(r"\b(amendement\w*|amendment\w*|motie\w*|motions?)\b",),
        any_of=(r"\bdeadl[ie]+ne?s?\b", r"\btot wanneer\b", r"\buiterste\b", r"\bwhen\b.*\b(submit|deadline)",
                r"\bwann?e+r\b.*\b(indien\w*|ingediend|inlever\w*|aanlever\w*|instur\w*|opstur\w*|binnen|er zijn|"
                r"ontvangen|submit\w*)\b", r"\bwann?e+r\b.*\bdien\w*\b.*\bin\b",
                r"\b(indienings|inlever)?termijn\b.*\b(indienen|indiening|moties?|amendement\w*)\b",
                r"\bindieningstermijn\b", r"\buiterlijk\b.*\b(indienen|ingediend|binnen)\b",
                r"\bvoor welke datum\b", r"\bby when\b", r"\blatest\b.*\bsubmit",
                r"\b(aller)?laatste (dag|datum|moment)\b", r"\blast (day|date|moment)\b"),
        # the supporters' list ("gemeenten die onze motie steunen") has its own deadline in the documents
        exclude=(r"\bna de deadline\b", r"\bstatuta", r"\bondersteun", r"\b(die|that) \w+ (motie|motion) \w*steun",
                 # a deadline the motie itself sets ("een harde deadline voor het rijk in de oproep")
                 r"\bharde deadline\b", r"\bdeadline (voor|aan) (het rijk|het kabinet|de minister)\b",
                 r"\bkandida", r"\bpreadvie", r"\binspre",
                 r"\bstemkaart", r"\bverzonden\b", r"\bbehandeld\b", r"\bafter the deadline\b", r"\blate\b",
                 r"\bverstreken\b", r"\bte laat\b", r"\bgemist\b", r"\bvoorbij\b", r"\bmissed\b"),
    ),
    Intent(
        # "Moeten gemeenten die onze motie alleen steunen ook tekenen?": supporters are listed, they do not sign
        "signing_supporters",
        require=(r"\b(onderteken\w*|tekent|tekenen|teken|handtekening\w*|sign|signs|signed|signatures?)\b",
                 r"\b((onder)?steun\w*|support\w*)\b"),
        exclude=(r"\b(uiterlijk|deadline|tot wanneer|lijst|list)\b",),
    ),
    Intent(
        "signing",
        require=(r"\b(onderteken\w*|tekent|tekenen|teken|sign|signs|signed)\b",),
        any_of=(r"^(wie|who)\b", r"\bmag (de|een) (wethouder|secretaris|gemeentesecretaris|griffier|raadslid)\b",
                r"\bmoet(en)? .*\bonderteken",
                # "mag onze wethouder ... ondertekenen", "de wethouder in z'n eentje ... is dat voldoende?"
                rf"\b(mag|mogen|kan|kunnen|may|can)\b.*\b{_SIGNER}",
                rf"\b{_SIGNER}.*\b(alleen|eentje|zelf|voldoende|genoeg|volstaat|enough|sufficient|alone)\b"),
        exclude=(r"\bondersteun", r"\bmede[- ]?indien", r"\blogo", r"\bzonder handtekening", r"\bwaarom\b",
                 r"\bamendement", r"\b(brief|ledenbrief|uitnodiging|letter|invitation|notulen|minutes)\b"),
    ),
    Intent(
        "template",  # the parts of a motion in the VNG sjabloon (assistant.motions.template, the editor's data)
        require=(r"\b(motie|moties|motion|motions)\b",),
        any_of=(r"\b(sjabloon|template)\b", r"\b(onderdelen|opbouw|structuur|kopjes|bestanddelen|parts|structure)\b",
                r"\bziet\b.*\beruit\b", r"\blook like\b", r"\bwaar(uit)? (moet|bestaat)\b.*\bbestaan\b",
                r"\bwat moet er in\b"),
        exclude=(r"^(wie|who|waarom|why|wanneer|when)\b", r"\bamend", r"\bmotie (van|over|uit)\b",
                 r"\b(preadvies|uitslag|aangenomen|ingediend door)\b", r"\bonderteken|\bteken"),
    ),
    Intent(
        "amendable",
        require=(r"\b(ge)?amend\w*\b",),
        any_of=(r"\b(welke|which|what)\b.*\b(agendapunt\w*|voorstel\w*|items?|onderdelen|stukken)\b",
                r"\bwelke\b.*\bniet\b.*\b(ge)?amend",
                # one item: "een amendement op agendapunt 6", "is het contributievoorstel (9a) amendeerbaar?"
                r"\b(agendapunt|punt|item)\s+\d{1,2}[a-z]?\b", r"\(\d{1,2}[a-z]?\)",
                r"\w*(voorstel|resolutie|jaarverslag|jaarrekening|begroting|kadernota|notulen|verantwoording|"
                r"proposal|resolution)\w*\b.*\b(amendeerbaar|amendabel|amenderbaar|amendable)\b",
                r"\bamend\w*\b.*\bop de toelichting\b", r"\bde toelichting\b.*\b(ge)?amend\w*\b",
                r"\bamendement\w*\s+(?:\w+\s+){0,3}op\s+(?:de|het)\s+\w+"),  # "een amendement indienen op de ..."
        exclude=(r"\bprecies\b", r"\bmoet er\b", r"\bstatuten\b",
                 # "hoe is er gestemd over het amendement van Dinkelland op ...": an earlier amendment
                 r"\bamendement\w* van\b", r"\b(gestemd|stemming|uitslag|aangenomen|verworpen|preadvie\w*)\b"),
    ),
)

# Numbers followed by "inwoners": the population of a vote-weight question.
# "24.500 inwoners", "250k residents", "1,2 miljoen inwoners", "40 duizend inwoners", "100 000 inhabitants".
_POPULATION = re.compile(
    r"(\d{1,3}(?:[.,\s]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?)\s*(k|duizend|thousand|mln\.?|miljoen|million)?\s*"
    r"(?:inwo\w*|inwners|inhabitants|ingezetenen|residents|people|mensen|citizens)", re.IGNORECASE)  # typed "inwonrs"
_MULTIPLIERS = {"k": 1000, "duizend": 1000, "thousand": 1000, "mln": 1_000_000, "mln.": 1_000_000,
                "miljoen": 1_000_000, "million": 1_000_000}
# A named gemeente in a vote-weight question ("heeft Utrecht", "de gemeente Zwolle", "does Rotterdam have").
_NAMED_MEMBER = re.compile(
    r"\b(?:gemeente|heeft|had|krijgt|kreeg|bracht|brengt|does|has|did|cast)\s+(?:de\s+gemeente\s+)?"
    r"([A-Z][\w'-]+(?:[\s-][A-Z][\w'-]+)*)")
_NOT_A_NAME = frozenset({"ALV", "BALV", "VNG", "De", "Een", "Het", "In", "Bij", "Nederland"})


def detect_intent(question: str) -> str | None:
    text = fold(question)
    for intent in INTENTS:
        if intent.matches(text):
            if intent.name == "vote_weight" and population_in(question) is None and named_member(question) is None:
                return None  # e.g. "hoeveel stemmen heeft een gemeente?" → the rule text via retrieval
            return intent.name
    return None


# "met een inwonertal van 48.750", "a population of 48,750"
_POPULATION_AFTER = re.compile(
    r"(?:inwonertal|inwoneraantal|aantal inwoners|bevolking|population|inhabitants)\s+(?:van|of|is|:)?\s*"
    r"(?:ca\.?\s*|circa\s+|ongeveer\s+|about\s+|around\s+)?"
    r"(\d{1,3}(?:[.,\s]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d+)?)\s*(k|duizend|thousand|mln\.?|miljoen|million)?",
    re.IGNORECASE)


def _population_match(question: str):
    return _POPULATION.search(question) or _POPULATION_AFTER.search(question)


def population_in(question: str) -> int | None:
    match = _population_match(question)
    if not match:
        return None
    number, unit = match.group(1), (match.group(2) or "").lower()
    if unit:
        # "1,2 miljoen", "2.5 million": the separator is a decimal point here, not a thousands separator
        value = float(re.sub(r"\s", "", number).replace(",", "."))
        return int(round(value * _MULTIPLIERS[unit]))
    digits = re.sub(r"[.,\s]", "", number)
    return int(digits) if digits.isdigit() else None


def population_as_written(question: str) -> str:
    """The population as the question writes it ("24.500", "250k", "1,2 miljoen"): repeating the user's own figure
    adds nothing that is not in the question."""
    match = _population_match(question)
    if not match:
        return ""
    return question[match.start(1):match.end(2) if match.group(2) else match.end(1)]


def named_member(question: str) -> str | None:
    for match in _NAMED_MEMBER.finditer(question):
        name = match.group(1).strip()
        if name.split()[0] not in _NOT_A_NAME:
            return name
    return None


def asks_about(question: str) -> str:
    """"motie" or "amendement" (what a deadline question is about); both → "amendement" first."""
    text = fold(question)
    has_motion = re.search(r"\bmotie|\bmotion", text) is not None
    has_amendment = re.search(r"\bamend", text) is not None
    if has_motion and not has_amendment:
        return "motie"
    return "amendement"


# ------------------------------------------------------------------------------------------ meeting references


@dataclass(frozen=True)
class MeetingReference:
    """What a question says about the meeting: a registered meeting date and/or loose hints (year, month)."""

    date: dt.date | None = None  # a meeting in the registry (or an exact date the question names)
    registered: bool = False
    years: frozenset[str] = field(default_factory=frozenset)
    mentioned_numbers: frozenset[str] = field(default_factory=frozenset)  # numbers that belong to the reference

    @property
    def prefer_dates(self) -> frozenset[str]:
        return frozenset({self.date.isoformat()}) if self.date else frozenset()


_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)
_MONTH = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)
_KIND_WORDS = ((r"\bbalv\b|\bbuitengewone\b", ("BALV", "Najaars-ALV")), (r"\bnajaars", ("Najaars-ALV", "BALV")),
               (r"\bextra alv\b", ("Extra ALV",)))
_MEETING_WORDS = re.compile(r"\b(b?alv|ledenvergadering|vergadering|meeting|assembly|najaars)", re.IGNORECASE)


def resolve_meeting(question: str, meetings=None) -> MeetingReference:
    """The meeting a question names, matched loosely against the registry ("BALV 2019", "ALV van juni 2024",
    "de ALV van 26 juni"). Exact dates go through ``assistant.rules.meetings.meeting_named_in_text``."""
    from assistant.rules.meetings import list_meetings, meeting_named_in_text

    meetings = list(meetings) if meetings is not None else list_meetings()
    text = fold(question)
    years = frozenset(_YEAR.findall(text))
    exact = meeting_named_in_text(question) or _dated_meeting_word(question)
    if exact is not None:
        registered = any(m.date == exact for m in meetings)
        numbers = frozenset({str(exact.year), str(exact.day), f"{exact.day:02d}"})
        return MeetingReference(exact, registered, years | {str(exact.year)}, numbers)
    day_month = _DAY_MONTH.search(text)
    names_meeting_day = day_month is not None and any(
        (m.date.day, m.date.month) == (int(day_month.group(1)), _MONTHS[day_month.group(2).lower()])
        for m in meetings)  # "de uitslag van de stemming op 26 juni": the day of a registered meeting
    if not (_MEETING_WORDS.search(text) or years or names_meeting_day):
        return MeetingReference()
    candidates = meetings
    constrained = False
    if day_month:
        day, month = int(day_month.group(1)), _MONTHS[day_month.group(2).lower()]
        candidates = [m for m in candidates if (m.date.day, m.date.month) == (day, month)]
        constrained = True
    elif (month_match := _MONTH.search(text)) and _MEETING_WORDS.search(text):
        month = _MONTHS[month_match.group(1).lower()]
        candidates = [m for m in candidates if m.date.month == month]
        constrained = True
    if years:
        candidates = [m for m in candidates if str(m.date.year) in years]
        constrained = True
    for pattern, kinds in _KIND_WORDS:
        if re.search(pattern, text):
            candidates = [m for m in candidates if m.kind in kinds]
            constrained = True
    if constrained and len(candidates) == 1:
        found = candidates[0].date
        numbers = {str(found.year)} if str(found.year) in years else set()
        if day_month:
            numbers.add(day_month.group(1))
        return MeetingReference(found, True, years, frozenset(numbers))
    return MeetingReference(None, False, years, frozenset())


_FULL_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|e)?\s+(" + "|".join(_MONTHS) + r")\s+((?:19|20)\d\d)\b",
                        re.IGNORECASE)


# what may stand between a year and a day-and-month that belong together: "in 2025 op woensdag 11 juni"
_DATE_GLUE = re.compile(r"[\s,]*(?:(?:op|in|van|dan|is|valt|on)\s+)*(?:(?:maandag|dinsdag|woensdag|donderdag|"
                        r"vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday)\s+)?", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d\d)\b")
_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(\d{2})-(\d{2})\b")
_ENGLISH_DATE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b",
                           re.IGNORECASE)


_CLOCK = re.compile(r"\b(\d{1,2})[.:](\d{2})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\b(?:\s+((?:19|20)\d\d)\b)?", re.IGNORECASE)


def registered_days_in(question: str, meetings) -> list[dt.date]:
    """The registered meetings whose day and month (and year, when given) the question names."""
    named = {(int(m.group(1)), _MONTHS[m.group(2).lower()], m.group(3)) for m in _DAY_MONTH_YEAR.finditer(question)}
    return [m.date for m in meetings
            if any((m.date.day, m.date.month) == (d, mo) and year in (None, str(m.date.year)) for d, mo, year in named)]


def submission_moment(question: str, meeting: dt.date) -> dt.datetime | None:
    """When the question says a motie or amendement came in: a day and month other than the meeting's (the year
    given, else the meeting's) with a clock time ("op donderdag 13 juni 2024 om 12.05 uur"); None without both."""
    clock = next((m for m in _CLOCK.finditer(question)
                  if int(m.group(1)) < 24 and int(m.group(2)) < 60), None)
    if clock is None:
        return None
    for match in _DAY_MONTH_YEAR.finditer(question):
        day, month = int(match.group(1)), _MONTHS[match.group(2).lower()]
        year = int(match.group(3)) if match.group(3) else meeting.year
        try:
            moment = dt.datetime(year, month, day, int(clock.group(1)), int(clock.group(2)))
        except ValueError:
            continue
        if moment.date() != meeting:
            return moment
    return None


def _dated_meeting_word(question: str) -> dt.date | None:
    """ "Stel dat de ALV volgend jaar op woensdag 11 juni 2025 valt": a meeting word and exactly one date anywhere in
    the question (written, numeric, ISO or English; or a day and month with its year close by). With two dates
    ("tussen 5 juni 2019 en 3 december 2023") we cannot tell which one is the meeting."""
    if not _MEETING_WORDS.search(question):
        return None
    found: list[tuple[int, int, int]] = []  # (year, month, day)
    for day, month, year in _FULL_DATE.findall(question):
        found.append((int(year), _MONTHS[month.lower()], int(day)))
    for day, month, year in _NUMERIC_DATE.findall(question):
        found.append((int(year), int(month), int(day)))
    for year, month, day in _ISO_DATE.findall(question):
        found.append((int(year), int(month), int(day)))
    for month, day, year in _ENGLISH_DATE.findall(question):  # "June 11, 2025", "June 11th 2025"
        found.append((int(year), _MONTHS[month.lower()], int(day)))
    if not found:  # "in 2025 op woensdag 11 juni": a day and month with a year close by (not "... over 2023")
        day_months = list(_DAY_MONTH.finditer(question))
        years = list(_YEAR.finditer(question))
        if len(day_months) == 1 and len(years) == 1:
            day_month, year = day_months[0], years[0]
            between = (question[year.end():day_month.start()] if year.end() <= day_month.start()
                       else question[day_month.end():year.start()])
            if _DATE_GLUE.fullmatch(between):
                found.append((int(year.group(1)), _MONTHS[day_month.group(2).lower()], int(day_month.group(1))))
    if len(set(found)) != 1:
        return None
    try:
        return dt.date(*found[0])
    except ValueError:
        return None


_MONTH_NAMES_EN = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def format_date_en(day: dt.date, *, weekday: bool = False) -> str:
    """ "Tuesday 27 May 2025" (whatever the process locale): the lead of a computed answer to an English question."""
    text = f"{day.day} {_MONTH_NAMES_EN[day.month]} {day.year}"
    return f"{_WEEKDAYS_EN[day.weekday()]} {text}" if weekday else text


def format_date_nl(day: dt.date, *, weekday: bool = True) -> str:
    text = f"{day.day} {_MONTH_NAMES_NL[day.month]} {day.year}"
    return f"{_WEEKDAYS_NL[day.weekday()]} {text}" if weekday else text
