"""Free text (as it arrives by e-mail, or extracted from DOCX/PDF) -> ``Motion`` | ``Amendment``.

Real submissions are messy: headings in any case and with or without colons ("Constaterende dat:",
"constaterende,", "OVERWEGENDE DAT"), bullets (``-``, ``•``, ``o``, ``–``, numbers), the slotzin without a capital or
full stop, signature blocks in one or two columns ("de secretaris, / de burgemeester," above the names, tab- or
space-separated, or on separate lines). The parser is deliberately forgiving: it never raises on content, it fills
what it recognises and leaves the rest empty, so the rule engine can say what is missing.

How it works: the text is cut into lines; each line is classified (heading, header field, clause, call, slotzin,
signature line, list item) by the patterns below, and a small state machine keeps track of the current section.
Helpers live next door: ``text`` (lines, Dutch dates, gemeente names), ``signatures`` (the signature region, whose
layout is two-dimensional) and ``changes`` (an amendment's strike/replace/insert instructions).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from assistant.motions.changes import (
    CH_INSERT_AFTER_RE,
    CH_STRIKE_RE,
    INLINE_REPLACE_RE,
    is_change_line,
    parse_changes,
    with_location,
)
from assistant.motions.model import Amendment, ContactPerson, Motion, Oproep, Signatory
from assistant.motions.signatures import (
    CELL_SPLIT_RE,
    is_gemeente_name,
    FUNCTION_START_RE,
    HEADING_SIGN_RE,
    SignatureParser,
    looks_like_signature,
    parse_signature_cell,
    strong_signature,
)
from assistant.motions.text import (
    DATE_ISO_RE,
    clean_gemeente,
    DATE_NUMERIC_RE,
    DATE_WORDS_RE,
    LIST_SPLIT_RE,
    Line,
    MONTH_ALT,
    clean_line,
    field_value,
    parse_dutch_date,
    parse_full_date,
    protect_names,
    same_gemeente,
    split_gemeenten,
    strip_bullet,
    unprotect_names,
)

# --- section and field patterns --------------------------------------------------------------------------------

FIELD_INDIENER_RE = re.compile(
    r"^(?:(?:motie|amendement)\s+van\s+(?:de\s+)?gemeente(?:n|\(n\))?|indiener(?:s|\(s\))?|"
    r"indienende\s+gemeente(?:n|\(n\))?|ingediend\s+door(?:\s+de\s+gemeente(?:n)?)?|"
    r"(?:motie|amendement)\s+(?:van\s+)?(?:de\s+)?gemeente|gemeente(?=\s*:))\s*:?\s*(.*)$",
    re.I,
)
FIELD_TITLE_RE = re.compile(r"^(?:(?:titel|naam)(?:\s+(?:van\s+de\s+)?(?:motie|amendement))?|onderwerp)\s*:\s*(.*)$", re.I)
FIELD_DATE_RE = re.compile(r"^(?:datum(?:\s+(?:van\s+)?indiening)?|ingediend\s+op|ingediend(?=\s*:)|d\.d\.)\s*:?\s*(.*)$", re.I)
FIELD_MEDE_RE = re.compile(
    r"^(?:mede[- ]?indieners?|mede[- ]?indienende\s+gemeenten?|mede\s+ingediend\s+door|mede\s+namens)"
    r"(?:\s+de)?(?:\s+gemeente(?:n|\(n\))?)?\s*:?\s*(.*)$",
    re.I,
)
FIELD_SUPPORT_RE = re.compile(
    r"^(?:ondersteunende\s+gemeenten?|ondersteuners?|ondersteund\s+door|gesteund\s+door|steunbetuigingen?|"
    r"(?:deze\s+(?:motie|amendement)\s+wordt\s+)?(?:ook\s+)?(?:ondersteund|gesteund)\s+door)"
    r"(?:\s+de)?(?:\s+(?:volgende\s+)?gemeente(?:n|\(n\))?)?\s*:?\s*(.*)$",
    re.I,
)
FIELD_CONTACT_RE = re.compile(
    r"^(?:(?:ambtelijke?|bestuurlijke?|inhoudelijke?)\s+)?(?:contact\s*persoon|contactpersonen|contactgegevens|"
    r"inhoudelijk\s+verantwoordelijke?\s+bestuurder|verantwoordelijk\s+bestuurder)(?:\s*\(.*?\))?\s*:?\s*(.*)$",
    re.I,
)
FIELD_MEETING_RE = re.compile(r"^(?:b?alv|vergadering|ledenvergadering|algemene\s+ledenvergadering|voor\s+de\s+b?alv)\s*:?\s*(.*\d{4}.*)$", re.I)
FIELD_PART_RE = re.compile(r"^(?:onderdeel|deel|betreft\s+onderdeel)\s*:\s*(.+)$", re.I)
_AGENDA_NAME_RE = re.compile(r"\bagendapunt\s*:?\s*\d{1,2}\s?[a-z]?\b\s*[:.,–-]?\s*([A-Za-zÀ-ÿ].{2,})$", re.I)
FIELD_AGENDA_RE = re.compile(r"\bagendapunt\s*:?\s*(\d{1,2}\s?[a-z]?)\b", re.I)
FIELD_TARGET_RE = re.compile(
    r"^(?:betreft|voorstel|onderwerp|amendement\s+op|op\s+het\s+voorstel|ALV-voorstel)\s*:\s*(.*)$", re.I
)

HEADING_AANLEIDING_RE = re.compile(r"^(?:de\s+)?(?:directe\s+)?aanleiding(?:\s+(?:voor|van)\s+(?:de|deze)\s+motie)?\s*(?::|is\b|$)\s*(.*)$", re.I)
HEADING_CONSIDER_RE = re.compile(r"^(?:overweging(?:en)?|constatering(?:en)?)(?:\s*(?:/|en)\s*(?:overweging(?:en)?|constatering(?:en)?))?\s*:?\s*$", re.I)
CONSTATERENDE_RE = re.compile(r"^(?:(?:en|voorts|tevens|verder|de\s+alv|wij)\s+)?(?:constater(?:ende|end|nde|ernde|en)|constateert)\b\s*,?\s*(?:dat\b)?\s*[:,]?\s*(.*)$", re.I)
OVERWEGENDE_RE = re.compile(
    r"^(?:(?:en|voorts|tevens|verder|de\s+alv|wij)\s+)?(?:overwegende|overwegend|overweegt|overwegen|"
    r"van\s+mening\s+zijnde|van\s+mening|(?:is|zijn)\s+van\s+mening)\b\s*,?\s*(?:dat\b)?\s*[:,]?\s*(.*)$",
    re.I,
)
HEADING_OPROEP_RE = re.compile(
    r"^(?:oproep|oproepen|dictum|verzoek|besluit)(?:\s+aan\s+(.*?))?\s*:?\s*$", re.I
)
CALL_RE = re.compile(
    r"^(?:en\s+|besluit\s+|wij\s+|de\s+gemeenten?\s+[A-Z][\w'-]*\s+|"
    r"(?:de|het)\s+(?:alv|b?alv|algemene\s+ledenvergadering|leden(?:vergadering)?)(?:\s+van\s+de\s+vng)?\s*,?\s+)?(roept|verzoekt|draagt|vraagt|dringt|spreekt|verzoeken|roepen|vragen|dragen|spreken)\b\s*(.*)$",
    re.I,
)
# "besluit het VNG-bestuur op te roepen …" / under a "Besluit:" heading "het VNG-bestuur te verzoeken …".
INFINITIVE_CALL_RE = re.compile(
    r"^(?:en\s+)?(?:besluit\s*:?\s+)?(?:om\s+)?((?:het|de)\s+[^,;:]{2,80}?)\s+(op\s+te\s+roepen|te\s+verzoeken|op\s+te\s+dragen|te\s+vragen)\b"
    r"\s*[:,]?\s*(.*)$",
    re.I,
)
PASSIVE_CALL_RE = re.compile(
    r"^(het\s+(?:vng[- ]?)?bestuur(?:\s+van\s+de\s+vng)?|de\s+vng)\s+wordt\s+(opgeroepen|verzocht|gevraagd|opgedragen)\b\s*(.*)$",
    re.I,
)
SLOTZIN_RE = re.compile(r"ga(?:at|an)\s+over\s+tot\s+de\s+orde\s+van\s+de\s+dag", re.I)
HEADING_TOELICHTING_RE = re.compile(r"^toelichting(?:\s+(?:op|bij)\s+(?:het|dit)\s+amendement)?\s*:?\s*(.*)$", re.I)
KIND_AMEND_RE = re.compile(r"^(?:\d+[.)]?\s*)?amendement\b", re.I)
KIND_MOTIE_RE = re.compile(r"^(?:\d+[.)]?\s*)?motie\b", re.I)
PREAMBLE_RE = re.compile(
    r"^(?:de\s+(?:leden|algemene\s+ledenvergadering)|de\s+alv\b|aan\s*:|van\s*:|aan\s+het\s+|beste\b|geachte\b|hierbij\b|"
    r"bijgaand\b|hallo\b|dag\b|goedemorgen\b|goedemiddag\b|met\s+vriendelijke|onderwerp\s*:|betreft\s*:)",
    re.I,
)


EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"(?:\+31|0)[\d\s-]{8,13}\d")



@dataclass
class _State:
    section: str = "header"
    indiener_names: list[str] = field(default_factory=list)
    mede: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    title: str = ""
    title_guessed: bool = False
    title_from_kind: bool = False  # taken from the "Motie …" line; an explicit title field replaces it
    year_hint: int | None = None
    meeting: dt.date | None = None  # from an "ALV: <datum>" header field
    datum: dt.date | None = None
    aanleiding: list[str] = field(default_factory=list)
    constateringen: list[str] = field(default_factory=list)
    overwegingen: list[str] = field(default_factory=list)
    oproepen: list[Oproep] = field(default_factory=list)
    slotzin: str = ""
    toelichting: list[str] = field(default_factory=list)
    target: str = ""
    target_guessed: bool = False  # from a bare line; a "Voorstel:"/"Betreft:" field replaces it
    agenda_item: str = ""
    sign_start: int | None = None
    list_return: str = "after"  # the section after a mede-indieners/supporters/contacts list
    sign_content: bool = False  # a line was read inside the signature region
    contacts: list[str] = field(default_factory=list)
    oproep_heading_addressee: str | None = None
    change_lines: list[Line] = field(default_factory=list)


# --- public API ------------------------------------------------------------------------------------------------


def parse_submission(text: str) -> Motion | Amendment:
    """Parse a motion or amendment from free text. Never raises on content; unknown parts stay empty."""
    lines = _split_lines(text or "")
    kind = detect_kind(lines)
    state = _State(year_hint=_year_hint(text))
    _read_sections(lines, state, kind)
    signatories = SignatureParser(_not_a_signature).parse(lines[state.sign_start:] if state.sign_start is not None else [])
    indiener, mede = _resolve_submitters(state, signatories)
    common = dict(
        indiener=indiener,
        mede_indieners=mede,
        ondersteunende_gemeenten=_dedupe(state.support),
        titel=state.title,
        datum_indiening=state.datum or _place_date(lines, state),
        meeting_date=state.meeting or _meeting_named(text, lines),
        signatories=_assign_default_gemeente(signatories, indiener),
        contact_persons=[_contact(c) for c in state.contacts if c],
    )
    if kind == "amendement":
        return Amendment(
            **common,
            agenda_item=state.agenda_item,
            target_proposal=with_location(state.target, state.change_lines),
            changes=parse_changes(state.change_lines),
            toelichting="\n".join(state.toelichting).strip(),
        )
    return Motion(
        **common,
        aanleiding="\n".join(state.aanleiding).strip(),
        constateringen=state.constateringen,
        overwegingen=state.overwegingen,
        oproepen=state.oproepen,
        slotzin=state.slotzin,
    )


def _year_hint(text: str) -> int | None:
    """The year of the first full date in the text (for "Datum: 12 juni" without a year)."""
    found = parse_full_date(text)
    return found.year if found else dt.date.today().year


def _only_a_date(body: str) -> bool:
    rest = DATE_WORDS_RE.sub("", DATE_NUMERIC_RE.sub("", DATE_ISO_RE.sub("", body)))
    rest = re.sub(r"\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|d\.d\.)\b", "", rest, flags=re.I)
    return bool(parse_dutch_date(body)) and not re.search(r"\w", rest)


def _not_a_signature(body: str) -> str | None:
    """Lists inside the signature region: supporters and contacts are skipped, a mede-indieners heading too."""
    if FIELD_SUPPORT_RE.match(body) or FIELD_CONTACT_RE.match(body):
        return "block"
    return "line" if FIELD_MEDE_RE.match(body) else None


def detect_kind(lines: list[Line]) -> str:
    """ "amendement" when the opening lines say so, or when the text has strike/insert instructions and no slotzin."""
    opening = [line.body for line in lines if line.body][:12]
    for body in opening:
        if KIND_AMEND_RE.match(body):
            return "amendement"
        if KIND_MOTIE_RE.match(body):
            return "motie"
    joined = "\n".join(line.body for line in lines)
    has_changes = any(
        CH_STRIKE_RE.match(line.body) or CH_INSERT_AFTER_RE.match(line.body) for line in lines
    ) or bool(INLINE_REPLACE_RE.search(joined) or re.search(r"\bvervangen\s+door\b", joined, re.I))
    if has_changes and not SLOTZIN_RE.search(joined):
        return "amendement"
    return "motie"


# --- line splitting --------------------------------------------------------------------------------------------

_INLINE_BREAK_RE = re.compile(
    r"(?<=[,;:])\s+(?=(?:(?:en\s+)?(?:constaterende|overwegende)\b|"
    r"(?:en\s+)?(?:roept|verzoekt|draagt|vraagt)\s+(?:het|de)\s+(?:vng|bestuur|college|kabinet|leden|minister)))"
    r"|(?<=\S)\s+(?=en\s+(?:roept|verzoekt|draagt|vraagt)\s+(?:het|de)\s+(?:vng|bestuur|college|kabinet|leden|minister))"
    r"|(?<=[,;:])\s+(?=(?:en\s+)?spreekt\s+uit\b)"
    r"|(?<=\S)[\s,;]+(?=en\s+ga(?:at|an)\s+over\s+tot\s+de\s+orde)",
    re.I,
)


_WRAPPED_PHRASES = (
    SLOTZIN_RE,
    re.compile(r"bestuur\s+van\s+de\s+(?:vng|vereniging)\b", re.I),
    re.compile(r"\bvng-\s*\n\s*bestuur\b", re.I),
    re.compile(r"\b(?:roept|verzoekt|draagt|vraagt)\s+(?:het|de)\s*\n\s*(?:vng|bestuur)", re.I),
)


def _unwrap_phrases(text: str) -> str:
    """PDF text wraps lines anywhere: join the phrases the parser keys on ("…orde van de / dag")."""
    for regex in _WRAPPED_PHRASES:
        text = regex.sub(lambda m: re.sub(r"-\s*\n\s*", "-", re.sub(r"(?<!-)\s*\n\s*", " ", m[0])), text)
    return text


# Word and PDF copies carry a BOM, soft hyphens and zero-width characters inside words ("VNG-be\u00adstuur"), and
# thin or narrow no-break spaces ("€\u202f5 miljoen"): drop the first kind, make the second a plain space.
_INVISIBLE = str.maketrans({**{c: None for c in "\ufeff\u00ad\u200b\u200c\u200d\u2060"},
                            **{c: " " for c in "\u2002\u2003\u2007\u2009\u202f"}})


def _split_lines(text: str) -> list[Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").translate(_INVISIBLE)
    text = _unwrap_phrases(text)
    out: list[Line] = []
    for raw in text.split("\n"):
        parts = [raw] if "\t" in raw or re.search(r"\S\s{3,}\S", raw) else _INLINE_BREAK_RE.split(raw)
        for part in parts:
            cleaned = clean_line(part)
            body, bullet = strip_bullet(cleaned)
            out.append(Line(part, cleaned, body, bullet, len(out)))
    return out


# --- the section state machine ---------------------------------------------------------------------------------


def _read_sections(lines: list[Line], state: _State, kind: str) -> None:
    for line in lines:
        body = line.body
        if not body:
            if state.section in {"mede", "support", "contact"}:
                state.section = state.section + "_gap"
            continue
        if state.section.endswith("_gap"):
            base = state.section[:-4]
            state.section = base if line.bullet else state.list_return
        if _header_field(line, state, kind):
            continue
        if state.section in {"mede", "support"} and (
                not (line.bullet or _looks_like_gemeente_list(body, known_only=True)) or _is_section_start(body)):
            state.section = state.list_return  # "Aanleiding" right below the list is a heading, not a gemeente
        if state.section in {"mede", "support", "contact"}:
            _add_list_item(state, body)
            continue
        if kind == "amendement":
            _amendment_line(line, state)
        else:
            _motion_line(line, state)


def _header_field(line: Line, state: _State, kind: str) -> bool:
    """Fields that may appear anywhere: indiener, title, date, mede-indieners, supporters, contacts, agenda item."""
    body = line.body
    if match := FIELD_MEDE_RE.match(body):
        state.mede += split_gemeenten(match[1])
        _enter_list(state, "mede")
        return True
    if match := FIELD_SUPPORT_RE.match(body):
        state.support += split_gemeenten(match[1])
        _enter_list(state, "support")
        return True
    if match := FIELD_CONTACT_RE.match(body):
        if field_value(match[1]):
            state.contacts.append(field_value(match[1]))
        _enter_list(state, "contact")
        return True
    if state.section == "header" or state.sign_start is None:
        in_list = state.section in _LIST_SECTIONS
        if in_list:
            listed, state.section = state.section, state.list_return  # "Datum: …" below the list ends it
        if _header_only_field(line, state, kind):
            return True
        if in_list:
            state.section = listed
    return False


_LIST_SECTIONS = {"mede", "support", "contact", "mede_gap", "support_gap", "contact_gap"}


def _enter_list(state: _State, section: str) -> None:
    """A list (mede-indieners, supporters, contacts) starts; when it ends, the header goes on if it was the header."""
    if state.section not in {"mede", "support", "contact", "mede_gap", "support_gap", "contact_gap"}:
        state.list_return = "header" if state.section == "header" else "after"
    state.section = section


def _header_only_field(line: Line, state: _State, kind: str) -> bool:
    body = line.body
    if match := FIELD_TITLE_RE.match(body):
        value = field_value(match[1])
        guessed = body.lower().startswith("onderwerp")
        if guessed and re.search(r"\b(?:motie|amendement|alv|ledenvergadering)\b", value, re.I):
            return True  # an e-mail subject like "Motie ALV 26 juni 2024" is not a title
        if value and (not state.title or state.title_guessed or state.title_from_kind and not guessed):
            # an explicit "Titel motie:" beats the words after "Motie" on the first line
            state.title, state.title_guessed, state.title_from_kind = value, guessed, False
        return True
    if (match := FIELD_DATE_RE.match(body)) and (state.section == "header" or parse_dutch_date(match[1])):
        state.datum = state.datum or parse_dutch_date(match[1], state.year_hint)
        return True
    if state.section == "header" and not state.datum and len(body) < 40 and _only_a_date(body):
        state.datum = parse_dutch_date(body, state.year_hint)
        return True
    if state.section != "header":
        return False
    if (match := FIELD_MEETING_RE.match(body)) and (day := parse_dutch_date(match[1])):
        state.meeting = state.meeting or day
        _agenda_item(body, state)
        if kind == "amendement" and not state.target and (named := _AGENDA_NAME_RE.search(body)):
            state.target = field_value(named[1])  # "ALV 26 juni 2024, agendapunt 8: Financieel Jaarverslag 2023"
        return True
    if kind == "amendement" and (match := FIELD_PART_RE.match(body)):
        part = field_value(match[1])  # "Onderdeel: Bestuurlijk jaarverslag": which part of the agenda item
        state.target = f"{state.target} (onderdeel {part})" if state.target else part
        return True
    if KIND_MOTIE_RE.match(body) or KIND_AMEND_RE.match(body):
        _read_kind_line(body, state, kind)
        return True
    if match := FIELD_INDIENER_RE.match(body):
        _read_indiener(match[1], state)
        return True
    if kind == "amendement" and (match := FIELD_TARGET_RE.match(body)) and not is_change_line(body):
        if not state.target or state.target_guessed:
            state.target, state.target_guessed = field_value(match[1]), False
        _agenda_item(body, state)
        return True
    return False


_MEDE_IN_VALUE_RE = re.compile(
    r"\s*[,;]?\s+(?:en\s+)?(?:mede\s+namens|mede[- ]?indieners?|mede[- ]?indienende\s+gemeenten?|mede\s+ingediend\s+door)"
    r"\s*:?\s*(?:de\s+)?(?:gemeenten?\s+)?",
    re.I,
)


def _read_indiener(value: str, state: _State) -> None:
    """ "gemeente Hoeksche Waard, mede-indiener gemeente Goeree-Overflakkee": lead first, co-submitters after."""
    value = _MEDE_IN_VALUE_RE.split(value, maxsplit=1)
    state.indiener_names += split_gemeenten(value[0])
    if len(value) > 1:
        state.mede += split_gemeenten(value[1])


def _read_kind_line(body: str, state: _State, kind: str) -> None:
    """ "Motie", "Motie 'Titel'", "Motie: Titel", "Amendement van de gemeente X op agendapunt 9a"."""
    rest = re.sub(r"^(?:\d+[.)]?\s*)?(?:motie|amendement)\b\s*", "", body, flags=re.I)
    _agenda_item(rest, state)
    match = re.match(r"^(?:van\s+)?(?:de\s+)?gemeente(?:n|\(n\))?\s*:?\s+(.*)$", rest, re.I)
    if match:
        protected = protect_names(match[1])
        names = re.split(r"\s+(?:op|over|inzake|bij|betreffende|ten\s+aanzien\s+van|m\.b\.t\.)\s+|:|\s[-–]\s|\(", protected,
                         maxsplit=1, flags=re.I)
        _read_indiener(unprotect_names(names[0]), state)
        rest = unprotect_names(names[1]) if len(names) > 1 else ""
    rest = re.sub(r"^(?:op|bij)\s+(?:het\s+)?(?:agendapunt\s+\S+\s*)?[:,-]?\s*", "", rest, flags=re.I)
    rest = field_value(rest.lstrip(":–- "))
    if not rest:
        return
    if kind == "amendement":
        state.target = state.target or rest
    elif _only_a_meeting(rest):
        return  # "Motie voor de Najaars-ALV van 5 december 2025" names the meeting, not the motion
    elif not state.title or state.title_guessed:
        state.title, state.title_guessed, state.title_from_kind = rest, False, True


def _only_a_meeting(text: str) -> bool:
    return bool(re.search(r"\b(?:b?alv|ledenvergadering|vergadering)\b", text, re.I) and parse_dutch_date(text)
                and len(text.split()) <= 9)





def _agenda_item(text: str, state: _State) -> None:
    if not state.agenda_item and (match := FIELD_AGENDA_RE.search(text)):
        state.agenda_item = match[1].replace(" ", "").lower()


def _header_title_candidate(line: Line, state: _State) -> bool:
    """In the header, a short free line before any section is the title ("MOTIE" / "Jeugdzorg moet betaalbaar")."""
    body = line.body
    if state.title or state.section != "header" or line.bullet or len(body) > 150:
        return False
    if PREAMBLE_RE.match(body) or parse_dutch_date(body) and len(body) < 40 or ":" in body[:25]:
        return False
    if _NOT_A_TITLE_RE.search(body) or (body.endswith(".") and len(body.split()) > 4):
        return False
    if _is_section_start(body):
        return False
    state.title = field_value(body)
    state.title_guessed = True
    return bool(state.title)


_NOT_A_TITLE_RE = re.compile(
    r"^(?:gemeente|college|aan\b|van\b|datum|agendapunt|vng\b|voor\s+de\s+(?:b?alv|ledenvergadering))|\bALV\b|"
    r"ledenvergadering|@|^\(?concept\)?$|^definitief$|^ingekomen|^[A-Z][\w'-]+,\s+\d",
)


def _is_section_start(body: str) -> bool:
    return bool(
        HEADING_AANLEIDING_RE.match(body) or HEADING_CONSIDER_RE.match(body) or CONSTATERENDE_RE.match(body)
        or OVERWEGENDE_RE.match(body) or HEADING_OPROEP_RE.match(body) or CALL_RE.match(body)
        or SLOTZIN_RE.search(body) or HEADING_SIGN_RE.match(body)
    )


def _motion_line(line: Line, state: _State) -> None:
    body = line.body
    if SLOTZIN_RE.search(body):
        state.slotzin = body
        state.section = "signatures"
        state.sign_start = line.index + 1
        return
    if _signature_line(line, body, state):
        return
    if state.section not in {"header", "aanleiding"} and not line.bullet and looks_like_signature(body):
        state.section = "signatures"  # no slotzin and no "Ondertekening" heading: the signatures start here
        _start_signatures(state, line)
        return
    if match := HEADING_AANLEIDING_RE.match(body):
        state.section = "aanleiding"
        if field_value(match[1]):
            state.aanleiding.append(match[1].strip())
        return
    if HEADING_CONSIDER_RE.match(body):
        state.section = "considerations"
        return
    if match := CONSTATERENDE_RE.match(body):
        state.section = "constateringen"
        _add_clause(state.constateringen, match[1])
        return
    if match := OVERWEGENDE_RE.match(body):
        state.section = "overwegingen"
        _add_clause(state.overwegingen, match[1])
        return
    if match := HEADING_OPROEP_RE.match(body):
        state.section = "oproep"
        state.oproep_heading_addressee = (match[1] or "").strip()
        return
    in_considerations = state.section in {"constateringen", "overwegingen", "considerations", "aanleiding"}
    if not (line.bullet and in_considerations) and _call_line(body, state):
        return
    if state.section == "header" and _header_title_candidate(line, state):
        return
    _content_line(line, state)


def _content_line(line: Line, state: _State) -> None:
    body = line.body
    if state.section == "aanleiding":
        state.aanleiding.append(body)
    elif state.section == "considerations":
        if re.match(r"^dat\b", body, re.I) or not state.constateringen and not state.overwegingen:
            _add_clause(state.overwegingen if re.search(r"overweg", body[:15], re.I) else state.constateringen, body)
        else:
            _add_clause(state.constateringen if state.constateringen else state.overwegingen, body)
    elif state.section == "constateringen":
        _add_clause(state.constateringen, body, continuation=not line.bullet)
    elif state.section == "overwegingen":
        _add_clause(state.overwegingen, body, continuation=not line.bullet)
    elif state.section in {"oproep", "call"}:
        _oproep_content(body, state)


def _add_clause(target: list[str], text: str, continuation: bool = False) -> None:
    text = re.sub(r"^dat\b\s*:?\s*", "", text.strip(), flags=re.I).strip()
    if not text:
        return
    if continuation and target and not re.search(r"[;.:]$", target[-1]) and text[:1].islower():
        target[-1] = f"{target[-1]} {text}"
    else:
        target.append(text)


# --- calls (oproepen) ------------------------------------------------------------------------------------------

_VNG_ADDRESSEE_RE = re.compile(
    r"^(?:(?:het|de|ons)\s+)?(?:vng[- ]?bestuur|bestuur\s+van\s+de\s+(?:vng|vereniging(?:\s+van\s+nederlandse\s+gemeenten)?)|"
    r"bestuur(?!\s+van\b)|vng(?![-\w])|vereniging\s+van\s+nederlandse\s+gemeenten)\b",
    re.I,
)
_VERB_NORMAL = {
    "roept": "roept op", "roepen": "roept op", "verzoekt": "verzoekt", "verzoeken": "verzoekt", "draagt": "draagt op",
    "vraagt": "vraagt", "vragen": "vraagt", "dringt": "dringt aan", "spreekt": "spreekt uit", "dragen": "draagt op",
    "spreken": "spreekt uit",
}


def _call_line(body: str, state: _State) -> bool:
    if match := PASSIVE_CALL_RE.match(body):
        verb = {"opgeroepen": "roept op", "verzocht": "verzoekt", "gevraagd": "vraagt", "opgedragen": "draagt op"}
        state.oproepen.append(Oproep(text=match[3].strip(), verb=verb[match[2].lower()], addressee=match[1], to_vng_bestuur=True))
        state.section = "call"
        return True
    in_dictum = state.section in {"oproep", "call"} or re.match(r"^(?:en\s+)?besluit\b", body, re.I)
    if in_dictum and (infinitive := INFINITIVE_CALL_RE.match(body)):
        verb = {"op te roepen": "roept op", "te verzoeken": "verzoekt", "op te dragen": "draagt op", "te vragen": "vraagt"}
        addressee = infinitive[1].strip()
        state.oproepen.append(Oproep(text=infinitive[3].strip(), verb=verb[" ".join(infinitive[2].lower().split())],
                                     addressee=addressee, to_vng_bestuur=_addressed_to_vng(addressee)))
        state.section = "call"
        return True
    match = CALL_RE.match(body)
    if not match:
        return False
    verb = _VERB_NORMAL[match[1].lower()]
    rest = match[2].strip()
    if verb == "spreekt uit":
        state.oproepen.append(Oproep(text=re.sub(r"^(?:[^:.;]{0,60}?\s)?uit\b\s*:?\s*", "", rest, count=1, flags=re.I), verb=verb))
    else:
        addressee, text = _split_addressee(rest, verb)
        to_vng = _addressed_to_vng(addressee) if addressee else _heading_means_vng(state)
        state.oproepen.append(Oproep(text=text, verb=verb, addressee=addressee, to_vng_bestuur=to_vng))
    state.section = "call"
    return True


_ADDRESSEE_END_RE = re.compile(
    r"\s*[:;,]|\s(?:op|aan)\b|\s(?=om\b|zich\b|te\b|dat\b|erop\b|ervoor\b|er\s+bij\b|met\s+klem\b|nadrukkelijk\b|dringend\b)",
    re.I,
)


def _split_addressee(rest: str, verb: str) -> tuple[str, str]:
    """ "het bestuur van de VNG op: zich in te spannen" -> ("het bestuur van de VNG", "zich in te spannen")."""
    if verb == "dringt aan":
        rest = re.sub(r"^(?:er\s+)?(?:bij\s+)?", "", rest, flags=re.I)
    if match := _VNG_ADDRESSEE_RE.match(rest):
        addressee, after = match[0], rest[match.end():]
        after = re.sub(r"^\s*(?:op|aan)?\s*[:,;]?\s*", "", after, flags=re.I) if re.match(r"^\s*(?:op|aan)?\s*[:,;]?\s*(?:$|\S)", after, re.I) else after
        return addressee.strip(), after.strip()
    end = _ADDRESSEE_END_RE.search(rest)
    if not end or end.start() > 90:
        return (rest.strip(), "") if len(rest) < 60 else ("", rest.strip())
    after = rest[end.end():]
    after = re.sub(r"^\s*(?:op|aan)?\s*[:,;]?\s*", "", after, flags=re.I)
    return rest[: end.start()].strip(), after.strip()


_VNG_ANYWHERE_RE = re.compile(r"\b(?:vng[- ]?bestuur|bestuur\s+van\s+de\s+(?:vng|vereniging)|vng(?![-\w]))", re.I)


def _addressed_to_vng(addressee: str) -> bool:
    """ "het bestuur van de VNG", "het VNG-bestuur", "het bestuur", "de VNG", also "het college en de VNG"."""
    return bool(_VNG_ADDRESSEE_RE.match(addressee) or _VNG_ANYWHERE_RE.search(addressee))


def _heading_means_vng(state: _State) -> bool:
    heading = state.oproep_heading_addressee
    return heading is not None and (heading == "" or bool(_VNG_ADDRESSEE_RE.match(heading)))


def _oproep_content(body: str, state: _State) -> None:
    if state.section == "oproep" and not state.oproepen:
        to_vng = _heading_means_vng(state)
        state.oproepen.append(Oproep(text=body, verb="", addressee=state.oproep_heading_addressee or "", to_vng_bestuur=to_vng))
        state.section = "call"
        return
    if state.oproepen:
        last = state.oproepen[-1]
        state.oproepen[-1] = last.model_copy(update={"text": f"{last.text}\n{body}".strip()})


# --- amendments ------------------------------------------------------------------------------------------------


def _signature_line(line: Line, body: str, state: _State) -> bool:
    """Handle the signatures' heading or a line inside the signatures; True when the line was consumed."""
    if (match := HEADING_SIGN_RE.match(body)) and not (state.section == "signatures" and state.sign_content):
        # the heading of the signatures (also right after the slotzin); a "Handtekening: w.g." label row further
        # down is part of them, not a new heading
        state.section = "signatures"
        state.sign_start = line.index if field_value(match[1]) else line.index + 1
        return True
    if state.section == "signatures":
        state.sign_content = True
        return True
    return False


