"""Signature rules (ALV 26-06-2024 package, "De regels voor ondertekening", L444–485): moties and amendementen.

Only the lead gemeente needs its burgemeester (a waarnemend or loco-burgemeester counts, Gemeentewet art. 77);
co-submitting gemeenten need any signature on behalf of their college; supporting gemeenten need none.
"""

from __future__ import annotations

from assistant.motions.model import Signatory
from assistant.motions.text import same_gemeente
from assistant.rules.domain import classify_function, counts_as_burgemeester
from assistant.rules.model import CheckContext, Hit, Rule, Severity
from assistant.rules.sources import f1


def _signed(ctx: CheckContext) -> list[Signatory]:
    return [s for s in ctx.item.signatories if s.signed]


def _for_lead(ctx: CheckContext, signatory: Signatory) -> bool:
    lead = ctx.item.indiener
    return not lead or not signatory.gemeente or same_gemeente(signatory.gemeente, lead)


def _lead_burgemeesters(ctx: CheckContext) -> list[Signatory]:
    return [s for s in _signed(ctx) if counts_as_burgemeester(s.function) and _for_lead(ctx, s)]


def _detect_unsigned(ctx: CheckContext) -> list[Hit]:
    """One cause, one finding: with no signature at all, the detail names everyone who still has to sign (the
    lead's burgemeester and each co-submitter), instead of adding NO_BURGEMEESTER_SIGNATURE and
    COSIGNER_WITHOUT_SIGNATURE for the same missing signatures."""
    if _signed(ctx):
        return []
    item = ctx.item
    needed = [f"de burgemeester van {item.indiener}" if item.indiener else "de burgemeester van de indienende gemeente"]
    needed += [f"namens het college van {g}" for g in item.mede_indieners]
    return [Hit(f"Nog te ondertekenen: {'; '.join(needed)}.")]


UNSIGNED = Rule(
    id="UNSIGNED", severity=Severity.ERROR, applies_to=("motie", "amendement"), family="signatures",
    title="Niet ondertekend",
    message="Het stuk is niet ondertekend: er staat geen handtekening of 'w.g.' bij een naam.",
    hint="Laat de burgemeester van de indienende gemeente ondertekenen (eventueel samen met de betrokken wethouder "
    "of de gemeentesecretaris) en zet bij een tekstversie 'w.g.' of '[handtekening]' bij de naam. Een getypte naam, "
    "'(handtekening volgt)' of 'wordt digitaal ondertekend' is geen ondertekening. Ook elke mede-indienende gemeente "
    "tekent namens haar college.",
    what="Of er minstens één ondertekening is: een handtekening, een markering als 'w.g.', '(w.g.)' of "
    "'[handtekening]' bij een naam, of een notitie 'Digitaal ondertekend door …'. Als er helemaal geen ondertekening "
    "is, meldt de controle alleen deze fout, met wie er nog moet tekenen (de burgemeester van de indienende gemeente "
    "en elke mede-indiener); niet ook NO_BURGEMEESTER_SIGNATURE of COSIGNER_WITHOUT_SIGNATURE, want dat zijn "
    "dezelfde ontbrekende handtekeningen. Zodra er één handtekening staat, gelden die twee regels wel.",
    why="Een motie is pas definitief als zij is ondertekend; de VNG publiceert alleen ondertekende moties. Voor "
    "amendementen gelden dezelfde voorwaarden.",
    sources=(f1(484, note="pas definitief als ondertekend"), f1(392, note="amendementen: dezelfde voorwaarden")),
    detect=_detect_unsigned,
)


def _detect_no_burgemeester(ctx: CheckContext) -> list[Hit]:
    if not _signed(ctx) or _lead_burgemeesters(ctx):
        return []
    lead = f" van {ctx.item.indiener}" if ctx.item.indiener else ""
    return [Hit(f"Er is geen ondertekening door de burgemeester{lead}.")]


