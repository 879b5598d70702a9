"""Optional tips (advice, severity info). They are reported apart from the findings (``CheckResult.advice``):
the catalogue's findings are what the VNG procedure requires; these only help.
"""

from __future__ import annotations

from assistant.rules.model import CheckContext, Hit, Rule, Severity
from assistant.rules.sources import f1


def _detect_contacts(ctx: CheckContext) -> list[Hit]:
    return [] if ctx.item.contact_persons else [Hit()]


CONTACT_PERSONS_MISSING = Rule(
    id="CONTACT_PERSONS_MISSING", severity=Severity.INFO, applies_to=("motie",), family="hints", advisory=True,
    title="Contactpersonen ontbreken",
    message="Er zijn geen contactpersonen vermeld.",
    hint="Geef bij de indiening de naam en gegevens van de ambtelijke contactpersoon en van de inhoudelijk "
    "verantwoordelijke bestuurder door (via het indieningsadres).",
    what="Of de motie een ambtelijke contactpersoon of verantwoordelijke bestuurder noemt.",
    why="De VNG vraagt bij de indiening om deze contactgegevens, zodat de beleidsafdeling contact kan opnemen.",
    sources=(f1(476, note="ambtelijke contactpersoon en verantwoordelijke bestuurder"),),
    detect=_detect_contacts,
)


def _detect_unknown_gemeente(ctx: CheckContext) -> list[Hit]:
    try:
        from assistant.rules.municipalities import is_municipality, suggest
    except ImportError:
        return []
    item = ctx.item
    hits = []
    for name in [item.indiener, *item.mede_indieners, *item.ondersteunende_gemeenten]:
        if not name or is_municipality(name, ctx.alv_date):
            continue
        options = list(suggest(name, ctx.alv_date))[:3]
        tip = f" Bedoelt u {' of '.join(options)}?" if options else ""
        hits.append(Hit(f"'{name}' is op {ctx.alv_date:%d-%m-%Y} geen Nederlandse gemeente.{tip}"))
    return hits


UNKNOWN_GEMEENTE = Rule(
    id="UNKNOWN_GEMEENTE", severity=Severity.INFO, applies_to=("motie", "amendement"), family="hints",
    advisory=True,
    title="Onbekende gemeentenaam",
    message="Een genoemde gemeente staat niet in de lijst van Nederlandse gemeenten op de vergaderdatum.",
    hint="Controleer de spelling en of de gemeente (na een herindeling) nog bestaat.",
    what="Of indiener, mede-indieners en ondersteuners gemeenten zijn volgens de CBS-indeling op de vergaderdatum.",
    why="Alleen leden (gemeenten) dienen moties en amendementen in; herindelingen veranderen de lijst elk jaar.",
    sources=(f1(450, note="indienen is een bevoegdheid van het college"),),
    detect=_detect_unknown_gemeente,
)

RULES = (CONTACT_PERSONS_MISSING, UNKNOWN_GEMEENTE)