def _amendment_line(line: Line, state: _State) -> None:
    body = line.body
    if _signature_line(line, body, state):
        return
    _agenda_item(body, state)
    if match := HEADING_TOELICHTING_RE.match(body):
        state.section = "toelichting"
        if field_value(match[1]):
            state.toelichting.append(match[1])
        return
    if is_change_line(body):
        state.section = "changes"
    if not is_change_line(body) and not CH_STRIKE_RE.match(body) and (
        strong_signature(body)
        or state.section in {"changes", "header"} and not line.bullet and FUNCTION_START_RE.match(body)
    ):
        state.section = "signatures"
        _start_signatures(state, line)
        return
    if state.section == "header" and (not state.target or state.target_guessed) and (match := FIELD_TARGET_RE.match(body)):
        state.target, state.target_guessed = field_value(match[1]), False
        return
    if state.section == "header" and not state.target and _bare_target_line(line):
        # "Raamovereenkomst Verpakkingen" on its own line under the heading
        state.target, state.target_guessed = field_value(body), True
        return
    if state.section == "toelichting":
        if looks_like_signature(body):
            state.section = "signatures"
            _start_signatures(state, line)
            return
        state.toelichting.append(body)
        return
    if state.section == "changes" and looks_like_signature(body) and not is_change_line(body):
        state.section = "signatures"
        _start_signatures(state, line)
        return
    state.change_lines.append(line)









