"""Content advice for moties (sjabloon "Aandachtspunten" and the werkgroep recommendations): warnings.

These look only at the oproep (the dictum). Figures and dates in the aanleiding, constateringen and overwegingen
are fine: the sjabloon asks to describe the size and urgency of the problem there.
"""

from __future__ import annotations

import re

from assistant.motions.text import DATE_NUMERIC_RE, DATE_WORDS_RE, MONTHS
from assistant.rules.model import CheckContext, Hit, Rule, Severity
from assistant.rules.sources import f1

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_NOT_MONEY = r"(?!\s*(?:inwoners|mensen|personen|huishoudens|woningen|kinderen|jongeren|ouderen|asielzoekers|statushouders|banen|ton|kilo|m2|km|uur|dagen|leerlingen|patiënten|cliënten)\b)"
AMOUNT_RE = re.compile(
    rf"((?:€|\bEUR)\s?\d[\d.,]*(?:\s*(?:miljoen|miljard|mln\.?|mld\.?))?|\b\d[\d.,]*\s*(?:euro|eurocent)\b|\b\d[\d.,]*\s*(?:miljoen|miljard|mln\.?|mld\.?){_NOT_MONEY}|"
    rf"\b(?:een|één|twee|drie|vier|vijf|tien|honderd)\s+(?:miljoen|miljard){_NOT_MONEY}|"
    # A percentage is a specific amount too ("ten minste 80% van de meerkosten"): rules.md §7 CONT-NO-AMOUNTS.
    rf"\b\d[\d.,]*\s?(?:%|procent\b))",
    re.I,
)
_NUM_WORD = r"(?:\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|achttien|vierentwintig|half|anderhalf)"
_FILLER = (r"(?:in|het|de|eind|einde|begin|medio|half|halverwege|van|zomer|najaar|voorjaar|winter|herfst|"
           r"eerste|tweede|derde|vierde|helft|kwartaal|jaareinde|uiterlijk)")
DEADLINE_RE = re.compile(
    rf"(\b\d{{1,2}}\s+(?:{_MONTH_ALT})\b|{DATE_NUMERIC_RE.pattern}|"
    rf"\b(?:uiterlijk|vóór|per|met\s+ingang\s+van|ingaande)\s+(?:{_FILLER}\s+)*(?:(?:{_MONTH_ALT})\s+)?\d{{4}}\b|"
    rf"\bvoor\s+(?:{_FILLER}\s+)+(?:(?:{_MONTH_ALT})\s+)?\d{{4}}\b|"
    rf"\b(?:uiterlijk|vóór|per)\s+(?:{_MONTH_ALT})\b|"
    rf"\bbinnen\s+(?:een\s+)?{_NUM_WORD}\s+(?:\w+\s+)?(?:dagen|dag|weken|week|maanden|maand|jaar|jaren|kwartaal)\b)",
    re.I,
)
RESULT_RE = re.compile(
    r"(\bzorg(?:t|en)?\s+ervoor\s+dat|\bervoor\s+(?:te\s+)?zorg(?:en|t)\b|\bte\s+zorgen\s+dat|\bzorg\s+te\s+dragen\b|"
    r"\bgarande(?:ert|ren)\b|\bte\s+garanderen\b|\bbewerkstellig\w*|\bte\s+bewerkstelligen\b|\bte\s+realiseren\s+dat\b|"
    r"\bte\s+regelen\s+dat\b|\bregel(?:t|en)\s+dat\b|\bte\s+zorgen\s+voor\b|\bzorgt\s+voor\b|\baf\s+te\s+dwingen\b|\bdwingt\s+af\b|\bte\s+verzekeren\s+dat\b)",
    re.I,
)
EFFORT_RE = re.compile(
    r"\b(?:zich\s+(?:er\s+)?(?:(?:maximaal|actief|stevig|krachtig)\s+)?(?:voor\s+)?in\s+te\s+(?:spannen|zetten)|zich\s+inspant|"
    r"te\s+bepleiten|aan\s+te\s+dringen|te\s+streven|te\s+lobbyen|zich\s+sterk\s+te\s+maken|te\s+pleiten|erop\s+aan\s+te\s+dringen)\b",
    re.I,
)


def _oproep_texts(ctx: CheckContext) -> list[str]:
    return [o.text for o in ctx.item.oproepen if o.text]


def _quote(match: re.Match) -> str:
    return f"'{match.group(0).strip()}'"


def _detect(pattern: re.Pattern):
    def detect(ctx: CheckContext) -> list[Hit]:
        found = [_quote(m) for text in _oproep_texts(ctx) for m in pattern.finditer(text)]
        return [Hit(f"Gevonden in de oproep: {', '.join(dict.fromkeys(found))}.")] if found else []

    return detect


