"""``assistant.ask`` on the real bundled index: routing, meeting awareness, refusals, citations, follow-ups."""

import re
from pathlib import Path

import pytest

from assistant.config import REPO_ROOT

CONTRACT_KEYS = {"id", "question", "answer", "found", "route", "sources", "index_generation"}
SOURCE_KEYS = {"path", "title", "meeting", "section", "line_start", "line_end", "page", "paragraph", "text", "score"}
QUOTE = re.compile(r"“(.+?)”(?: …|$)")


def _lines(path: str) -> list[str]:
    return (REPO_ROOT / path).read_text(encoding="utf-8").split("\n")


def _span(source) -> str:
    return "\n".join(_lines(source.path)[source.line_start - 1:source.line_end])


def test_json_contract_shape(ask_engine):
    answer = ask_engine.ask("Wat was het preadvies op de motie van Renkum?", id="x1")
    data = answer.to_json()
    assert set(data) == CONTRACT_KEYS
    assert data["id"] == "x1" and data["index_generation"] == ask_engine.reader.generation
    assert data["sources"] and all(set(s) == SOURCE_KEYS for s in data["sources"])
    for source in data["sources"]:
        assert not Path(source["path"]).is_absolute() and source["path"].startswith("corpus/")
        assert 1 <= source["line_start"] <= source["line_end"]


def test_deadline_goes_to_rules_with_source_passage(ask_engine):
    answer = ask_engine.ask("Tot wanneer kan ik een amendement indienen voor de ALV van 26 juni 2024?")
    assert answer.route == "rules" and answer.found
    assert "13 juni 2024" in answer.answer and "12.00" in answer.answer
    assert any(s.line_start <= 388 <= s.line_end and "13 juni" in s.text for s in answer.sources)


def test_meeting_awareness_deadline_and_voting_article(ask_engine):
    balv = ask_engine.ask("Wat was de deadline voor moties voor de BALV van 29 november 2019?")
    assert "18 november 2019" in balv.answer and "BALV" in balv.answer
    assert any(s.path.endswith("2019-11-29-balv-vergaderstukken.txt") for s in balv.sources)
    old = ask_engine.ask("Hoeveel stemmen heeft een gemeente met 120.000 inwoners bij de BALV van 2019?")
    new = ask_engine.ask("hoeveel stemmen krijgt een gemeente van 4999 inwoners in de ALV van 26 juni 2024")
    assert "75 stemmen" in old.answer and "artikel 10" in old.answer and "2019" in old.answer
    assert "4 stemmen" in new.answer and "artikel 11" in new.answer
    assert any("Artikel 10" in s.text for s in old.sources) and any("Artikel 11" in s.text for s in new.sources)


def test_named_gemeente_without_population_is_not_found(ask_engine):
    answer = ask_engine.ask("Hoeveel stemmen heeft Utrecht in de ALV?")
    assert answer.route == "rules" and not answer.found
    assert "Utrecht" in answer.answer and not re.search(r"heeft \d+ stem", answer.answer)


def test_signing_question_answers_burgemeester_with_sources(ask_engine):
    answer = ask_engine.ask("Wie moet de motie ondertekenen?")
    assert answer.route == "rules" and "burgemeester" in answer.answer
    assert any(s.line_start <= 456 <= s.line_end for s in answer.sources)


@pytest.mark.parametrize("question, fact", [
    ("Wat was het preadvies op de motie van Renkum?", "aan te houden"),
    ("Naar welk e-mailadres stuur ik een motie voor de ALV van juni 2024?", "motiealv@vng.nl"),
    ("Met welke slotzin eindigt een motie?", "orde van de dag"),
])
def test_retrieval_quotes_are_verbatim_and_cited(ask_engine, question, fact):
    answer = ask_engine.ask(question)
    assert answer.found and answer.route == "retrieval"
    assert fact in answer.answer
    quotes = QUOTE.findall(answer.answer)
    assert quotes, answer.answer
    assert not re.search(r"\[\d+\]", answer.answer)  # no citation numbers: they would be figures of our own
    for text in quotes:  # every quote is verbatim inside one of the cited line ranges
        assert any(text in _span(source) for source in answer.sources), text
    for source in answer.sources:  # every passage shown is the verbatim line range
        assert source.text == _span(source)


@pytest.mark.parametrize("question", [
    "Wat is het e-mailadres van de griffie van Renkum?",
    "Wie is de griffier van de gemeente Renkum?",
    "Hoeveel parkeerplaatsen heeft Hoogeveen Plants?",
    "Mag ik mijn hond meenemen naar het VNG Jaarcongres?",
])
def test_unanswerable_questions_are_refused_with_closest_documents(ask_engine, question):
    answer = ask_engine.ask(question)
    assert not answer.found
    assert answer.answer.startswith("De documenten geven geen antwoord")
    assert answer.sources  # the closest passages are still shown


def test_followup_is_resolved_against_previous_turn(ask_engine):
    first = ask_engine.ask_turn("Tot wanneer kan ik een amendement indienen voor de ALV van 26 juni 2024?")
    second = ask_engine.ask_turn("en voor moties?", history=[first])
    assert "motie" in second.resolved and "26 juni 2024" in second.resolved
    assert second.answer.route == "rules" and "moties" in second.answer.answer
    assert "geen statutaire termijn" in second.answer.answer


def test_meeting_named_in_question_prefers_its_package(ask_engine):
    answer = ask_engine.ask("Wie was voorzitter van de commissie van stemopneming bij de BALV 2019?", k=3)
    assert answer.sources[0].path.endswith("2019-11-29-balv-vergaderstukken.txt")


def test_langchain_retriever_returns_documents_with_citations(ask_engine):
    from assistant.search import HybridRetriever

    retriever = HybridRetriever(search=ask_engine.search, k=3)
    documents = retriever.invoke("Wie ondertekent namens het college een motie?")
    assert len(documents) == 3
    assert all(d.metadata["source_path"].startswith("corpus/") and d.metadata["line_start"] for d in documents)
    assert any("burgemeester" in d.page_content for d in documents)


def test_filters_restrict_doc_type(ask_engine):
    from assistant.search import SearchFilters

    hits = ask_engine.search.search("motie aangenomen", 5, filters=SearchFilters(doc_types=("notulen",)))
    assert hits and all(h.chunk.doc_type == "notulen" for h in hits)