def _bare_target_line(line: Line) -> bool:
    """A short unlabeled line in an amendment's header names the proposal; a sentence or an intro ("… als volgt
    te wijzigen:") does not."""
    body = line.body
    if line.bullet or len(body) > 120 or body.endswith(":") or PREAMBLE_RE.match(body) or is_change_line(body):
        return False
    if "|" in line.raw or "\t" in line.raw or re.search(r"\S\s{3,}\S", line.raw):
        return False  # a table row or columns, not a name
    if ":" in body[:25] or re.fullmatch(r"(?i)agendapunt\s*\d{1,2}\s?[a-z]?\.?", body):
        return False  # a labelled field ("Agendapunt: 5b", "Vergadering: …") or only a number
    if body.endswith(".") and len(body.split()) > 6:
        return False
    return not (_only_a_date(body) or looks_like_signature(body) or HEADING_TOELICHTING_RE.match(body))


def _start_signatures(state: _State, line: Line) -> None:
    """The signature region starts at ``line``, or higher when the lines right above it are its column headers:
    gemeente names ("Eindhoven,      Helmond,") or functions ("de secretaris,    de burgemeester,")."""
    if state.sign_start is not None and state.sign_start <= line.index:
        return  # the signatures began above (a list of supporters or mede-indieners stood in between)
    start = line.index
    previous = {l.index: l for l in state.change_lines}
    while start - 1 in previous and _column_header_line(previous[start - 1]):
        start -= 1
    state.sign_start = start
    state.change_lines = [l for l in state.change_lines if l.index < start]


