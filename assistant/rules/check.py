"""The rule engine: one submission (+ meeting + submission time) -> findings, each with the passage it rests on.

``check`` is pure: no index, no model, no I/O beyond reading the meeting registry and the cited corpus lines. It
is what ``motie check``, the drafting editor and the batch review call.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from assistant.errors import InputError
from assistant.motions.model import Amendment, Motion, submission_to_dict
from assistant.rules.calendar import to_amsterdam
from assistant.rules.catalogue import RULE_ORDER, RULES
from assistant.rules.model import SEVERITY_ORDER, CheckContext, Finding, Severity


@dataclass(frozen=True)
class CheckResult:
    item: Motion | Amendment
    alv_date: dt.date
    meeting_label: str | None  # None: the meeting is not in the registry
    submitted_at: dt.datetime | None  # Europe/Amsterdam
    findings: tuple[Finding, ...]
    advice: tuple[Finding, ...] = field(default_factory=tuple)  # optional tips (info), not part of the verdict

    @property
    def kind(self) -> str:
        return self.item.kind

    @property
    def valid(self) -> bool:
        """False exactly when a finding is an error."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def lateness_checked(self) -> bool:
        return self.submitted_at is not None

    def rule_ids(self) -> set[tuple[str, str]]:
        return {(f.rule, f.severity.value) for f in self.findings}

    def to_json(self) -> dict:
        """The ``motie check --json`` contract (plus ``meeting`` and ``advice``)."""
        return {
            "kind": self.kind,
            "valid": self.valid,
            "alv_date": self.alv_date.isoformat(),
            "submitted_at": self.submitted_at.strftime("%Y-%m-%dT%H:%M") if self.submitted_at else None,
            "lateness_checked": self.lateness_checked,
            "meeting": self.meeting_label,
            "findings": [f.to_dict() for f in self.findings],
            "advice": [f.to_dict() for f in self.advice],
            "parsed": submission_to_dict(self.item),
        }


def resolve_alv_date(
    item: Motion | Amendment, alv_date: dt.date | None, submitted_at: dt.datetime | None, settings=None
) -> dt.date:
    """The ALV: as given, else the meeting named in the text, else the first registry meeting on or after the
    submission date (the e-mail time, else the date written in the submission)."""
    from assistant.rules.meetings import next_meeting_on_or_after

    if alv_date is not None:
        return alv_date.date() if isinstance(alv_date, dt.datetime) else alv_date
    if item.meeting_date is not None:
        return item.meeting_date
    submitted_on = to_amsterdam(submitted_at).date() if submitted_at else item.datum_indiening
    if submitted_on is not None:
        meeting = next_meeting_on_or_after(submitted_on, settings)
        if meeting is not None:
            return meeting.date
    raise InputError(
        "Niet duidelijk voor welke ALV dit stuk is: de tekst noemt geen vergadering en er is geen bekende "
        "vergadering na de datum van indiening.",
        hint="Geef de datum van de ALV op met --alv-date JJJJ-MM-DD (bijvoorbeeld --alv-date 2024-06-26).",
    )


def check(
    item: Motion | Amendment,
    *,
    alv_date: dt.date | None = None,
    submitted_at: dt.datetime | None = None,
    settings=None,
) -> CheckResult:
    """Run every rule that applies to the item's kind. ``submitted_at`` naive = Europe/Amsterdam."""
    from assistant.rules.meetings import get_meeting

    submitted = to_amsterdam(submitted_at) if submitted_at is not None else None
    alv = resolve_alv_date(item, alv_date, submitted, settings)
    meeting = get_meeting(alv, settings)
    ctx = CheckContext(item=item, alv_date=alv, meeting=meeting, submitted_at=submitted, settings=settings)
    findings: list[Finding] = []
    advice: list[Finding] = []
    for rule in RULES:
        if item.kind not in rule.applies_to:
            continue
        for hit in rule.detect(ctx):
            (advice if rule.advisory else findings).append(Finding.from_hit(rule, hit, item.kind))
    return CheckResult(
        item=item,
        alv_date=alv,
        meeting_label=meeting.label if meeting else None,
        submitted_at=submitted,
        findings=tuple(_sorted(findings)),
        advice=tuple(_sorted(advice)),
    )


def check_text(text: str, **kwargs) -> CheckResult:
    """Parse and check in one call."""
    from assistant.motions.parse import parse_submission

    return check(parse_submission(text), **kwargs)


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], RULE_ORDER[f.rule]))
