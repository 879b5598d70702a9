"""Motion, amendment and resolution records from notulen and verantwoording documents.

Notulen are read sentence by sentence within each agenda item. A sentence that names a motion (kind + submitting
gemeenten and/or a quoted title, or a "Motie van de gemeente X over Y" heading) opens or re-focuses a record;
later sentences about "de motie" / "het amendement" (preadvies, vote percentages, outcome) apply to the record in
focus, and "de drie moties"/"de moties" to all open records of the item. Verantwoording documents are read per
motion block: the 2019 layout ("3. Motie “Titel” (Indieners)" … "Wij stellen voor de motie af te doen") and the
2024 table rows ("Motie en indiener:" … "Voorstel:"). Entries are merged on title similarity after applying the
alias table of corpus_map §6.3 (the same motion has different titles in notulen and verantwoording).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.corpus.dutch_dates import find_long_date
from assistant.corpus.markup import content_words, plain
from assistant.corpus.meeting import meeting_from_text
from assistant.corpus.model import MotionRecord
from assistant.corpus.sections import NOTULEN_ITEM

# corpus_map §6.3: titles that differ between notulen and verantwoording (variant → canonical wording).
TITLE_ALIASES = {
    "politiekorps op sterkte": "politiesterkte op orde",
    "dekking vergoeding raadsleden kleine gemeenten": "raadsledenvergoeding",
    "integraal zorg akkoord": "integraal zorgakkoord",
    "met het nieuwe kabinet": "met nieuwe regering",
    "goed beleid is integraal beleid": "goed beleid = integraal beleid",
}
# corpus_map §6.3: submitter names misspelled in the notulen (variant → gemeente that submitted the motion).
GEMEENTE_ALIASES = {"heemskerk": "Heemstede", "wiene": None}

QUOTE_OPEN, QUOTE_CLOSE = "“\"'‘", "”\"'’"
_KIND = r"(?P<kind>[Mm]oties?|[Aa]mendement|[Rr]esolutie)"
_WHO = r"(?P<who>(?:[A-Z]|[a-z]+ [A-Z])(?:[^“\"‘:.;]|\b(?:c\.s|e\.a)\.){1,90}?)"
QUOTED_MENTION = re.compile(
    _KIND + r"\s+(?:van\s+)?(?:de\s+)?(?:gemeenten?\s+)?" + rf"(?:{_WHO}\s*)?[{QUOTE_OPEN}](?P<title>[^{QUOTE_CLOSE}]{{4,160}}?)"
    rf"(?:[{QUOTE_CLOSE}]|(?=\.(?:\s|$)))")  # the source sometimes forgets the closing quote
ROW_MENTION = re.compile(rf"(?P<who>[A-Z][^{QUOTE_OPEN}]{{1,80}}?)\s*[{QUOTE_OPEN}](?P<title>[^{QUOTE_CLOSE}]{{4,160}})[{QUOTE_CLOSE}]")
TITLE_FIRST_MENTION = re.compile(
    _KIND + rf"\s+[{QUOTE_OPEN}](?P<title>[^{QUOTE_CLOSE}]{{4,160}})[{QUOTE_CLOSE}]\s+van\s+(?:de\s+)?(?:gemeenten?\s+)?(?P<who>[^.]+)")
HEADING_MENTION = re.compile(r"^" + _KIND + r"\s+(?:van\s+)?(?:de\s+)?(?:gemeenten?\s+)?(?P<who>.+?)\s+over\s+"
                             r"(?:de\s+|het\s+|een\s+)?(?P<title>.+?)\.?$")
TITLED_MENTION = re.compile(_KIND + r"\s+(?:is\s+)?ingediend\s+door\s+(?:de\s+)?(?:gemeenten?\s+)?(?P<who>.+?)"
                            r"\s+met als titel:?\s*(?P<title>[^.]+)")
RECEIVED_MENTION = re.compile(_KIND + r"\s+ontvangen\s+van\s+(?:de\s+)?(?:gemeenten?\s+)?(?P<who>[^.]+?)"
                              r"(?:,\s*mede namens[^.]*)?\.?$")
WHO_MENTION = re.compile(_KIND + r"\s+(?:van\s+)?(?:de\s+)?(?:gemeenten?\s+)?(?P<who>[A-Z][\w'-]+(?:[ /-][A-Z][\w'-]+)*"
                         r"(?:(?:,| en| en van de gemeente| en van)\s+(?:de\s+)?[A-Z][\w'-]+(?:[ /-][A-Z][\w'-]+)*)*)")
PERCENT = re.compile(r"(\d{1,3}(?:,\d{1,2})?)\s?%(?:\s*(?:van de stemm(?:en|ing)))?(?:\s*(voor|tegen))?")
ACCLAMATION = re.compile(r"\b(bij|per) acclamatie\b", re.IGNORECASE)
REJECTED = re.compile(r"\b(verworpen|verwierpt?|afgewezen)\b", re.IGNORECASE)
ADOPTED = re.compile(r"\b(aanvaard|aangenomen|stemt\b.*\bin met|steunt de moti)", re.IGNORECASE)
HOLD = re.compile(r"\b(aan te houden|aanhouden)\b", re.IGNORECASE)
VOTE_SENTENCE = re.compile(r"stem|uitslag|acclamatie|steunt de moti|verwierp|verworpen|aanvaard|akkoord", re.IGNORECASE)
AGREES = re.compile(r"\bgaat daarmee akkoord\b|\bstemt daarmee in\b", re.IGNORECASE)
PREADVIES_POSITIVE = re.compile(r"positie\w* preadvies|preadvies\b[^.]*\bpositief|steun in de rug|omarmen|"
                                r"bestuur steunt|bestuur[^.]*\bsteunt\b|kan de motie[^.]*omarmen", re.IGNORECASE)
PREADVIES_NEGATIVE = re.compile(r"niet te steunen|af te wijzen|ontraden", re.IGNORECASE)
PLURAL_REFERENCE = re.compile(r"\b(de (drie|twee|vier) moties|de moties)\b", re.IGNORECASE)
OTHER_PROPOSAL = re.compile(r"\b(bestuursvoorstel|contributievoorstel|het voorstel)\b", re.IGNORECASE)
OLDER_MEETING = re.compile(r"aangenomen in onze|vorig jaar|ALV 2018|BALV van|ALV van \d", re.IGNORECASE)
SENTENCE = re.compile(r"(?<=[.!?])(?<!c\.s\.)(?<!e\.a\.)(?<!m\.u\.v\.)\s+(?=[A-Z*“\"])")
ORDINAL = re.compile(r"\bde (eerste|tweede|derde|vierde|vijfde) motie\b", re.IGNORECASE)
ORDINALS = {"eerste": 0, "tweede": 1, "derde": 2, "vierde": 3, "vijfde": 4}
WHO_NOISE = re.compile(r"\b(en anderen|e\.a\.?|c\.s\.?|mede namens.*|namens.*)$|^(de |het )", re.IGNORECASE)
FOLLOW_UP_SENTENCE = re.compile(r"[^.]*\b(af te doen|afgedaan|aan te houden)\b[^.]*\.?", re.IGNORECASE)
NUMBERED_MOTION = re.compile(r"^(?:\*\*)?\d{1,2}\.\s+Motie\s+[“\"](?P<title>[^”\"]+)[”\"]\s*(?:\((?P<who>[^)]*)\))?")
ROW_KEY = re.compile(r"^(?:<b>)?(?P<key>Onderwerp|Motie en indiener|Inhoud/oproep|Verantwoording|Voorstel)\b[^\t]*\t(?P<value>.*)$")

MIN_TITLE_OVERLAP = 0.5
RECEIVED_TITLE = "\x00received"  # marker: create the record although the notulen give no title
SUMMARY_CHARS = 300


@dataclass
class Entry:
    kind: str
    title: str
    gemeenten: list[str]
    agenda_item: str | None = None
    preadvies: str | None = None
    outcome: str | None = None
    vote: str | None = None
    follow_up: str | None = None
    follow_up_text: str | None = None
    summary: str | None = None
    meeting_date: str | None = None
    meeting_kind: str = "ALV"
    spans: list[dict] = field(default_factory=list)


# --- entry point ----------------------------------------------------------------------------------------------

def extract_motion_records(texts: list[str], structure, source_path: str, excluded=frozenset()) -> list[MotionRecord]:
    notulen: list[Entry] = []
    verantwoording: list[Entry] = []
    for number, document in enumerate(structure.documents):
        if number in excluded:
            continue
        if document.doc_type == "notulen" and document.date:
            notulen.extend(_from_notulen(texts, document, source_path))
        elif document.doc_type == "verantwoording_moties":
            verantwoording.extend(_from_verantwoording(texts, document, source_path))
    merged = _merge(notulen, verantwoording)
    for entry in merged:
        if entry.meeting_date:
            entry.meeting_kind = _meeting_kind(structure.agenda, entry.meeting_date)
    return _records(merged)


# --- notulen --------------------------------------------------------------------------------------------------

def _sentences(texts: list[str], start: int, end: int):
    """(line index, sentence, is_heading) for every sentence of the lines start..end."""
    for index in range(start, end + 1):
        text = plain(texts[index])
        if not text:
            continue
        if NOTULEN_ITEM.match(text) or texts[index].lstrip().startswith("#"):
            yield index, text, True
            continue
        for sentence in SENTENCE.split(text):
            yield index, sentence, False


def _from_notulen(texts: list[str], document, source_path: str) -> list[Entry]:
    entries: list[Entry] = []
    item_entries: list[Entry] = []
    focus: Entry | None = None
    item: str | None = None
    item_title = ""
    item_preadvies: str | None = None
    pending: dict[str, str] = {}
    for index, sentence, is_heading in _sentences(texts, document.start, document.end):
        if is_heading and NOTULEN_ITEM.match(sentence) or is_heading and re.match(r"^0?\d{1,2}[.a-z]", sentence):
            item, item_title = _item_code(sentence), re.sub(r"^0?\d{1,2}\.?[a-z]?\.?\s*", "", sentence)
            item_entries, focus, item_preadvies, pending = [], None, None, {}
            continue
        if OTHER_PROPOSAL.search(sentence) and VOTE_SENTENCE.search(sentence) and "bestuursvoorstel" in sentence.lower():
            focus = None  # "… brengt het bestuursvoorstel in stemming waarbij de moties X en Y worden aangehouden"
            continue
        mentioned = _mentions(sentence, is_heading)
        if mentioned and not OLDER_MEETING.search(sentence):
            for kind, who, title in mentioned:
                by_name = title == RECEIVED_TITLE
                entry = _find_or_add(entries, item_entries, kind, who, "" if by_name else title, item, document.date,
                                     created_by_name=by_name)
                if entry is None:
                    continue
                if by_name and not entry.title and item_title:
                    entry.title = f"{kind.capitalize()} op {item_title}"
                entry.spans.append(_span(source_path, index, "notulen"))
                if kind in pending and entry.preadvies is None:
                    entry.preadvies = pending.pop(kind)
                focus = entry
            if len(mentioned) > 1 and not PERCENT.search(sentence):
                focus = None  # a list of motions: the next sentences are about one of them again
        if OTHER_PROPOSAL.search(sentence) and VOTE_SENTENCE.search(sentence) and (
                "bestuursvoorstel" in sentence.lower()
                or not re.search(r"\b(motie|amendement|resolutie)\b", sentence, re.I)):
            focus = None  # a vote on the bestuursvoorstel, not on a motion
            continue
        if "preadvies" in sentence.lower() and re.search(r"\b(allen|alle)\b", sentence):
            item_preadvies = "positief" if PREADVIES_POSITIVE.search(sentence) else item_preadvies
        targets = item_entries if PLURAL_REFERENCE.search(sentence) else ([focus] if focus else [])
        ordinal = ORDINAL.search(sentence)
        if ordinal and ORDINALS[ordinal.group(1).lower()] < len(item_entries):
            focus = item_entries[ORDINALS[ordinal.group(1).lower()]]
            targets = [focus]
        if (ACCLAMATION.search(sentence) or PERCENT.search(sentence)) and re.search(r"\bde motie\b", sentence) \
                and not mentioned and (focus is None or focus.outcome):
            # "De ALV steunt de motie bij acclamatie." after a motion that was already decided: the next one.
            open_entries = [e for e in item_entries if e.outcome is None]
            targets = open_entries[:1] or targets
        _apply(sentence, targets, pending, source_path, index)
    for entry in entries:
        entry.preadvies = entry.preadvies or (item_preadvies if entry.agenda_item else None)
    _item_default_preadvies(texts, document, entries)
    return entries


def _item_default_preadvies(texts: list[str], document, entries: list[Entry]) -> None:
    """'Deze zijn allen voorzien van een positief preadvies …, m.u.v. de motie van de gemeente Renkum …'."""
    for index in range(document.start, document.end + 1):
        line = plain(texts[index])
        if "preadvies" not in line or not re.search(r"\b(allen|alle)\b", line):
            continue
        item = _item_before(texts, document.start, index)
        exception = re.search(r"m\.u\.v\.\s+de motie van (?:de )?(?:gemeente )?([A-Z][\w-]+)", line)
        for entry in entries:
            if entry.agenda_item != item or entry.preadvies:
                continue
            if exception and exception.group(1) in entry.gemeenten:
                continue
            entry.preadvies = "positief"


def _item_before(texts: list[str], start: int, index: int) -> str | None:
    for j in range(index, start - 1, -1):
        text = plain(texts[j])
        if NOTULEN_ITEM.match(text) or (texts[j].lstrip().startswith("#") and re.match(r"^0?\d{1,2}[.a-z]", text)):
            return _item_code(text)
    return None


def _item_code(heading: str) -> str:
    match = re.match(r"^0?(\d{1,2})\.?([a-z])?", heading)
    return match.group(1) + (match.group(2) or "") if match else heading[:10]


def _mentions(sentence: str, is_heading: bool) -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []
    if is_heading or re.match(r"^Moties? ", sentence):
        match = HEADING_MENTION.match(sentence)
        if match and not sentence.startswith(("Motie BALV", "Motie ALV")):
            kind = _kind(match.group("kind"))
            for who in _split_plural(match.group("kind"), match.group("who")):
                found.append((kind, who, match.group("title")))
            return found
    for pattern in (TITLE_FIRST_MENTION, QUOTED_MENTION, TITLED_MENTION):
        for match in pattern.finditer(sentence):
            found.append((_kind(match.group("kind")), (match.groupdict().get("who") or "").strip(),
                          (match.groupdict().get("title") or "").strip()))
        if found:
            return found
    received = RECEIVED_MENTION.search(sentence)
    if received:  # "Op dit voorstel is een amendement ontvangen van de gemeenten A, B en C": no title
        return [(_kind(received.group("kind")), received.group("who"), RECEIVED_TITLE)]
    for match in WHO_MENTION.finditer(sentence):
        who = match.group("who")
        if who.split()[0] in {"Over", "De", "Het", "Deze", "Daarmee", "In"}:
            continue
        found.append((_kind(match.group("kind")), who, ""))
    return found


def _split_plural(kind: str, who: str) -> list[str]:
    """'Moties van de gemeenten Terschelling en van de gemeente de Fryske Marren' → two submitters."""
    if not kind.lower().endswith("s"):
        return [who]
    return [part.strip() for part in re.split(r"\s+en van (?:de )?(?:gemeente )?", who) if part.strip()]


def _kind(word: str) -> str:
    word = word.lower()
    return "amendement" if word.startswith("amendement") else "resolutie" if word.startswith("resolutie") else "motie"


def _gemeenten(who: str) -> list[str]:
    who = plain(who).strip(" ,.")
    while True:
        cleaned = WHO_NOISE.sub("", who).strip(" ,.")
        if cleaned == who:
            break
        who = cleaned
    who = re.sub(r"\b(de )?gemeenten?\b", "", who).strip()
    parts = [p.strip(" ,.") for p in re.split(r",|\s+en\s+|/", who) if p.strip(" ,.")]
    names = []
    for part in parts:
        alias = GEMEENTE_ALIASES.get(part.lower(), part)
        if alias and alias not in names and part[:1].isupper():
            names.append(alias)
    return names


def _find_or_add(entries: list[Entry], item_entries: list[Entry], kind: str, who: str, title: str,
                 item: str | None, meeting_date: str, created_by_name: bool = False) -> Entry | None:
    gemeenten = _gemeenten(who)
    same_kind = [e for e in item_entries + [e for e in entries if e not in item_entries] if e.kind == kind]
    for entry in same_kind:
        different_submitters = gemeenten and entry.gemeenten and not set(gemeenten) & set(entry.gemeenten)
        if title and entry.title and _title_match(title, entry.title) and not different_submitters:
            _add_gemeenten(entry, gemeenten)
            return entry
        if title and not entry.title and entry in item_entries and set(gemeenten) & set(entry.gemeenten):
            entry.title = title
            return entry
    if not title:  # "de motie van Leidschendam-Voorburg": refers to a motion named before, never a new one
        candidates = [e for e in item_entries if e.kind == kind and gemeenten]
        exact = [e for e in candidates if set(e.gemeenten) == set(gemeenten)]
        overlapping = [e for e in candidates if set(e.gemeenten) & set(gemeenten)]
        if exact or overlapping:
            return (exact or overlapping)[0]
        if not created_by_name:
            return None
    entry = Entry(kind=kind, title=title, gemeenten=gemeenten, agenda_item=item, meeting_date=meeting_date)
    entries.append(entry)
    item_entries.append(entry)
    return entry


def _add_gemeenten(entry: Entry, gemeenten: list[str]) -> None:
    if not entry.gemeenten:
        entry.gemeenten = gemeenten


def _apply(sentence: str, targets: list[Entry], pending: dict[str, str], source_path: str, index: int) -> None:
    lowered = sentence.lower()
    preadvies = ("positief" if PREADVIES_POSITIVE.search(sentence) else
                 "ontraden" if PREADVIES_NEGATIVE.search(sentence) else
                 "aanhouden" if HOLD.search(sentence) and "bestuur" in lowered else None)
    if not targets:
        if preadvies:
            kind = "amendement" if "amendement" in lowered else "motie"
            pending[kind] = preadvies
        return
    for entry in targets:
        if preadvies and entry.outcome is None and (entry.preadvies is None or preadvies == "aanhouden"):
            entry.preadvies = preadvies
        if not VOTE_SENTENCE.search(sentence):
            continue
        outcome = _outcome(sentence, entry)
        if outcome and entry.outcome is None:
            entry.outcome = outcome
            entry.spans.append(_span(source_path, index, "uitslag"))
        vote = _vote(sentence)
        if vote and entry.vote is None:
            entry.vote = vote
            if outcome is None and entry.outcome is None:
                entry.outcome = "verworpen" if "tegen" in vote and "voor" not in vote else "aangenomen"
            if not any(s["line_start"] == index + 1 for s in entry.spans):
                entry.spans.append(_span(source_path, index, "uitslag"))


def _outcome(sentence: str, entry: Entry) -> str | None:
    if REJECTED.search(sentence):
        return "verworpen"
    if AGREES.search(sentence) and entry.preadvies == "aanhouden":
        return "aangehouden"
    if ADOPTED.search(sentence) or ACCLAMATION.search(sentence):
        return "aangenomen"
    return None


def _vote(sentence: str) -> str | None:
    if ACCLAMATION.search(sentence):
        return ACCLAMATION.search(sentence).group(0).lower()
    parts = []
    for match in PERCENT.finditer(sentence):
        side = match.group(2) or ("tegen" if re.search(r"stemmen tegen", sentence[match.end():match.end() + 25])
                                  else "voor")
        parts.append(f"{match.group(1)}% {side}")
    return " / ".join(parts) or None


def _span(source_path: str, index: int, role: str, end: int | None = None) -> dict:
    return {"source_path": source_path, "line_start": index + 1, "line_end": (end if end is not None else index) + 1,
            "role": role}


# --- verantwoording -------------------------------------------------------------------------------------------

def _from_verantwoording(texts: list[str], document, source_path: str) -> list[Entry]:
    reference = _reference_meeting(texts, document)
    if any(ROW_KEY.match(texts[i]) for i in range(document.start, document.end + 1)):
        return _from_rows(texts, document, source_path, reference)
    return _from_numbered_sections(texts, document, source_path, reference)


def _reference_meeting(texts: list[str], document) -> str | None:
    """The meeting whose motions are accounted for: 'moties aangenomen in ALV 5 juni 2019' / 'Najaars ALV van …'."""
    head = [plain(t) for t in texts[document.start:min(document.end + 1, document.start + 15)]]
    for text in head:  # "… de moties die zijn aangenomen in de Najaars ALV van 1 december 2023"
        adopted = re.search(r"aangenomen in (?:de |het )?[^.]{0,40}?(\d{1,2} [a-z]+ \d{4})", text)
        if adopted:
            return find_long_date(adopted.group(1))
    for text in head:
        if re.search(r"moties", text, re.IGNORECASE):
            found = meeting_from_text(text)
            if found and found.date:
                return found.date
            date = find_long_date(text)
            if date:
                return date
    return None


def _from_numbered_sections(texts: list[str], document, source_path: str, reference: str | None) -> list[Entry]:
    entries: list[Entry] = []
    starts = []
    for index in range(document.start, document.end + 1):
        match = NUMBERED_MOTION.match(texts[index].strip())
        if match:
            who = match.group("who")
            if not who and index + 1 <= document.end and texts[index + 1].strip().startswith("("):
                who = texts[index + 1].strip().strip("()*")
            starts.append((index, match.group("title"), who or ""))
    for number, (index, title, who) in enumerate(starts):
        end = starts[number + 1][0] - 1 if number + 1 < len(starts) else document.end
        body = [plain(t) for t in texts[index + 1:end + 1] if t.strip()]
        entry = Entry(kind="motie", title=title, gemeenten=_gemeenten(who), meeting_date=reference)
        _follow_up(entry, " ".join(body))
        entry.summary = _summary_after(body, ("Oproep motie", "Motie"))
        entry.spans.append(_span(source_path, index, "verantwoording", _last_nonblank(texts, index, end)))
        entries.append(entry)
    return entries


def _last_nonblank(texts: list[str], start: int, end: int) -> int:
    for j in range(end, start - 1, -1):
        if texts[j].strip():
            return j
    return start


def _summary_after(body: list[str], labels: tuple[str, ...]) -> str | None:
    for number, line in enumerate(body):
        if line in labels and number + 1 < len(body):
            return " ".join(body[number + 1:number + 3])[:SUMMARY_CHARS]
    return None


def _follow_up(entry: Entry, text: str) -> None:
    """The board's proposal in a 2019 block: "Wij stellen voor om de motie af te doen / aan te houden"."""
    for match in FOLLOW_UP_SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        if not re.search(r"\b(voor(stel)?|stellen)\b", sentence, re.IGNORECASE):
            continue
        entry.follow_up = "aangehouden" if match.group(1).lower() == "aan te houden" else "afgedaan"
        entry.follow_up_text = sentence


