"""Amendment rules: an exact strike/replace instruction, and only on amendable proposals of the meeting.

Amendability is per meeting (the registry in ``assistant.rules.meetings`` / ``domain.amendable_items``): only
proposals ter besluitvorming; not items ter kennisname, agreements with third parties, vacancies or the
toelichting of a resolutie. For a meeting the registry does not know, the check says so at severity info.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.motions.model import Amendment, AmendmentChange
from assistant.rules.domain import AmendabilityVerdict, amendable_items
from assistant.rules.model import CheckContext, Hit, Rule, Severity
from assistant.rules.sources import SourceRef, f0, f1

_QUOTED_RE = re.compile(r"[\"“„'‘][^\"“”'‘’]{0,400}[\"”'’]")


def _complete(change: AmendmentChange) -> bool:
    if change.action == "vervangen":
        return bool(change.schrappen.strip() and change.vervangen_door.strip())
    if change.action == "schrappen":
        return bool(change.schrappen.strip())
    return bool(change.invoegen_na.strip() and change.vervangen_door.strip())


def _detect_no_delete_insert(ctx: CheckContext) -> list[Hit]:
    return [] if any(_complete(c) for c in ctx.item.changes) else [Hit()]


AMENDMENT_NO_DELETE_INSERT = Rule(
    id="AMENDMENT_NO_DELETE_INSERT", severity=Severity.ERROR, applies_to=("amendement",), family="amendments",
    title="Niet precies wat geschrapt en ingevoegd wordt",
    message="Het amendement geeft niet precies aan welke tekst wordt geschrapt en wat ervoor in de plaats komt.",
    hint="Schrijf het als 'Schrappen: \"…\"' gevolgd door 'Vervangen door: \"…\"', of als 'Invoegen na \"…\": "
    "\"…\"', met de letterlijke tekst uit het voorstel.",
    what="Of het amendement ten minste één volledige wijziging bevat: te schrappen tekst met de vervangende tekst, "
    "een te schrappen passage, of een plaats (invoegen na …) met de in te voegen tekst.",
    why="Voor een amendement moet helder zijn hoe het ALV-voorstel wordt aangepast: precies wat er wordt geschrapt "
    "en wat ervoor in de plaats komt.",
    sources=(f1(390, note="precies aangeven wat wordt geschrapt en wat ervoor in de plaats komt"),),
    detect=_detect_no_delete_insert,
)


_LOCATION_RE = re.compile(r"^\s*(?:in|uit|van|bij|onder)\s+(?:de|het)\s+([^:\"“„'‘\n]{3,80}?)\s*(?::|[\"“„'‘]|$)", re.I)


def _target_text(item: Amendment) -> str:
    """What the amendment says it changes: the proposal as named, plus a location written before the struck
    passage ("Schrappen in de toelichting: …"). The struck text itself is not used: it may contain any word."""
    located = [c.schrappen for c in item.changes] + [c.invoegen_na for c in item.changes]
    locations = [m[1] for m in (_LOCATION_RE.match(t) for t in located) if m]
    return " ".join([item.target_proposal, *locations])


def _norm(text: str) -> str:
    """Lower case, no accents ("décharge" = "decharge": Word and typed copies differ), words only."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", " ", text).strip()


def _quoted_passages(item: Amendment) -> list[str]:
    passages = [c.schrappen for c in item.changes] + [c.invoegen_na for c in item.changes]
    return [p for p in (_norm(p) for p in passages) if len(p) >= 20]


def _found_in(passages: list[str], sources: tuple[SourceRef, ...]) -> bool:
    texts = [_norm(s.text) for s in sources]
    return any(p in t for p in passages for t in texts)


def _head(target: str) -> str:
    """The proposal's own name, before any "onderdeel …", ", …", "over …" that may name a topic of another item."""
    return re.split(r",|;|\s[-–]\s|\s(?:onderdeel|paragraaf|hoofdstuk|over|inzake|betreffende|m\.b\.t\.)\s", target, maxsplit=1)[0]


def _classify(items, item: Amendment) -> AmendabilityVerdict:
    """By agenda item number first; else by the head of the target's name; else by the whole target text."""
    target = _target_text(item)
    if not item.agenda_item:
        head = items.classify("", _head(item.target_proposal))
        if head.item is not None:
            full = items.classify("", target)
            return full if full.item is head.item else head
    return items.classify(item.agenda_item, target)


