"""``assistant.ask``: answer a question with sources — computed by the rule engine, or quoted from the documents.

Flow per question: resolve a follow-up against the previous turn → find the meeting the question names → route
(``assistant.routing``): deadlines, vote weight, who signs and amendable items go to the rule engine; everything
else to hybrid retrieval (``assistant.search``) and an extractive answer (``assistant.extractive``). With an LLM
configured, a grounded answer with [n] citations replaces the extractive one when its citations check out.

The JSON shape (``Answer.to_json``) is a contract shared with ``motie ask --json/--jsonl`` and held-out
evaluations: ``{"id", "question", "answer", "found", "route", "sources": [{"path", "title", "meeting",
"section", "line_start", "line_end", "page", "paragraph", "text", "score"}], "index_generation"}``.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import threading
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, Sequence

from pydantic import BaseModel

from assistant.closing import asks_signer, find_closing
from assistant.config import Settings, get_settings
from assistant.extractive import (Evidence, ExtractiveAnswerer, ExtractiveConfig, TermWeights, answer_type,
                                  counted_noun, counts_noun, has_answer_type, without_relative_outcome)
from assistant.followup import resolve_followup
from assistant.question_parts import (
    keep_quoted, merge_sources, part_reference, per_year, quotes_of, source_key, split_question, with_meeting_subject,
)
from assistant.motion_answers import MotionAnswerer, RecordAnswer
from assistant.routing import (
    MeetingReference, asks_about, detect_intent, format_date_en, format_date_nl, named_member, population_as_written,
    population_in, registered_days_in, resolve_meeting, submission_moment,
)
from assistant.search import (HybridSearch, MeetingPreference, ScoredChunk, SearchConfig, SearchFilters, fold,
                              looks_english)

Route = Literal["rules", "retrieval", "llm"]
NOT_FOUND = "De documenten geven geen antwoord op deze vraag."
DECLINED_REASON = "het taalmodel antwoordde dat de documenten geen antwoord geven"


class Source(BaseModel):
    path: str
    title: str | None = None
    meeting: str | None = None
    section: str | None = None
    line_start: int | None = None
    line_end: int | None = None
    page: int | None = None
    paragraph: int | None = None
    text: str
    score: float | None = None


class Answer(BaseModel):
    id: Any = None
    question: str
    answer: str
    found: bool
    route: Route
    sources: list[Source]
    index_generation: str | None = None

    def to_json(self) -> dict:
        return self.model_dump(mode="json")


class Computed(NamedTuple):
    """What a rules-route handler computed: the Dutch answer, whether it answers, its source passages, and the
    computed value in one English sentence (put first when the question is in English)."""

    text: str
    found: bool
    refs: Sequence
    english: str = ""


@dataclass(frozen=True)
class Turn:
    """One exchange, kept by the caller (CLI session, app) to resolve the next follow-up question."""

    question: str  # as asked
    resolved: str  # after follow-up resolution
    answer: Answer


class AskEngine:
    """Holds the index reader, the retriever and (optionally) the LLM; create once, ask many times."""

    def __init__(self, settings: Settings | None = None, *, reader: Any = None,
                 search_config: SearchConfig | None = None, extractive_config: ExtractiveConfig | None = None,
                 llm: Any = None, use_llm: bool = True):
        self.settings = settings or get_settings()
        if reader is None:
            from assistant.index.reader import open_index

            reader = open_index(self.settings)
        self.reader = reader
        self.search = HybridSearch(reader, search_config)
        self._keyword_search = self.search.with_config(use_dense=False)
        self.weights = TermWeights(f"{c.doc_title}\n{c.section}\n{c.text}" for c in reader.chunks)
        self.extractive = ExtractiveAnswerer(self.weights, extractive_config, self._next_chunk)
        self.motions = MotionAnswerer(getattr(reader, "motion_records", None) or (), self._source_lines)
        self._lines_cache: dict[str, list[str]] = {}
        self._held_meetings = _meetings_with_results(reader)
        self._siblings: dict[str, list] = {}
        for chunk in sorted(reader.chunks, key=lambda c: (c.doc_id, c.line_start or 0, c.page or 0,
                                                          c.paragraph or 0)):
            self._siblings.setdefault(chunk.doc_id, []).append(chunk)
        if llm is None and use_llm:
            from assistant.llm import chat_model_from_settings

            llm = chat_model_from_settings(self.settings)
        self.llm = llm
        self.last_llm_problem: tuple[str, ...] = ()

    # -- public ---------------------------------------------------------------------------------------------
    def ask(self, question: str, *, id: Any = None, alv_date: dt.date | str | None = None, k: int = 5,
            history: Sequence[Turn] = (), filters: SearchFilters | None = None) -> Answer:
        return self.ask_turn(question, id=id, alv_date=alv_date, k=k, history=history, filters=filters).answer

    def ask_turn(self, question: str, *, id: Any = None, alv_date: dt.date | str | None = None, k: int = 5,
                 history: Sequence[Turn] = (), filters: SearchFilters | None = None) -> Turn:
        question_text = (question or "").strip()
        if not question_text:
            from assistant.errors import InputError

            raise InputError("Lege vraag.", hint='Stel een vraag, bijvoorbeeld: motie ask "wie ondertekent de motie?"')
        self.last_llm_problem = ()  # per question: a reason recorded for an earlier question must not linger
        previous = history[-1].resolved if history else None
        resolved = resolve_followup(question_text, previous)
        reference = resolve_meeting(resolved)
        explicit_date = _as_date(alv_date)
        intent = detect_intent(self._corrected(resolved))
        if intent is not None:
            answer = self._rules_answer(intent, resolved, reference, explicit_date)
            answer = self._with_retrieved_parts(answer, resolved, reference, explicit_date, max(1, k), filters)
        else:
            answer = self._multi_part_answer(resolved, reference, explicit_date, max(1, k), filters)
        answer.id, answer.question = id, question_text
        return Turn(question_text, resolved, answer)

    def _with_retrieved_parts(self, answer: Answer, question: str, reference: MeetingReference,
                              explicit: dt.date | None, k: int, filters: SearchFilters | None) -> Answer:
        """ "Tot wanneer konden we amendementen indienen, en naar welk mailadres?": the computed answer, then the
        quotes of the whole question's retrieval answer (which passed every check) that hold what the parts no rule
        computes ask for."""
        if not answer.found:
            return answer
        every_part = split_question(question)
        parts = [part for part in every_part[:3] if detect_intent(self._corrected(part)) is None]
        if not parts or len(parts) == len(every_part):
            return answer
        # the whole question keeps what a part refers to ("naar welk mailadres moesten die ..." = amendementen)
        found = self._retrieval_answer(question, reference, explicit, k, filters)
        if not found.found or found.route != "retrieval":
            return answer
        retrieved = quotes_of(found)
        quotes: list[str] = []
        sources = list(answer.sources)
        for part in parts:
            kind = answer_type(part)
            own = [q for q in retrieved if kind is not None and has_answer_type(kind, q, part)]
            for quote in own or retrieved[:2]:  # what the part asks for (an e-mail address), else the best
                home = next((src for src in found.sources if quote in src.text), None)
                if home is None or quote in quotes:
                    continue  # never a quote without its source
                quotes.append(quote)
                if all(source_key(home) != source_key(known) for known in sources):
                    sources.append(home)
        if not quotes:
            return answer
        text = f"{answer.answer} Verder uit de documenten: " + " … ".join(f"“{quote}”" for quote in quotes)
        return answer.model_copy(update={"answer": text, "sources": sources})

    def _corrected(self, question: str) -> str:
        """The question with misspelt words replaced by their index spelling ("ondertkenen" → "ondertekenen"),
        so routing sees what retrieval sees."""
        text = question
        for word, replacement in self.search.expand(question).corrections:
            if len(replacement) == 1:
                text = re.sub(rf"\b{re.escape(word)}\b", replacement[0], text, flags=re.IGNORECASE)
        return text

    # -- rules route ----------------------------------------------------------------------------------------
    def _meeting_for_rules(self, reference: MeetingReference, explicit: dt.date | None) -> tuple[dt.date, str]:
        """The meeting a computed answer is for, and a Dutch note when we had to assume one."""
        from assistant.rules.meetings import list_meetings, next_meeting_on_or_after

        if explicit is not None:
            return explicit, ""
        if reference.date is not None:
            return reference.date, ""
        if reference.years:
            raise _UnknownMeeting(sorted(reference.years))
        upcoming = next_meeting_on_or_after(dt.date.today())
        meeting = upcoming or (list_meetings() or [None])[-1]
        if meeting is None:
            return dt.date.today(), "Er is geen vergadering genoemd en het vergaderregister is leeg."
        name = _meeting_name(meeting, meeting.date)  # "ALV van 26 juni 2024": no registry id, whose "06" no source has
        return meeting.date, (f"Er is geen vergadering genoemd; ik ga uit van de {name} "
                              f"({'de eerstvolgende' if upcoming else 'de laatst bekende'} vergadering).")

    def _rules_answer(self, intent: str, question: str, reference: MeetingReference,
                      explicit: dt.date | None) -> Answer:
        handler = {"deadline": self._deadline_answer, "late_submission": self._late_answer,
                   "vote_weight": self._vote_answer,
                   "signing": self._signing_answer, "signing_supporters": self._supporters_answer,
                   "amendable": self._amendable_answer,
                   "template": self._template_answer}[intent]
        try:
            text, found, refs, english = handler(question, reference, explicit)
            if english and looks_english(question):
                text = f"{english} {text}"
        except _UnknownMeeting as unknown:
            # "de ALV van juni 2021": a meeting we cannot date. Computing for another meeting would be a guess.
            text = (f"{NOT_FOUND} De vraag noemt een vergadering in {' of '.join(unknown.years)} die niet in het "
                    "vergaderregister staat, dus ik kan daarvoor niets berekenen. Noem de precieze datum van de "
                    "vergadering in de vraag, of voeg de vergadering toe met `motie meeting add`.")
            found, refs = False, ()
        return Answer(question=question, answer=text, found=found, route="rules",
                      sources=self._sources_from_refs(refs), index_generation=self.reader.generation)

    def _deadline_answer(self, question, reference, explicit):
        from assistant.rules.calendar import deadlines
        from assistant.rules.meetings import get_meeting

        day, assumed = self._meeting_for_rules(reference, explicit)
        result = deadlines(day, extra_non_working_days=self.settings.extra_non_working_days)
        meeting = get_meeting(day)
        kind = asks_about(question)
        moment = result.motion_deadline if kind == "motie" else result.amendment_deadline
        plural = "moties" if kind == "motie" else "amendementen"
        parts = [assumed] if assumed else []
        parts.append(f"De deadline voor het indienen van {plural} voor de {_meeting_name(meeting, day)} is "
                     f"{format_date_nl(moment.date())}, {moment:%H.%M} uur.")
        english = (f"The deadline for submitting {'motions' if kind == 'motie' else 'amendments'} for "
                   f"the ALV of {format_date_en(day)} is {format_date_en(moment.date(), weekday=True)}, "
                   f"{moment:%H.%M} (nine working days before the meeting). In Dutch:")
        parts.append("Berekend als negen werkdagen vóór de ALV (de dag van de ALV telt niet mee), om 12.00 uur.")
        if kind == "motie":
            parts.append("Voor moties is dit geen statutaire termijn maar een dringend verzoek van het VNG-bestuur.")
        else:
            parts.append("Voor amendementen is dit de statutaire termijn; voor moties geldt dezelfde datum als "
                         "dringend verzoek van het VNG-bestuur.")
        holidays = [(d, name) for d, name in result.skipped_days if d.weekday() < 5]  # weekends go without saying
        if holidays:
            parts.append("Overgeslagen feestdagen: " + ", ".join(
                f"{name} ({format_date_nl(d, weekday=False)})" for d, name in holidays) + ".")
        if meeting is not None and not result.notes:
            parts.append("Dit komt overeen met de vergaderstukken van die vergadering.")
        elif result.notes:
            parts.append("Let op: de vergaderstukken noemen een andere deadline dan de berekening; ga uit van de "
                         "vergaderstukken.")
        return Computed(" ".join(parts), True, _with_meeting_sources(result.sources, meeting), english)

    def _late_answer(self, question, reference, explicit):
        """ "Onze motie kwam op 13 juni om 12.05 uur binnen; wordt die nog behandeld?": the deadline of the meeting,
        whether the moment the question gives is before it, and what the documents say happens to a late motie."""
        from assistant.rules.calendar import deadlines, is_late
        from assistant.rules.checks_deadlines import LATE_SUBMISSION
        from assistant.rules.meetings import get_meeting, list_meetings

        named = registered_days_in(question, list_meetings())
        day = explicit or (named[0] if len(named) == 1 else None) or (reference.date if reference.registered else None)
        assumed = ""
        if day is None:
            day, assumed = self._meeting_for_rules(MeetingReference(years=reference.years), None)
        submitted = submission_moment(question, day)
        if submitted is None:  # no moment to judge: the deadline itself
            return self._deadline_answer(question, reference, explicit)
        result = deadlines(day, extra_non_working_days=self.settings.extra_non_working_days)
        meeting = get_meeting(day)
        kind = asks_about(question)
        limit = result.motion_deadline if kind == "motie" else result.amendment_deadline
        late = is_late(submitted, limit)
        subject = "de motie" if kind == "motie" else "het amendement"
        parts = [assumed] if assumed else []
        parts.append(f"De deadline voor {'moties' if kind == 'motie' else 'amendementen'} voor de "
                     f"{_meeting_name(meeting, day)} was {format_date_nl(limit.date())}, {limit:%H.%M} uur "
                     "(negen werkdagen vóór de ALV; indienen om 12.00 uur of later is te laat).")
        parts.append(f"Ingediend op {format_date_nl(submitted.date())} om {submitted:%H.%M} uur: "
                     + (f"dat is ná de deadline, {subject} is te laat." if late else "dat is op tijd."))
        refs = list(_with_meeting_sources(result.sources, meeting))
        if late:
            refs += LATE_SUBMISSION.sources  # the rule's own passages: the deadline, the request, late moties
        if late and kind == "motie":
            parts.append("De deadline voor moties is geen statutaire termijn maar een dringend verzoek van het "
                         "bestuur; na de deadline worden alleen nog moties toegelaten die een actueel onderwerp "
                         "betreffen waarop gemeenten redelijkerwijs niet eerder een motie hebben kunnen indienen, en "
                         "een tijdig preadvies van het bestuur is dan niet meer mogelijk.")
        elif late:
            parts.append("Voor amendementen is dit de statutaire termijn.")
        english = (f"The deadline was {format_date_en(limit.date(), weekday=True)}, {limit:%H.%M}; submitted "
                   f"{format_date_en(submitted.date(), weekday=True)} at {submitted:%H.%M}, which is "
                   f"{'after the deadline (late)' if late else 'in time'}. In Dutch:")
        return Computed(" ".join(parts), True, refs, english)

    def _vote_answer(self, question, reference, explicit):
        from assistant.rules.domain import vote_weight
        from assistant.rules.meetings import get_meeting, list_meetings

        from assistant.errors import InputError

        day = explicit or reference.date
        population = population_in(question)
        member = "gewest" if re.search(r"\bgewest|\bregion", fold(question)) else "gemeente"
        try:
            result = vote_weight(population if population is not None else 1000, day, member_kind=member)
        except InputError as no_gewest:  # gewesten under the 2024 statutes: the rule is gone, say so
            result = vote_weight(population if population is not None else 1000, dt.date(2019, 11, 29),
                                 member_kind="gewest")
            quoting = next((m for m in list_meetings() if m.date.year == 2019), None)
            return Computed(f"{no_gewest.message} {no_gewest.hint}", True,
                            _with_meeting_sources(result.sources, quoting))
        # The meeting whose package quotes the statute version used: its date grounds the version year.
        quoting = next((m for m in list_meetings() if str(m.date.year) == result.statute_version), None)
        sources = _with_meeting_sources(result.sources, quoting)
        per = "10.000" if member == "gewest" else "1.000"
        rule = (f"één stem per volle {per} inwoners, minimaal één en maximaal 75 stemmen "
                f"({_article_phrase(result)})")
        if day is not None:
            version = f"Voor de {_meeting_name(get_meeting(day), day)} geldt {_article_phrase(result)}."
        else:
            version = (f"Er is geen vergadering genoemd; ik gebruik de meest recente bekende statuten: "
                       f"{_article_phrase(result)}.")
        if population is None:
            name = named_member(question) or "deze gemeente"
            english = ("The documents do not give the population of this municipality, so its number of votes "
                       "cannot be computed. In Dutch:")
            text = (f"De documenten noemen het inwonertal van {name} niet, dus het aantal stemmen is niet te "
                    f"berekenen. De regel: {rule}. Noem het inwonertal in de vraag om het aantal te laten "
                    "berekenen.")
            return Computed(text, False, sources, english)
        english = (f"A {'region' if member == 'gewest' else 'municipality'} with "
                   f"{population_as_written(question)} inhabitants has {result.votes} "
                   f"vote{'s' if result.votes != 1 else ''} (one per full "
                   f"{'ten thousand' if member == 'gewest' else 'thousand'} inhabitants, at least one and "
                   f"at most 75). In Dutch:")
        votes = "1 stem" if result.votes == 1 else f"{result.votes} stemmen"
        text = (f"Een {member} met {population_as_written(question)} inwoners heeft {votes}: {rule}. {version} "
                f"Maatstaf: {result.population_basis}.")
        return Computed(text, True, sources, english)

    def _signing_answer(self, question, reference, explicit):
        from assistant.rules.domain import signing_rules

        day = explicit or reference.date
        result = signing_rules(day)
        from assistant.rules.meetings import list_meetings

        combinations = "; ".join(result.accepted_lead_combinations)
        quoting = next((m for m in list_meetings() if m.date.year == 2024), None)
        address = ", ".join(result.addresses)
        english = ("A motion is signed on behalf of the college (the municipal executive) by the "
                   "burgemeester (mayor), alone or together with the responsible wethouder or the "
                   "gemeentesecretaris; a wethouder alone is not enough. In Dutch:")
        text = ("Volgens de regels voor ondertekening (vastgelegd in de stukken voor de ALV van juni 2024, "
                "toegepast op elke vergadering): het indienen van een motie is een bevoegdheid van het college, "
                "dus een motie wordt namens het college ondertekend door de burgemeester van de indienende "
                f"gemeente. Mogelijk zijn: {combinations}. Raadsleden mogen medeondertekenen. "
                f"{result.cosigner_rule} {result.supporter_rule} Een motie is pas definitief als zij is "
                "ondertekend. Voor amendementen gelden dezelfde voorwaarden. Indienen via: " + address + ".")
        quote = self._closest_sentence(question, result.sources)
        if quote:
            text += f" Letterlijk in de stukken: “{quote}”"
        return Computed(text, True, _with_meeting_sources(result.sources, quoting), english)

    def _supporters_answer(self, question, reference, explicit):
        """Gemeenten that only support a motie are listed by name and do not sign; co-submitters do."""
        from assistant.rules.domain import COSIGNER_SOURCE, SUPPORTER_SOURCE, signing_rules
        from assistant.rules.meetings import list_meetings

        result = signing_rules(explicit or reference.date)
        refs = [SUPPORTER_SOURCE, COSIGNER_SOURCE]  # the supporters' rule first
        text = f"{result.supporter_rule} Mede-indieners tekenen wel: {result.cosigner_rule[0].lower()}" \
               f"{result.cosigner_rule[1:]}"
        # both sentences of the rule: the list, and "Hiervoor zijn geen handtekeningen nodig."
        text += f" Letterlijk in de stukken: “{SUPPORTER_SOURCE.text.strip()}”"
        english = ("Municipalities that only support a motion are listed by name (at the bottom of the motion or in "
                   "an annex); they do not sign. Co-submitting municipalities do sign. In Dutch:")
        quoting = next((m for m in list_meetings() if m.date.year == 2024), None)
        return Computed(text, True, _with_meeting_sources(refs, quoting), english)

    def _closest_sentence(self, question: str, refs) -> str | None:
        """The sentence of the rule's source passages that shares the most (idf-weighted) words with the question,
        quoted verbatim after a computed answer: the rule in the documents' own words."""
        from assistant.extractive import _sentences
        from assistant.search import content_terms

        # words every signing question shares say nothing about which sentence answers this one
        generic = set(content_terms("motie moties motion ondertekenen ondertekend ondertekening tekenen sign"))
        asked = set(content_terms(question)) - generic
        best, best_score = None, 0.0
        for ref in refs:
            for line in ref.text.split("\n"):
                for sentence in _sentences(line):
                    score = sum(self.weights.idf(t) for t in asked & set(content_terms(sentence)))
                    if score > best_score:
                        best, best_score = sentence, score
        return best

    def _template_answer(self, question, reference, explicit):
        """The sjabloon's own headings, quoted in order, with the closing sentence it prescribes."""
        from assistant.motions.template import SLOTZIN, outline

        parts = outline("motie")
        closing = next((s for s in SLOTZIN.sources if "orde van de dag" in s.text), None)
        labels = "; ".join(f"“{label}”" for label, _ in parts)
        text = f"Volgens het VNG-sjabloon voor moties bestaat een motie uit: {labels}."
        refs = [ref for _, ref in parts]
        if closing is not None:
            sentence = next(line.strip() for line in closing.text.split("\n") if "orde van de dag" in line)
            text += f" De slotzin is: {sentence}"
            refs.append(closing)
        text += " De app en `motie draft new` maken een concept in dit sjabloon."
        return Computed(text, True, refs)

    def _amendable_answer(self, question, reference, explicit):
        from assistant.rules.domain import GENERIC_AMENDMENT_SOURCES, amendable_items
        from assistant.rules.meetings import get_meeting

        day, assumed = self._meeting_for_rules(reference, explicit)
        result = amendable_items(day)
        if not result.known:
            return Computed((assumed + " " if assumed else "") + result.summary, True, result.sources)
        name = _meeting_name(get_meeting(day), day)
        cited = " ".join(ref.text for ref in result.sources)
        parts = [assumed] if assumed else []
        # "kunnen we een amendement indienen op agendapunt 6?": the checker's verdict for that item, with its sources
        number = _ITEM_NUMBER.search(question)
        verdict = result.classify(agenda_item=next(g for g in number.groups() if g) if number else "",
                                  target=fold(question))
        if verdict.item is not None:
            asked = verdict.item
            english = f"Whether this item of the ALV of {format_date_en(day)} can be amended, in Dutch:"
            parts.append(_item_verdict(verdict, cited))
            parts.append("Alleen voorstellen ter besluitvorming zijn amendabel.")
            own = (*(s for p in asked.non_amendable_parts for s in p.sources), *asked.sources)
            return Computed(" ".join(parts), True, (*own, *GENERIC_AMENDMENT_SOURCES), english)  # then the rule
        english = f"Which items of the ALV of {format_date_en(day)} can and cannot be amended, in Dutch:"
        yes = "; ".join(_item_label(i, cited) for i in result.amendable)
        no = "; ".join(f"{_item_label(i, cited)} ({_no_figures(i.reason)})" for i in result.not_amendable
                       if i.status != "geen voorstel")
        parts.append(f"Voor de {name} zijn amendabel: {yes}.")
        parts.append(f"Niet amendabel: {no}.")
        extra = [f"{p.part} bij {i.title}" for i in result.amendable for p in i.non_amendable_parts]
        if extra:
            parts.append("Ook niet amendabel: " + ", ".join(extra) + ".")
        sources = result.sources
        if re.search(r"\b(niet|geen|not)\b", fold(question)):
            # Asked what is NOT amendable: the passages that say so go first.
            first = [s for i in result.not_amendable if i.status != "geen voorstel" for s in i.sources]
            sources = (*first, *(s for s in result.sources if s not in first))
        return Computed(" ".join(parts), True, sources, english)

    def _sources_from_refs(self, refs) -> list[Source]:
        out: list[Source] = []
        for ref in refs:
            if any(s.path == ref.path and ref.text.strip() in s.text for s in out):
                continue  # the same passage, cited by the meeting and by the rule
            chunk = self._chunk_at(ref.path, ref.line_start)
            out.append(Source(path=ref.path, title=chunk.doc_title if chunk else None,
                              meeting=chunk.meeting if chunk else None, section=chunk.section if chunk else None,
                              line_start=ref.line_start, line_end=ref.line_end, text=ref.text, score=None))
        return out

    def _chunk_at(self, path: str, line: int):
        for chunk in self.reader.chunks:
            if chunk.source_path == path and chunk.line_start and chunk.line_start <= line <= (chunk.line_end or 0):
                return chunk
        return None

    # -- retrieval route ------------------------------------------------------------------------------------
    def _multi_part_answer(self, question: str, reference: MeetingReference, explicit: dt.date | None, k: int,
                           filters: SearchFilters | None) -> Answer:
        """ "Welke gemeente diende de motie in, en wat stelde het bestuur daarna voor?": the whole question is
        answered as usual, and each part on its own too; the quotes of the parts that are answered are added
        (each part passed every check by itself). When the whole question is refused, it is answered only if
        every part is."""
        whole = self._retrieval_answer(question, reference, explicit, k, filters)
        if whole.route == "llm":
            return whole
        # a comparison of two years ("artikel 10 (2019) en artikel 11 (2024)") is asked once per year, each time
        # whole: its parts alone ("en is dat in 2019 anders dan in 2024?") lose the subject; otherwise every part
        # keeps the meeting the whole question names ("... in 2019 ... en wat stelde het bestuur voor")
        parts = per_year(question, reference) if explicit is None else []
        if len(parts) < 2:
            from assistant.rules.meetings import get_meeting

            named = _meeting_name(get_meeting(reference.date), reference.date) if reference.registered else None
            parts = [(part if i == 0 else with_meeting_subject(part, named), part_reference(part, reference))
                     for i, part in enumerate(split_question(question)[:3])]  # bounded
        if len(parts) < 2:
            return whole
        # the parts search by keywords only: embedding each part would double a query's time (~30 ms a part on
        # two cores), and the whole question's dense search already ran (bench: same quality)
        answers = [self._retrieval_answer(part, part_reference, explicit, k, filters, keywords_only=True)
                   for part, part_reference in parts]
        found_parts = [a for a in answers if a.found and a.route == "retrieval"]
        if not whole.found and len(found_parts) < len(parts):
            return whole
        pieces = quotes_of(whole) if whole.found else []
        for part in found_parts:
            pieces += [q for q in quotes_of(part) if q not in pieces]
        # the whole question's hybrid ranking leads, even when it was refused as a whole
        candidates = merge_sources([whole.sources] + [a.sources for a in found_parts])
        # every quote keeps the passage it comes from among the sources shown, whatever k is
        needed: list[Source] = []
        kept: list[str] = []
        for quote in pieces:
            home = next((src for src in candidates if quote in src.text), None)
            known = home is not None and any(source_key(home) == source_key(n) for n in needed)
            if home is None or (not known and len(needed) >= k):
                continue  # never show a quote without its source, and never more than k sources
            kept.append(quote)
            if not known:
                needed.append(home)
        if not kept:
            return whole
        sources = keep_quoted(whole.sources, needed, candidates, k)
        text = " … ".join(f"“{quote}”" for quote in kept)
        return Answer(question=question, answer=text, found=True, route="retrieval", sources=sources,
                      index_generation=self.reader.generation)

    def _retrieval_answer(self, question: str, reference: MeetingReference, explicit: dt.date | None, k: int,
                          filters: SearchFilters | None, *, keywords_only: bool = False) -> Answer:
        prefer = MeetingPreference(
            frozenset({explicit.isoformat()}) if explicit else reference.prefer_dates,
            frozenset() if explicit else reference.years)
        expanded = self.search.expand(question)
        pool = max(k, self.extractive.config.passages)
        search = self._keyword_search if keywords_only else self.search
        hits = search.search(question, pool, filters=filters, prefer=prefer)
        hits = list(hits)  # the answerer may append the next passage of the answer's document
        record = self.motions.answer(question) if filters is None or filters.empty else None
        if record is not None:
            answer = self._record_answer(question, record, hits, k, english=expanded.english)
            if answer is not None:
                return answer
        day = explicit or reference.date
        if (day is not None and _OUTCOME.search(without_relative_outcome(fold(question)))
                and day.isoformat() not in self._held_meetings):
            # The packages of a meeting are sent before it; its results stand only in later notulen. Without
            # those, any percentage we quoted would belong to another vote.
            return Answer(question=question, answer=_no_results_text(day, hits), found=False, route="retrieval",
                          sources=[_source_from_hit(hit) for hit in hits[:k]], index_generation=self.reader.generation)
        # A meeting date the registry does not know ("de Najaars-ALV van 29 november 2024"): only passages that name
        # that date can say anything about it.
        unknown_date = (reference.date is not None and not reference.registered and explicit is None)
        required = (fold(f"{reference.date.day} {_MONTH_NL[reference.date.month]}"),) if unknown_date else ()
        # "de BALV van 29 november 2019" names one meeting; "de najaars-ALV" or "juni 2019" only roughly
        named_day = explicit is not None or (day is not None and str(day.day) in reference.mentioned_numbers)
        evidence = self.extractive.answer(question, expanded, hits, reference.mentioned_numbers, self._around,
                                          meeting_year=str(day.year) if day else None, required_phrases=required,
                                          meeting_date=day.isoformat() if day and named_day else None)
        ordered = (_reranked(hits, evidence) if self.extractive.config.rerank else _answer_first(hits, evidence))[:k]
        if asks_signer(question) and (evidence.found or evidence.reason.startswith("answer type")):
            signed = self._signer_answer(question, evidence, hits, ordered, k)
            if signed is not None:
                return signed
        sources = [_source_from_hit(hit) for hit in ordered]
        if not evidence.found:
            return Answer(question=question, answer=_not_found_text(ordered[:3]), found=False, route="retrieval",
                          sources=sources, index_generation=self.reader.generation)
        extractive_text = _quote_text(evidence, hits, ordered)
        if self.llm is not None:
            llm_answer = self._llm_answer(question, ordered, english=expanded.english)
            if llm_answer is not None:
                return Answer(question=question, answer=llm_answer, found=True, route="llm", sources=sources,
                              index_generation=self.reader.generation)
        return Answer(question=question, answer=extractive_text, found=True, route="retrieval", sources=sources,
                      index_generation=self.reader.generation)

    def _signer_answer(self, question: str, evidence: Evidence, hits: list[ScoredChunk], ordered: list[ScoredChunk],
                       k: int) -> Answer | None:
        """ "Which firm signed the auditor's report?": the closing block of the document the answer passage belongs
        to (its place and date, organisation, name and role), quoted before the answer's own sentences."""
        top = hits[evidence.passage_index] if evidence.passage_index is not None else ordered[0]
        parts = find_closing(top.chunk, self._next_chunk)
        if not parts:
            return None
        closing = [ScoredChunk(chunk, top.score, boosts=["ondertekening"]) for chunk, _ in parts]
        shown = _unique([top, *closing, *ordered])[:max(k, 1 + len(closing))]
        text = " … ".join(f"“{line}”" for _, block in parts for _, line in block)
        if evidence.found and (rest := _quote_text(evidence, hits, shown)):
            text += f" … {rest}"
        return Answer(question=question, answer=text, found=True, route="retrieval",
                      sources=[_source_from_hit(hit) for hit in shown], index_generation=self.reader.generation)

    def _record_answer(self, question: str, record: RecordAnswer, hits: list[ScoredChunk], k: int, *,
                       english: bool) -> Answer | None:
        """An earlier motion's preadvies, vote, follow-up or call, quoted from the lines its record points at;
        those passages go first, the retrieval hits follow."""
        top = hits[0].score if hits else 1.0
        head: list[ScoredChunk] = []
        context = (record.context,) if record.context is not None else ()
        for quote in (*record.quotes, *context):  # the answering passages first, the naming one after them
            chunk = self._chunk_at(quote.path, quote.line)
            if chunk is not None and all(h.chunk is not chunk for h in head):
                head.append(ScoredChunk(chunk, top, boosts=["motierecord"]))
        if not head:
            return None
        ordered = _unique(head + hits)[:k]
        shown = [h.chunk for h in ordered]
        answering = [q for q in record.quotes if self._chunk_at(q.path, q.line) in shown
                     and q.text in self._chunk_at(q.path, q.line).text]
        noun = counted_noun(question, self.weights.counted, self.weights.known)
        kind = answer_type(question)
        if not answering or (noun and not any(counts_noun(q.text, noun) for q in answering)):
            return None  # "hoeveel gemeenten stemden tegen" is not answered by a percentage
        if kind is not None and kind.name in ("vote", "number") and not any(
                has_answer_type(kind, q.text, question) for q in answering):
            return None  # "wat was de stemuitslag" is not answered by what the motion asked
        named = [q for q in context if self._chunk_at(q.path, q.line) in shown
                 and q.text in self._chunk_at(q.path, q.line).text]
        quotes = named + answering
        sources = [_source_from_hit(hit) for hit in ordered]
        if self.llm is not None:
            llm_answer = self._llm_answer(question, ordered, english=english)
            if llm_answer is not None:
                return Answer(question=question, answer=llm_answer, found=True, route="llm", sources=sources,
                              index_generation=self.reader.generation)
        text = " … ".join(f"“{q.text}”" for q in quotes)
        return Answer(question=question, answer=text, found=True, route="retrieval", sources=sources,
                      index_generation=self.reader.generation)

    def _source_lines(self, path: str) -> list[str]:
        """Physical lines of a source file as the index holds them (from the chunks' verbatim text), so a quote
        taken from them is always a substring of the passage shown."""
        lines = self._lines_cache.get(path)
        if lines is None:
            by_number: dict[int, str] = {}
            for chunk in self.reader.chunks:
                if chunk.source_path == path and chunk.line_start:
                    for offset, text in enumerate(chunk.text.split("\n")):
                        by_number.setdefault(chunk.line_start + offset, text)
            lines = [by_number.get(n, "") for n in range(1, max(by_number, default=0) + 1)]
            self._lines_cache[path] = lines
        return lines

    def _next_chunk(self, chunk):
        siblings = self._siblings.get(chunk.doc_id) or []
        position = siblings.index(chunk) if chunk in siblings else -1
        return siblings[position + 1] if 0 <= position < len(siblings) - 1 else None

    def _around(self, chunk, before: int = 4, after: int = 1) -> str:
        """Title and text of the chunks just before and after ``chunk`` in the same document."""
        siblings = self._siblings.get(chunk.doc_id)
        if siblings is None:
            return ""
        position = siblings.index(chunk) if chunk in siblings else -1
        if position < 0:
            return ""
        near = siblings[max(0, position - before): position] + siblings[position + 1: position + 1 + after]
        return "\n".join(f"{c.section}\n{c.text}" for c in near)

    def _llm_answer(self, question: str, hits: list[ScoredChunk], *, english: bool) -> str | None:
        from assistant.llm import Passage, generate_grounded

        passages = [Passage(hit.chunk.text, _label(hit)) for hit in hits]
        result = generate_grounded(self.llm, question, passages, english=english)
        problems = result.check.problems
        if result.declined:
            # The extractive answerer did find an answer; the model saying otherwise is a reason to fall back too.
            problems = (DECLINED_REASON, *problems)
        self.last_llm_problem = problems
        if problems:
            print("LLM-antwoord afgewezen (" + "; ".join(problems) + "); extractief antwoord getoond.",
                  file=sys.stderr)
            return None
        return result.text


