"""Fourth round of issue 3: general fixes found with the blind8 batch (bench/eval/README.md), each on the real index."""

from __future__ import annotations


def test_a_capitalised_english_word_we_translate_is_no_name_the_passage_must_hold(ask_engine):
    # "the Finance committee" is "commissie Financiën" in the documents: "Finance" is a word, not a name
    answer = ask_engine.ask("In the 2019 letter announcing candidates for VNG board and committee vacancies, who was "
                            "nominated to chair the Finance committee?")
    assert answer.found and "Victor Everhardt" in answer.answer, answer.answer


def test_hoe_hoog_asks_for_an_amount(ask_engine):
    from assistant.extractive import answer_type

    assert answer_type("Hoe hoog is de inzamelvergoeding per ton?").name == "money"
    answer = ask_engine.ask("Hoe hoog is de inzamelvergoeding voor PMD in 2020 volgens de ketenovereenkomst?")
    assert answer.found and "261" in answer.answer, answer.answer
    # the documents announce a national fee for nascheiding from 2021 but give no amount: no answer
    assert not ask_engine.ask("Hoe hoog is de landelijke inzamelvergoeding per ton voor nascheiding die vanaf 2021 "
                              "gaat gelden?").found


def test_a_day_and_month_in_the_question_must_stand_as_that_date():
    from assistant.extractive import _numbers_present, question_numbers

    numbers = question_numbers("Welke tegenkandidaten zijn er op 12 juni 2024 bekendgemaakt?", frozenset())
    assert numbers == ["12 juni", "2024"]
    assert not _numbers_present(numbers, "12. Invulling vacatures in VNG-bestuur (2024)", None)
    assert _numbers_present(numbers, "Op 12 Juni 2024 informeren wij u.", None)


def test_the_minutes_of_another_meeting_do_not_say_who_chaired_the_named_one(ask_engine):
    # the package of the BALV of 29 November 2019 holds the notulen of 5 June 2019, with their own vote committee
    refused = ask_engine.ask("Wie was voorzitter van de commissie van stemopneming bij de Buitengewone ALV van 29 "
                             "november 2019?")
    assert not refused.found, refused.answer
    # a question that names the meeting only roughly ("in juni 2019") is still answered from those notulen
    answered = ask_engine.ask("wie heeft de motie van Stein in juni 2019 toegelicht?")
    assert answered.found and "Stein" in answered.answer


def test_the_last_day_for_an_amendment_on_a_named_item_is_a_deadline_question(ask_engine):
    from assistant.routing import detect_intent

    question = ("Wij willen als college een amendement indienen op het voorstel Principes Digitale Samenleving voor "
                "de buitengewone ALV van vrijdag 29 november 2019. Wat is de allerlaatste dag waarop dat binnen moet "
                "zijn?")
    assert detect_intent(question) == "deadline"
    answer = ask_engine.ask(question)
    assert answer.route == "rules" and "18 november 2019" in answer.answer, answer.answer


def test_the_supporters_list_has_its_own_deadline_in_the_documents(ask_engine):
    from assistant.routing import detect_intent

    question = "tot wanneer kunnen we de lijst met gemeenten die onze motie steunen nog aan de VNG doorgeven?"
    assert detect_intent(question) is None
    answer = ask_engine.ask(question)
    assert answer.route == "retrieval" and "25 juni" in answer.answer, answer.answer


def test_amending_the_explanation_of_a_resolution_goes_to_the_rules(ask_engine):
    answer = ask_engine.ask("Kunnen we ook de toelichting bij de resolutie over de asielketen amenderen, of alleen de "
                            "resolutietekst zelf?")
    assert answer.route == "rules" and "niet amendabel" in answer.answer, answer.answer


def test_a_question_for_several_people_quotes_the_whole_list_with_its_intro(ask_engine):
    answer = ask_engine.ask("Wie waren de leden van de werkgroep die de aanbevelingen over moties en signalen "
                            "opstelde?")
    assert answer.found
    assert "bestond uit:" in answer.answer
    assert all(name in answer.answer for name in ("Arnold Bloem", "Genie Hendriks", "Leo Bezemer", "Pim Bannink"))