def _column_header_line(line: Line) -> bool:
    cells = [c for c in CELL_SPLIT_RE.split(line.raw.strip().strip("|")) if c.strip()]
    if not cells or not line.body:
        return False
    parsed = [parse_signature_cell(cell) for cell in cells]
    return all(c.header_gemeente or (c.function and not c.name and not c.signed) for c in parsed)


# --- lists, contacts, submitters -------------------------------------------------------------------------------


def _looks_like_gemeente_list(body: str, known_only: bool = False) -> bool:
    """ "Ede, Wageningen en Renkum" under a list heading. ``known_only`` (a line without a bullet): every name must
    be a gemeente, so "De Algemene Ledenvergadering," right below the list is not taken for one."""
    if re.search(r"[\d:@]", body) or len(body) > 200 or PREAMBLE_RE.match(body):
        return False
    parts = [p for p in LIST_SPLIT_RE.split(protect_names(body)) if p.strip()]
    if not parts or not all(len(p.split()) <= 4 and re.match(r"^(?:de\s+|gemeente\s+)?['A-ZÀ-Ý]", p.strip(), re.I) for p in parts):
        return False
    return not known_only or all(is_gemeente_name(clean_gemeente(unprotect_names(p)) or p.strip()) for p in parts)


def _add_list_item(state: _State, body: str) -> None:
    if state.section == "contact":
        state.contacts.append(body)
        return
    names = split_gemeenten(body)
    if state.section == "mede":
        state.mede += names
    elif state.section == "support":
        state.support += names


