"""Offline phrase help: rule-based suggestions, shown and applied only when accepted; the LLM hook."""

from __future__ import annotations

import pytest
from drafting_helpers import complete_motion
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.config import Settings
from assistant.errors import InputError, UserFacingError
from assistant.motions.model import Oproep
from assistant.motions.phrasing import apply_suggestion, effort_rewrite, reformulate, reformulate_prompt, suggest
from assistant.rules.check import check


def _motion_with_call(text: str, **call):
    oproep = Oproep(text=text, verb=call.get("verb", "roept op"), addressee=call.get("addressee", "het bestuur van de VNG"),
                    to_vng_bestuur=call.get("to_vng_bestuur", True))
    return complete_motion(oproepen=[oproep])


@pytest.mark.parametrize(
    "result, effort",
    [
        ("ervoor te zorgen dat het Rijk de kosten volledig vergoedt;",
         "zich ervoor in te spannen dat het Rijk de kosten volledig vergoedt;"),
        ("Het bestuur zorgt ervoor dat gemeenten worden gecompenseerd.",
         "Het bestuur spant zich ervoor in dat gemeenten worden gecompenseerd."),
        ("te garanderen dat de regeling doorgaat;", "zich ervoor in te spannen dat de regeling doorgaat;"),
        ("structurele financiering te bewerkstelligen;", "structurele financiering te bepleiten;"),
    ],
)
def test_result_obligation_becomes_effort(result, effort):
    assert effort_rewrite(result) == effort


def test_effort_wording_needs_no_rewrite():
    assert effort_rewrite("zich in te spannen om met het Rijk tot afspraken te komen;") is None


def test_suggestion_is_not_applied_until_accepted():
    motion = _motion_with_call("ervoor te zorgen dat het Rijk de tekorten dekt;")
    [suggestion] = [s for s in suggest(motion) if s.rule == "RESULT_OBLIGATION"]
    assert motion.oproepen[0].text == "ervoor te zorgen dat het Rijk de tekorten dekt;"  # untouched
    accepted = apply_suggestion(motion, suggestion)
    assert accepted.oproepen[0].text == "zich ervoor in te spannen dat het Rijk de tekorten dekt;"
    assert motion.oproepen[0].text == "ervoor te zorgen dat het Rijk de tekorten dekt;"  # a copy, not in place


def test_accepting_the_effort_suggestion_clears_the_checker_warning():
    motion = _motion_with_call("ervoor te zorgen dat het Rijk de tekorten dekt;")
    assert "RESULT_OBLIGATION" in {f.rule for f in check(motion).findings}
    [suggestion] = [s for s in suggest(motion) if s.rule == "RESULT_OBLIGATION"]
    assert "RESULT_OBLIGATION" not in {f.rule for f in check(apply_suggestion(motion, suggestion)).findings}


def test_amount_moves_from_the_oproep_to_the_constateringen():
    motion = _motion_with_call("bij het Rijk te bepleiten dat gemeenten een compensatie van € 50 miljoen krijgen;")
    [suggestion] = [s for s in suggest(motion) if s.rule == "TOO_DETAILED_AMOUNTS"]
    assert suggestion.replacement == "bij het Rijk te bepleiten dat gemeenten een compensatie krijgen;"
    assert suggestion.additions == {"constateringen": ("het benodigde bedrag wordt geraamd op € 50 miljoen",)}
    accepted = apply_suggestion(motion, suggestion)
    assert accepted.constateringen[-1] == "het benodigde bedrag wordt geraamd op € 50 miljoen"
    assert "€" not in accepted.oproepen[0].text
    assert "TOO_DETAILED_AMOUNTS" not in {f.rule for f in check(accepted).findings}


def test_exact_deadline_moves_to_the_overwegingen():
    motion = _motion_with_call("er bij het kabinet op aan te dringen vóór 1 januari 2025 de wet aan te passen;")
    [suggestion] = [s for s in suggest(motion) if s.rule == "TOO_DETAILED_DEADLINE"]
    assert suggestion.replacement == "er bij het kabinet op aan te dringen zo spoedig mogelijk de wet aan te passen;"
    assert suggestion.additions == {"overwegingen": ("een oplossing vóór 1 januari 2025 nodig is",)}


def test_call_to_someone_else_gets_a_vng_bestuur_suggestion():
    motion = _motion_with_call("een brief te sturen aan de minister.", verb="draagt op", addressee="het college",
                               to_vng_bestuur=False)
    [suggestion] = [s for s in suggest(motion) if s.rule == "MISSING_OPROEP"]
    accepted = apply_suggestion(motion, suggestion)
    assert accepted.oproepen[0].to_vng_bestuur and accepted.oproepen[0].addressee == "het bestuur van de VNG"


def test_slotzin_and_duplicate_prefix():
    motion = complete_motion(slotzin="en gaat over tot de orde van de dag", constateringen=["constaterende dat x;"])
    rules = {s.rule: s for s in suggest(motion)}
    assert rules["SLOTZIN"].replacement == "En gaat over tot de orde van de dag."
    assert rules["DUPLICATE_PREFIX"].replacement == "x;"


def test_a_clean_motion_gets_no_suggestions():
    assert suggest(complete_motion()) == []


def test_a_stale_suggestion_is_refused():
    motion = _motion_with_call("ervoor te zorgen dat het Rijk de tekorten dekt;")
    [suggestion] = [s for s in suggest(motion) if s.rule == "RESULT_OBLIGATION"]
    edited = motion.model_copy(update={"oproepen": [motion.oproepen[0].model_copy(update={"text": "iets anders"})]})
    with pytest.raises(InputError, match="gewijzigd"):
        apply_suggestion(edited, suggestion)


def test_suggestions_carry_their_source_passage():
    motion = _motion_with_call("ervoor te zorgen dat het Rijk de tekorten dekt;")
    [suggestion] = [s for s in suggest(motion) if s.rule == "RESULT_OBLIGATION"]
    texts = " ".join(source.text for source in suggestion.sources)
    assert "inspanningsverplichting (en geen resultaatsverplichting)" in texts
    assert suggestion.to_dict()["id"] == suggestion.suggestion_id


def test_reformulate_without_an_llm_says_so_in_dutch():
    with pytest.raises(UserFacingError, match="geen taalmodel"):
        reformulate(complete_motion(), "aanleiding", None, Settings(llm_backend="none"))


def test_reformulate_returns_a_suggestion_from_the_chat_model():
    # No LLM runs on this machine: LangChain's own fake chat model stands in for the configured backend.
    model = FakeListChatModel(responses=["Gemeenten zien de tekorten op de jeugdzorg verder oplopen."])
    motion = complete_motion()
    suggestion = reformulate(motion, "aanleiding", None, Settings(), chat_model=model)
    assert suggestion.rule == "LLM_HERFORMULEER" and suggestion.original == motion.aanleiding
    assert apply_suggestion(motion, suggestion).aanleiding == "Gemeenten zien de tekorten op de jeugdzorg verder oplopen."
    assert motion.aanleiding != suggestion.replacement  # nothing applied silently


def test_reformulate_prompt_keeps_the_template_form():
    prompt = reformulate_prompt("oproepen", "ervoor te zorgen dat het Rijk betaalt")
    assert "roept het bestuur van de VNG op" in prompt and "inspanning" in prompt
    assert "ervoor te zorgen dat het Rijk betaalt" in prompt