# -------------------------------------------------------------------------------------------------- helpers


_MONTH_NL = ("", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
             "november", "december")


# A question about how a vote went ("is de resolutie aangenomen", "met welk percentage", "what was the result").
_OUTCOME = re.compile(r"\b(uitslag|stemuitslag|aangenomen|verworpen|aanvaard|gestemd|percentage|procent van de "
                      r"stemmen|result|results|outcome|adopted|rejected|passed)\b")


def _meetings_with_results(reader) -> frozenset[str]:
    """ISO dates of the meetings whose results the index holds: those with notulen (their title names the
    meeting) or with motion records (taken from notulen and follow-up reports)."""
    from assistant.search import titled_meeting

    held = {getattr(r, "meeting_date", None) for r in getattr(reader, "motion_records", None) or ()}
    for doc in getattr(reader, "documents", None) or ():
        if doc.doc_type == "notulen":
            held.add(titled_meeting(doc.title) or doc.meeting_date)
    return frozenset(d for d in held if d)


def _no_results_text(day: dt.date, hits) -> str:
    closest = _not_found_text(hits[:3]).removeprefix(NOT_FOUND).strip()
    # no date in this text: a year the question did not name would be a figure that no source shows
    return (f"{NOT_FOUND} De stukken bevatten geen notulen of uitslagen van die vergadering: de vergaderstukken "
            f"worden vóór de vergadering verstuurd, de uitslagen staan pas in latere notulen. {closest}").strip()


