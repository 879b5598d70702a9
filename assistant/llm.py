"""Optional LLM answers: a chat-model factory, a grounded prompt with [n] citations, and a citation check.

Nothing leaves the machine unless a backend is configured (``llm_backend`` = "ollama" or "openai", the latter for
any OpenAI-compatible server: vLLM, llama.cpp server, LM Studio, Azure OpenAI). API keys come only from the
environment (``OPENAI_API_KEY``). An answer is accepted only when it cites at least one retrieved passage, every
citation points at one, and every date, number or name-like figure it states occurs in a cited passage (or the
question); otherwise the caller shows the extractive answer.

Source labels. Each passage is shown with a label (title, meeting, "regels 1109-1117"), and the model may repeat
those figures ("in de ALV van 26-06-2024, regels 1109-1117"). Choice: figures from the labels of the *cited*
passages count as grounded (they describe the very source the claim cites and are shown to the user with it);
figures from the labels of passages the answer does not cite do not. The labels stay informative (the meeting
tells the model which rule version a passage belongs to), and an uncited label cannot launder a figure.

Reply length: ``llm_max_tokens`` is sent as ``max_tokens`` in the request body for the openai backend
(langchain-openai sends its own ``max_tokens`` field as ``max_completion_tokens``, which llama.cpp's server
ignores) and as ``num_predict`` for ollama.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from assistant.config import Settings
from assistant.errors import InputError
from assistant.safety import DATA_NOT_INSTRUCTIONS, injection_problems, quote_source

BACKENDS = ("none", "ollama", "openai")

SYSTEM_PROMPT_NL = (
    "Je bent de Motie-assistent van de VNG. Je beantwoordt vragen over de Algemene Ledenvergadering (ALV), moties "
    "en amendementen uitsluitend op basis van de genummerde bronnen hieronder. Regels:\n"
    "- Gebruik alleen informatie uit de bronnen; verzin geen data, getallen, namen of e-mailadressen.\n"
    "- Zet na elke bewering de bron(nen) waarop zij rust, als [1], [2].\n"
    "- Staat het antwoord niet in de bronnen, antwoord dan alleen: \"De documenten geven hierop geen antwoord.\"\n"
    + DATA_NOT_INSTRUCTIONS + "\n"
    "- Antwoord kort, in het Nederlands."
)
SYSTEM_PROMPT_EN = SYSTEM_PROMPT_NL.replace("- Antwoord kort, in het Nederlands.",
                                            "- Antwoord kort, in het Engels (de vraag is in het Engels gesteld).")
NOT_ANSWERED = "De documenten geven hierop geen antwoord."

_CITATION = re.compile(r"\[(\d{1,2})\]")
# Figures that must be grounded: numbers (incl. 12.00, 5,2%, 24.500), e-mail addresses.
_FIGURE = re.compile(r"[\w.+-]+@[\w-]+\.\w+|\d+(?:[.,:]\d+)*%?")


def chat_model_from_settings(settings: Settings) -> Any | None:
    """A LangChain chat model for the configured backend, or ``None`` for "none" (the default)."""
    backend = (settings.llm_backend or "none").strip().lower()
    if backend == "none":
        return None
    if backend not in BACKENDS:
        raise InputError(f"Onbekende LLM-backend: {settings.llm_backend!r}.", hint="Kies none, ollama of openai.")
    if not settings.llm_model:
        raise InputError("Er is een LLM-backend ingesteld maar geen model (llm_model).",
                         hint="Zet MOTIE_LLM_MODEL, bijvoorbeeld MOTIE_LLM_MODEL=llama3.1:8b.")
    try:
        if backend == "ollama":
            from langchain_ollama import ChatOllama

            kwargs = {"model": settings.llm_model, "temperature": settings.llm_temperature,
                      "num_predict": settings.llm_max_tokens}
            if settings.llm_base_url:
                kwargs["base_url"] = settings.llm_base_url
            return ChatOllama(**kwargs)
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(
            model=settings.llm_model,
            base_url=settings.llm_base_url or None,
            # A local OpenAI-compatible server accepts any key; a hosted one needs the real key from the environment.
            api_key=os.environ.get("OPENAI_API_KEY") or "geen-sleutel-nodig",
            temperature=settings.llm_temperature,
            timeout=settings.llm_timeout_s,
            max_retries=0,
            # The classic field name in the body: llama.cpp's server ignores "max_completion_tokens".
            extra_body={"max_tokens": settings.llm_max_tokens},
        )
    except ImportError as error:
        raise InputError(f"De LLM-backend {backend!r} is niet geïnstalleerd ({error.name}).",
                         hint='Installeer de extra: pip install -e ".[llm]"') from error


@dataclass(frozen=True)
class Passage:
    """What the model sees: the verbatim passage plus a short label (title, meeting, lines)."""

    text: str
    label: str


def build_messages(question: str, passages: Sequence[Passage], *, english: bool = False) -> list:
    from langchain_core.messages import HumanMessage, SystemMessage

    # Each passage between markers it cannot close itself (assistant.safety): document text is data, never a
    # command; the question comes last, outside every source.
    numbered = "\n\n".join(f"[{i}] ({p.label})\n{quote_source(i, p.text)}" for i, p in enumerate(passages, start=1))
    return [
        SystemMessage(content=SYSTEM_PROMPT_EN if english else SYSTEM_PROMPT_NL),
        HumanMessage(content=f"Bronnen:\n\n{numbered}\n\nVraag: {question}"),
    ]


@dataclass(frozen=True)
class CitationCheck:
    ok: bool
    cited: tuple[int, ...]  # 1-based passage numbers
    problems: tuple[str, ...] = field(default_factory=tuple)  # Dutch, for logs and the UI


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def check_citations(answer: str, passages: Sequence[Passage], question: str = "") -> CitationCheck:
    """Accept an answer only if it cites retrieved passages and all its figures are in the cited ones (their text
    or their label: see the module docstring)."""
    cited = tuple(dict.fromkeys(int(n) for n in _CITATION.findall(answer)))
    problems: list[str] = []
    if not cited:
        problems.append("het antwoord verwijst naar geen enkele bron")
    bad = [n for n in cited if not 1 <= n <= len(passages)]
    if bad:
        problems.append("verwijzing naar onbekende bron: " + ", ".join(f"[{n}]" for n in bad))
    cited_passages = [passages[n - 1] for n in cited if 1 <= n <= len(passages)]
    grounded = _norm(question + " " + " ".join(f"{p.label}\n{p.text}" for p in cited_passages))
    body = _CITATION.sub(" ", answer)
    missing = [f for f in _FIGURE.findall(body) if _norm(f).rstrip(".,") not in grounded]
    if missing:
        problems.append("niet in de geciteerde bronnen: " + ", ".join(dict.fromkeys(missing)))
    problems.extend(injection_problems(answer, [p.text for p in passages], cited))
    return CitationCheck(not problems, cited, tuple(problems))


@dataclass(frozen=True)
class GroundedAnswer:
    text: str
    check: CitationCheck
    declined: bool  # the model said the documents do not answer


def generate_grounded(model: Any, question: str, passages: Sequence[Passage], *, english: bool = False
                      ) -> GroundedAnswer:
    """Ask the model; never raises for model errors (they become a failed check, so the caller falls back)."""
    try:
        reply = model.invoke(build_messages(question, passages, english=english))
        text = reply.content if isinstance(reply.content, str) else str(reply.content)
    except Exception as error:  # network, timeout, server error: fall back to the extractive answer
        return GroundedAnswer("", CitationCheck(False, (), (f"LLM-fout: {type(error).__name__}: {error}",)), False)
    text = text.strip()
    declined = _norm(NOT_ANSWERED).rstrip(".") in _norm(text)
    return GroundedAnswer(text, check_citations(text, passages, question), declined)
