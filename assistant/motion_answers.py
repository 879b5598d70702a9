"""Answers about earlier motions from the motion records of ingest (``reader.motion_records``).

A question like "Wat was het preadvies op de motie van Renkum?" or "hoe is de motie Utrechtse Heuvelrug over de
politie afgelopen" names a gemeente and asks for one aspect of its motion: the preadvies, the outcome and vote,
the board's follow-up (afgedaan / aanhouden) or the motion's call (oproep). The record tells us *where* those
facts stand (its spans: the notulen lines, the vote line, the verantwoording); we quote the sentence(s) of those
lines that state the asked-for aspect, verbatim. The record's own fields are never shown as text: they are
derived, and an answer must consist of what the documents say.

When no record fits unambiguously (no gemeente named, two motions of that gemeente and nothing in the question to
choose between them, or no aspect asked for), the caller falls back to retrieval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from assistant.search import content_terms, fold

_MOTION_WORD = re.compile(r"\b(motie|moties|amendement\w*|resolutie|motions?|amendments?)\b")

# What the question asks for (pattern on the folded question) → which sentences answer it (on the folded
# sentence) and which span roles hold them. Several aspects may be asked at once; each is quoted once.
@dataclass(frozen=True)
class Aspect:
    name: str
    asks: str
    answers: tuple[str, ...]  # sentence patterns in order of preference: the first that any line matches wins
    roles: tuple[str, ...]  # span roles searched first ("region": the debate lines between notulen and vote)


ASPECTS: tuple[Aspect, ...] = (
    Aspect("preadvies", r"\bpreadvie|\badvies\b|\badvice\b|\bbestuur\b.*\b(vond|zei|standpunt|zegt)\b"
                        r"|\b(vond|zei|zegt)\b.*\bbestuur\b|\bboard\b.*\b(say|think|advise)",
           (r"\bpreadvie", r"steun in de rug|\bontraden\b|\baan te houden\b|\bpositie[fv]\b|\baf te wijzen\b"),
           ("region", "notulen", "uitslag", "verantwoording")),
    Aspect("vote", r"\buitslag|\baangenomen\b|\baanvaard|\bverworpen\b|\bgestemd\b|\bstemming\b|\bpercentage\b"
                   r"|\bprocent\b|\bafgelopen\b|\boutcome\b|\bresult\b|\bvote\b|\badopted\b|\bhappened\b|\bgebeurd\b",
           (r"\d+(?:,\d+)?\s*%", r"\bacclamatie\b|\bverworpen\b|\baanvaard\b|\bsteunt de motie\b|\bstemt\b.*\bin\b",
            r"\baangenomen\b|\baangehouden\b|\baan te houden\b"),
           ("uitslag", "region", "notulen")),
    Aspect("follow_up", r"\bverantwoording\b|\bstel\w*\b.*\bvoor\b|\bvoorstel\b|\bafgedaan\b|\baangehouden\b"
                        r"|\bfollow|\buitvoering\b|\bgebeurd\b|\bhappened\b|\bstatus\b",
           (r"^voorstel\b|\b(wij|we) stellen\b|\bstellen (wij|we)\b|\bafgedaan\b|\baan te houden\b|\baanhouden\b",),
           ("verantwoording",)),
    # "wat heeft het bestuur (concreet) gedaan met de motie": the actions in the verantwoording, not only its proposal
    Aspect("actions", r"\b(gedaan|ondernomen|concreet)\b|\bwhat (has|did|have)\b.*\b(do|done)\b",
           (r"\bheeft het vng[- ]?bestuur\b|\bgeconcludeerd\b|\bom de motie\b|\b(wij|we) hebben\b|"
            r"\bheeft\b.*\b(gesprek|gesprekken|overleg|contact|brief|ingezet)\b",),
           ("verantwoording",)),
    Aspect("oproep", r"\bvroeg\b|\boproep|\bvraagt\b|\briep\b|\broept\b|\bask(ed|s)?\b|\bverzoek|\bwat wil",
           (r"\boproep|\baan te dringen\b|\bin te zetten\b|\bverzoekt\b|\broept\b|\bin contact te\b|\bvraagt\b",),
           ("verantwoording", "region")),
)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'(*\[<])")
_CELL = re.compile(r"\t|</?p>|</?u>|</?li>|</?ul[^>]*>")


@dataclass(frozen=True)
class RecordQuote:
    path: str
    line: int
    text: str  # verbatim substring of that physical line


@dataclass(frozen=True)
class RecordAnswer:
    record_id: str
    aspects: tuple[str, ...]
    quotes: tuple[RecordQuote, ...]  # the sentences that answer the question (their passages are shown first)
    context: RecordQuote | None = None  # the sentence naming the motion, quoted before them when they do not


class MotionAnswerer:
    """Finds the motion a question is about and quotes the lines that answer it."""

    def __init__(self, records: Sequence[Any], read_lines):
        self.records = list(records or ())
        self._read_lines = read_lines  # path -> list of physical lines (0-based list, 1-based line numbers)

    def answer(self, question: str) -> RecordAnswer | None:
        folded = fold(question)
        if not _MOTION_WORD.search(folded):
            return None
        aspects = [a for a in ASPECTS if re.search(a.asks, folded)]
        if not aspects:
            return None
        record = self._record_for(question, folded)
        if record is None:
            return None
        quotes: list[RecordQuote] = []
        for aspect in aspects:
            for quote in self._quotes_for(record, aspect):
                if quote not in quotes:
                    quotes.append(quote)
        if not quotes:
            return None
        context = self._naming_quote(record)
        if context in quotes or any(_names(g, fold(q.text)) for q in quotes for g in record.gemeenten):
            context = None  # the answer already says which motion it is about
        return RecordAnswer(record.record_id, tuple(a.name for a in aspects), tuple(quotes[:3]), context)

    def _naming_quote(self, record) -> RecordQuote | None:
        """The first sentence of the record's lines that names the motion's gemeente (the notulen heading
        "Motie gemeente Renkum over ..."), so the answer says which motion it is about."""
        for span in record.spans or []:
            for line in range(span["line_start"], span["line_end"] + 1):
                for sentence in _sentences(self._line(span["source_path"], line)):
                    if any(_names(g, fold(sentence)) for g in record.gemeenten):
                        return RecordQuote(span["source_path"], line, sentence)
        return None

    # -- which record -------------------------------------------------------------------------------------------
    def _record_for(self, question: str, folded: str):
        named = [r for r in self.records if any(_names(g, folded) for g in r.gemeenten)]
        if not named:
            return None
        question_terms = set(content_terms(question))
        years = set(re.findall(r"\b(?:19|20)\d\d\b", question))
        kind = next((k for k in ("amendement", "resolutie") if k in folded or (k == "amendement" and
                                                                               "amendment" in folded)), "motie")

        def score(record) -> float:
            overlap = len(question_terms & set(content_terms(record.title)))
            value = float(overlap)
            year = (record.meeting_date or "")[:4]
            if years:
                value += 1.0 if year in years else -1.0
            if "najaars" in folded:
                value += 0.5 if (record.meeting_date or "")[5:7] in ("11", "12") else -0.5
            value += 0.5 if record.kind == kind else 0.0
            return value

        ranked = sorted(named, key=score, reverse=True)
        if len(ranked) > 1 and score(ranked[0]) <= score(ranked[1]):
            return None  # two motions of that gemeente and nothing to choose between them: let retrieval decide
        return ranked[0]

    # -- which lines ----------------------------------------------------------------------------------------------
    def _quotes_for(self, record, aspect: Aspect) -> list[RecordQuote]:
        if aspect.name == "oproep":
            # The call as the verantwoording summarises it, and as the indiener put it in the meeting (notulen).
            spoken = [q for path, line in self._lines(record, "region")
                      for q in self._matching(path, line, re.compile(aspect.answers[0]))]
            summary = self._after_oproep_heading(record)
            if summary or spoken:
                return (summary[:1] + spoken[:1])
        if aspect.name == "follow_up":
            proposal = self._proposal_line(record)
            if proposal:
                return proposal
        for pattern in map(re.compile, aspect.answers):
            found: list[RecordQuote] = []
            for role in aspect.roles:  # in order of preference; a sentence about another item never answers
                found += [q for path, line in self._lines(record, role) for q in self._matching(path, line, pattern)
                          if q not in found and _about_rank(q, record) < 3]
            if found:
                found = sorted(found, key=lambda q: min(_about_rank(q, record), 2))  # stable: role order next
                return found[:1] if aspect.name != "oproep" else found[:2]
        return []

    def _lines(self, record, role: str) -> list[tuple[str, int]]:
        spans = record.spans or []
        if role != "region":
            return [(s["source_path"], n) for s in spans if s.get("role") == role
                    for n in range(s["line_start"], s["line_end"] + 1)]
        notulen = [s for s in spans if s.get("role") in ("notulen", "uitslag")]
        if not notulen:
            return []
        path = notulen[0]["source_path"]
        start = min(s["line_start"] for s in notulen if s["source_path"] == path)
        end = max(s["line_end"] for s in notulen if s["source_path"] == path)
        return [(path, n) for n in range(start, min(end, start + 30) + 1)]  # sentences about other items drop out

    def _matching(self, path: str, line: int, pattern: re.Pattern) -> list[RecordQuote]:
        text = self._line(path, line)
        return [RecordQuote(path, line, s) for s in _sentences(text) if pattern.search(fold(s))]

    def _proposal_line(self, record) -> list[RecordQuote]:
        """Verantwoording of 2024: the board's proposal is the table row "Voorstel: ...", which may follow just
        after the recorded span (up to two lines, never into the next motion's row)."""
        spans = [s for s in record.spans or [] if s.get("role") == "verantwoording"]
        for span in spans:
            path = span["source_path"]
            for line in range(span["line_start"], span["line_end"] + 3):
                text = self._line(path, line)
                folded = fold(text).strip()
                if line > span["line_end"] and folded.startswith("motie en indiener"):
                    break
                if folded.startswith("voorstel:") or folded.startswith("voorstel\t"):
                    return [RecordQuote(path, line, s) for s in _sentences(text)][:1]
        return []

    def _after_oproep_heading(self, record) -> list[RecordQuote]:
        """Verantwoording of 2019: the call stands on the line after the heading "Oproep motie"."""
        lines = self._lines(record, "verantwoording")
        for i, (path, line) in enumerate(lines):
            if fold(self._line(path, line)).strip().rstrip(":") in ("oproep motie", "oproep"):
                following = [(p, n) for p, n in lines[i + 1:] if self._line(p, n).strip()][:1]
                return [RecordQuote(p, n, s) for p, n in following for s in _sentences(self._line(p, n))][:2]
        return []

    def _line(self, path: str, line: int) -> str:
        lines = self._read_lines(path)
        return lines[line - 1] if lines and 0 < line <= len(lines) else ""


def _about_rank(quote: RecordQuote, record) -> int:
    """How surely a sentence is about this record. The debate region of a motion also holds the votes on
    neighbouring items ("Uitslag stemming amendement Eindhoven" just before the motion of Schagen): 0 names the
    record's gemeente, 1 names its kind (motie/amendement) only, 2 names no item, 3 names another kind of item."""
    text = fold(quote.text)
    if any(_names(g, text) for g in record.gemeenten):
        return 0
    kind = fold(getattr(record, "kind", "") or "motie")
    others = [k for k in ("motie", "amendement", "bestuursvoorstel", "resolutie") if k != kind and k in text]
    if others:
        return 3
    return 1 if kind in text else 2


def _names(gemeente: str, folded_question: str) -> bool:
    name = fold(gemeente)
    return len(name) > 2 and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", folded_question) is not None


_ABBREVIATION_END = re.compile(r"\b(e\.a|o\.a|c\.s|m\.u\.v|i\.v\.m|bijv|dhr|mevr|nr)\.$", re.IGNORECASE)


def _sentences(line: str) -> list[str]:
    """Sentences of one physical line (table cells and <p> blocks split first), each a verbatim substring; a
    bare label ("Voorstel:") is no sentence, and "e.a." does not end one."""
    out = []
    for cell in _CELL.split(line):
        pieces: list[str] = []
        for piece in _SENTENCE_END.split(cell):
            if pieces and _ABBREVIATION_END.search(pieces[-1]):
                joined = cell[cell.index(pieces[-1]):cell.index(piece, cell.index(pieces[-1])) + len(piece)]
                pieces[-1] = joined
            else:
                pieces.append(piece)
        for piece in pieces:
            piece = piece.strip().strip("*").strip()
            if len(piece) >= 8 and piece in line and not (piece.endswith(":") and len(piece.split()) <= 3):
                out.append(piece)
    return out