# "Bergen (NH.)": a province in brackets is part of the gemeente's name, not a remark to split off.
_PROVINCE_SUFFIX_RE = re.compile(r"\s\(([A-Z][A-Za-z]{0,3}\.?)\)")
# "beleidsadviseur gemeente Utrecht" / "griffier bij de gemeente Ede": a function with its gemeente.
_FUNCTION_AT_GEMEENTE_RE = re.compile(r"^(.+?)\s+(?:(?:bij|van)\s+(?:de\s+)?)?gemeente\s+(\S.*)$", re.I)


def _contact(text: str) -> ContactPerson:
    """ "Naam, functie, gemeente, e-mail, telefoon" in any order after the name (as the drafting export writes it)."""
    email = EMAIL_RE.search(text)
    phone = PHONE_RE.search(text)
    rest = _PROVINCE_SUFFIX_RE.sub(r"⟨\1⟩", EMAIL_RE.sub("", PHONE_RE.sub("", text)))
    parts = [p.strip().replace("⟨", " (").replace("⟩", ")")
             for p in re.split(r"[,;|()]|\s[-–]\s", rest) if p.strip()]
    function, gemeente = "", ""
    for part in parts[1:]:
        if not gemeente and (named := _contact_gemeente(part)):
            gemeente = named
        elif not function:
            function = part
            if not gemeente and (at := _FUNCTION_AT_GEMEENTE_RE.match(part)) and (named := _contact_gemeente(at[2])):
                function, gemeente = at[1].strip(), named
    return ContactPerson(
        name=parts[0] if parts else "",
        function=function,
        gemeente=gemeente,
        email=email[0] if email else "",
        phone=phone[0].strip() if phone else "",
    )


