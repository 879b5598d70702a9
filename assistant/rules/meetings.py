"""The meeting registry: each known ALV as data (date, time, kind, addresses, agenda items with status).

Bundled meetings live in ``assistant/data/meetings/*.json`` (one file per meeting, with source lines in the
corpus); staff add the next ALV with ``motie meeting add`` (or the app), which writes
``<settings.data_dir>/meetings/<date>-<kind>.json``. A user file for a date replaces the bundled one.
Unknown dates get the generic rules: deadlines are computed, amendability is unknown.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

from assistant.errors import InputError
from assistant.rules.sources import SourceRef

BUNDLED_DIR = Path(__file__).resolve().parent.parent / "data" / "meetings"
MEETING_KINDS = ("ALV", "BALV", "Najaars-ALV", "Extra ALV")
ITEM_STATUSES = ("ter besluitvorming", "ter kennisname", "ter informatie", "bespreking", "geen voorstel")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

_MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12,
}
_MONTH_NAMES = {v: k for k, v in _MONTHS.items()}


def _refs(items) -> tuple[SourceRef, ...]:
    if not items:
        return ()
    if isinstance(items, dict):
        items = [items]
    return tuple(SourceRef.from_dict(item) for item in items)


def _refs_json(refs: Iterable[SourceRef], *, with_text: bool = False) -> list[dict]:
    out = []
    for ref in refs:
        data = ref.to_dict(with_text=with_text)
        if ref.note:
            data["note"] = ref.note
        out.append(data)
    return out


def normalise_item_number(value: str) -> str:
    """ "Agendapunt 5 b" / "5.b" / "05B" / "punt 9c." -> "5b"."""
    text = str(value or "").lower()
    text = re.sub(r"\b(agenda\s*punt|agendapunt|punt|item)\b", " ", text)
    match = re.search(r"(\d{1,2})\s*[.\-)]?\s*([a-h])?(?![a-z])", text)
    if not match:
        return ""
    return f"{int(match.group(1))}{match.group(2) or ''}"


@dataclass(frozen=True)
class NonAmendablePart:
    """A part of an amendable item that may not be amended (e.g. the Toelichting of the asylum resolution)."""

    part: str
    reason: str  # Dutch
    aliases: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()

    def to_dict(self, *, with_text: bool = False) -> dict:
        return {"part": self.part, "reason": self.reason, "aliases": list(self.aliases),
                "sources": _refs_json(self.sources, with_text=with_text)}


@dataclass(frozen=True)
class AgendaItem:
    number: str  # "5b"
    title: str
    status: str  # one of ITEM_STATUSES
    amendable: bool
    reason: str = ""  # Dutch: why not amendable
    note: str = ""
    aliases: tuple[str, ...] = ()  # lower-case words that identify the item in a submission
    proposals: tuple[SourceRef, ...] = ()  # the amendable proposal text, where the corpus has it
    non_amendable_parts: tuple[NonAmendablePart, ...] = ()
    sources: tuple[SourceRef, ...] = ()  # where the agenda gives the item and its status

    @property
    def proposal(self) -> SourceRef | None:
        return self.proposals[0] if self.proposals else None

    @classmethod
    def from_dict(cls, data: dict) -> "AgendaItem":
        status = str(data.get("status", "ter besluitvorming")).strip().lower()
        if status not in ITEM_STATUSES:
            raise InputError(
                f"Onbekende status {data.get('status')!r} voor agendapunt {data.get('number')}.",
                hint="Kies uit: " + ", ".join(ITEM_STATUSES) + ".",
            )
        number = normalise_item_number(data.get("number", ""))
        if not number:
            raise InputError(f"Agendapunt zonder geldig nummer: {data.get('number')!r}.", hint="Bijvoorbeeld 5b.")
        amendable = data.get("amendable")
        if amendable is None:
            amendable = status == "ter besluitvorming"
        reason = data.get("reason", "")
        if not amendable and not reason:
            reason = (f"Agendapunt {number} is {status}: alleen voorstellen ter besluitvorming zijn amendabel."
                      if status != "ter besluitvorming" else f"Agendapunt {number} is niet amendabel.")
        return cls(
            number=number,
            title=str(data.get("title", "")).strip(),
            status=status,
            amendable=bool(amendable),
            reason=reason,
            note=data.get("note", ""),
            aliases=tuple(a.lower() for a in data.get("aliases", ())),
            proposals=_refs(data.get("proposal")),
            non_amendable_parts=tuple(
                NonAmendablePart(p["part"], p["reason"], tuple(a.lower() for a in p.get("aliases", ())),
                                 _refs(p.get("sources")))
                for p in data.get("non_amendable_parts", ())
            ),
            sources=_refs(data.get("sources")),
        )

    def to_dict(self, *, with_text: bool = False) -> dict:
        data = {"number": self.number, "title": self.title, "status": self.status, "amendable": self.amendable}
        if self.reason and not self.amendable:
            data["reason"] = self.reason
        if self.note:
            data["note"] = self.note
        if self.aliases:
            data["aliases"] = list(self.aliases)
        if self.proposals:
            data["proposal"] = _refs_json(self.proposals, with_text=with_text)
        if self.non_amendable_parts:
            data["non_amendable_parts"] = [p.to_dict(with_text=with_text) for p in self.non_amendable_parts]
        data["sources"] = _refs_json(self.sources, with_text=with_text)
        return data


@dataclass(frozen=True)
class Meeting:
    date: dt.date
    kind: str = "ALV"
    start: str = ""  # "HH:MM"
    end: str = ""
    name: str = ""
    location: str = ""
    addresses: tuple[str, ...] = ()
    voting_article: str = ""
    documented_deadline: dt.datetime | None = None  # as published in the invitation (Europe/Amsterdam)
    items: tuple[AgendaItem, ...] = ()
    other_dates: tuple[dict, ...] = ()  # {"key", "label", "date" (ISO or null), "time"?, "sources"}
    notes: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    deadline_sources: tuple[SourceRef, ...] = ()
    address_sources: tuple[SourceRef, ...] = ()
    voting_sources: tuple[SourceRef, ...] = ()
    origin: str = "bundled"  # "bundled" | "user" | "draft"

    @property
    def label(self) -> str:
        return f"{self.kind} {self.date:%d-%m-%Y}"

    @property
    def file_name(self) -> str:
        return f"{self.date.isoformat()}-{self.kind.lower().replace(' ', '-')}.json"

    def item(self, number: str) -> AgendaItem | None:
        wanted = normalise_item_number(number)
        return next((item for item in self.items if item.number == wanted), None)

    def merge_other_dates(self, generic: dict) -> dict:
        """Generic dates (``calendar.OtherDate``) overridden or added by what this meeting's documents say.

        A documented entry with ``date: null`` removes the generic date (the documents say there is none) and
        its label is kept as a dated-less note under the same key.
        """
        from assistant.rules.calendar import OtherDate

        merged = dict(generic)
        for entry in self.other_dates:
            key = entry["key"]
            if not entry.get("date"):
                merged.pop(key, None)
                continue
            time = dt.time.fromisoformat(entry["time"]) if entry.get("time") else None
            merged[key] = OtherDate(key, entry.get("label", key), dt.date.fromisoformat(entry["date"]), time,
                                    "vergaderstukken", _refs(entry.get("sources")))
        return merged

    @classmethod
    def from_dict(cls, data: dict, *, origin: str = "bundled") -> "Meeting":
        try:
            day = dt.date.fromisoformat(str(data["date"]))
        except (KeyError, ValueError):
            raise InputError(f"Vergadering zonder geldige datum: {data.get('date')!r}.", hint="Gebruik JJJJ-MM-DD.")
        deadline = data.get("documented_deadline")
        if deadline:
            from assistant.rules.calendar import to_amsterdam

            deadline = to_amsterdam(dt.datetime.fromisoformat(deadline))
        meeting = cls(
            date=day,
            kind=data.get("kind", "ALV"),
            start=data.get("start", "") or "",
            end=data.get("end", "") or "",
            name=data.get("name", ""),
            location=data.get("location", "") or "",
            addresses=tuple(a.strip().lower() for a in data.get("addresses", ())),
            voting_article=data.get("voting_article", ""),
            documented_deadline=deadline or None,
            items=tuple(AgendaItem.from_dict(item) for item in data.get("items", ())),
            other_dates=tuple(data.get("other_dates", ())),
            notes=tuple(data.get("notes", ())),
            sources=_refs(data.get("sources")),
            deadline_sources=_refs(data.get("deadline_sources")),
            address_sources=_refs(data.get("address_sources")),
            voting_sources=_refs(data.get("voting_sources")),
            origin=origin,
        )
        validate_meeting(meeting)
        return meeting

    def to_dict(self, *, with_text: bool = False) -> dict:
        """JSON form: the registry file format and ``motie meeting show --json``."""
        return {
            "date": self.date.isoformat(),
            "kind": self.kind,
            "name": self.name,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "location": self.location,
            "addresses": list(self.addresses),
            "voting_article": self.voting_article,
            "documented_deadline": self.documented_deadline.strftime("%Y-%m-%dT%H:%M")
            if self.documented_deadline else None,
            "notes": list(self.notes),
            "origin": self.origin,
            "sources": _refs_json(self.sources, with_text=with_text),
            "deadline_sources": _refs_json(self.deadline_sources, with_text=with_text),
            "address_sources": _refs_json(self.address_sources, with_text=with_text),
            "voting_sources": _refs_json(self.voting_sources, with_text=with_text),
            "other_dates": [dict(entry) for entry in self.other_dates],
            "items": [item.to_dict(with_text=with_text) for item in self.items],
        }


def validate_meeting(meeting: Meeting) -> None:
    """Raise ``InputError`` (Dutch) when a meeting entry is not usable."""
    if meeting.kind not in MEETING_KINDS:
        raise InputError(f"Onbekend soort vergadering: {meeting.kind!r}.", hint="Kies uit: " + ", ".join(MEETING_KINDS))
    for label, value in (("begintijd", meeting.start), ("eindtijd", meeting.end)):
        if value and not _TIME.match(value):
            raise InputError(f"Ongeldige {label}: {value!r}.", hint="Gebruik UU:MM, bijvoorbeeld 11:30.")
    for address in meeting.addresses:
        if not _EMAIL.match(address):
            raise InputError(f"Ongeldig e-mailadres voor indiening: {address!r}.", hint="Bijvoorbeeld motiealv@vng.nl.")
    numbers = [item.number for item in meeting.items]
    duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
    if duplicates:
        raise InputError(f"Agendapunt(en) dubbel opgegeven: {', '.join(duplicates)}.")


# --------------------------------------------------------------------------------------------------- registry


def user_dir(settings=None) -> Path:
    if settings is None:
        from assistant.config import get_settings

        settings = get_settings()
    return Path(settings.data_dir) / "meetings"


def _load_dir(directory: Path, origin: str) -> dict[dt.date, Meeting]:
    meetings: dict[dt.date, Meeting] = {}
    if not directory.is_dir():
        return meetings
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise InputError(f"Vergaderbestand {path} is onleesbaar: {error}.") from None
        meeting = Meeting.from_dict(data, origin=origin)
        meetings[meeting.date] = meeting
    return meetings


_BUNDLED_CACHE: dict[dt.date, Meeting] | None = None


def _bundled() -> dict[dt.date, Meeting]:
    global _BUNDLED_CACHE
    if _BUNDLED_CACHE is None:
        _BUNDLED_CACHE = _load_dir(BUNDLED_DIR, "bundled")
    return _BUNDLED_CACHE


def _all(settings=None) -> dict[dt.date, Meeting]:
    meetings = dict(_bundled())
    meetings.update(_load_dir(user_dir(settings), "user"))  # a user entry for a date replaces the bundled one
    return meetings


def list_meetings(settings=None) -> list[Meeting]:
    """All known meetings (bundled + user-added), oldest first."""
    return [meeting for _, meeting in sorted(_all(settings).items())]


def get_meeting(date: dt.date | str, settings=None) -> Meeting | None:
    if isinstance(date, str):
        date = parse_date(date)
    if isinstance(date, dt.datetime):
        date = date.date()
    return _all(settings).get(date)


def next_meeting_on_or_after(date: dt.date, settings=None) -> Meeting | None:
    if isinstance(date, dt.datetime):
        date = date.date()
    return next((m for m in list_meetings(settings) if m.date >= date), None)


def add_meeting(meeting: Meeting, settings=None, *, replace_existing: bool = False) -> Path:
    """Validate and store a meeting under ``<data_dir>/meetings``; refuse a known date unless ``replace_existing``."""
    validate_meeting(meeting)
    existing = get_meeting(meeting.date, settings)
    if existing is not None and not replace_existing:
        raise InputError(
            f"Er staat al een vergadering op {meeting.date:%d-%m-%Y} in het register ({existing.label}).",
            hint="Gebruik --replace om die te vervangen.",
        )
    directory = user_dir(settings)
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob(f"{meeting.date.isoformat()}-*.json"):
        old.unlink()
    path = directory / meeting.file_name
    stored = replace(meeting, origin="user")
    path.write_text(json.dumps(stored.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------- dates in text

_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WRITTEN_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)
_MEETING_WORD = r"(?:Najaars[\s-]?ALV|Extra\s+ALV|B\s?ALV|ALV|(?:Buitengewone\s+)?Algemene\s+Ledenvergadering|ledenvergadering)"
_MEETING_MENTION = re.compile(
    _MEETING_WORD + r"[^\S\n]*(?:\(?[^\S\n]*)?(?:van|op|d\.d\.|dd)?[^\S\n]*(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)[^\S\n]+)?"
    r"(\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+(?:" + "|".join(_MONTHS) + r")\s+\d{4})",
    re.IGNORECASE,
)


def parse_date(text: str) -> dt.date:
    """ "2024-06-26", "26-06-2024", "26 juni 2024" -> date; ``InputError`` otherwise."""
    found = _date_in(str(text).strip())
    if found is None:
        raise InputError(f"Ongeldige datum: {text!r}.", hint="Gebruik JJJJ-MM-DD, bijvoorbeeld 2024-06-26.")
    return found


def _date_in(text: str) -> dt.date | None:
    try:
        if m := _ISO_DATE.search(text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _NUMERIC_DATE.search(text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if m := _WRITTEN_DATE.search(text):
            return dt.date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    except ValueError:
        return None
    return None


def meeting_named_in_text(text: str) -> dt.date | None:
    """The ALV date a submission names ("ALV van 26 juni 2024", "BALV 29 november 2019", "ALV 26-06-2024")."""
    for match in _MEETING_MENTION.finditer(text or ""):
        found = _date_in(match.group(1))
        if found is not None:
            return found
    return None


def propose_meeting_from_text(text: str) -> "Meeting":
    """A draft registry entry from an invitation letter (see ``assistant.rules.invitation``)."""
    from assistant.rules.invitation import propose_meeting_from_text as propose

    return propose(text)


def format_date_nl(day: dt.date) -> str:
    return f"{day.day} {_MONTH_NAMES[day.month]} {day.year}"


# ------------------------------------------------------------------------ proposals from ingested invitations

PROPOSALS_SUBDIR = "voorstellen"


def proposals_dir(settings=None) -> Path:
    """Where ingest leaves registry proposals for review (never used as registry entries until accepted)."""
    return user_dir(settings) / PROPOSALS_SUBDIR


def propose_from_ingest(meeting_date: dt.date, text: str, settings=None) -> Path | None:
    """Save a registry proposal for an unknown meeting found in an ingested package; None when nothing to propose.

    Ingest calls this for every newly read package whose invitation names a meeting the registry does not know, so
    staff can review the extracted date, time, address and agenda before it is used for checks
    (``motie meeting accept DATE``). An existing proposal is left alone: a reviewer may be editing it.
    """
    if get_meeting(meeting_date, settings) is not None:
        return None
    path = proposals_dir(settings) / f"{meeting_date.isoformat()}.json"
    if path.exists():
        return path
    try:
        draft = propose_meeting_from_text(text)
    except InputError:
        return None
    if draft.date != meeting_date:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(draft.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def accept_proposal(meeting_date: dt.date, settings=None, *, replace_existing: bool = False) -> Path:
    """Move a reviewed proposal into the registry (validated like ``add_meeting``)."""
    path = proposals_dir(settings) / f"{meeting_date.isoformat()}.json"
    if not path.exists():
        raise InputError(f"Er is geen voorstel voor een vergadering op {meeting_date:%d-%m-%Y}.",
                         hint=f"Voorstellen staan in {proposals_dir(settings)}.")
    meeting = Meeting.from_dict(json.loads(path.read_text(encoding="utf-8")), origin="user")
    stored = add_meeting(meeting, settings, replace_existing=replace_existing)
    path.unlink()
    return stored
