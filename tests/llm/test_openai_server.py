"""Integration: the ``openai`` backend against a real OpenAI-compatible server on loopback (llama.cpp + gemma-3-270m).

Plumbing only. The 270m base model cannot answer questions, so nothing here judges what it says: the tests check
that requests reach the server with the key from the environment, that text and token counts come back, and that
the answer pipeline either accepts a reply whose citations point at the retrieved passages or falls back to the
extractive answer with the reason recorded.
"""

from __future__ import annotations

import re

import pytest
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.messages import HumanMessage, SystemMessage

from assistant.config import Settings
from assistant.llm import NOT_ANSWERED, Passage, chat_model_from_settings, generate_grounded

pytestmark = pytest.mark.ci_required

MAX_TOKENS = 32  # enough to see text and citations come back; keeps the test fast on 2 shared cores


def bounded(model):
    """The model with a reply-length limit that llama-cpp-python's server honours. ChatOpenAI sends its
    ``max_tokens`` as ``max_completion_tokens``, which that server ignores (the base model then fills the whole
    context window), so the limit goes in the request body under the classic name."""
    return model.bind(extra_body={"max_tokens": MAX_TOKENS})
QUESTION = "Wat was het preadvies op de motie van Renkum?"  # a retrieval question (not a computed one)


class Recorder(BaseCallbackHandler):
    """Keeps what LangChain sent to the chat model and what the server reported back (no stand-in: observation)."""

    def __init__(self):
        self.prompts: list[list] = []
        self.results: list = []

    def on_chat_model_start(self, serialized, messages, **kwargs):
        self.prompts.extend(messages)

    def on_llm_end(self, response, **kwargs):
        self.results.append(response)


def test_installed_llama_cpp_is_a_portable_build(llm_server):
    """A -march=native build (AMX/AVX-512 paths) segfaults on the first decode on these VMs: `make llm-deps` must
    have built the portable variant."""
    from llm_setup import non_portable_features, system_info

    info = system_info()
    assert "AVX2 = 1" in info and non_portable_features(info) == [], info


def test_chat_model_round_trip(llm_server, llm_fields):
    model = chat_model_from_settings(Settings(**llm_fields))
    assert type(model).__name__ == "ChatOpenAI"
    assert model.openai_api_key.get_secret_value() == llm_server.api_key  # from the environment, not a file
    before = len(llm_server.chat_statuses())

    reply = bounded(model).invoke([
        SystemMessage("Je bent een behulpzame assistent."),
        HumanMessage("Schrijf een zin over de gemeenteraad."),
    ])

    assert isinstance(reply.content, str) and reply.content.strip()
    assert reply.response_metadata["model_name"] == llm_server.model
    usage = reply.usage_metadata
    assert usage["input_tokens"] > 5 and 0 < usage["output_tokens"] <= MAX_TOKENS
    assert llm_server.wait_for_chat_count(before + 1)[before:] == [200]


def test_wrong_api_key_becomes_a_recorded_fallback_reason(llm_server, llm_fields, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-verkeerde-sleutel")
    model = chat_model_from_settings(Settings(**llm_fields))
    before = len(llm_server.chat_statuses())

    result = generate_grounded(model, "Wie ondertekent de motie?", [Passage("De burgemeester ondertekent.", "x")])

    assert not result.check.ok and result.text == ""
    problem = result.check.problems[0]
    assert problem.startswith("LLM-fout: ") and "AuthenticationError" in problem and "401" in problem
    assert llm_server.wait_for_chat_count(before + 1)[before:] == [401]


def test_ask_sends_retrieved_passages_through_the_server(llm_server, llm_fields, bundled_index_settings,
                                                          bundled_index, capsys):
    from assistant.answer import AskEngine

    settings = bundled_index_settings.replace(**llm_fields)
    recorder = Recorder()
    # The engine's own factory model, bounded in length (the base model would otherwise fill the context window).
    model = bounded(chat_model_from_settings(settings)).with_config(callbacks=[recorder])
    engine = AskEngine(settings, reader=bundled_index, llm=model)
    before = len(llm_server.chat_statuses())

    answer = engine.ask(QUESTION, k=2)

    # The prompt went through the server: one request, answered, carrying the retrieved passages.
    assert llm_server.wait_for_chat_count(before + 1)[before:] == [200]
    assert len(recorder.prompts) == 1 and len(recorder.results) == 1
    system, human = recorder.prompts[0]
    assert "[1]" in system.content and human.content.rstrip().endswith(f"Vraag: {QUESTION}")
    assert answer.found and len(answer.sources) == 2
    for source in answer.sources:
        assert source.text in human.content
    usage = recorder.results[0].llm_output["token_usage"]
    assert usage["prompt_tokens"] > len(human.content) / 10  # the server tokenised this prompt, not a stub
    assert 0 < usage["completion_tokens"] <= MAX_TOKENS
    reply = recorder.results[0].generations[0][0].text.strip()

    # What the pipeline made of the reply: accepted with valid citations, or rejected with the reason recorded.
    assert answer.route in {"llm", "retrieval"}
    if answer.route == "llm":
        cited = {int(n) for n in re.findall(r"\[(\d{1,2})\]", answer.answer)}
        assert answer.answer == reply and cited and cited <= set(range(1, len(answer.sources) + 1))
        assert engine.last_llm_problem == ()
    else:
        assert answer.answer != reply
        quotes = re.findall(r"“([^”]+)”", answer.answer)
        assert quotes and all(any(q in s.text for s in answer.sources) for q in quotes)  # extractive, verbatim
        declined = NOT_ANSWERED.lower().rstrip(".") in " ".join(reply.lower().split())
        assert engine.last_llm_problem or declined
        if engine.last_llm_problem:
            assert "LLM-antwoord afgewezen" in capsys.readouterr().err
