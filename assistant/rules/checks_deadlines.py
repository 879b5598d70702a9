"""Deadline rule: nine working days before the ALV, 12:00 Europe/Amsterdam (``assistant.rules.calendar``).

Statutory for amendementen (error); a board request for moties (warning: after the deadline only moties on an
actual topic are admitted). Judged only when the submission time is known.
"""

from __future__ import annotations

from assistant.rules.calendar import deadlines, is_late, to_amsterdam
from assistant.rules.model import CheckContext, Hit, Rule, Severity
from assistant.rules.sources import f0, f1


def _extra_days(ctx: CheckContext):
    return tuple(ctx.settings.extra_non_working_days) if ctx.settings is not None else None


def _detect_late(ctx: CheckContext) -> list[Hit]:
    if ctx.submitted_at is None:
        return []
    deadline = deadlines(ctx.alv_date, extra_non_working_days=_extra_days(ctx))
    limit = deadline.amendment_deadline if ctx.kind == "amendement" else deadline.motion_deadline
    if not is_late(ctx.submitted_at, limit):
        return []
    return [Hit(f"Ingediend {to_amsterdam(ctx.submitted_at):%d-%m-%Y %H:%M}; de deadline was "
                f"{to_amsterdam(limit):%d-%m-%Y} vóór 12:00 uur.")]


LATE_SUBMISSION = Rule(
    id="LATE_SUBMISSION", severity=Severity.WARNING, applies_to=("motie", "amendement"), family="deadlines",
    severity_by_kind=(("amendement", Severity.ERROR), ("motie", Severity.WARNING)),
    title="Te laat ingediend",
    message="Het stuk is na de deadline ingediend (negen werkdagen vóór de ALV, 12:00 uur).",
    hint="Amendementen na de statutaire termijn worden niet in behandeling genomen. Een late motie wordt alleen nog "
    "toegelaten als zij een actueel onderwerp betreft waarover niet eerder een motie kon worden ingediend: licht "
    "dat toe bij de indiening.",
    what="Of het tijdstip van indiening (opgegeven, of uit de e-mail) vóór de deadline ligt: negen werkdagen vóór "
    "de ALV, de ALV-dag zelf niet meegeteld, zonder weekenden en algemeen erkende feestdagen, om 12:00 uur "
    "(Nederlandse tijd); indiening om 12:00 of later is te laat. Zonder tijdstip wordt dit niet beoordeeld.",
    why="Voor amendementen is dit de statutaire termijn (fout). Voor moties is het een dringend verzoek van het "
    "bestuur (waarschuwing): na de deadline worden alleen moties over een actueel onderwerp toegelaten.",
    sources=(f1(388, note="9 werkdagen, vóór 12 uur"), f1(433, note="moties: dringend verzoek"),
             f1(416, note="na de deadline alleen actuele moties"), f0(146, note="2019: 18 november, 12.00 uur")),
    detect=_detect_late,
)

RULES = (LATE_SUBMISSION,)