def _from_rows(texts: list[str], document, source_path: str, reference: str | None) -> list[Entry]:
    entries: list[Entry] = []
    current: list[Entry] = []
    for index in range(document.start, document.end + 1):
        match = ROW_KEY.match(texts[index].strip())
        if not match:
            continue
        key, value = match.group("key"), match.group("value")
        if key == "Motie en indiener":
            current = []
            mentions = list(QUOTED_MENTION.finditer(plain(value))) or list(ROW_MENTION.finditer(plain(value)))
            for mention in mentions:
                kind = mention.groupdict().get("kind") or "motie"
                entry = Entry(kind=_kind(kind), title=mention.group("title").strip(),
                              gemeenten=_gemeenten(mention.group("who") or ""), meeting_date=reference)
                entry.spans.append(_span(source_path, index, "verantwoording"))
                current.append(entry)
                entries.append(entry)
        elif current and key == "Inhoud/oproep":
            for entry in current:
                entry.summary = entry.summary or plain(value)[:SUMMARY_CHARS]
        elif current and key == "Voorstel":
            text = plain(value)
            named = [e for e in current if e.title and e.title.lower()[:30] in text.lower()] or current
            for entry in named:
                entry.follow_up = "aangehouden" if HOLD.search(text) else "afgedaan" if re.search(
                    r"afgedaan|af te doen", text, re.IGNORECASE) else entry.follow_up
                entry.follow_up_text = text
                entry.spans[-1]["line_end"] = index + 1
        if current and key in ("Verantwoording", "Voorstel"):
            for entry in current:
                entry.spans[-1]["line_end"] = max(entry.spans[-1]["line_end"], index + 1)
    return entries


