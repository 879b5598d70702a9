"""The VNG sjabloon for motions (and the parts of an amendment) as data: labels, guidance, placeholders, sources.

Each part of the editor maps to one field of ``Motion`` / ``Amendment``. The guidance texts are the sjabloon's
own words (ALV 26-06-2024 package, "Sjabloon voor opbouw motie ALV", L489–552) or, for amendments, the
procedure note (L384–394); the UI shows them next to each field. Placeholders are what a new draft holds before
the griffier writes anything: a draft that still contains one is never complete (``find_placeholders``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.rules.sources import SourceRef, f1

# Every placeholder we put into a new draft is a bracketed instruction starting with one of these words, so it can
# never be mistaken for real content and is easy to find again ("[Vul hier de aanleiding in]").
PLACEHOLDER_OPEN = "["
PLACEHOLDER_WORDS = (
    "vul", "naam", "titel", "functie", "e-mail", "telefoon", "gemeente", "tekst", "passage", "nieuwe tekst", "agendapunt",
)

# The sjabloon itself uses "...." as its blanks ("Motie van de gemeente(n): ....").
_DOTS = re.compile(r"\.{4,}|…{2,}|…\.|^\s*(?:\.{3}|…)\s*$")
_BRACKETED = re.compile(r"\[([^\[\]]{0,120})\]")


@dataclass(frozen=True)
class TemplatePart:
    """One editable part of a motion or amendment, with the sjabloon's guidance next to it."""

    key: str  # the model field it edits
    label: str  # Dutch heading in the editor and in renders
    guidance: str  # Dutch help text, quoted or closely paraphrased from the source passage
    sources: tuple[SourceRef, ...]
    placeholder: str = ""  # for text parts; list parts get one placeholder item
    required: bool = True  # needed before the draft is complete
    is_list: bool = False
    tips: tuple[str, ...] = field(default_factory=tuple)  # short Dutch bullets (the sjabloon's "met aandacht voor")

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "guidance": self.guidance,
            "tips": list(self.tips),
            "placeholder": self.placeholder,
            "required": self.required,
            "is_list": self.is_list,
            "sources": [source.to_dict() for source in self.sources],
        }


_HEADER_SOURCES = (f1(509, 517),)
_SIGNING_SOURCES = (f1(545, 552), f1(452, 464))