class _UnknownMeeting(Exception):
    """The question names a meeting (a year, a month) that matches no registered meeting and gives no date."""

    def __init__(self, years: list[str]):
        super().__init__(", ".join(years))
        self.years = years


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    from assistant.rules.meetings import parse_date

    return parse_date(value)


def _meeting_name(meeting, day: dt.date) -> str:
    """ "BALV van 29 november 2019" (written out: a label like 29-11-2019 is not how the documents say it)."""
    kind = meeting.kind if meeting is not None else "ALV"
    return f"{kind} van {format_date_nl(day, weekday=False)}"


def _with_meeting_sources(refs, meeting) -> tuple:
    """Rule sources plus the meeting's own date line (which grounds the date and version year we state)."""
    extra = tuple(meeting.sources[:1]) if meeting is not None and meeting.sources else ()
    return (*refs, *extra)


def _item_label(item, cited: str) -> str:
    """ "5b. Resolutie: ..." — the agenda number is how members refer to an item; shown only when the cited
    passages give it (a number from the registry alone would be a figure no source shows)."""
    if item.number and re.search(rf"(?<![\w.]){re.escape(item.number)}(?=[.)\s,])", cited):
        return f"{item.number}. {item.title}"
    return item.title


_ITEM_NUMBER = re.compile(r"\b(?:agendapunt|punt|item)\s+(\d{1,2}[a-z]?)\b|\((\d{1,2}[a-z]?)\)", re.IGNORECASE)


