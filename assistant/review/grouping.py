"""Similar submissions: group near-identical motions and link them to earlier motions in the corpus.

Several gemeenten often submit (almost) the same motion. We compare the *content* of submissions — title,
aanleiding, constateringen, overwegingen, oproepen, amendment changes — as TF-IDF vectors over Dutch word stems and
stem bigrams, with the template's own words (constaterende, overwegende, roept het bestuur op, ...) and all
gemeente names removed, so two motions never look alike just because they follow the sjabloon or come from the same
gemeente. Groups are average-link clusters above ``GROUP_THRESHOLD`` cosine similarity (calibrated on generated
near-identical and unrelated pairs, see ``tests/review/test_grouping.py``), within one kind (motions with motions,
amendments with amendments).

The same vectors link a submission to earlier motions (``MotionRecord``: title + summary) so the bestuur sees the
preadvies and outcome of what was asked before.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from assistant.corpus.model import MotionRecord

GROUP_THRESHOLD = 0.2  # cosine; reworded same-subject pairs score 0.29-0.36, near-identical 0.8+, other subjects < 0.08
LINK_THRESHOLD = 0.09  # cosine vs title+summary of an earlier motion: right topic 0.11-0.50, others < 0.08
LINK_TOP_K = 3

# Dutch function words plus the sjabloon's own vocabulary: present in every motion, so they say nothing about its
# topic. Kept short and explicit on purpose (no download, no hidden list).
STOP_WORDS = frozenset(
    """
    aan af al alle als alsmede ander andere bij bijv bijvoorbeeld daar daarom dan dat de deze die dit door dus een
    eens en er ervoor geen had heeft hem het hier hij hoe hun ieder in is ja je kan kunnen maar me meer men met mij
    mijn na naar niet nog nu of om omdat ons onze ook op over reeds te tegen toch toe tot u uit van veel voor
    waar wat we wel welke werd wie wij wil worden wordt zal ze zich zij zijn zo zoals zonder zou zullen
    gemeente gemeenten gemeentelijke college burgemeester wethouder griffier secretaris raad
    motie moties amendement amendementen vng bestuur vereniging nederlandse algemene ledenvergadering alv
    constaterende overwegende roept verzoekt draagt vraagt oproep aanleiding titel datum indiening indiener
    indieners mede ondersteund ondersteunende ondertekening namens orde dag gaat over vergadering bijeen
    schrappen vervangen invoegen toelichting agendapunt voorstel
    """.split()
)


@dataclass
class TopicDoc:
    """What grouping needs of one submission."""

    key: str  # the row's file
    kind: str
    text: str
    gemeenten: list[str] = field(default_factory=list)


@dataclass
class EarlierMotion:
    record_id: str
    kind: str
    title: str
    gemeenten: list[str]
    meeting: str
    meeting_date: str
    agenda_item: str | None
    preadvies: str | None
    outcome: str | None
    follow_up: str | None
    score: float
    spans: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {**self.__dict__, "score": round(self.score, 3)}


@dataclass
class Group:
    id: str
    kind: str
    keys: list[str]
    min_similarity: float


# --- text to vectors ------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("dutch")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_tokens(names: list[str]) -> set[str]:
    """Words of gemeente names ("Leidschendam-Voorburg" -> leidschendam, voorburg), removed before comparing."""
    tokens: set[str] = set()
    for name in names:
        tokens.update(re.findall(r"[a-z]+", _fold(name)))
    return tokens


def features(text: str, ignore: set[str] = frozenset()) -> Counter:
    """Stems and stem bigrams of the content words of ``text``."""
    words = [w for w in re.findall(r"[a-z]+", _fold(text)) if len(w) > 2 and w not in STOP_WORDS and w not in ignore]
    stems = _stemmer().stemWords(words)
    counts = Counter(stems)
    counts.update(f"{a}_{b}" for a, b in zip(stems, stems[1:]))
    return counts


class TfidfSpace:
    """A TF-IDF space fitted on the batch plus background texts (earlier motions steady the IDF of a small batch)."""

    def __init__(self, documents: list[Counter]):
        self.vocabulary: dict[str, int] = {}
        for doc in documents:
            for term in doc:
                self.vocabulary.setdefault(term, len(self.vocabulary))
        df = np.zeros(len(self.vocabulary))
        for doc in documents:
            for term in doc:
                df[self.vocabulary[term]] += 1
        n = len(documents)
        self.idf = np.log((1 + n) / (1 + df)) + 1.0

    def transform(self, documents: list[Counter]) -> sparse.csr_matrix:
        rows, cols, values = [], [], []
        for i, doc in enumerate(documents):
            for term, count in doc.items():
                j = self.vocabulary.get(term)
                if j is None:
                    continue
                rows.append(i)
                cols.append(j)
                values.append((1.0 + math.log(count)) * self.idf[j])
        matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(documents), len(self.vocabulary)))
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.diags(1.0 / norms) @ matrix


def record_text(record: MotionRecord) -> str:
    return " ".join(part for part in [record.title, record.title, record.summary or ""] if part)


# --- grouping and linking ---------------------------------------------------------------------------------------


@dataclass
class SimilarityResult:
    groups: list[Group]
    earlier: dict[str, list[EarlierMotion]]  # per key
    similarity: dict[tuple[str, str], float]  # pairwise scores within a kind (for tests and the detail view)


def analyse(
    docs: list[TopicDoc],
    records: list[MotionRecord] = (),
    *,
    group_threshold: float = GROUP_THRESHOLD,
    link_threshold: float = LINK_THRESHOLD,
) -> SimilarityResult:
    """Group similar submissions and link each to earlier motions."""
    ignore = name_tokens([g for doc in docs for g in doc.gemeenten] + [g for r in records for g in r.gemeenten])
    doc_features = [features(doc.text, ignore) for doc in docs]
    record_features = [features(record_text(r), ignore) for r in records]
    space = TfidfSpace(doc_features + record_features)
    doc_vectors = space.transform(doc_features)
    groups, pairwise = _cluster(docs, doc_vectors, group_threshold)
    earlier = _link(docs, doc_vectors, records, space.transform(record_features), link_threshold) if records else {}
    return SimilarityResult(groups=groups, earlier=earlier, similarity=pairwise)


def _cluster(docs: list[TopicDoc], vectors: sparse.csr_matrix, threshold: float):
    groups: list[Group] = []
    pairwise: dict[tuple[str, str], float] = {}
    for kind in sorted({doc.kind for doc in docs}, reverse=True):  # motie before amendement
        members = [i for i, doc in enumerate(docs) if doc.kind == kind]
        if len(members) < 2:
            continue
        sims = (vectors[members] @ vectors[members].T).toarray()
        np.fill_diagonal(sims, 1.0)
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                pairwise[(docs[members[a]].key, docs[members[b]].key)] = float(sims[a, b])
        distances = squareform(np.clip(1.0 - sims, 0.0, 2.0), checks=False)
        labels = fcluster(linkage(distances, method="average"), t=1.0 - threshold, criterion="distance")
        for label in sorted(set(labels), key=lambda lab: min(i for i, x in enumerate(labels) if x == lab)):
            local = [i for i, x in enumerate(labels) if x == label]
            if len(local) < 2:
                continue
            block = sims[np.ix_(local, local)]
            groups.append(Group(id="", kind=kind, keys=[docs[members[i]].key for i in local],
                                min_similarity=float(block.min())))
    for number, group in enumerate(groups, start=1):
        group.id = f"G{number}"
    return groups, pairwise


def _link(docs, doc_vectors, records, record_vectors, threshold) -> dict[str, list[EarlierMotion]]:
    scores = (doc_vectors @ record_vectors.T).toarray()
    linked: dict[str, list[EarlierMotion]] = {}
    for i, doc in enumerate(docs):
        order = np.argsort(-scores[i])[:LINK_TOP_K]
        hits = [earlier_motion(records[j], float(scores[i, j])) for j in order if scores[i, j] >= threshold]
        if hits:
            linked[doc.key] = hits
    return linked


def earlier_motion(record: MotionRecord, score: float) -> EarlierMotion:
    return EarlierMotion(
        record_id=record.record_id,
        kind=record.kind,
        title=record.title,
        gemeenten=list(record.gemeenten),
        meeting=record.meeting,
        meeting_date=record.meeting_date,
        agenda_item=record.agenda_item,
        preadvies=record.preadvies,
        outcome=record.outcome,
        follow_up=record.follow_up,
        score=score,
        spans=list(record.spans),
    )


def merge_earlier(lists: list[list[EarlierMotion]]) -> list[EarlierMotion]:
    """The earlier motions of a group: the best score per record, best first."""
    best: dict[str, EarlierMotion] = {}
    for hits in lists:
        for hit in hits:
            if hit.record_id not in best or hit.score > best[hit.record_id].score:
                best[hit.record_id] = hit
    return sorted(best.values(), key=lambda h: -h.score)[:LINK_TOP_K]