def _detect_full_dates(ctx: CheckContext) -> list[Hit]:
    found = []
    for text in _oproep_texts(ctx):
        matches = sorted((m for regex in (DATE_WORDS_RE, DEADLINE_RE) for m in regex.finditer(text)),
                         key=lambda m: (m.start(), -m.end()))
        end = -1
        for match in matches:
            if match.end() > end:  # skip a match inside a longer one ("1 januari" in "1 januari 2025")
                end = match.end()
                if not _REFERENCE_BEFORE_RE.search(text[max(0, match.start() - 30):match.start()]):
                    found.append(_quote(match))
    return [Hit(f"Gevonden in de oproep: {', '.join(dict.fromkeys(found))}.")] if found else []


# "de motie van de ALV van 1 december 2023", "de Kamerbrief d.d. 12 mei 2024": a date that names a document or an
# earlier meeting is a reference, not a term set for the bestuur.
_REFERENCE_BEFORE_RE = re.compile(r"\b(?:van|d\.\s?d\.|dd|sinds|gedateerd)\s*$", re.I)


def _result_clauses(text: str) -> list[str]:
    """Result wording that is not framed as an effort ("zich in te spannen om ervoor te zorgen dat" is fine)."""
    hits = []
    for clause in re.split(r"[;\n]|\.\s", text):
        for match in RESULT_RE.finditer(clause):
            if not EFFORT_RE.search(clause[: match.start()]):
                hits.append(match.group(0))
    return hits


def _detect_result(ctx: CheckContext) -> list[Hit]:
    found = [f"'{h}'" for text in _oproep_texts(ctx) for h in _result_clauses(text)]
    return [Hit(f"Gevonden in de oproep: {', '.join(dict.fromkeys(found))}.")] if found else []


_CONTENT_SOURCES = (f1(504, note="niet te gedetailleerd en te technisch"),
                    f1(580, note="liever geen specifieke bedragen, exacte termijnen"))

TOO_DETAILED_AMOUNTS = Rule(
    id="TOO_DETAILED_AMOUNTS", severity=Severity.WARNING, applies_to=("motie",), family="content",
    title="Bedragen in de oproep",
    message="De oproep noemt een specifiek bedrag of percentage.",
    hint="Laat het bedrag of percentage weg uit de oproep en vraag het bestuur zich in te spannen voor bijvoorbeeld "
    "'toereikende' of 'structurele' financiering; cijfers over de omvang van het probleem horen in de constateringen.",
    what="Of de oproep een geldbedrag noemt (€, euro, miljoen, miljard) of een percentage ('ten minste 80% van de "
    "kosten'). Bedragen en percentages in de aanleiding, constateringen of overwegingen tellen niet.",
    why="Een motie moet niet het karakter krijgen van een regulier ALV-voorstel (dat vier weken vooraf wordt "
    "toegezonden): dus liever geen specifieke bedragen, exacte termijnen of complexe gedetailleerde omschrijvingen.",
    sources=_CONTENT_SOURCES, detect=_detect(AMOUNT_RE),
)

TOO_DETAILED_DEADLINE = Rule(
    id="TOO_DETAILED_DEADLINE", severity=Severity.WARNING, applies_to=("motie",), family="content",
    title="Exacte termijn in de oproep",
    message="De oproep noemt een exacte datum of termijn.",
    hint="Vervang de exacte termijn door een richting ('zo spoedig mogelijk', 'bij de komende kabinetsformatie'); "
    "de urgentie kunt u in de overwegingen toelichten.",
    what="Of de oproep een exacte datum of termijn noemt ('vóór 1 januari 2025', 'uiterlijk 2026', 'binnen drie "
    "maanden'). Data in de aanleiding, constateringen of overwegingen tellen niet, en ook geen datum die naar een "
    "stuk of een eerdere vergadering verwijst ('de motie van de ALV van 1 december 2023').",
    why="Liever geen exacte termijnen in een motie: die geven haar het karakter van een regulier ALV-voorstel.",
    sources=_CONTENT_SOURCES, detect=_detect_full_dates,
)

RESULT_OBLIGATION = Rule(
    id="RESULT_OBLIGATION", severity=Severity.WARNING, applies_to=("motie",), family="content",
    title="Resultaatsverplichting in de oproep",
    message="De oproep vraagt van het bestuur een resultaat in plaats van een inspanning.",
    hint="Vraag een inspanningsverplichting: 'zich in te spannen voor …', 'bij het Rijk te bepleiten dat …', 'aan te "
    "dringen op …' in plaats van 'ervoor te zorgen dat …' of 'te garanderen …'.",
    what="Of de oproep resultaatformuleringen bevat zoals 'zorgt ervoor dat', 'ervoor te zorgen dat', 'garandeert', "
    "'bewerkstelligt', tenzij als inspanning geformuleerd ('zich in te spannen om ervoor te zorgen dat').",
    why="Van het bestuur wordt een inspanningsverplichting gevraagd, geen resultaatsverplichting, wanneer het "
    "bestuur niet de eindverantwoordelijke of bevoegde partij is.",
    sources=(f1(506, note="inspanningsverplichting, geen resultaatsverplichting"),
             f1(579, note="uitvoerbare inspanningsverplichting")),
    detect=_detect_result,
)

RULES = (TOO_DETAILED_AMOUNTS, TOO_DETAILED_DEADLINE, RESULT_OBLIGATION)