NO_BURGEMEESTER_SIGNATURE = Rule(
    id="NO_BURGEMEESTER_SIGNATURE", severity=Severity.ERROR, applies_to=("motie", "amendement"),
    family="signatures",
    title="Burgemeester van de indienende gemeente heeft niet getekend",
    message="De burgemeester van de indienende gemeente heeft niet ondertekend.",
    hint="De indienende gemeente ondertekent namens het college met de burgemeester: alleen, samen met de "
    "betrokken wethouder of samen met de gemeentesecretaris. Een waarnemend burgemeester of loco-burgemeester "
    "telt als burgemeester. Raadsleden mogen medeondertekenen.",
    what="Of bij de indienende (eerste) gemeente een ondertekening door de burgemeester staat. Alleen een wethouder, "
    "secretaris of raadslid is niet genoeg.",
    why="Indienen is een bevoegdheid van het college (Gemeentewet art. 160); alle toegestane vormen van "
    "ondertekening namens het college bevatten de burgemeester.",
    sources=(f1(450, note="college bevoegd, raadsleden mogen medeondertekenen"),
             f1(454, 460, note="ondertekening namens het college"), f1(549, 552, note="sjabloon: ondertekening"),
             f1(392, note="amendementen: dezelfde voorwaarden")),
    detect=_detect_no_burgemeester,
)


def _detect_acting(ctx: CheckContext) -> list[Hit]:
    lead = _lead_burgemeesters(ctx)
    if not lead or any(classify_function(s.function) == "burgemeester" for s in lead):
        return []
    return [Hit(f"Ondertekend door de {lead[0].function}{' ' + lead[0].name if lead[0].name else ''}.")]


ACTING_BURGEMEESTER = Rule(
    id="ACTING_BURGEMEESTER", severity=Severity.INFO, applies_to=("motie", "amendement"), family="signatures",
    title="Waarnemend of loco-burgemeester tekent",
    message="De indienende gemeente tekent met een waarnemend burgemeester of loco-burgemeester; dat telt als "
    "ondertekening door de burgemeester.",
    hint="Geen actie nodig. Vermeld de functie zoals die is ('waarnemend burgemeester', 'loco-burgemeester').",
    what="Of de burgemeesterhandtekening van de indienende gemeente die van een waarnemend burgemeester of "
    "loco-burgemeester is.",
    why="Een waarnemend burgemeester en een loco-burgemeester (Gemeentewet art. 77) oefenen de bevoegdheden van de "
    "burgemeester uit; de ondertekeningsregel is daarmee vervuld.",
    sources=(f1(454, 460, note="ondertekening namens het college"),),
    detect=_detect_acting,
)


def _detect_cosigners(ctx: CheckContext) -> list[Hit]:
    signed = _signed(ctx)
    if not signed:
        return []  # UNSIGNED covers it
    missing = [g for g in ctx.item.mede_indieners if not any(same_gemeente(s.gemeente, g) for s in signed)]
    if not missing:
        return []
    return [Hit(f"Zonder ondertekening: {', '.join(missing)}.")]


COSIGNER_WITHOUT_SIGNATURE = Rule(
    id="COSIGNER_WITHOUT_SIGNATURE", severity=Severity.ERROR, applies_to=("motie", "amendement"),
    family="signatures",
    title="Mede-indiener heeft niet getekend",
    message="Niet elke mede-indienende gemeente heeft ondertekend.",
    hint="Laat elke mede-indienende gemeente namens haar college ondertekenen (wie tekent is niet van belang), of "
    "noem de gemeente als ondersteunende gemeente: die hoeft niet te tekenen.",
    what="Of bij elke mede-indienende gemeente een ondertekening namens haar college staat. Ondersteunende "
    "gemeenten hoeven niet te tekenen.",
    why="Mede-indienende gemeenten zetten onderaan de motie hun naam met een handtekening namens hun college; "
    "voor ondersteuners volstaat een opsomming zonder handtekeningen.",
    sources=(f1(464, note="mede-indieners: handtekening namens hun college"),
             f1(468, note="ondersteuners: geen handtekeningen")),
    detect=_detect_cosigners,
)

RULES = (UNSIGNED, NO_BURGEMEESTER_SIGNATURE, ACTING_BURGEMEESTER, COSIGNER_WITHOUT_SIGNATURE)
