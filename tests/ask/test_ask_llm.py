"""LLM plumbing with LangChain's fake chat models: prompt, citation check, acceptance and fallback."""

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.config import Settings
from assistant.errors import InputError
from assistant.llm import Passage, build_messages, chat_model_from_settings, check_citations, generate_grounded

PASSAGES = [
    Passage("Er zijn drie smaken: overnemen, aanhouden of ontraden.", "Procedure | regels 437-437"),
    Passage("De deadline is uiterlijk donderdag 13 juni vóór 12 uur.", "Procedure | regels 433-433"),
]


class RecordingModel(FakeListChatModel):
    """A fake chat model that keeps the messages it was sent."""

    seen: list = []

    def invoke(self, messages, *args, **kwargs):
        self.seen.append(messages)
        return super().invoke(messages, *args, **kwargs)


def test_factory_builds_backends_without_network():
    assert chat_model_from_settings(Settings()) is None
    ollama = chat_model_from_settings(Settings(llm_backend="ollama", llm_model="llama3.1",
                                               llm_base_url="http://127.0.0.1:11434"))
    assert type(ollama).__name__ == "ChatOllama"
    openai = chat_model_from_settings(Settings(llm_backend="openai", llm_model="gemma",
                                               llm_base_url="http://127.0.0.1:8080/v1"))
    assert type(openai).__name__ == "ChatOpenAI" and "127.0.0.1:8080" in str(openai.openai_api_base)
    with pytest.raises(InputError):
        chat_model_from_settings(Settings(llm_backend="gpt-magic", llm_model="x"))
    with pytest.raises(InputError):
        chat_model_from_settings(Settings(llm_backend="openai"))


def test_prompt_numbers_passages_and_asks_for_citations():
    system, human = build_messages("Welke soorten preadvies zijn er?", PASSAGES)
    assert "[1]" in system.content and "uitsluitend" in system.content
    assert "[1] (Procedure | regels 437-437)\n<<<BRON 1>>>\nEr zijn drie smaken" in human.content
    assert "<<<EINDE BRON 2>>>" in human.content
    assert human.content.rstrip().endswith("Vraag: Welke soorten preadvies zijn er?")
    english_system, _ = build_messages("Which kinds?", PASSAGES, english=True)
    assert "Engels" in english_system.content


@pytest.mark.parametrize("answer, ok", [
    ("Er zijn drie smaken: overnemen, aanhouden of ontraden [1].", True),
    ("De deadline is 13 juni, 12 uur [2].", True),
    ("Overnemen, aanhouden of ontraden.", False),  # no citation
    ("Zie bron [3].", False),  # cites a passage that was not retrieved
    ("De deadline is 14 juni [2].", False),  # a figure that is not in the cited passage
    ("De deadline is 13 juni [1].", False),  # the figure is in a passage, but not the cited one
])
def test_citation_check(answer, ok):
    assert check_citations(answer, PASSAGES).ok is ok


def test_generate_grounded_survives_model_errors():
    class Broken(FakeListChatModel):
        def invoke(self, *args, **kwargs):
            raise ConnectionError("geen server")

    result = generate_grounded(Broken(responses=["x"]), "vraag", PASSAGES)
    assert not result.check.ok and "LLM-fout" in result.check.problems[0]


def _engine_with(ask_engine, model):
    from assistant.answer import AskEngine

    engine = object.__new__(AskEngine)
    engine.__dict__.update(ask_engine.__dict__)
    engine.llm = model
    return engine


def test_engine_accepts_grounded_llm_answer(ask_engine):
    model = RecordingModel(responses=["Het preadvies was om de motie aan te houden [1]."])
    model.seen = []
    answer = _engine_with(ask_engine, model).ask("Wat was het preadvies op de motie van Renkum?")
    assert answer.route == "llm" and answer.answer.endswith("[1].")
    prompt = model.seen[0][1].content
    assert answer.sources[0].text in prompt  # the cited passage [1] is the first source shown


def test_engine_falls_back_to_extractive_on_bad_citation(ask_engine):
    bad = FakeListChatModel(responses=["Het preadvies was ontraden, met 99% van de stemmen [9]."])
    answer = _engine_with(ask_engine, bad).ask("Wat was het preadvies op de motie van Renkum?")
    assert answer.route == "retrieval" and "aan te houden" in answer.answer and "[9]" not in answer.answer


def test_rules_questions_never_go_to_the_llm(ask_engine):
    model = RecordingModel(responses=["onzin [1]"])
    model.seen = []
    answer = _engine_with(ask_engine, model).ask("hoeveel stemmen heeft een gemeente met 24.500 inwoners?")
    assert answer.route == "rules" and model.seen == []


