"""What the drafting editor shows next to a draft: findings per part, placeholders, gemeente names, the deadline.

The rule engine (``assistant.rules.check``) gives the findings; this module files them under the part of the
sjabloon they concern (``RULE_PARTS``), adds what only a draft has (template placeholders still in it, required parts
still empty) and the checks the issue asks for around it: gemeente names against the municipality list on the
meeting date (``assistant.rules.municipalities``) and the deadline with the days left (``assistant.rules.calendar``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from assistant.motions import template
from assistant.motions.model import Amendment, AmendmentChange, ContactPerson, Motion, Oproep, Signatory
from assistant.rules.sources import SourceRef

Item = Motion | Amendment

# Which part of the editor a rule's finding belongs to (rule ids from ``assistant.rules.catalogue``).
RULE_PARTS: dict[str, str] = {
    "MISSING_INDIENER": "indiener",
    "MISSING_TITLE": "titel",
    "MISSING_DATE": "datum_indiening",
    "MISSING_AANLEIDING": "aanleiding",
    "MISSING_OVERWEGENDE": "overwegingen",
    "MISSING_OPROEP": "oproepen",
    "TOO_DETAILED_AMOUNTS": "oproepen",
    "TOO_DETAILED_DEADLINE": "oproepen",
    "RESULT_OBLIGATION": "oproepen",
    "MISSING_SLOTZIN": "slotzin",
    "UNSIGNED": "signatories",
    "NO_BURGEMEESTER_SIGNATURE": "signatories",
    "ACTING_BURGEMEESTER": "signatories",
    "COSIGNER_WITHOUT_SIGNATURE": "signatories",
    "LATE_SUBMISSION": "datum_indiening",
    "AMENDMENT_NO_DELETE_INSERT": "changes",
    "AMENDMENT_ON_NON_AMENDABLE": "agenda_item",
    "AMENDABILITY_UNKNOWN": "agenda_item",
    "CONTACT_PERSONS_MISSING": "contact_persons",
    "UNKNOWN_GEMEENTE": "mede_indieners",
}
GENERAL_PART = "algemeen"
# Errors that only the signed copy can fix: a draft whose text is finished is "complete" before it is signed.
SIGNATURE_RULES = frozenset({"UNSIGNED", "NO_BURGEMEESTER_SIGNATURE", "COSIGNER_WITHOUT_SIGNATURE"})

_AMSTERDAM = "Europe/Amsterdam"

# --- report types ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceholderHit:
    part: str
    index: int | None
    text: str
    label: str = ""  # the part's Dutch label

    def to_dict(self) -> dict:
        return {"part": self.part, "label": self.label, "index": self.index, "text": self.text}


@dataclass(frozen=True)
class GemeenteCheck:
    """One gemeente name of the draft checked against the municipality list on the meeting date."""

    part: str  # indiener | mede_indieners | ondersteunende_gemeenten
    name: str
    known: bool
    canonical: str  # CBS spelling when known
    message: str  # Dutch; empty when known
    suggestions: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "part": self.part,
            "name": self.name,
            "known": self.known,
            "canonical": self.canonical,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }


@dataclass(frozen=True)
class DeadlineInfo:
    """The submission deadline for this draft's kind at its ALV, with the days left (Europe/Amsterdam)."""

    alv_date: dt.date
    deadline: dt.datetime
    statutory: bool  # amendments: statutory; motions: an urgent request of the bestuur
    days_left: int  # calendar days from today to the deadline day (negative: passed)
    passed: bool
    label: str  # Dutch, e.g. "Deadline donderdag 13 juni 2024, 12:00 (nog 5 dagen)"
    supporters_list_until: dt.datetime | None
    sources: tuple[SourceRef, ...]

    def to_dict(self) -> dict:
        return {
            "alv_date": self.alv_date.isoformat(),
            "deadline": self.deadline.strftime("%Y-%m-%dT%H:%M"),
            "statutory": self.statutory,
            "days_left": self.days_left,
            "passed": self.passed,
            "label": self.label,
            "supporters_list_until": (
                self.supporters_list_until.strftime("%Y-%m-%dT%H:%M") if self.supporters_list_until else None
            ),
            "sources": [source.to_dict() for source in self.sources],
        }