def _contact_gemeente(part: str) -> str:
    """The gemeente a part of a contact line names ("Utrecht", "gemeente 's-Hertogenbosch"), or ""."""
    name = clean_gemeente(part)
    return name if name and is_gemeente_name(name) else ""


def _dedupe(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name and not any(same_gemeente(name, seen) for seen in out):
            out.append(name)
    return out


def _resolve_submitters(state: _State, signatories: list[Signatory]) -> tuple[str, list[str]]:
    """Lead gemeente and co-submitters from the header, completed from the signature blocks."""
    names = _dedupe(state.indiener_names)
    indiener = names[0] if names else ""
    mede = _dedupe(names[1:] + state.mede)
    signing = _dedupe([s.gemeente for s in signatories if s.gemeente])
    if not indiener and signing:
        indiener = signing[0]
    for gemeente in signing:
        is_known = same_gemeente(gemeente, indiener) or any(same_gemeente(gemeente, m) for m in mede)
        if not is_known and not any(same_gemeente(gemeente, s) for s in state.support):
            mede.append(gemeente)
    mede = [m for m in mede if not same_gemeente(m, indiener)]
    return indiener, mede


def _assign_default_gemeente(signatories: list[Signatory], indiener: str) -> list[Signatory]:
    """A signatory without a gemeente in a block of one gemeente signs for the lead gemeente."""
    return [s if s.gemeente or not indiener else s.model_copy(update={"gemeente": indiener}) for s in signatories]


_PLACE_DATE_RE = re.compile(rf"^([A-Z'][\w'\-. ]{{1,40}}),\s*(?:\w+dag\s+)?(\d{{1,2}}\s+(?:{MONTH_ALT})\.?\s+\d{{4}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}})\s*\.?$", re.I)


def _place_date(lines: list[Line], state: _State) -> dt.date | None:
    """ "Renkum, 12 juni 2024" (typically above the signatures) as the date of submission."""
    for line in lines:
        if match := _PLACE_DATE_RE.match(line.body):
            return parse_dutch_date(match[2])
    return None


_BIJEEN_OP_RE = re.compile(
    rf"\b(?:b?alv|ledenvergadering|vergadering)\b[^.\n]{{0,40}}?\bbijeen\s+op\s+(?:\w+dag\s+)?"
    rf"(\d{{1,2}}\s+(?:{MONTH_ALT})\.?\s+\d{{4}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}})",
    re.I,
)


def _meeting_named(text: str, lines: list[Line] | None = None) -> dt.date | None:
    """The ALV the submission is for: a mention in the opening lines first (a constatering may name an earlier
    ALV), then the classic preamble "in ALV bijeen op <datum>", then the latest mention."""
    try:
        from assistant.rules.meetings import meeting_named_in_text
    except ImportError:  # the registry module is optional for the parser
        return None
    opening = "\n".join(line.body for line in (lines or [])[:_opening_end(lines or [])])
    try:
        found = meeting_named_in_text(opening) if opening else None
        if found is None and (match := _BIJEEN_OP_RE.search(text)):
            found = parse_dutch_date(match[1])
        if found is None:  # the latest ALV mentioned: a submission is for a coming meeting, not a past one
            mentions = [meeting_named_in_text(line.body) for line in (lines or []) if line.body]
            mentions = [m for m in mentions if m is not None]
            found = max(mentions) if mentions else meeting_named_in_text(text)
        return found
    except Exception:  # noqa: BLE001 - a registry problem must never break parsing
        return None


def _opening_end(lines: list[Line]) -> int:
    """Index of the first line that starts the body (aanleiding, considerations, a call, changes)."""
    for index, line in enumerate(lines):
        body = line.body
        if body and (_is_section_start(body) or CH_STRIKE_RE.match(body) or HEADING_TOELICHTING_RE.match(body)):
            return index
    return len(lines)

