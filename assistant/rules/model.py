"""The rule engine's vocabulary: severities, rules (the public catalogue) and findings.

A ``Rule`` is one small unit, like a ruff rule: a stable id, a severity, a Dutch message and fix hint, the
passages in the VNG documents it rests on, a short "Wat het controleert / Waarom" text for the generated catalogue,
and a ``detect`` function that looks at one submission and returns zero or more ``Hit``s. The engine
(``assistant.rules.check``) turns hits into ``Finding``s; rules never build findings themselves, so every finding
carries the rule's own message, hint and sources.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Callable, Literal

from assistant.rules.sources import SourceRef

if TYPE_CHECKING:  # pragma: no cover
    from assistant.config import Settings
    from assistant.motions.model import Amendment, Motion
    from assistant.rules.meetings import Meeting

Kind = Literal["motie", "amendement"]


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def dutch(self) -> str:
        return {"error": "fout", "warning": "waarschuwing", "info": "opmerking"}[self.value]


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class CheckContext:
    """Everything a rule may look at: the submission plus the meeting it is for and when it was submitted."""

    item: "Motion | Amendment"
    alv_date: dt.date
    meeting: "Meeting | None"  # None: a meeting the registry does not know (generic rules only)
    submitted_at: dt.datetime | None  # aware, Europe/Amsterdam; None: lateness is not judged
    settings: "Settings | None" = None

    @property
    def kind(self) -> Kind:
        return self.item.kind


@dataclass(frozen=True)
class Hit:
    """What a rule's ``detect`` reports: optional detail appended to the message, optional severity override."""

    detail: str = ""
    severity: Severity | None = None
    sources: tuple[SourceRef, ...] = ()  # passages specific to this case (e.g. the agenda item), shown first


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    applies_to: tuple[Kind, ...]
    title: str  # short Dutch name for the catalogue
    message: str  # Dutch, shown with every finding
    hint: str  # Dutch: how to fix it
    what: str  # Dutch: "Wat het controleert"
    why: str  # Dutch: "Waarom"
    sources: tuple[SourceRef, ...]
    detect: Callable[[CheckContext], list[Hit]] = field(repr=False, compare=False)
    severity_by_kind: tuple[tuple[Kind, Severity], ...] = ()  # e.g. LATE_SUBMISSION: error for amendementen
    family: str = ""  # template | signatures | deadlines | amendments | content | hints
    advisory: bool = False  # an optional tip: reported under "advice", never among the findings

    def severity_for(self, kind: Kind) -> Severity:
        return dict(self.severity_by_kind).get(kind, self.severity)

    @property
    def severity_label(self) -> str:
        if not self.severity_by_kind:
            return self.severity.value
        parts = [f"{sev.value} ({kind})" for kind, sev in self.severity_by_kind]
        return " / ".join(parts)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "severity": self.severity.value,
            "severity_by_kind": {kind: sev.value for kind, sev in self.severity_by_kind},
            "applies_to": list(self.applies_to),
            "family": self.family,
            "advisory": self.advisory,
            "title": self.title,
            "message": self.message,
            "hint": self.hint,
            "what": self.what,
            "why": self.why,
            "sources": [source.to_dict() for source in self.sources],
        }


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    hint: str
    sources: tuple[SourceRef, ...] = ()

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
            "sources": [source.to_dict() for source in self.sources],
        }

    @classmethod
    def from_hit(cls, rule: Rule, hit: Hit, kind: Kind) -> "Finding":
        message = rule.message if not hit.detail else f"{rule.message} {hit.detail}"
        sources = tuple(dict.fromkeys((*hit.sources, *rule.sources)))
        return cls(rule.id, hit.severity or rule.severity_for(kind), message, rule.hint, sources)