@dataclass
class PartReport:
    """One part of the editor: the sjabloon's guidance, its value, and what the checks say about it."""

    part: template.TemplatePart
    value: Any
    findings: list = field(default_factory=list)  # rule-engine findings (``assistant.rules.model.Finding``)
    placeholders: list[PlaceholderHit] = field(default_factory=list)
    gemeenten: list[GemeenteCheck] = field(default_factory=list)

    @property
    def filled(self) -> bool:
        return _filled(self.value)

    def to_dict(self) -> dict:
        return {
            **self.part.to_dict(),
            "value": _jsonable(self.value),
            "filled": self.filled,
            "findings": [finding.to_dict() for finding in self.findings],
            "placeholders": [hit.to_dict() for hit in self.placeholders],
            "gemeenten": [check.to_dict() for check in self.gemeenten],
        }


@dataclass
class Validation:
    """Everything the editor shows after a change."""

    kind: str
    check: Any | None  # ``assistant.rules.check.CheckResult``; None when the ALV date is unknown
    parts: list[PartReport]
    placeholders: list[PlaceholderHit]
    gemeenten: list[GemeenteCheck]
    deadline: DeadlineInfo | None
    missing: list[str]  # labels of required parts that are still empty
    notes: list[str] = field(default_factory=list)  # Dutch remarks (e.g. why the check could not run)

    @property
    def findings(self) -> list:
        return list(self.check.findings) if self.check is not None else []

    @property
    def by_part(self) -> dict[str, list]:
        return {report.part.key: report.findings for report in self.parts} | {
            GENERAL_PART: [f for f in self.findings if RULE_PARTS.get(f.rule) not in {p.part.key for p in self.parts}]
        }

    @property
    def valid(self) -> bool:
        """The rule engine's verdict (``motie check``): no error findings."""
        return self.check is not None and self.check.valid

    @property
    def complete(self) -> bool:
        """The text is finished: every required part written, no template placeholder left, no error finding other
        than the missing signatures (those come with the signed copy). A draft with placeholders is never complete."""
        if self.placeholders or self.missing or self.check is None:
            return False
        return not any(f.severity.value == "error" and f.rule not in SIGNATURE_RULES for f in self.findings)

    @property
    def ready_to_submit(self) -> bool:
        return self.complete and self.valid

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "complete": self.complete,
            "valid": self.valid,
            "ready_to_submit": self.ready_to_submit,
            "missing": self.missing,
            "placeholders": [hit.to_dict() for hit in self.placeholders],
            "gemeenten": [check.to_dict() for check in self.gemeenten],
            "deadline": self.deadline.to_dict() if self.deadline else None,
            "findings": [finding.to_dict() for finding in self.findings],
            "advice": [finding.to_dict() for finding in (self.check.advice if self.check is not None else ())],
            "parts": [report.to_dict() for report in self.parts],
            "notes": self.notes,
        }

# --- value helpers -----------------------------------------------------------------------------------------------


def _filled(value: Any) -> bool:
    if isinstance(value, (list, tuple)):
        return any(_filled(v) for v in value)
    if isinstance(value, Oproep):
        return bool(value.text.strip())
    if isinstance(value, (Signatory, ContactPerson)):
        return bool(value.name.strip())
    if isinstance(value, AmendmentChange):
        return bool((value.schrappen or value.invoegen_na).strip())
    return value is not None and str(value).strip() != ""


