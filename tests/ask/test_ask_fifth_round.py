"""Fifth round of issue 3: general fixes found with the tuning batches (bench/eval/README.md), on the real index."""

from __future__ import annotations


def test_a_timetable_under_a_heading_of_another_year_does_not_date_the_asked_meeting(ask_engine):
    # "Tijdpad voorbereiding ALV 26 juni 2024" lists "26 juni (woensdag): ALV." and the chunk mentions "VNG Congres
    # 2025" elsewhere: neither dates the ALV of June 2025
    refused = ask_engine.ask("Op welke datum is de ALV in juni 2025?")
    assert not refused.found, refused.answer
    answered = ask_engine.ask("Op welke datum is de ALV in juni 2024?")
    assert answered.found and "26 juni" in answered.answer, answered.answer


def test_who_chaired_asks_for_a_name_not_a_role(ask_engine):
    from assistant.extractive import answer_type, has_answer_type

    kind = answer_type("Who chaired the vote-counting committee at the BALV?")
    assert not has_answer_type(kind, "De gemeente kan zich laten vertegenwoordigen door de burgemeester.",
                               "Who chaired the vote-counting committee at the BALV?")
    assert has_answer_type(kind, "Deze staat onder voorzitterschap van Marian van der Weele.",
                           "Who chaired the vote-counting committee at the BALV?")
    # the package of the BALV of 29 November 2019 names no vote committee for that meeting: the roles who may
    # represent a gemeente are no answer
    refused = ask_engine.ask("Who chaired the vote-counting committee (commissie van stemopneming) at the BALV of 29 "
                             "November 2019 in Nieuwegein?")
    assert not refused.found, refused.answer
    answered = ask_engine.ask("Wie was voorzitter van de commissie van stemopneming bij de ALV van 5 juni 2019?")
    assert answered.found and "Carla Breuer" in answered.answer, answered.answer


def test_a_sentence_that_spells_out_the_quoted_one_is_quoted_with_it(ask_engine):
    # "Voor een amendement geldt dat helder moet zijn verwoord ... Dit betekent dat precies moet worden aangegeven
    # wat er in de tekst moet worden geschrapt en wat ervoor in de plaats moet komen."
    answer = ask_engine.ask("Waar moet een amendement inhoudelijk aan voldoen? Is het genoeg om op te schrijven wat "
                            "we anders willen?")
    assert answer.found and "geschrapt" in answer.answer and "in de plaats" in answer.answer, answer.answer


def test_a_population_with_a_guessed_vote_count_goes_to_the_vote_rule(ask_engine):
    answer = ask_engine.ask("Rotterdam heeft ruim 670.000 inwoners. Krijgt Rotterdam dan 670 stemmen op de ALV?")
    assert answer.route == "rules" and answer.found and "75 stemmen" in answer.answer, answer.answer


def test_the_part_of_a_question_no_rule_computes_is_answered_from_the_documents(ask_engine):
    answer = ask_engine.ask("Tot wanneer konden we voor de BALV van 29 november 2019 amendementen indienen, en naar "
                            "welk mailadres moesten die worden gestuurd?")
    assert answer.route == "rules" and "18 november 2019" in answer.answer
    assert "bestuurszaken@vng.nl" in answer.answer, answer.answer
    # the quote stands in a cited source, verbatim
    quoted = answer.answer.split("Verder uit de documenten: ", 1)[1]
    for quote in quoted.split(" … "):
        assert any(quote.strip("“”") in source.text for source in answer.sources), quote
    # a question that only asks for the deadline gets only the computed answer
    plain = ask_engine.ask("Tot wanneer konden we voor de BALV van 29 november 2019 amendementen indienen?")
    assert "Verder uit de documenten" not in plain.answer