def _item_verdict(verdict, cited: str) -> str:
    """ "Nee: 6. Stand van zaken ... is niet amendabel (Ter kennisname: ...)." for the item (or part) asked about."""
    label = _item_label(verdict.item, cited)
    if verdict.part is not None:
        return f"Nee: {verdict.part.part} bij {label} is niet amendabel ({_no_figures(verdict.part.reason)})."
    if verdict.amendable:
        return f"Ja: {label} is amendabel (een voorstel ter besluitvorming)."
    return f"Nee: {label} is niet amendabel ({_no_figures(verdict.item.reason)})."


def _no_figures(text: str) -> str:
    """A registry reason without parenthesised figures (those are not quoted from the documents)."""
    return re.sub(r"\s*\([^)]*\d[^)]*\)", "", text).strip()


def _article_phrase(result) -> str:
    number = "10" if result.statute_version == "2019" else "11"
    return f"artikel {number} van de statuten, versie {result.statute_version}"


def _answer_first(hits: list[ScoredChunk], evidence: Evidence) -> list[ScoredChunk]:
    """The passage the answer quotes goes first (the answerer acts as a light reranker), then a neighbouring
    passage it quoted from; each chunk once."""
    if not evidence.found or evidence.passage_index is None:
        return _unique([h for h in hits if "buurpassage" not in h.boosts])
    chosen = hits[evidence.passage_index]
    neighbours = [h for h in hits if "buurpassage" in h.boosts]
    return _unique([chosen, *neighbours, *(h for h in hits if h is not chosen and h not in neighbours)])