# -- issue 3 defects: reply length, per-question problem, declined replies, figures from source labels ------------


def test_factory_limits_reply_length_for_both_backends():
    openai = chat_model_from_settings(Settings(llm_backend="openai", llm_model="gemma", llm_max_tokens=77,
                                               llm_base_url="http://127.0.0.1:8080/v1"))
    # In the request body under the classic name (llama.cpp ignores "max_completion_tokens").
    payload = openai._get_request_payload([("user", "x")])
    assert payload["extra_body"] == {"max_tokens": 77} and "max_completion_tokens" not in payload
    ollama = chat_model_from_settings(Settings(llm_backend="ollama", llm_model="llama3.1", llm_max_tokens=33))
    assert ollama.num_predict == 33
    assert Settings().llm_max_tokens == 512


def test_last_llm_problem_is_reset_for_each_question(ask_engine):
    model = FakeListChatModel(responses=["Het preadvies was ontraden [9].",
                                         "Het preadvies was om de motie aan te houden [1]."])
    engine = _engine_with(ask_engine, model)
    first = engine.ask("Wat was het preadvies op de motie van Renkum?")
    assert first.route == "retrieval" and engine.last_llm_problem
    second = engine.ask("Wat was het preadvies op de motie van Renkum?")
    assert second.route == "llm" and engine.last_llm_problem == ()


def test_last_llm_problem_is_reset_when_the_next_question_is_computed(ask_engine):
    engine = _engine_with(ask_engine, FakeListChatModel(responses=["Ontraden [9]."]))
    engine.ask("Wat was het preadvies op de motie van Renkum?")
    assert engine.last_llm_problem
    engine.ask("hoeveel stemmen heeft een gemeente met 24.500 inwoners?")
    assert engine.last_llm_problem == ()


def test_declined_reply_with_valid_citation_records_a_reason(ask_engine, capsys):
    from assistant.answer import DECLINED_REASON
    from assistant.llm import NOT_ANSWERED

    engine = _engine_with(ask_engine, FakeListChatModel(responses=[f"{NOT_ANSWERED} [1]"]))
    answer = engine.ask("Wat was het preadvies op de motie van Renkum?")
    assert answer.route == "retrieval" and "aan te houden" in answer.answer  # the extractive answer instead
    assert engine.last_llm_problem == (DECLINED_REASON,)
    assert DECLINED_REASON in capsys.readouterr().err


LABELLED = [
    Passage("Het preadvies is de motie aan te houden.", "Notulen | ALV 05-06-2019 | regels 1109-1117"),
    Passage("De motie is aangenomen.", "Verantwoording | Najaars-ALV 01-12-2023 | regels 6790-6796"),
]


@pytest.mark.parametrize("answer, ok", [
    ("Aanhouden, zie de notulen (regels 1109-1117) [1].", True),  # figures of the cited source's label
    ("In de ALV van 05-06-2019 was het preadvies aanhouden [1].", True),
    ("Aanhouden, zie regels 6790-6796 [1].", False),  # a label figure of a source the answer does not cite
    ("In de Najaars-ALV van 01-12-2023 is de motie aangenomen [2]; preadvies aanhouden [1].", True),
    ("Aanhouden, zie regels 1200-1210 [1].", False),  # in no label and no text
])
def test_figures_from_labels_count_only_for_cited_sources(answer, ok):
    assert check_citations(answer, LABELLED).ok is ok


def test_engine_accepts_figures_from_the_cited_source_label(ask_engine):
    question = "Wat was het preadvies op de motie van Renkum?"
    plain = ask_engine.ask(question)
    first = plain.sources[0]
    assert first.line_start is not None
    reply = f"Aanhouden (regels {first.line_start}-{first.line_end}) [1]."
    model = RecordingModel(responses=[reply])
    model.seen = []
    engine = _engine_with(ask_engine, model)
    answer = engine.ask(question)
    assert answer.route == "llm" and answer.answer == reply, engine.last_llm_problem
    assert f"regels {first.line_start}-{first.line_end}" in model.seen[0][1].content
    # The same figures attributed to a source that does not carry them are rejected.
    other = answer.sources[1]
    assert str(first.line_start) not in f"{other.text} {other.line_start}-{other.line_end}"
    wrong = f"Aanhouden (regels {first.line_start}-{first.line_end}) [2]."
    engine = _engine_with(ask_engine, FakeListChatModel(responses=[wrong]))
    assert engine.ask(question).route == "retrieval"
    assert any("niet in de geciteerde bronnen" in p for p in engine.last_llm_problem)