def _jsonable(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value

# --- placeholders and gemeenten ----------------------------------------------------------------------------------


def _texts_of(item: Item) -> list[tuple[str, int | None, str]]:
    """Every text in the draft with its part and list index (the places a placeholder can hide)."""
    texts: list[tuple[str, int | None, str]] = [("indiener", None, item.indiener), ("titel", None, item.titel)]
    for key in ("mede_indieners", "ondersteunende_gemeenten"):
        texts += [(key, i, name) for i, name in enumerate(getattr(item, key))]
    for i, signatory in enumerate(item.signatories):
        texts += [("signatories", i, value) for value in (signatory.name, signatory.function, signatory.gemeente)]
    for i, contact in enumerate(item.contact_persons):
        fields = (contact.name, contact.function, contact.gemeente, contact.email, contact.phone)
        texts += [("contact_persons", i, value) for value in fields]
    if isinstance(item, Motion):
        texts += [("aanleiding", None, item.aanleiding), ("slotzin", None, item.slotzin)]
        for key in ("constateringen", "overwegingen"):
            texts += [(key, i, text) for i, text in enumerate(getattr(item, key))]
        texts += [("oproepen", i, oproep.text) for i, oproep in enumerate(item.oproepen)]
    else:
        texts += [("agenda_item", None, item.agenda_item), ("target_proposal", None, item.target_proposal)]
        texts += [("toelichting", None, item.toelichting)]
        for i, change in enumerate(item.changes):
            texts += [("changes", i, value) for value in (change.schrappen, change.vervangen_door, change.invoegen_na)]
    return texts


def find_placeholders(item: Item) -> list[PlaceholderHit]:
    """Every template placeholder still in the draft ("[Titel van de motie]", the sjabloon's "....")."""
    hits = []
    for part, index, text in _texts_of(item):
        if template.is_placeholder(text):
            known = template.part_by_key(item.kind, part)
            hits.append(PlaceholderHit(part, index, text, known.label if known else part))
    return hits


def check_gemeenten(item: Item, on: dt.date | None) -> list[GemeenteCheck]:
    """Indiener, mede-indieners and supporters against the municipality list as of ``on`` (the meeting date)."""
    from assistant.rules import municipalities

    names = [("indiener", item.indiener)] if item.indiener else []
    names += [("mede_indieners", name) for name in item.mede_indieners]
    names += [("ondersteunende_gemeenten", name) for name in item.ondersteunende_gemeenten]
    checks = []
    for part, name in names:
        if template.is_placeholder(name):
            continue
        if municipalities.is_municipality(name, on):
            checks.append(GemeenteCheck(part, name, True, municipalities.normalise_gemeente(name, on), ""))
        else:
            message = municipalities.describe_unknown(name, on)
            checks.append(GemeenteCheck(part, name, False, "", message, tuple(municipalities.suggest(name, on))))
    return checks


# --- deadline ----------------------------------------------------------------------------------------------------


def deadline_info(kind: str, alv_date: dt.date, *, now: dt.datetime | None = None) -> DeadlineInfo:
    """The deadline (``assistant.rules.calendar.deadlines``) with the days left, in Dutch."""
    from zoneinfo import ZoneInfo

    from assistant.motions.render import dutch_date
    from assistant.rules.calendar import deadlines

    result = deadlines(alv_date)
    deadline = result.amendment_deadline if kind == "amendement" else result.motion_deadline
    now = (now or dt.datetime.now(ZoneInfo(_AMSTERDAM))).astimezone(ZoneInfo(_AMSTERDAM))
    days_left = (deadline.date() - now.date()).days
    passed = now >= deadline
    weekday = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")[deadline.weekday()]
    when = f"{weekday} {dutch_date(deadline.date())}, {deadline:%H:%M}"
    if passed:
        left = "verstreken"
    elif days_left == 0:
        left = f"vandaag, nog {_hours(deadline - now)}"
    else:
        left = f"nog {days_left} {'dag' if days_left == 1 else 'dagen'}"
    nature = "statutaire termijn" if kind == "amendement" else "dringend verzoek van het VNG-bestuur"
    supporters = result.other_dates.get("supporters_list_until")
    supporters_at = None
    if supporters is not None:
        supporters_at = dt.datetime.combine(supporters.day, supporters.time or dt.time(0), ZoneInfo(_AMSTERDAM))
    return DeadlineInfo(
        alv_date=result.alv_date,
        deadline=deadline,
        statutory=kind == "amendement",
        days_left=days_left,
        passed=passed,
        label=f"Deadline {when} ({left}; {nature})",
        supporters_list_until=supporters_at,
        sources=result.sources,
    )


def _hours(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60} uur en {minutes % 60} minuten" if minutes >= 60 else f"{minutes} minuten"