def _unique(hits: list[ScoredChunk]) -> list[ScoredChunk]:
    seen, out = set(), []
    for hit in hits:
        if hit.chunk.chunk_id not in seen:
            seen.add(hit.chunk.chunk_id)
            out.append(hit)
    return out


def _reranked(hits: list[ScoredChunk], evidence: Evidence) -> list[ScoredChunk]:
    """Candidates ordered by the answerer's passage value (answer passage first), the rest in retrieval order."""
    head = [h for _, h in sorted(zip(evidence.passage_scores, hits), key=lambda pair: -pair[0])]
    if evidence.found and evidence.passage_index is not None:
        chosen = hits[evidence.passage_index]
        head = [chosen] + [h for h in head if h is not chosen]
    return head + hits[len(evidence.passage_scores):]


def _source_from_hit(hit: ScoredChunk) -> Source:
    c = hit.chunk
    return Source(path=c.source_path, title=c.doc_title, meeting=c.meeting, section=c.section or None,
                  line_start=c.line_start, line_end=c.line_end, page=c.page, paragraph=c.paragraph, text=c.text,
                  score=round(hit.score, 6))


def _label(hit: ScoredChunk) -> str:
    c = hit.chunk
    where = f"regels {c.line_start}-{c.line_end}" if c.line_start else (
        f"pagina {c.page}" if c.page else f"alinea {c.paragraph}")
    return " | ".join(x for x in (c.doc_title, c.meeting, where) if x)


