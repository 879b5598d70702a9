"""Fourth round of issue 3: general fixes found with the blind8 batch (bench/eval/README.md), each on the real index."""

from __future__ import annotations


def test_a_capitalised_english_word_we_translate_is_no_name_the_passage_must_hold(ask_engine):
    # "the Finance committee" is "commissie Financiën" in the documents: "Finance" is a word, not a name
    answer = ask_engine.ask("In the 2019 letter announcing candidates for VNG board and committee vacancies, who was "
                            "nominated to chair the Finance committee?")
    assert answer.found and "Victor Everhardt" in answer.answer, answer.answer