# --- merging --------------------------------------------------------------------------------------------------

def _canonical_title(title: str) -> str:
    lowered = plain(title).lower()
    for variant, canonical in TITLE_ALIASES.items():
        lowered = lowered.replace(variant, canonical)
    return lowered


def _title_match(a: str, b: str) -> bool:
    words_a, words_b = content_words(_canonical_title(a)), content_words(_canonical_title(b))
    if not words_a or not words_b:
        return False
    common = len(words_a & words_b)
    return common / max(len(words_a), len(words_b)) >= MIN_TITLE_OVERLAP


def _merge(notulen: list[Entry], verantwoording: list[Entry]) -> list[Entry]:
    merged = list(notulen)
    for entry in verantwoording:
        matches = [n for n in notulen if n.kind == entry.kind and n.title and _title_match(n.title, entry.title)]
        if not matches:
            merged.append(entry)
            continue
        for target in matches:  # one verantwoording block may cover two motions with the same purpose
            target.follow_up, target.follow_up_text = entry.follow_up, entry.follow_up_text
            target.summary = target.summary or entry.summary
            target.spans.extend(entry.spans)
            if not target.gemeenten:
                target.gemeenten = entry.gemeenten
    return merged


def _meeting_kind(agenda, date: str) -> str:
    """'Vaststelling notulen Najaars ALV 1 december 2023' on the agenda names the kind of that meeting."""
    for item in agenda:
        found = meeting_from_text(item.text)
        if found and found.date == date:
            return found.kind or "ALV"
    return "ALV"


def _records(entries: list[Entry]) -> list[MotionRecord]:
    records: list[MotionRecord] = []
    counters: dict[tuple[str, str], int] = {}
    for entry in entries:
        if not entry.meeting_date:
            continue
        prefix = {"motie": "M", "amendement": "A", "resolutie": "R"}[entry.kind]
        counters[(entry.meeting_date, prefix)] = counters.get((entry.meeting_date, prefix), 0) + 1
        y, m, d = entry.meeting_date.split("-")
        title = entry.title or f"{entry.kind.capitalize()} {' en '.join(entry.gemeenten)}".strip()
        records.append(MotionRecord(
            record_id=f"{entry.meeting_date}-{prefix}{counters[(entry.meeting_date, prefix)]:02d}",
            kind=entry.kind, title=title, gemeenten=entry.gemeenten, meeting_date=entry.meeting_date,
            meeting=f"{entry.meeting_kind} {d}-{m}-{y}", agenda_item=entry.agenda_item, preadvies=entry.preadvies,
            outcome=entry.outcome, vote=entry.vote, follow_up=entry.follow_up, follow_up_text=entry.follow_up_text,
            summary=entry.summary or title, spans=entry.spans,
        ))
    return records