INDIENER = TemplatePart(
    key="indiener",
    label="Indienende gemeente",
    guidance="Motie van de gemeente(n): de gemeente die de motie indient. Het indienen is een bevoegdheid van het "
    "college; de burgemeester van deze gemeente ondertekent namens het college.",
    sources=(*_HEADER_SOURCES, f1(450)),
    placeholder="[Naam van de indienende gemeente]",
)
MEDE_INDIENERS = TemplatePart(
    key="mede_indieners",
    label="Mede-indieners",
    guidance="Gemeenten die de motie mede indienen. Elke mede-indienende gemeente ondertekent namens haar college; "
    "wie daar tekent is niet van belang.",
    sources=(f1(462, 464),),
    required=False,
    is_list=True,
)
ONDERSTEUNENDE_GEMEENTEN = TemplatePart(
    key="ondersteunende_gemeenten",
    label="Ondersteunende gemeenten",
    guidance="Gemeenten die de motie steunen: een opsomming van namen volstaat, handtekeningen zijn niet nodig. De "
    "definitieve lijst kan tot uiterlijk 1 dag voor de ALV aan het VNG-bureau worden doorgegeven en wordt als aparte "
    "bijlage bij de motie gepubliceerd.",
    sources=(f1(466, 472),),
    required=False,
    is_list=True,
)
TITEL = TemplatePart(
    key="titel",
    label="Titel",
    guidance="Titel motie: een korte, herkenbare titel die het onderwerp noemt.",
    sources=_HEADER_SOURCES,
    placeholder="[Titel van de motie]",
)
DATUM_INDIENING = TemplatePart(
    key="datum_indiening",
    label="Datum indiening",
    guidance="Datum indiening: de dag waarop de motie bij het VNG-bureau wordt ingediend. Dien zo vroeg mogelijk in, "
    "in ieder geval vóór de deadline (12.00 uur).",
    sources=(*_HEADER_SOURCES, f1(503)),
)
AANLEIDING = TemplatePart(
    key="aanleiding",
    label="Aanleiding",
    guidance="Omschrijving directe aanleiding voor de motie. Dat kan zijn: een actuele ontwikkeling (bijv. nieuwe "
    "regelgeving, een calamiteit, nieuwe cijfers die bekend zijn geworden), een langer levende zorg (bijv. uitblijven "
    "van oplossingen voor maatschappelijke vraagstukken, signalen van inwoners en bedrijven) of een andere aanleiding.",
    sources=(f1(521, 523),),
    placeholder="[Vul hier de directe aanleiding voor de motie in]",
)
_DUIDING_TIPS = (
    "Omvang probleem en betekenis voor gemeenten (en hun inwoners)",
    "Urgentie van het probleem (welke actie/aanpak is op welke termijn nodig)",
    "De betrokken stakeholders en de rol van gemeenten",
)
CONSTATERINGEN = TemplatePart(
    key="constateringen",
    label="Constaterende, dat",
    guidance="Duiding van de problematiek (“constaterende, dat ....”): de feiten. Cijfers en bedragen die de omvang "
    "van het probleem laten zien horen hier, niet in de oproep.",
    sources=(f1(525, 531),),
    placeholder="[Vul hier een constatering in: wat is er aan de hand?]",
    is_list=True,
    tips=_DUIDING_TIPS,
)
OVERWEGINGEN = TemplatePart(
    key="overwegingen",
    label="Overwegende, dat",
    guidance="Duiding van de problematiek (“overwegende, dat ....”): waarom dit gemeenten raakt, hoe urgent het is "
    "en welke rol gemeenten en andere partijen hebben.",
    sources=(f1(525, 531),),
    placeholder="[Vul hier een overweging in: waarom is dit van belang voor gemeenten?]",
    is_list=True,
    tips=_DUIDING_TIPS,
)
OPROEPEN = TemplatePart(
    key="oproepen",
    label="Oproep aan het VNG-bestuur",
    guidance="Gerichte oproep aan het bestuur om zich in te spannen voor een oplossing van het probleem. Vraag een "
    "inspanningsverplichting, geen resultaatsverplichting; liever geen specifieke bedragen of exacte termijnen.",
    sources=(f1(533, 539), f1(504, 506), f1(580)),
    placeholder="[Vul hier de oproep in: zich in te spannen om ...]",
    is_list=True,
    tips=(
        "Belangenbehartiging richting rijk, medeoverheden en andere partijen",
        "Als VNG aan de gemeenten te vragen om een bepaalde actie te ondernemen",
        "Eigen VNG-beleid te gaan voeren of aan te passen",
    ),
)
SLOTZIN = TemplatePart(
    key="slotzin",
    label="Slotzin",
    guidance="De motie eindigt met de vaste slotzin “En gaat over tot de orde van de dag.”",
    sources=(f1(541, 543),),
)
SIGNATORIES = TemplatePart(
    key="signatories",
    label="Ondertekening",
    guidance="Ondertekening door de burgemeester van de indienende gemeente namens het college (eventueel samen met "
    "de betrokken wethouder of de gemeentesecretaris; raadsleden mogen medeondertekenen). Elke mede-indienende "
    "gemeente tekent namens haar college. Een motie is pas definitief als deze is ondertekend.",
    sources=(*_SIGNING_SOURCES, f1(484)),
    is_list=True,
)
CONTACT_PERSONS = TemplatePart(
    key="contact_persons",
    label="Contactpersonen",
    guidance="Geef bij het indienen de naam en gegevens door van de ambtelijke contactpersoon en van de inhoudelijk "
    "verantwoordelijke bestuurder (burgemeester, wethouder, raadslid, secretaris of griffier).",
    sources=(f1(476),),
    is_list=True,
)

# Amendment-only parts: the procedure note (L384–394) is the amendment's "template".
AGENDA_ITEM = TemplatePart(
    key="agenda_item",
    label="Agendapunt",
    guidance="Het agendapunt van het voorstel dat u wilt wijzigen. Amendementen kunnen alleen op voorstellen die ter "
    "besluitvorming aan de ALV worden voorgelegd.",
    sources=(f1(388),),
    placeholder="[Agendapunt, bijv. 5b]",
)
TARGET_PROPOSAL = TemplatePart(
    key="target_proposal",
    label="Voorstel",
    guidance="De titel van het voorstel dat het amendement wijzigt.",
    sources=(f1(388),),
    placeholder="[Titel van het voorstel]",
)
AMENDMENT_TITEL = TemplatePart(
    key="titel",
    label="Titel",
    guidance="Een korte titel die zegt wat het amendement wijzigt.",
    sources=(f1(388),),
    placeholder="[Titel van het amendement]",
)
CHANGES = TemplatePart(
    key="changes",
    label="Wijziging",
    guidance="Geef precies aan wat er in de tekst moet worden geschrapt en wat ervoor in de plaats moet komen "
    "(“schrappen: … / vervangen door: …”, of “invoegen na: …”).",
    sources=(f1(390),),
    placeholder="[Passage uit het voorstel die u wilt wijzigen]",
    is_list=True,
)
TOELICHTING = TemplatePart(
    key="toelichting",
    label="Toelichting",
    guidance="Licht kort toe waarom de wijziging nodig is.",
    sources=(f1(390),),
    placeholder="[Vul hier de toelichting op het amendement in]",
    required=False,
)