def verdict_for(ctx: CheckContext) -> AmendabilityVerdict:
    """The registry's verdict, sharpened by where the struck text actually stands in the meeting's documents."""
    items = amendable_items(ctx.alv_date)
    item: Amendment = ctx.item
    verdict = _classify(items, item)
    passages = _quoted_passages(item)
    if not items.known or not passages or items.meeting is None:
        return verdict
    quoted_from = None  # the amendable proposal the struck text is quoted from
    for agenda_item in items.meeting.items:
        # A passage that also stands in the item's own (amendable) proposal text is not evidence of the
        # non-amendable part: a cited line can mention both ("jaarverslag ter kennisname … decharge verlenen").
        if _found_in(passages, agenda_item.proposals):
            quoted_from = quoted_from or (agenda_item if agenda_item.amendable else None)
            continue
        for part in agenda_item.non_amendable_parts:
            if _found_in(passages, part.sources):
                return AmendabilityVerdict(True, False, agenda_item, part, part.reason, part.sources)
    if verdict.amendable is False and verdict.part is None and quoted_from is not None and verdict.item is not None \
            and quoted_from.number.startswith(verdict.item.number):
        # "Agendapunt 5" while the text is quoted from the resolution 5b: the sub-item is meant
        return items.classify(quoted_from.number, "")
    return verdict


def _detect_non_amendable(ctx: CheckContext) -> list[Hit]:
    verdict = verdict_for(ctx)
    if not verdict.known or verdict.amendable is not False:
        return []
    where = f"Agendapunt {verdict.item.number} ({verdict.item.title})" if verdict.item else "Dit onderdeel"
    part = f", {verdict.part.part}" if verdict.part else ""
    return [Hit(f"{where}{part}: {verdict.reason}", sources=tuple(verdict.sources))]


AMENDMENT_ON_NON_AMENDABLE = Rule(
    id="AMENDMENT_ON_NON_AMENDABLE", severity=Severity.ERROR, applies_to=("amendement",), family="amendments",
    title="Amendement op een niet-amendabel onderdeel",
    message="Het amendement wijzigt een onderdeel dat niet amendabel is.",
    hint="Amendeer alleen voorstellen ter besluitvorming (bij een resolutie: de tekst van de resolutie, niet de "
    "toelichting). Over stukken ter kennisname, overeenkomsten met andere partijen en vacatures kunt u wel een "
    "motie indienen of het woord voeren.",
    what="Welk agendapunt (en welk deel) het amendement wijzigt, volgens het vergaderregister: het agendapunt, "
    "de naam van het voorstel en de plaats van de geschrapte tekst in de vergaderstukken. 2019: niet het "
    "Klimaatakkoord, de aanvullende overeenkomst Raamovereenkomst Verpakkingen en de vacatures; 2024: niet de stukken "
    "ter kennisname en niet de toelichting op de resolutie asielketen.",
    why="Statutair kunnen amendementen alleen worden ingediend op voorstellen die ter besluitvorming voorliggen; "
    "overeenkomsten met derden, vacatures (eigen statutaire procedure) en toelichtingen zijn uitgezonderd.",
    sources=(f1(388, note="amendementen op voorstellen ter besluitvorming"),
             f1(983, note="toelichting op de resolutie niet amendabel"), f1(36, note="de tekst van de resolutie is amendabel"),
             f0(95, note="2019: uitgezonderd Klimaatakkoord, Verpakkingen, vacatures")),
    detect=_detect_non_amendable,
)


def _detect_unknown(ctx: CheckContext) -> list[Hit]:
    return [] if ctx.meeting is not None else [Hit(f"De ALV van {ctx.alv_date:%d-%m-%Y} staat niet in het register.")]


AMENDABILITY_UNKNOWN = Rule(
    id="AMENDABILITY_UNKNOWN", severity=Severity.INFO, applies_to=("amendement",), family="amendments",
    title="Amendeerbaarheid onbekend",
    message="Deze vergadering staat niet in het vergaderregister; niet na te gaan of het voorstel amendabel is.",
    hint="Controleer in de uitnodiging of het voorstel ter besluitvorming voorligt, of voeg de vergadering toe met "
    "'motie meeting add'.",
    what="Of de vergadering waarvoor het amendement bedoeld is in het vergaderregister staat.",
    why="Welke voorstellen amendabel zijn, verschilt per vergadering; zonder registergegevens gelden alleen de "
    "algemene regels.",
    sources=(f1(388, note="amendementen op voorstellen ter besluitvorming"),),
    detect=_detect_unknown,
)

RULES = (AMENDMENT_NO_DELETE_INSERT, AMENDMENT_ON_NON_AMENDABLE, AMENDABILITY_UNKNOWN)
