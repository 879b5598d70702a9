"""Extractive answers: the sentence(s) that answer the question, quoted verbatim from the best passages.

Never invents anything: an answer is a list of ``Quote``s, each a substring of one physical line of a retrieved
passage. Whether the documents answer the question at all ("niet gevonden") is decided here too, from
measurable evidence (thresholds calibrated on the dev split of ``bench/eval/questions.jsonl``):

* coverage: the idf-weighted share of the question's content words found in the passage (with its title);
* every name and every figure the question mentions (outside the meeting reference) occurs in the passage;
* the quoted sentences hold what the question asks for: a date for "wanneer", a figure for "hoeveel" (next to
  the counted noun: "hoeveel vacatures" needs "35 vacatures"), an e-mail address for "e-mailadres", a name
  for "wie" ...
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import NamedTuple

from assistant.search import ENGLISH_STOPWORDS, STOPWORDS, ExpandedQuery, ScoredChunk, content_terms, fold, tokens
from assistant.search import ENGLISH_TERMS, alternatives, titled_meeting, word_terms

_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_WEEKDAYS = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
_NUMBER_WORDS = ("twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|"
                 "twintig|dertig|veertig|vijftig|honderd|duizend|tweederde|helft|vijfenzeventig|tienduizend")
_NAME = (r"(?:\b(?:mr|dr|drs|ir|prof)\.?\s+)?(?:\b(?:[A-Z]\.)+|\b[A-Z][a-zà-ÿ]+(?:[-'][A-Za-zà-ÿ]+)*)"
         r"(?:\s+(?:van|de|der|den|ten|ter|het|'t|in|la|le))*\s+[A-Z][a-zà-ÿ]+(?:[-'][A-Za-zà-ÿ]+)*")
_ROLE = r"(?i:\b(burgemeester|wethouder|griffier|secretaris|raadslid|raadsleden|directeur)\b)"

# What a question asks for (pattern on the folded question) → what the answer must contain (on the unit), with a
# figure the question itself does not mention. First match wins.
ANSWER_TYPES: tuple[tuple[str, str, str], ...] = (
    ("email", r"\be-?mail|\bmailadres|\bemail", r"[\w.+-]+@[\w-]+\.\w+"),
    ("phone", r"\btelefoon|\bphone|\bbellen\b|\bmobiel\w* (tele)?nummer|\b06[- ]?nummer|\bmobile\b",
     r"\b0\d[\d -]{7,}\d"),
    ("time", r"\bhoe ?laat\b|\bwhat time\b|\btijdstip\b|\bbegint\b|\bstart\b", r"\b\d{1,2}[.:]\d{2}\b"),
    ("postcode", r"\bpostcode\b|\bpostal code\b|\bzip code\b", r"\b\d{4}\s?[A-Z]{2}\b"),
    # "welk bedrag", "het bedrag per inwoner" ask an amount; "mag ik een concreet bedrag in de oproep opnemen?" not
    ("money", r"\bkost\w*\b|\b(welk|welke|het|totale?|totaal|hoogte van het)\s+bedrag\b|\bhow much\b|\bper inwoner\b"
              r"|\brates?\b|\bprijs\b|\bverdien\w*\b|\bhoe hoog\b"
              r"|\bsalaris\b|\bbezoldig\w*\b|\bsalary\b|\bearns?\b",
     r"€\s*\d|\beuro\b|\b\d+,\d{2,3}\b"),
    ("condition", r"\bwanneer (is|zijn|wordt|worden) (een|je|het)\b|\bonder welke voorwaarde", r"."),
    # "wat was het preadvies op de motie van X": what the board advised, not that X spoke
    ("advice", r"\bpreadvie\w*|\badvies van het bestuur\b|\badviseerde\b|\bboard'?s? (advice|recommendation)\b",
     r"(?i)\badvies\b|\badviseer|aan te houden|\baanhouden\b|\bsteun|ontraden|overnemen|omarm|positie[fv]|"
     r"af te wijzen|af te doen|afgedaan|\bakkoord\b|\bin te stemmen\b|\bvoorstel\b"),
    ("vote", r"\b(stem)?uitslag\b|\bgestemd\b|\bpercentage\b|\bprocent\b|\baangenomen\b|\bverworpen\b"
             r"|\bwhat happened\b",
     r"\d+(?:,\d+)?\s*%|\bacclamatie\b|\bunaniem\b|\bverw[oi]rpen\b|\baan te houden\b|\baangehouden\b"),
    ("date", r"\b(tot )?wanneer\b|\bdeadline\b|\bdatum\b|\bwhen\b|\bwhat date\b|\bop welke dag\b",
     rf"\b\d{{1,2}}\s+({_MONTHS})\b|\b\d{{1,2}}[-/]\d{{1,2}}[-/]\d{{2,4}}\b|\b({_WEEKDAYS})\b|"
     rf"\b\d+\s+(dag|dagen|weken|werkdagen)\b|\b({_NUMBER_WORDS}|een)\s+(dag|dagen|werkdagen|weken)\b"),
    ("number", r"\bhoeveel\b|\bhow many\b|\bpercentage\b|\bprocent\b|\bwhat percentage\b|"
               r"\bmet welk\w* percentage\b|\buitslag\b|\bhoe .*gestemd\b|\bby what\b",
     rf"(?<![\w.,])\d+(?:[.,]\d+)*%?(?![a-z])|\b({_NUMBER_WORDS})\b"),
    ("role", r"^(?:[Ww]ie|[Ww]ho) (is|was|are|were) (?:de heer |mevrouw |mr\.? )?[A-Z]", _ROLE + r"|(?i:\b(contactpersoon|"
     r"concernstaf|voorzitter|vicevoorzitter|penningmeester|directeur|commissie\w*|lid|adviseur)\b)"),
    ("actor", r"\b(door|bij) wie\b|^(wie|who) (stelt|bereidt|beslist|besluit|bepaalt|neemt|organiseert|publiceert|"
              r"stuurt|ontvangt|krijgt|adopts|decides|prepares)\b",
     _NAME + "|" + _ROLE + r"|(?i:\b(vng-bureau|vng-bestuur|bestuur|college|concernstaf|alv|commissie|werkgroep|"
     r"voorzitter|gemeentesecretaris\w*)\b)"),
    ("person", r"^(wie|who)\b|\bwelke (wethouder|burgemeester|griffier|secretaris|voorzitter|inspreker|spreker|"
               r"personen|medewerker|ambtenaar)\b|\(naam\)|\b(met|bij|door) wie\b|\bwie (is|was|zijn|waren|wordt)\b"
               r"|\bcontactpersoon",
     _NAME + "|" + _ROLE),
    # a place is named after a preposition: "in Utrecht", "bij Hoogeveen Plants", "in het Beatrixtheater"
    # ("waar moet een amendement aan voldoen" asks no place: only "waar is/wordt/vindt ...")
    ("place", r"^(waar|where) (is|zijn|was|waren|wordt|worden|werd|vindt|vond|ligt|lag|zit|zat|staat|stond|komt|"
              r"kom|are|will|does|did)\b|\blocatie\b|\bwaar vindt\b|\bin welke (stad|plaats|zaal|gemeente)\b",
     r"\b(?:[Ii]n|[Tt]e|[Bb]ij|[Nn]aar|[Oo]p|[Aa]an)\s+(?:\([^)]{0,20}\)\s*)?(?:het\s+|de\s+)?"
     r"[A-Z][a-zà-ÿ]+(?:[\s-][A-Z][a-zà-ÿ]+)*"),
)

# Words that mark the answer to a kind of question (a bonus for units and passages, not a requirement).
ANSWER_CUES: tuple[tuple[str, str], ...] = (
    (r"\bpreadvies|\badvies\b|\badvise\w*|\badviseer\w*|\badvice\b|\brecommend\w*|\bwhat happened\b",
     r"\badvies\b|aan te houden|\bsteun|ontraden|overnemen|omarm|positie[fv]|af te wijzen|akkoord|smaken"),
    (r"\baangenomen\b|\b(stem)?uitslag\b|\bgestemd\b|\bpercentage\b|\bhappened\b|\bverworpen\b",
     r"%|\baangenomen\b|\bverw[oi]rp|\baanvaard|\bacclamatie\b"),
    (r"\bstelt .*\bvoor\b|\bvoorstel\b|\bpropose", r"\bvoorstel\b|\bstel(t|len)\b.*\bvoor\b|afgedaan|aan te houden"),
    (r"\bwaarom\b|\bwhy\b|\baanleiding\b", r"\baanleiding\b|\bomdat\b|\bwant\b|\bvanwege\b|\bdaarom\b|\bvolgens\b"),
    (r"\bverplichting\b", r"verplichting"),
    (r"\bslotzin\b|\beindigt\b", r"orde van de dag"),
    (r"\bvraagt\b|\boproep\b|\briep\b|\broept\b|\bwhat .*ask", r"\bvraagt\b|\boproep|\bbepleiten|\baan te dringen|\bin te zetten"),
    (r"\bna de deadl\w*|\bte laat\b|\bverstreken\b|\bgemist\b|\bafter the deadline\b|\btoo late\b|\bmissed\b",
     r"\bactue|\balleen nog\b|\blatere indiening\b"),
    (r"\bwie (mag|mogen|kan|kunnen)\b|\bwho (may|can)\b", r"\balleen\b|\bkan\b.*\bworden\b|\bkunnen\b"),
    (r"\bdoel\b|\bwaarvoor\b|\bpurpose\b", r"\bdoel\b"),
    # "waar moet een amendement aan voldoen?": the requirement itself ("... geldt dat helder moet zijn verwoord")
    (r"\bvoldoen\b|\beisen\b|\bvereisten\b|\brequirements?\b|\bmeet\b",
     r"\bgeldt dat\b|\bmoet(en)? (zijn|worden) (verwoord|aangegeven|vermeld|opgenomen|gericht)\b|\bvoldoen\b"),
    (r"\bverplicht\b|\bmoet\w*\b.*\bonderteken|\bhoeven\b", r"\bhoeft\b|\bniet per se\b|\bgeen\b|\bpas\b"),
    (r"\bsjabloon\b|\bopbouw\b|\btemplate\b", r"\bsjabloon\b|\bopbouw\b"),
    (r"\btot wanneer\b|\buiterste\b|\bdeadline\b", r"\buiterlijk\b|\bdeadline\b|\btot en met\b"),
    (r"\btoegelicht\b|\blicht\w* .*\btoe\b|\btoelichting\b", r"\btoelicht|\blicht\b.*\btoe\b|\bhet woord\b"),
)

# "35 vacatures", "vijf principes": a lower-case word after a figure (not "2.2 Betaalbaarheid", a heading)
_COUNTED = re.compile(rf"(?<![\w.,])(?:\d+(?:[.,]\d+)*|{_NUMBER_WORDS}|één|circa)\s+([a-zà-ÿ]{{3,}})\b")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-zà-ÿ]{3,}\b")
_LIST_LINE = re.compile(r"^\s*(?:[-*•]\s|o\s|\d+[.)]\s|[a-h][.)]\s)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'(*\[])")
# list numbers stay: "10. Initiatief ..." names an agenda item
_LEADING_MARKUP = re.compile(r"^[\s#>*_\-•]*(?:o\s+)?")
_CAPITALISED = re.compile(r"\b[A-Z][a-zà-ÿ]+(?:[-'][A-Za-zà-ÿ]+)*\b")
_QUESTION_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ANAPHORA = re.compile(r"^(dit|dat|deze|daarmee|hierdoor|daardoor|daarom|daarna|zij|hij|ze|het|hiermee|"
                       r"daarbij|ook|hiervoor|daarvoor|hierbij|daarnaast|wel|maar|als|die|zo)\b", re.IGNORECASE)
# a sentence that spells out the one before it
_EXPLAINS = re.compile(r"^(dit|dat) (betekent|houdt in|wil zeggen)\b|^(met andere woorden|concreet|oftewel)\b",
                       re.IGNORECASE)
# Capitalised words that are not names (question words, meeting and organisation words).
_NOT_NAMES = frozenset(
    """wat wie waar wanneer hoe hoeveel welke welk waarom is zijn kan kun kunnen mag mogen moet moeten met op in
    tot voor bij van de het een er wordt werd was waren konden zitten zaten stuur uit what who where when how which
    why is are can could does do did was were the a an in of for to by at on i alv balv vng najaars-alv
    najaars buitengewone extra algemene ledenvergadering ledenvergaderingen nederland nederlandse english
    jaarcongres statuten motie moties amendement amendementen en ik january february march april may june july
    august september october november december monday tuesday wednesday thursday friday municipality
    municipalities board motion motions amendment amendments general assembly""".split()
)


@dataclass(frozen=True)
class Unit:
    """One sentence (or list item / table row) of a passage, with its physical line number."""

    text: str
    line: int
    passage_index: int
    list_item: bool = False  # from a line that starts with a list marker ("- ", "1.", "o ") or a table row


@dataclass(frozen=True)
class Quote:
    text: str  # verbatim substring of line ``line`` of passage ``source_index``
    line: int
    source_index: int  # index into the hits the answer was chosen from


@dataclass(frozen=True)
class Evidence:
    found: bool
    quotes: tuple[Quote, ...]
    passage_index: int | None  # the passage the answer rests on
    coverage: float
    reason: str  # short English diagnostic (bench / debugging), never shown to users
    passage_scores: tuple[float, ...] = ()  # per candidate passage (None-safe: -1 when it failed a check)


def split_units(hit: ScoredChunk, passage_index: int) -> list[Unit]:
    chunk = hit.chunk
    if chunk.line_start is None:
        return [Unit(part, 0, passage_index) for part in _sentences(chunk.text)]
    units: list[Unit] = []
    for offset, line in enumerate(chunk.text.split("\n")):
        item = bool(_LIST_LINE.match(line)) or "\t" in line
        units.extend(Unit(part, chunk.line_start + offset, passage_index, item) for part in _sentences(line))
    return units


# A piece that ends like this did not end a sentence: "10. Initiatief ..." (a list number at the start),
# "Lbr. 19/094", "art. 11", "mr. Jansen".
_NOT_A_SENTENCE_END = re.compile(r"^[\W_]*\d{1,3}[a-z]?\.$|\(\d{1,3}[a-z]?\.$"
                                 r"|(?:^|[\s(])(?:lbr|art|nr|mr|dr|drs|ir|prof|bijv|o\.a|mw|dhr)\.$", re.IGNORECASE)


def _sentence_pieces(line: str) -> list[str]:
    """``line`` split at sentence ends; each piece is a verbatim substring of the line."""
    pieces: list[str] = []
    begin = 0
    for boundary in _SENTENCE_END.finditer(line):
        piece = line[begin:boundary.start()]
        if _NOT_A_SENTENCE_END.search(piece.strip()):
            continue  # keep going: the sentence has not ended
        pieces.append(piece)
        begin = boundary.end()
    pieces.append(line[begin:])
    return pieces


def _sentences(line: str) -> list[str]:
    out = []
    for piece in _sentence_pieces(line):
        cleaned = _LEADING_MARKUP.sub("", piece).strip().strip("*_ ").strip()
        if len(cleaned) >= 3 and cleaned in piece:
            out.append(cleaned)
        elif len(piece.strip()) >= 3:
            out.append(piece.strip())
    return out


class TermWeights:
    """Inverse document frequency over the indexed chunks (analyzer-term level)."""

    def __init__(self, texts):
        df: dict[str, int] = {}
        counted: set[str] = set()
        lowercase: set[str] = set()
        total = 0
        for text in texts:
            total += 1
            for term in set(content_terms(text)):
                df[term] = df.get(term, 0) + 1
            counted.update(word_terms(noun)[0] for noun in _COUNTED.findall(text) if word_terms(noun))
            lowercase.update(_LOWER_WORD.findall(text))
        self.df, self.total = df, max(total, 1)
        self.lowercase = frozenset(lowercase)  # words the documents write in lower case (not names)
        # terms the documents ever put after a figure ("35 vacatures", "vijf principes"): the nouns one can count
        self.counted = frozenset(counted)

    def idf(self, term: str) -> float:
        n = self.df.get(term, 0)
        return math.log(1 + (self.total - n + 0.5) / (n + 0.5))

    def known(self, term: str) -> bool:
        return term in self.df


class AnswerKind(NamedTuple):
    """What a question asks for: its ``ANSWER_TYPES`` name and pattern, the year of the meeting it names (a figure
    of another year is no answer), and the words the documents write in lower case (a "name" made of those,
    "Principes Digitale Samenleving", names no person)."""

    name: str
    pattern: re.Pattern
    years: tuple[str, ...] = ()
    common: frozenset[str] = frozenset()


# "de moties die op de Extra ALV zijn aangenomen" says which motions, it does not ask how the vote went
_RELATIVE_OUTCOME = re.compile(r"\b(die|dat|which|that)\b[^?,;]*?\b(zijn|werden|is|werd|waren|were|was)\s+"
                               r"(aangenomen|verworpen|adopted|rejected)\b")


def without_relative_outcome(folded: str) -> str:
    return _RELATIVE_OUTCOME.sub(" ", folded)


def answer_type(question: str) -> AnswerKind | None:
    text = without_relative_outcome(fold(question))
    for name, asks, pattern in ANSWER_TYPES:
        if re.search(asks, question if name == "role" else text):  # "wie is Frans ...": the capital matters
            return (None if name == "condition" else AnswerKind(name, re.compile(pattern)))
    return None


# Capitalised words that make a "name" an organisation, place or document rather than a person.
_NOT_PERSON_WORDS = frozenset(
    """vereniging nederlandse gemeenten gemeente nederland commissie college raad midden hallen bestuur ministerie
    algemene ledenvergadering fonds buitengewone congrescentrum plants rijk provincie regio alv balv vng statuten
    motie amendement resolutie agenda notulen jaarverslag kadernota uitnodiging ledenbrief""".split())


def has_answer_type(kind, text: str, question: str) -> bool:
    """The unit holds what the question asks for, and not only figures the question itself mentions."""
    question_folded = fold(question)
    for match in kind[1].finditer(text):
        found = fold(match.group(0)).strip()
        if found in question_folded:
            continue
        if kind[0] == "person" and set(found.replace("-", " ").split()) & _NOT_PERSON_WORDS:
            continue
        if kind[0] == "person" and _ASKS_CHAIR.search(question_folded) and not re.fullmatch(_NAME, match.group(0)):
            continue  # "who chaired the committee" asks for a name: "de burgemeester, een wethouder ..." is none
        if kind[0] == "person" and (_plain_words(match.group(0), kind.common)
                                    or _PLACE_BEFORE.search(text[max(0, match.start() - 6):match.start()])):
            continue  # "Principes Digitale Samenleving" names no one; "in Hazerswoude Dorp" is a place
        if kind[0] == "place" and (not _names_a_place(match.group(0), text, question_folded)
                                   or _plain_words(match.group(0), kind.common | _PREPOSITIONS)):
            continue  # "in de Extra ALV" names a meeting, not a venue
        if kind[0] == "date" and _NEXT.search(question_folded) and _past_date(text, match):
            continue  # "wanneer is de eerstvolgende Extra ALV?" is not answered by a meeting of 2019
        if (kind[0] == "date" and not _RUNS_UNTIL.search(question_folded)
                and _other_year(text[match.start():match.end() + 25], question)):
            continue  # "1 december 2024" does not answer a question about 2025 (but "tot wanneer loopt" looks ahead)
        if kind[0] in ("vote", "number", "money") and _other_year(text, question, kind.years):
            continue  # "in juni 2023 met 98,8% aangenomen" does not answer a question about 26 juni 2024
        return True
    return False


# a question for whoever chaired something: only a name answers it
_ASKS_CHAIR = re.compile(r"\bwho (chaired|presided|led)\b|\bwho (was|is) (the )?(chair|chairman|chairwoman|president)\b"
                         r"|\bwie (was|is|werd) (de )?(voorzitter|vice-?voorzitter)\b|\bwie (zat|zit) .*\bvoor\b")
_PREPOSITIONS = frozenset({"in", "te", "bij", "naar", "op", "aan"})
_PLACE_BEFORE = re.compile(r"\b(in|te|bij|naar|uit|vanuit)\s+$", re.IGNORECASE)
_NEXT = re.compile(r"\b(eerstvolgende|volgende|komende|aanstaande|next|upcoming)\b")


def _past_date(text: str, match: re.Match) -> bool:
    """The date (its own year, else the sentence's) lies in a year before this one."""
    window = text[match.start():match.end() + 25]
    years = _YEAR.findall(window) or _YEAR.findall(text)
    return any(int(year) < dt.date.today().year for year in years)


def _plain_words(found: str, common: frozenset[str]) -> bool:
    """Every capitalised word of ``found`` is a word the documents also write in lower case: a heading or title
    ("Principes Digitale Samenleving", "Buitengewone Algemene Ledenvergadering"), not a person's name."""
    words = [w.lower() for w in _CAPITALISED.findall(found)]
    return bool(common) and bool(words) and all(w in common for w in words)


_PLACE_CUE = re.compile(r"\b(plaatsvind\w*|vindt\b.*\bplaats|vond\b.*\bplaats|gehouden|locatie|welkom|gevestigd|"
                        r"adres|zaal|theater|congrescentrum|hallen)\b", re.IGNORECASE)
_PLACE_QUESTION_WORDS = frozenset("waar where stad plaats plaatsvinden locatie gehouden held city town venue place"
                                  .split())


def _names_a_place(found: str, unit: str, question_folded: str) -> bool:
    """ "bij Hoogeveen Plants", "in het Beatrixtheater": a capitalised name after a preposition that the question
    does not already name, in a sentence about a venue (a place word) or about what the question asks about
    ("op de Politiefunctie" in a sentence about police policy names no venue)."""
    name_words = [fold(w) for w in _CAPITALISED.findall(found)]
    asked = set(tokens(question_folded))
    if not name_words or all(w in asked for w in name_words):
        return False
    if _PLACE_CUE.search(unit):
        return True
    subject = {t for w in asked - _PLACE_QUESTION_WORDS - STOPWORDS if not w.isdigit() for t in word_terms(w)}
    return bool(subject & set(content_terms(unit)))


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_RUNS_UNTIL = re.compile(r"\btot wanneer (loopt|duurt|geldt|lopen|gelden)\b|\bhow long\b|\buntil when\b")


def _other_year(date_text: str, question: str, meeting_years: tuple[str, ...] = ()) -> bool:
    asked = set(_YEAR.findall(question)) | set(meeting_years)
    found = set(_YEAR.findall(date_text))
    return bool(asked and found and not (asked & found))


# "how many minutes" counts minutes, not notulen (the other meaning of "minutes")
_TIME_UNITS = frozenset({"minutes", "hours", "days", "weeks", "months", "years", "times"})


def _innermost(section: str) -> str:
    """The heading a passage stands under ("14. Sluiting … > Tijdpad voorbereiding ALV 26 juni 2024" → the last)."""
    return section.split(" > ")[-1]


def counted_noun(question: str, countable: frozenset[str] | None = None, known=lambda term: True) -> str | None:
    """ "hoeveel vacatures ..." → "vacatur" (first analyzer term of the counted noun). With ``countable`` (the
    terms the documents ever count, ``TermWeights.counted``) a word never counted is no noun to count: "hoeveel
    betaalden gemeenten" asks an amount, whatever form the verb takes."""
    match = re.search(r"\b(?:hoeveel|how many)\s+([a-zà-ÿ-]{3,})", fold(question))
    verbs = {"procent", "percent", "keer", "kost", "kosten", "bedraagt", "telt", "tellen", "stemmen", "stuks",
             # "hoeveel droeg een gemeente bij": a verb, not a counted noun
             "droeg", "droegen", "bedroeg", "bedragen", "betaalt", "betaalde", "betalen", "krijgt", "kreeg", "kostte",
             "levert", "leverde", "ontvangt", "ontving", "bracht", "brengt", "bijdraagt", "bijdroeg", "geld", "euro"}
    if not match or match.group(1) in STOPWORDS | verbs:
        return None
    word = match.group(1)
    if word in ENGLISH_TERMS and word not in _TIME_UNITS and not known(word_terms(word)[0]):
        word = ENGLISH_TERMS[word].split()[0]  # "how many vacancies" counts "35 vacatures"
    term = word_terms(word)[0]
    if countable is not None and known(term) and not (_counted_terms(term) & countable) and word not in _PEOPLE_WORDS:
        return None  # a word of the documents they never count is a verb here (a word they lack stays a noun)
    return term


# Counted nouns that stand for people: "hoeveel mensen stelden zich kandidaat" is answered by "175 burgemeesters,
# wethouders ...". Terms are analyzer terms (stems).
_PEOPLE_NOUNS = ("mensen", "personen", "people", "persons")
_PEOPLE_WORDS = ("mensen", "personen", "burgemeesters", "wethouders", "raadsleden", "secretarissen", "griffiers",
                 "kandidaten", "deelnemers", "bezoekers", "aanwezigen", "leden", "bestuurders", "medewerkers")


def _counted_terms(noun_term: str) -> set[str]:
    if noun_term in {word_terms(w)[0] for w in _PEOPLE_NOUNS}:
        return {t for w in _PEOPLE_WORDS for t in word_terms(w)}
    return {noun_term}


def counts_noun(text: str, noun_term: str) -> bool:
    """A figure (digits or a number word) directly before the counted noun: "35 vacatures", "dertien moties"."""
    words = tokens(text)
    wanted = _counted_terms(noun_term)
    for i, word in enumerate(words[1:], start=1):
        if wanted & set(word_terms(word)):
            for previous in words[max(0, i - 3):i]:
                if re.fullmatch(r"(?:19|20)\d\d", previous):
                    continue  # "Per 2018 krijgen raadsleden ..." counts no raadsleden
                if re.fullmatch(rf"\d+(?:[.,]\d+)*|{_NUMBER_WORDS}|één|circa", previous):
                    return True
    return False


_ROLE_WORDS = ("burgemeester", "wethouder", "griffier", "secretaris", "gemeentesecretaris", "voorzitter",
               "directeur", "penningmeester", "raadslid")


def asked_labels(question: str, kind) -> list[str]:
    """Words the answer itself must name: the role in "wie is de griffier van ...", the register in
    "KvK-nummer"/"IBAN-nummer". A sentence about someone else (the wethouder) or another number (a postcode)
    does not answer the question."""
    text = fold(question)
    labels = [m.group(1) for m in re.finditer(r"\b([a-z]{2,})[- ]?nummer\b", text)
              if m.group(1) not in ("telefoon", "welk", "het", "een")]
    if kind is not None and kind[0] == "person":
        labels += [role for role in _ROLE_WORDS if re.search(rf"\b{role}\b", text)]
    return labels


_CONTACT_ROLES = {"voorzitter": "voorzitter", "chair": "voorzitter", "chairman": "voorzitter", "griffie": "griffie",
                  "griffier": "griffie", "clerk": "griffie", "burgemeester": "burgemeester", "mayor": "burgemeester",
                  "wethouder": "wethouder", "directeur": "directeur", "director": "directeur",
                  "secretaris": "secretaris", "raadslid": "raadslid"}


def contact_roles(question: str, kind) -> list[str]:
    """ "het mobiele nummer van de voorzitter": contact details (e-mail, phone, postcode) of a named role are
    answered only by a sentence that gives them for that role; the VNG's general number is no answer."""
    if kind is None or kind[0] not in ("email", "phone", "postcode"):
        return []
    words = set(tokens(question))
    return sorted({role for word, role in _CONTACT_ROLES.items() if word in words})


_ROLE_AT_PLACE = re.compile(
    r"\b(burgemeester|wethouder|griffier|gemeentesecretaris|secretaris|raadslid|mayor|alderman|clerk)\b"
    r"((?:\s+[a-zà-ÿ]+)?)\s+(?:van|of)\s+(?:de\s+gemeente\s+|the\s+municipality\s+of\s+)?"
    r"([A-Z][\w'-]+(?:[\s-][A-Z][\w'-]+)*)")


def role_holder(question: str) -> tuple[str, ...] | None:
    """ "wie is de wethouder financiën van Tilburg" → ("wethouder", "financien", "tilburg"): a person question about
    the holder of a role in a named place is answered only by a sentence that names that role (and portfolio)
    in that place; a sentence about another wethouder of Tilburg, or a wethouder elsewhere, is no answer."""
    match = _ROLE_AT_PLACE.search(question)
    if not match:
        return None
    role = {"mayor": "burgemeester", "alderman": "wethouder", "clerk": "griffier"}.get(match.group(1).lower(),
                                                                                      match.group(1).lower())
    portfolio = fold(match.group(2)).strip()
    return tuple(p for p in (role, portfolio, fold(match.group(3))) if p and p not in STOPWORDS)


def question_names(question: str) -> list[str]:
    """Names the question mentions (capitalised words that are not question or meeting words), folded."""
    words = _CAPITALISED.findall(question)
    return [fold(w) for w in words[1:] if fold(w) not in _NOT_NAMES and len(w) > 2] + \
        [fold(w) for w in words[:1] if fold(w) not in _NOT_NAMES and len(w) > 2 and not question.startswith(w)]


def _ij(text: str) -> str:
    """ "Cuyk" and "Cuijk" are one name: Dutch spells the long ij as y in older and informal writing."""
    return text.replace("ij", "y")


_DAY_AND_MONTH = re.compile(rf"^\s+({_MONTHS})\b", re.IGNORECASE)


def question_numbers(question: str, ignore: frozenset[str]) -> list[str]:
    """Figures the passage must hold. A day with its month ("op 12 juni 2024") must stand as that date: the "12."
    of agenda item 12 does not name 12 June."""
    found = []
    for match in _QUESTION_NUMBER.finditer(question):
        number = match.group(0)
        if number in ignore or len(number) < 2:
            continue
        if re.search(re.escape(number) + r"\s*(inwoners|inhabitants)", question):
            continue
        month = _DAY_AND_MONTH.match(question[match.end():])
        found.append(f"{number} {month.group(1).lower()}" if month else number)
    return found


_LETTER_REFERENCE = re.compile(r"\(?\b(?:lbr|ledenbrief)\.?\s*(?:nr\.?\s*)?\d{2}/\d{2,4}\)?", re.IGNORECASE)


def _numbers_present(numbers: list[str], window: str, chunk, articles: tuple[str, ...] = ()) -> bool:
    """Every figure the question names stands in the passage or its surroundings. Years are looser: a question
    comparing "2019 en 2024" is answered by a passage that names one of them, and a year is also met by the
    meeting the passage belongs to (the notulen of the ALV of 2023 rarely repeat "2023"). So are article numbers
    when the question compares two ("artikel 10 (2019) en artikel 11 (2024)")."""
    years = [n for n in numbers if _YEAR.fullmatch(n)]
    compared = [n for n in numbers if n in articles] if len(articles) >= 2 else []
    others = [n for n in numbers if n not in years and n not in compared]
    if any(n not in window and n not in window.lower() for n in others):
        return False
    if compared and not any(n in window for n in compared):
        return False
    if not years:
        return True
    own_years = {(d or "")[:4] for d in (getattr(chunk, "meeting_date", None), getattr(chunk, "date", None))}
    return any(y in window or y in own_years for y in years)


_PERCENT_TERMS = frozenset(t for w in ("procent", "percentage", "percent") for t in word_terms(w))


def _compound_head_of(group: frozenset, words: list[str]) -> bool:
    """A question word that is the head of a compound in the text: "theater" in "Beatrixtheater", "fonds" in
    "risicobeheerfonds". Dutch writes compounds as one word, so the plain term match misses them."""
    return any(len(term) >= 5 and word.endswith(term) and len(word) >= len(term) + 3
               for term in group for word in words)


def _is_faq_question(unit: Unit) -> bool:
    return unit.text.rstrip(" *_").endswith("?")


_SALUTATION = re.compile(r"^(geachte|beste|dear|met vriendelijke groet|hoogachtend)\b", re.IGNORECASE)


_ASKS_LIST = re.compile(r"^(welke|wat zijn|which|what are)\b|\b(welke|which)\b.*\b(zijn|are)\b|\bopsomming\b|"
                        r"\bwie (waren|zaten|zijn|zitten)\b|\bwho (were|are)\b")


def _asks_list(folded_question: str) -> bool:
    """ "Welke ... zijn", "wie zaten er in": the answer may be a whole list."""
    return _ASKS_LIST.search(folded_question) is not None


def _list_with_intro(units: list[Unit], position: int, most: int) -> list[Unit]:
    """The list that the item at ``position`` belongs to, with the line ending in ":" that introduces it ("De
    werkgroep ... bestond uit:"), at most ``most`` items; [] when no such intro stands right before the list."""
    start = position
    while start > 0 and units[start - 1].list_item:
        start -= 1
    if start == 0 or not units[start - 1].text.rstrip().endswith(":"):
        return []
    end = start
    while end < len(units) and units[end].list_item and end - start < most:
        end += 1
    return [units[start - 1], *units[start:end]]


def _explanation(units: list[Unit], unit: Unit) -> Unit | None:
    """The sentence right after ``unit`` on its line when it spells ``unit`` out ("... hoe het ALV-voorstel moet
    worden aangepast. Dit betekent dat precies moet worden aangegeven wat er moet worden geschrapt ...")."""
    position = units.index(unit) + 1
    following = units[position] if position < len(units) else None
    if following is not None and following.line == unit.line and _EXPLAINS.match(following.text):
        return following
    return None


def is_heading(unit: Unit) -> bool:
    text = unit.text.strip()
    if text.endswith(":") or unit.list_item:
        return False
    return not re.search(r"[.!?;)\]”\"]$", text) and len(text.split()) <= 12


@dataclass(frozen=True)
class ExtractiveConfig:
    min_coverage: float = 0.45  # dev+val sweep: flat 0.40–0.45, false refusals rise from 0.50
    passages: int = 5  # how many top passages may supply the answer
    max_quotes: int = 4
    extra_ratio: float = 0.4  # another sentence of the passage is quoted when it scores this share of the best
    adjacent_ratio: float = 0.5  # ... or this share when it is the next/previous sentence on the same line
    max_list_items: int = 5  # an intro line ending in ":" brings the list that follows
    type_bonus: float = 0.35
    cue_bonus: float = 0.25
    figure_bonus: float = 0.3  # unit repeats a date/number the question names ("per 1 januari 2019")
    heading_factor: float = 0.5
    context_weight: float = 0.5  # a unit after a heading/FAQ question inherits this share of its match
    rank_bonus: float = 0.08
    passage_unit_weight: float = 0.5  # passage choice: coverage + this × its best unit score
    name_bonus: float = 0.3
    unit_name_bonus: float = 0.2
    support_quote: bool = True  # add one sentence from the runner-up passage when it holds the missing figure
    support_ratio: float = 0.6
    support_untyped_ratio: float = 9.0  # without an answer type: runner-up quoted only this close (off: > 1)
    # Unit match: this share per question word (synonym group: "handtekeningen" answers "ondertekenen" once), the
    # rest per expanded term. 1.0 = groups only. The blind batches favour groups; the tuned dev split terms.
    group_units: float = 0.7  # tune splits (dev, val, blind, blind2): 0.7 best; 1.0 loses dev and val
    rerank: bool = True  # order all candidate passages by that value (a cheap reranker); second round: MRR +0.01
    unit_compounds: bool = True  # a sentence's compounds count for the question words that are their head
    typed_runner_ratio: float = 0.8  # a passage with the asked-for type wins when this close to the best one
    # When the answer passage fails a check, a candidate passage this close that passes them all answers (>1: off).
    # Candidates beyond the first ``passages`` were measured too: they answer unanswerable questions.
    fallback_ratio: float = 0.8
    # The best sentence of other strong passages is quoted too (after the main quotes): the answer to a question is
    # often split over two passages, or the answer passage ranks second. Quoting never invents anything.
    extra_passages: int = 3  # third round: 3 gains two tune questions; 4 one more, but answers grow 20% (not kept)
    extra_passage_ratio: float = 0.5  # ... when its passage value is this share of the answer passage's value
    extra_unit_ratio: float = 0.4  # ... and its best sentence scores this share of the main quote's score



class UnitScorer:
    """How well one unit (sentence) answers the question: a weighted sum of measurable features (``features``),
    with the weights of ``ExtractiveConfig``. Called as ``scorer(unit, context)`` where ``context`` is the previous
    unit, or the heading / FAQ question the unit stands under."""

    def __init__(self, config: ExtractiveConfig, terms: dict[str, float], kind, question: str,
                 required: dict[frozenset, float] | None = None, names: list[str] | None = None):
        # A unit's match is measured per question word (synonym groups), like passage coverage: a sentence that
        # says "handtekeningen" answers "ondertekenen" without needing every expansion of it.
        self.config = config
        self.kind = kind
        self.question = question
        self.names = names or []
        self._per_term = {frozenset([t]): w for t, w in terms.items()}
        self._per_group = required or self._per_term
        self._term_total = sum(self._per_term.values()) or 1.0
        self._group_total = sum(self._per_group.values()) or 1.0
        folded_question = fold(question)
        self._asks_list = _asks_list(folded_question)
        self._cues = [re.compile(cue) for asks, cue in ANSWER_CUES if re.search(asks, folded_question)]
        self._figures = [f for f in re.findall(rf"\d{{1,2}}\s+(?:{_MONTHS})(?:\s+\d{{4}})?|\d+(?:[.,]\d+)*",
                                               question) if len(f) > 1]
        self._question_terms = set(terms)

    def match(self, unit: Unit, present: set[str] | None = None) -> float:
        """Share of the question's words (synonym groups, ``group_units``) and terms the unit holds (``present``:
        its content terms, when the caller has them already)."""
        share = float(self.config.group_units)
        present = set(content_terms(unit.text)) if present is None else present
        long_words = [w for w in tokens(unit.text) if len(w) >= 8]

        def hit(group) -> bool:  # "medeondertekening" answers "ondertekenen" too (a compound's head)
            return bool(group & present) or (self.config.unit_compounds and _compound_head_of(group, long_words))

        by_term = sum(w for group, w in self._per_term.items() if group & present) / self._term_total
        by_group = sum(w for group, w in self._per_group.items() if hit(group)) / self._group_total if share else 0.0
        return share * by_group + (1 - share) * by_term

    def features(self, unit: Unit, previous: Unit | None) -> dict[str, float]:
        folded = fold(unit.text)
        present = set(content_terms(unit.text))
        under = previous is not None and (is_heading(previous) or previous.text.rstrip().endswith("?"))
        return {
            "match": self.match(unit, present),
            "context": self.match(previous) if under else 0.0,
            "type": float(self.kind is not None and has_answer_type(self.kind, unit.text, self.question)),
            "cue": float(any(cue.search(folded) for cue in self._cues)),
            "figure": float(bool(self._figures) and any(f in unit.text for f in self._figures)),
            # the answer stands next to the name the question asks about
            "name": float(any(n in folded or (previous is not None and n in fold(previous.text))
                              for n in self.names)),
            "novelty": len(present - self._question_terms) / len(present) if present else 1.0,
            # a list intro answers only a question that asks for a list
            "heading": float(is_heading(unit) or _is_faq_question(unit)
                             or (unit.text.rstrip().endswith(":") and not self._asks_list)),
            "salutation": float(bool(_SALUTATION.match(unit.text))),
        }

    def __call__(self, unit: Unit, previous: Unit | None) -> float:
        f = self.features(unit, previous)
        if f["salutation"]:
            return 0.0  # "Geachte leden van college en gemeenteraad," answers nothing
        config = self.config
        value = (f["match"] + config.context_weight * f["context"] + config.type_bonus * f["type"]
                 + config.cue_bonus * f["cue"] + config.figure_bonus * f["figure"]
                 + config.unit_name_bonus * f["name"])
        value *= 0.6 + 0.4 * f["novelty"]
        return value * (config.heading_factor if f["heading"] else 1.0)


class ExtractiveAnswerer:
    def __init__(self, weights: TermWeights, config: ExtractiveConfig | None = None, next_passage=None):
        self.weights = weights
        self.config = config or ExtractiveConfig()
        self._next_passage = next_passage  # chunk -> the next chunk of the same document (or None)

    # -- terms ------------------------------------------------------------------------------------------------
    def query_terms(self, expanded: ExpandedQuery) -> dict[str, float]:
        """Analyzer terms → weight: the question's own words (idf), expansions at half weight."""
        terms: dict[str, float] = {}
        own = [t for t in tokens(expanded.original) if t not in STOPWORDS and len(t) > 1]
        for word in own:
            for term in word_terms(word):
                if expanded.english and not self.weights.known(term):
                    continue
                terms[term] = max(terms.get(term, 0.0), self.weights.idf(term))
        for word in expanded.added:
            if word in STOPWORDS:
                continue
            for term in word_terms(word):
                if term not in terms:
                    terms[term] = self.weights.idf(term) * (1.0 if expanded.english else 0.5)
        return terms

    def required_terms(self, expanded: ExpandedQuery, terms: dict[str, float]) -> dict[frozenset, float]:
        """What coverage is measured on: one group per question word (its terms plus those of its synonyms or
        translation, or of its correction when misspelt), weighted by idf. A word the index never uses stays
        required (that makes "niet gevonden" likelier, which is right: the documents never use it)."""
        replaced = dict(expanded.corrections)
        required: dict[frozenset, float] = {}
        for word in tokens(expanded.original):
            if word in STOPWORDS or len(word) < 2:
                continue
            variants = [*replaced.get(word, (word,)), *alternatives(word, english=expanded.english)]
            if expanded.english and not any(self.weights.known(word_terms(v)[0]) for v in variants):
                continue  # an English word without a Dutch counterpart in the index says nothing
            group = frozenset(t for v in variants for t in word_terms(v))
            main = word_terms(variants[0])[0]
            weight = max((self.weights.idf(word_terms(v)[0]) for v in variants
                          if self.weights.known(word_terms(v)[0])), default=self.weights.idf(main))
            required[group] = max(required.get(group, 0.0), weight)
        return required or {frozenset([t]): w for t, w in terms.items()}

    # -- scoring ----------------------------------------------------------------------------------------------
    def _unit_scorer(self, terms, kind, question: str, required: dict[frozenset, float] | None = None,
                     names: list[str] | None = None) -> UnitScorer:
        return UnitScorer(self.config, terms, kind, question, required, names)

    def _scored_units(self, hit: ScoredChunk, index: int, scorer) -> list[tuple[Unit, float]]:
        """Each unit scored with its context: the previous unit, or the heading / FAQ question it stands under
        ("Hoe om te gaan met gemeenten die de motie willen ondersteunen?" ... "Hiervoor zijn geen handtekeningen
        nodig." two sentences later)."""
        units = split_units(hit, index)
        scored, anchor = [], None
        for i, unit in enumerate(units):
            previous = units[i - 1] if i else None
            scored.append((unit, scorer(unit, anchor if anchor is not None else previous)))
            if _is_faq_question(unit):
                anchor = unit
            elif is_heading(unit):
                anchor = None  # a new heading ends the question's answer
        return scored

    # -- answer -----------------------------------------------------------------------------------------------
    def answer(self, question: str, expanded: ExpandedQuery, hits: list[ScoredChunk],
               ignore_numbers: frozenset[str] = frozenset(), surroundings=None, *,
               meeting_year: str | None = None, required_phrases: tuple[str, ...] = (),
               meeting_date: str | None = None) -> Evidence:
        """``surroundings(chunk) -> str``: the text around a passage (its neighbours in the same document), where the
        names and figures of the question may stand when the passage itself only holds the answer.
        ``meeting_year``: the year of the meeting the question names ("de ALV van 26 juni"), so a vote result of
        another year is no answer. ``required_phrases``: folded text that must stand in the passage or around it
        (the date of a meeting the registry does not know: the documents must name it to say anything about it).
        ``meeting_date``: the ISO date of the meeting the question names; the people, figures and dates in the notulen
        of another meeting do not answer it."""
        if not hits:
            return Evidence(False, (), None, 0.0, "no hits")
        terms = self.query_terms(expanded)
        required = self.required_terms(expanded, terms)
        kind = answer_type(question)
        if kind is not None:
            kind = kind._replace(years=(meeting_year,) if meeting_year else (), common=self.weights.lowercase)
        noun = counted_noun(question, self.weights.counted, self.weights.known)
        unreferenced = _LETTER_REFERENCE.sub(" ", question)  # "(Lbr. 19/094)" names the letter, not the answer
        # a capitalised word the documents also write in lower case ("Kadernota") is a topic, not a name: coverage
        # weighs it; only real names (gemeenten, people) must stand in or around the passage
        names = [n for n in question_names(unreferenced) if n not in self.weights.lowercase
                 and not (expanded.english and n in ENGLISH_TERMS)]  # "the Finance committee": a word we translate
        names += [p for p in required_phrases if p]
        numbers = question_numbers(unreferenced, ignore_numbers)
        articles = tuple(re.findall(r"\b(?:artikel|art\.?|article)\s+(\d{1,3})\b", unreferenced, re.IGNORECASE))
        scorer = self._unit_scorer(terms, kind, question, required, names)
        best: tuple[float, int, list] | None = None
        typed: list[tuple[float, int, list]] = []  # passages holding what the question asks for
        candidates: list[tuple[float, int, list]] = []  # every passage that passed the name/number checks
        coverages: list[float] = []
        values: list[float] = []

        def assess(index: int, hit: ScoredChunk) -> tuple[float, list, bool] | None:
            """(value, scored units, holds the asked-for type) of a passage; None when it lacks a name or figure
            of the question."""
            context = f"{hit.chunk.doc_title}\n{hit.chunk.section}\n{hit.chunk.text}"
            coverages.append(self._coverage(required, context))
            around = surroundings(hit.chunk) if surroundings is not None else ""
            window = f"{context}\n{around}"
            folded = _ij(fold(window))
            if any(_ij(name) not in folded for name in names) or not _numbers_present(numbers, window, hit.chunk,
                                                                                 articles):
                return None
            scored = self._scored_units(hit, index, scorer)
            if not scored:
                return None
            top_unit = max(score for _, score in scored)
            value = coverages[index] + self.config.rank_bonus / (index + 1) + self.config.passage_unit_weight * top_unit
            own = fold(context)
            if names and all(name in own for name in names):
                value += self.config.name_bonus  # the passage itself names them, not only its neighbours
            has_type = kind is not None and any(has_answer_type(kind, u.text, question) for u, _ in scored)
            if has_type:
                value += self.config.type_bonus / 2
            if noun and any(counts_noun(u.text, noun) for u, _ in scored):
                value += self.config.type_bonus
            return value, scored, has_type

        for index, hit in enumerate(hits[: self.config.passages]):
            assessed = assess(index, hit)
            values.append(-1.0 if assessed is None else assessed[0])
            if assessed is None:
                continue
            value, scored, has_type = assessed
            if has_type:
                typed.append((value, index, scored))
            candidates.append((value, index, scored))
            if best is None or value > best[0]:
                best = (value, index, scored)
        top_coverage = max(coverages) if coverages else 0.0
        scores = tuple(values)
        if best is None:
            return Evidence(False, (), None, top_coverage, "names/numbers missing", scores)
        if kind is not None and typed and all(best[1] != t[1] for t in typed):
            # the best passage lacks what the question asks for (a date, a figure): a close runner-up that has it
            # answers better ("lid 1: duurt tot en met 31 december 2024" over "lid 7-8" of the same article)
            runner = max(typed, key=lambda t: t[0])
            if runner[0] >= self.config.typed_runner_ratio * best[0]:
                best = runner

        def judge(index: int, scored: list) -> Evidence:
            """The answer from passage ``index``, or a refusal with the check it fails."""
            coverage = coverages[index]
            quotes = self._select(scored, kind, question, index, noun)
            quotes += self._supporting_quote(hits, values, index, scorer, kind, question, quotes)
            failed = self._failed_check(quotes, kind, noun, question)
            if failed is None and kind is not None and kind[0] == "advice" and names and not any(
                    _ij(name) in _ij(fold(q.text)) for q in quotes for name in names):
                failed = "advice on another motion"  # Heemskerk's "positief preadvies", asked of Hilvarenbeek
            if failed is None and coverage < self.config.min_coverage:
                failed = "low coverage"
            dated = kind is not None and (kind[0] in ("person", "money", "number", "vote")
                                          or (kind[0] == "date" and not _RUNS_UNTIL.search(fold(question))))
            if failed is None and dated:
                # the people, figures or dates of another year ("notulencommissie ALV 5 juni 2019", the 2023 pay
                # table for a question about 2024): the passage names years, none of them the one the question names
                chunk = hits[index].chunk
                if _other_year(f"{chunk.doc_title}\n{chunk.section}\n{chunk.text}", question):
                    failed = "another year"
                elif (_other_year(f"{chunk.doc_title}\n{_innermost(chunk.section)}\n{chunk.meeting_date or ''}",
                                  question)
                      and not any(year in q.text for q in quotes for year in _YEAR.findall(question))):
                    # "26 juni (woensdag): ALV." under "Tijdpad ALV 26 juni 2024" does not date the ALV of 2025,
                    # even when the passage mentions 2025 elsewhere ("locatie VNG Congres 2025")
                    failed = "another year"
                elif meeting_date and (minutes_of := titled_meeting(chunk.doc_title)) and minutes_of != meeting_date:
                    failed = "another meeting"  # the notulen of June 2019 do not say who chaired the BALV of November
            if failed is not None:
                return Evidence(False, quotes, index, coverage, failed, scores)
            quotes += self._other_passage_quotes(hits, values, index, scored, scorer, quotes)  # never decides
            return Evidence(True, quotes, index, coverage, "ok", scores)

        first = judge(best[1], best[2])
        if first.found or self.config.fallback_ratio > 1:
            return first
        # the best passage fails a check (no date, no counted figure): a close runner-up that passes them all
        # answers better than a refusal ("vijf principes" stands in the introduction, not in the chapter on one)
        for value, index, scored in sorted(candidates, key=lambda c: -c[0]):
            if value < self.config.fallback_ratio * best[0]:
                break
            if index != best[1] and (evidence := judge(index, scored)).found:
                return evidence
        return first

    @staticmethod
    def _failed_check(quotes, kind, noun, question) -> str | None:
        """Why the quotes do not answer the question (None: they do)."""
        if kind is not None and not any(has_answer_type(kind, q.text, question) for q in quotes):
            return f"answer type {kind[0]} missing"
        if noun and not any(counts_noun(q.text, noun) for q in quotes):
            return "counted noun missing"
        labels = asked_labels(question, kind)
        if labels and not any(label in fold(q.text) for q in quotes for label in labels):
            return "asked label missing"
        roles = contact_roles(question, kind)
        if roles and not any(all(role in fold(q.text) for role in roles) for q in quotes
                             if has_answer_type(kind, q.text, question)):
            return "contact holder missing"
        holder = role_holder(question) if kind is not None and kind[0] == "person" else None
        if holder and not any(all(part in fold(q.text) for part in holder) for q in quotes):
            return "role holder missing"
        return None

    def _supporting_quote(self, hits, values, index, scorer, kind, question, quotes) -> tuple[Quote, ...]:
        """One sentence from the runner-up passage when it holds what the first quotes lack (the vote result
        in the paragraph after the motion, the rule after its heading): cues or the asked-for figure."""
        if not self.config.support_quote:
            return ()
        if kind is not None and any(has_answer_type(kind, q.text, question) for q in quotes):
            return ()
        ranked = sorted((v, i) for i, v in enumerate(values) if i != index and v >= 0)
        ratio = self.config.support_ratio if kind is not None else self.config.support_untyped_ratio
        if not ranked or ranked[-1][0] < ratio * values[index]:
            return self._neighbour_quote(hits, index, scorer, kind, question)
        runner = ranked[-1][1]
        scored = self._scored_units(hits[runner], runner, scorer)
        if not scored:
            return ()
        unit, _ = max(scored, key=lambda pair: pair[1])
        if kind is not None and not has_answer_type(kind, unit.text, question):
            return ()
        return (Quote(unit.text, unit.line, runner),)

    def _other_passage_quotes(self, hits, values, index, scored, scorer, quotes) -> tuple[Quote, ...]:
        """The best sentence of each of the next strongest passages, when both the passage and the sentence come
        close to the answer passage and its best sentence."""
        if self.config.extra_passages <= 0 or values[index] <= 0:
            return ()
        best_unit = max((score for _, score in scored), default=0.0)
        taken = {q.text for q in quotes}
        used = {q.source_index for q in quotes}
        ranked = sorted(((v, i) for i, v in enumerate(values) if i not in used and v >= 0), reverse=True)
        extra: list[Quote] = []
        for value, other in ranked[: self.config.extra_passages]:
            if value < self.config.extra_passage_ratio * values[index]:
                break
            units = self._scored_units(hits[other], other, scorer)
            if not units:
                continue
            unit, score = max(units, key=lambda pair: pair[1])
            if (score >= self.config.extra_unit_ratio * best_unit and unit.text not in taken and not is_heading(unit)
                    and not _SALUTATION.match(unit.text)):
                taken.add(unit.text)
                extra.append(Quote(unit.text, unit.line, other))
                explained = _explanation([u for u, _ in units], unit)
                if explained is not None and explained.text not in taken:
                    taken.add(explained.text)
                    extra.append(Quote(explained.text, explained.line, other))
        return tuple(extra)

    def _neighbour_quote(self, hits, index, scorer, kind, question) -> tuple[Quote, ...]:
        """When the answer passage restates the question but lacks the asked-for figure, the next passage of the
        same document often holds it (a vote result after the debate). Only with an answer type, so the
        neighbour never decides *whether* there is an answer, only completes it. The neighbour is appended to
        ``hits`` so the caller can show it as a source."""
        if kind is None or self._next_passage is None:
            return ()
        neighbour = self._next_passage(hits[index].chunk)
        if neighbour is None:
            return ()
        position = len(hits)
        scored = self._scored_units(ScoredChunk(neighbour, hits[index].score), position, scorer)
        typed = [(u, v) for u, v in scored if has_answer_type(kind, u.text, question)]
        if not typed:
            return ()
        unit, _ = max(typed, key=lambda pair: pair[1])
        hits.append(ScoredChunk(neighbour, hits[index].score * 0.99, boosts=["buurpassage"]))
        return (Quote(unit.text, unit.line, position),)

    def _coverage(self, required: dict[frozenset, float], text: str) -> float:
        present = set(content_terms(text))
        total = sum(required.values()) or 1.0
        words = None
        matched = 0.0
        for group, weight in required.items():
            if group & present:
                matched += weight
                continue
            words = words if words is not None else [w for w in tokens(text) if len(w) >= 8]
            if _compound_head_of(group, words) or (group & _PERCENT_TERMS and "%" in text):
                matched += weight
        return matched / total

    def _select(self, scored: list[tuple[Unit, float]], kind, question: str, index: int,
                noun: str | None) -> tuple[Quote, ...]:
        units = [u for u, _ in scored]
        value = {id(u): s for u, s in scored}
        if noun:
            for u in units:
                if counts_noun(u.text, noun):
                    value[id(u)] += self.config.type_bonus
        ranked = sorted(units, key=lambda u: value[id(u)], reverse=True)
        best = ranked[0]
        position = units.index(best)
        chosen = [best]
        limit = self.config.max_quotes
        if best.text.rstrip().endswith(":"):
            chosen.extend(units[position + 1: position + 1 + self.config.max_list_items])
            limit = 1 + self.config.max_list_items
        elif _is_faq_question(best) and position + 1 < len(units):
            # "Hoe om te gaan met gemeenten die de motie willen ondersteunen?" restates the question; the
            # answer is what follows it.
            chosen.extend(units[position + 1: position + 3])
        elif is_heading(best) and position + 1 < len(units):
            chosen.append(units[position + 1])
        elif _ANAPHORA.match(best.text) and position > 0:
            chosen.insert(0, units[position - 1])  # "Dit betekent ..." needs the sentence before it
        elif kind is not None and not has_answer_type(kind, best.text, question):
            typed = next((u for u in ranked[1:] if has_answer_type(kind, u.text, question) and value[id(u)] > 0),
                         None)
            if typed is not None:
                chosen.append(typed)
        preceding = units[position - 1] if position > 0 else None
        if (preceding is not None and preceding.line == best.line and len(best.text.split()) < 8
                and preceding not in chosen):
            chosen.append(preceding)  # a short sentence ("Contactpersoon is X.") needs the one before it
        following = units[position + 1] if position + 1 < len(units) else None
        if (following is not None and following.line == best.line and _ANAPHORA.match(following.text)
                and following not in chosen):
            chosen.append(following)  # "... livestream. Hiervoor is geen toegangscode nodig." continues the answer
        for other in ranked[1:]:
            if len(chosen) >= limit:
                break
            adjacent = abs(units.index(other) - position) == 1 and other.line == best.line
            ratio = self.config.adjacent_ratio if adjacent else self.config.extra_ratio
            if other not in chosen and value[id(other)] >= ratio * value[id(best)]:
                chosen.append(other)
        chosen = [u for u in sorted(set(chosen), key=units.index) if not _SALUTATION.match(u.text)][: max(limit, 2)]
        chosen = chosen or [best]
        for unit in list(chosen):
            explained = _explanation(units, unit)
            if explained is not None and explained not in chosen:
                chosen.insert(chosen.index(unit) + 1, explained)
        if noun and not any(counts_noun(u.text, noun) for u in chosen):
            # "In 2018 telde Nederland 380 gemeenten. Per 1 januari 2019 zijn dit er 355.": the count refers back
            before = units[units.index(best) - 1] if units.index(best) > 0 else None
            if (best in chosen and before is not None and before.line == best.line and before not in chosen
                    and counts_noun(before.text, noun)):
                chosen.insert(chosen.index(best), before)
        # a label is quoted with what it labels ("Verantwoordelijke VNG-commissie(s):" … "Commissie Bestuur en ...")
        for unit in list(chosen):
            position = units.index(unit)
            if unit.text.rstrip().endswith(":") and position + 1 < len(units) and units[position + 1] not in chosen:
                chosen.insert(chosen.index(unit) + 1, units[position + 1])
        item = next((u for u in chosen if u.list_item), None)
        if item is not None and _asks_list(fold(question)):
            # "wie zaten er in de werkgroep": every member, with the line that says what they are
            listed = _list_with_intro(units, units.index(item), self.config.max_list_items)
            chosen = sorted({*chosen, *listed}, key=units.index)
        return tuple(Quote(u.text, u.line, index) for u in chosen)
