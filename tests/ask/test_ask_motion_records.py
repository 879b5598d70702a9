"""Questions about earlier motions answered from the motion records of ingest (``assistant.motion_answers``), and
the refusal checks added for issue 3 (the kind of thing asked for must be in the answer)."""

import re

import pytest

from assistant.motion_answers import MotionAnswerer, _sentences

F0 = "corpus/2019-11-29-balv-vergaderstukken.txt"


def _quotes(answer):
    return re.findall(r"“([^”]+)”", answer.answer)


def _assert_quotes_are_verbatim_in_sources(answer):
    quotes = _quotes(answer)
    assert quotes, answer.answer
    for quote in quotes:
        assert any(quote in source.text for source in answer.sources), quote


def test_motion_records_are_in_the_index(bundled_index):
    records = bundled_index.motion_records
    assert len(records) >= 30
    renkum = [r for r in records if "Renkum" in r.gemeenten]
    assert renkum and renkum[0].spans and renkum[0].preadvies == "aanhouden"


@pytest.mark.parametrize("question, fact, line", [
    ("Wat stelt het bestuur voor met de motie van Stein over huiselijk geweld?", "aan te houden", 1369),
    ("hoe is de motie utrechtse heuvelrug over de politie afgelopen", "acclamatie", 1135),
    ("Hoe is er gestemd over het amendement van Dinkelland op het contributievoorstel 2020?", "73,40%", 923),
    ("wat zei het bestuur over de motie van groningen over IBP in 2019", "steun in de rug", 978),
    ("Wat was het preadvies op de motie van Renkum?", "aan te houden", 1173),
])
def test_motion_questions_quote_the_record_lines(ask_engine, question, fact, line):
    answer = ask_engine.ask(question)
    assert answer.found and answer.route == "retrieval"
    assert fact in answer.answer
    first = answer.sources[0]
    assert first.path == F0 and first.line_start <= line <= first.line_end  # the quoted passage comes first
    _assert_quotes_are_verbatim_in_sources(answer)


def test_english_motion_question_keeps_abbreviations_inside_the_sentence(ask_engine):
    answer = ask_engine.ask("What was the vote on the Breda motion about mental health care (GGZ)?")
    assert answer.found and "100%" in answer.answer and "e.a. 'Naar" in answer.answer
    _assert_quotes_are_verbatim_in_sources(answer)


def test_ambiguous_or_unrelated_questions_are_left_to_retrieval(ask_engine):
    motions = ask_engine.motions
    assert motions.answer("Wat was de uitslag van de motie van Almere?") is None  # three motions of Almere
    assert motions.answer("Wat verdient de burgemeester van Stein?") is None  # not about a motion
    assert motions.answer("Wie heeft de motie van Stein ondertekend?") is None  # no aspect a record holds
    chosen = motions.answer("Wat was de uitslag van de motie van Almere over een overvol stroomnet?")
    assert chosen is not None and chosen.record_id.startswith("2023-12-01")


def test_motion_answerer_without_records_answers_nothing():
    assert MotionAnswerer([], lambda path: []).answer("Wat was het preadvies op de motie van Renkum?") is None


def test_sentences_drop_bare_labels_and_keep_abbreviations():
    assert _sentences("Voorstel:\tDe motie als afgedaan te beschouwen.") == ["De motie als afgedaan te beschouwen."]
    line = "De ALV stemt in met de motie van Breda e.a. 'Naar een kader' met 100% van de stemmen voor. Daarna iets."
    assert _sentences(line)[0].endswith("100% van de stemmen voor.")


@pytest.mark.parametrize("question", [
    "Wat verdient de burgemeester van Stein?",  # salary: an amount must be in the answer
    "What is the postal code of the municipality of Losser?",  # a postcode must be in the answer
    "Op welke datum was de Najaars-ALV van 2020?",  # a date of another year does not answer
    "Hoeveel raadsleden moeten een motie in de gemeenteraad ondersteunen?",  # "Per 2018 krijgen raadsleden"
    "Hoeveel stemmen bracht Almere uit bij de motie over het stroomnet?",  # votes of a gemeente: no population
])
def test_unanswerable_questions_are_refused(ask_engine, question):
    answer = ask_engine.ask(question)
    assert not answer.found, answer.answer
    assert answer.answer.startswith("De documenten")


def test_typo_in_wanneer_still_routes_to_the_deadline_rules(ask_engine):
    answer = ask_engine.ask("wanner moeten amendementn binnen zijn voor de balv 2019")
    assert answer.route == "rules" and "18 november" in answer.answer


def test_role_holder_parsing():
    from assistant.extractive import role_holder

    assert role_holder("Wie is de wethouder financiën van Almere?") == ("wethouder", "financien", "almere")
    assert role_holder("Who is the mayor of Stein?") == ("burgemeester", "stein")
    assert role_holder("Wie was de voorzitter van de VNG in 2019?") is None  # not a role in a named gemeente


def test_person_in_a_role_at_a_place_needs_that_role_there(ask_engine):
    found = ask_engine.ask("Wie is de burgemeester van Stein?")
    assert found.found and "Leurs-Mordang" in found.answer
    refused = ask_engine.ask("Wie is de wethouder financiën van Almere?")  # a wethouder of Almere, not financiën
    assert not refused.found
    assert not ask_engine.ask("Wie is de griffier van Haarlem?").found  # Haarlem's burgemeester is no griffier


def test_record_answer_says_which_motion_it_is_about(ask_engine):
    answer = ask_engine.ask("Wat was het preadvies op de motie van Renkum?")
    quotes = _quotes(answer)
    assert "Renkum" in quotes[0] and "aan te houden" in quotes[-1]
    dinkelland = ask_engine.ask("Hoe is er gestemd over het amendement van Dinkelland op het contributievoorstel 2020?")
    first = dinkelland.sources[0]
    assert "Dinkelland" in dinkelland.answer and first.line_start <= 923 <= first.line_end  # answer passage first
    _assert_quotes_are_verbatim_in_sources(dinkelland)