def _quote_text(evidence: Evidence, hits: list[ScoredChunk], ordered: list[ScoredChunk]) -> str:
    """The quoted sentences, in the order of the sources shown. No [n] markers: a citation number in the text
    would itself be a figure that the sources do not contain; each quote is a verbatim substring of a source."""
    position = {hit.chunk.chunk_id: i for i, hit in enumerate(ordered)}
    quotes, seen = [], set()
    for quote in evidence.quotes:
        chunk_id = hits[quote.source_index].chunk.chunk_id
        if quote.text in seen or chunk_id not in position:
            continue  # a duplicate sentence, or a passage not among the sources shown: never quote those
        seen.add(quote.text)
        quotes.append((position[chunk_id], quote.line, quote.text))
    return " … ".join(f"“{text}”" for _, _, text in sorted(quotes, key=lambda q: (q[0], q[1])))


_DIGITS = re.compile(r"\d")


def _not_found_text(closest: list[ScoredChunk]) -> str:
    """Say so, and name the closest documents (titles without figures that are not in their own passage)."""
    names = []
    for hit in closest:
        title = _safe_title(hit.chunk.doc_title, hit.chunk.text)
        if title and title not in names:
            names.append(title)
    if not names:
        return NOT_FOUND
    return f"{NOT_FOUND} Het dichtst in de buurt komen: " + "; ".join(f"“{n}”" for n in names) + "."


def _safe_title(title: str | None, text: str) -> str:
    if not title:
        return ""
    words = [w for w in title.split() if not _DIGITS.search(w) or w in text]
    return " ".join(words).strip(" -–:,")


# ------------------------------------------------------------------------------------------ module-level API

_engines: dict[int, AskEngine] = {}
_engines_lock = threading.Lock()


def get_engine(settings: Settings | None = None) -> AskEngine:
    """One engine per settings object and index generation (the model and index load once per process)."""
    settings = settings or get_settings()
    from assistant.index.reader import open_index

    reader = open_index(settings)
    key = id(reader)
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None or engine.settings is not settings:
            engine = _engines[key] = AskEngine(settings, reader=reader)
    return engine


def ask(question: str, *, id: Any = None, alv_date: dt.date | str | None = None, meeting: dt.date | str | None = None,
        k: int = 5, history: Sequence[Turn] = (), settings: Settings | None = None,
        filters: SearchFilters | None = None) -> Answer:
    """Answer one question (``meeting`` is an alias of ``alv_date``). See the module docstring for the shape."""
    return get_engine(settings).ask(question, id=id, alv_date=alv_date or meeting, k=k, history=history,
                                    filters=filters)