MOTION_PARTS: tuple[TemplatePart, ...] = (
    INDIENER,
    MEDE_INDIENERS,
    TITEL,
    DATUM_INDIENING,
    AANLEIDING,
    CONSTATERINGEN,
    OVERWEGINGEN,
    OPROEPEN,
    SLOTZIN,
    SIGNATORIES,
    ONDERSTEUNENDE_GEMEENTEN,
    CONTACT_PERSONS,
)
AMENDMENT_PARTS: tuple[TemplatePart, ...] = (
    INDIENER,
    MEDE_INDIENERS,
    AMENDMENT_TITEL,
    DATUM_INDIENING,
    AGENDA_ITEM,
    TARGET_PROPOSAL,
    CHANGES,
    TOELICHTING,
    SIGNATORIES,
    ONDERSTEUNENDE_GEMEENTEN,
    CONTACT_PERSONS,
)

# Placeholder texts for the structured list items of a new draft.
SIGNATORY_NAME_PLACEHOLDER = "[Naam burgemeester]"
CONTACT_AMBTELIJK_PLACEHOLDER = "[Naam ambtelijk contactpersoon]"
CONTACT_BESTUURDER_PLACEHOLDER = "[Naam verantwoordelijk bestuurder]"
EMAIL_PLACEHOLDER = "[e-mailadres]"
PHONE_PLACEHOLDER = "[telefoonnummer]"
REPLACEMENT_PLACEHOLDER = "[Nieuwe tekst]"
AMBTELIJK_FUNCTION = "ambtelijk contactpersoon"
BESTUURDER_FUNCTION_PLACEHOLDER = "[Functie: burgemeester, wethouder, raadslid, secretaris of griffier]"

# The sjabloon's own guidance sentences: copied into a field they are placeholders too (the old Word habit).
_GUIDANCE_SENTENCES = (
    "Omschrijving directe aanleiding voor de motie",
    "Duiding van de problematiek die aan de orde is",
    "Gerichte oproep aan het bestuur om zich in te spannen voor een oplossing van het probleem door",
)


def parts_for(kind: str) -> tuple[TemplatePart, ...]:
    """The editor parts, in document order, for "motie" or "amendement"."""
    return AMENDMENT_PARTS if kind == "amendement" else MOTION_PARTS


def part_by_key(kind: str, key: str) -> TemplatePart | None:
    return next((part for part in parts_for(kind) if part.key == key), None)


def is_placeholder(text: str | None) -> bool:
    """True when ``text`` still holds template placeholder text (ours, the sjabloon's "....", or its guidance)."""
    if not text:
        return False
    for match in _BRACKETED.finditer(text):
        inside = match.group(1).strip().lower()
        if not inside or inside in {"...", "…"} or inside.startswith(PLACEHOLDER_WORDS):
            return True
    if _DOTS.search(text):
        return True
    lowered = text.lower()
    return any(sentence.lower() in lowered for sentence in _GUIDANCE_SENTENCES)


_HEADING_LINE = re.compile(r"^\s*(?:#+\s*)?\*+([^*].*?)\*+\s*$|^\s*#+\s*(.+?)\s*$")


def outline(kind: str = "motie") -> list[tuple[str, SourceRef]]:
    """The sjabloon's own headings for the parts of a motion, in order, each with the line it stands on
    ("Aanleiding", "Oproep aan het VNG-bestuur", ...): what `motie ask "hoe ziet het sjabloon eruit?"` quotes.
    Parts whose source has no heading (the amendment parts come from running text) are left out."""
    seen: dict[str, SourceRef] = {}
    for part in parts_for(kind):
        source = part.sources[0] if part.sources else None
        if source is None:
            continue
        for number in range(source.line_start, source.line_end + 1):
            line = SourceRef(source.path, number).text.strip()
            match = _HEADING_LINE.match(line)
            if not match:
                continue
            label = (match.group(1) or match.group(2)).strip(" *")
            # a FAQ question ("Hoe zit het met ...?") or the section's own title is no part of the motion
            if label and not label.endswith("?") and "sjabloon" not in label.lower() and label not in seen:
                seen[label] = SourceRef(source.path, number)
    return list(seen.items())
