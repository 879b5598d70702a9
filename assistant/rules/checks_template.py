"""Template rules (sjabloon "Opbouw motie", ALV 26-06-2024 package L489–552): moties only.

The sjabloon is written for moties; amendementen are not checked against it. The rules apply to every meeting
(decision in issue 4: template and signature rules written down in 2024 hold for all meetings).
"""

from __future__ import annotations

from assistant.rules.model import CheckContext, Hit, Rule, Severity
from assistant.rules.sources import f1

_HEADER = f1(511, 517, note="sjabloon: indiener(s), titel en datum")


def _missing(field: str):
    def detect(ctx: CheckContext) -> list[Hit]:
        return [] if getattr(ctx.item, field) else [Hit()]

    return detect


MISSING_INDIENER = Rule(
    id="MISSING_INDIENER", severity=Severity.ERROR, applies_to=("motie",), family="template",
    title="Indienende gemeente ontbreekt",
    message="De motie noemt geen indienende gemeente.",
    hint="Begin de motie met 'Motie van de gemeente(n): …' en noem de indienende gemeente (en eventuele mede-indieners).",
    what="Of de motie bovenaan de indienende gemeente noemt ('Motie van de gemeente(n): …', 'Indiener: …', "
    "'Ingediend door de gemeente …'), of dat die uit de ondertekening blijkt.",
    why="Het sjabloon begint met de indiener(s); een motie wordt door een of meer colleges ingediend.",
    sources=(_HEADER,), detect=_missing("indiener"),
)

MISSING_TITLE = Rule(
    id="MISSING_TITLE", severity=Severity.ERROR, applies_to=("motie",), family="template",
    title="Titel ontbreekt",
    message="De motie heeft geen titel.",
    hint="Voeg een korte titel toe: 'Titel motie: …'.",
    what="Of de motie een titel heeft ('Titel motie: …', 'Onderwerp: …' of een titelregel bovenaan).",
    why="Het sjabloon vraagt om een titel; de VNG publiceert en bespreekt moties onder hun titel.",
    sources=(_HEADER,), detect=_missing("titel"),
)

MISSING_DATE = Rule(
    id="MISSING_DATE", severity=Severity.ERROR, applies_to=("motie",), family="template",
    title="Datum van indiening ontbreekt",
    message="De motie vermeldt geen datum van indiening.",
    hint="Voeg 'Datum indiening: …' toe (bijvoorbeeld 12 juni 2024).",
    what="Of de motie een datum van indiening noemt ('Datum indiening: …', 'Datum: …' of 'Plaats, datum' bij de "
    "ondertekening). De datum van de ALV zelf telt niet als datum van indiening.",
    why="Het sjabloon vraagt om de datum van indiening; daarmee is na te gaan of de motie vóór de deadline is "
    "ingediend.",
    sources=(_HEADER,), detect=_missing("datum_indiening"),
)

MISSING_AANLEIDING = Rule(
    id="MISSING_AANLEIDING", severity=Severity.ERROR, applies_to=("motie",), family="template",
    title="Aanleiding ontbreekt",
    message="De motie heeft geen onderdeel 'Aanleiding'.",
    hint="Beschrijf onder het kopje 'Aanleiding' de directe aanleiding: een actuele ontwikkeling, een langer "
    "levende zorg of een andere aanleiding.",
    what="Of de motie een onderdeel 'Aanleiding' heeft (kopje 'Aanleiding', 'Aanleiding: …' of 'De aanleiding "
    "voor deze motie is …').",
    why="Het sjabloon vraagt om een omschrijving van de directe aanleiding voor de motie.",
    sources=(f1(521, 523, note="sjabloon: aanleiding"),), detect=_missing("aanleiding"),
)


def _detect_overwegende(ctx: CheckContext) -> list[Hit]:
    item = ctx.item
    return [] if item.constateringen or item.overwegingen else [Hit()]


MISSING_OVERWEGENDE = Rule(
    id="MISSING_OVERWEGENDE", severity=Severity.ERROR, applies_to=("motie",), family="template",
    title="Overwegingen en constateringen ontbreken",
    message="De motie bevat geen overwegingen of constateringen ('overwegende, dat …' / 'constaterende, dat …').",
    hint="Duid het probleem met 'constaterende, dat …' en/of 'overwegende, dat …': omvang en betekenis voor "
    "gemeenten, urgentie, betrokken partijen en de rol van gemeenten.",
    what="Of de motie minstens één constatering of overweging bevat.",
    why="Het sjabloon vraagt om een duiding van de problematiek in de vorm 'overwegende, dat …' of "
    "'constaterende, dat …'.",
    sources=(f1(525, 531, note="sjabloon: overweging/constatering"),), detect=_detect_overwegende,
)


def _detect_oproep(ctx: CheckContext) -> list[Hit]:
    oproepen = ctx.item.oproepen
    if any(o.to_vng_bestuur and (o.text.strip() or o.verb) for o in oproepen):
        return []
    others = [o.addressee for o in oproepen if o.verb and o.verb != "spreekt uit" and o.addressee]
    if others:
        return [Hit(f"De oproep is gericht aan {', '.join(dict.fromkeys(others))}, niet aan het VNG-bestuur.")]
    if any(o.verb == "spreekt uit" for o in oproepen):
        return [Hit("De motie spreekt alleen iets uit en roept het VNG-bestuur niet op.")]
    return [Hit()]


MISSING_OPROEP = Rule(
    id="MISSING_OPROEP", severity=Severity.ERROR, applies_to=("motie",), family="template",
    title="Oproep aan het VNG-bestuur ontbreekt",
    message="De motie bevat geen oproep aan het VNG-bestuur.",
    hint="Richt de oproep aan het VNG-bestuur, bijvoorbeeld 'roept het bestuur van de VNG op zich in te spannen "
    "voor …' of 'verzoekt het VNG-bestuur …'. Een oproep aan het eigen college of het kabinet, of alleen "
    "'spreekt uit', is geen oproep aan het VNG-bestuur.",
    what="Of de motie een oproep bevat (roept … op, verzoekt, draagt … op, vraagt) die gericht is aan het "
    "VNG-bestuur ('het bestuur van de VNG', 'het VNG-bestuur', 'het bestuur'), of een onderdeel 'Oproep aan het "
    "VNG-bestuur'. Alleen 'spreekt uit', of een oproep aan een ander (zoals 'draagt het college op'), telt niet.",
    why="Een motie in de ALV is een gerichte oproep aan het VNG-bestuur om zich in te spannen voor een oplossing.",
    sources=(f1(533, 539, note="sjabloon: oproep aan het VNG-bestuur"),), detect=_detect_oproep,
)

MISSING_SLOTZIN = Rule(
    id="MISSING_SLOTZIN", severity=Severity.ERROR, applies_to=("motie",), family="template",
    title="Slotzin ontbreekt",
    message="De motie eindigt niet met de slotzin 'En gaat over tot de orde van de dag.'",
    hint="Sluit de motie af met: 'En gaat over tot de orde van de dag.'",
    what="Of de motie de vaste slotzin bevat (hoofdletters en punt doen er niet toe).",
    why="Het sjabloon schrijft de slotzin 'En gaat over tot de orde van de dag.' voor.",
    sources=(f1(541, 543, note="sjabloon: slotzin"),), detect=_missing("slotzin"),
)

RULES = (
    MISSING_INDIENER, MISSING_TITLE, MISSING_DATE, MISSING_AANLEIDING, MISSING_OVERWEGENDE, MISSING_OPROEP,
    MISSING_SLOTZIN,
)
