"""Phrase help: offline, rule-based rewrite suggestions for a motion, and an optional LLM "herformuleer" action.

Every suggestion is returned, never applied: the editor shows the original and the proposed text side by side and
the griffier accepts (``apply_suggestion``) or ignores it. The rewrite rules are data (``REWRITES``, the detectors
below) with the sjabloon passage they rest on:

- ask the bestuur for effort, not a result (L506, L579): "ervoor te zorgen dat" → "zich ervoor in te spannen dat";
- no specific amounts or exact terms in the oproep (L580): the figure moves to the constateringen (size of the
  problem, L529), the date to the overwegingen (urgency, L530), and the oproep keeps "voldoende middelen" /
  "zo spoedig mogelijk";
- a call addressed to the VNG-bestuur (L533–535) and the fixed slotzin (L541–543).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from assistant.errors import InputError, UserFacingError
from assistant.motions.model import SLOTZIN, Motion, Oproep
from assistant.rules.sources import SourceRef, f1


@dataclass(frozen=True)
class Suggestion:
    """A proposed rewrite of one part (``index`` for list parts), with what it would add elsewhere."""

    rule: str
    part: str
    index: int | None
    original: str
    replacement: str
    explanation: str
    sources: tuple[SourceRef, ...] = ()
    additions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # e.g. {"constateringen": ("...",)}
    call: tuple[str, str] | None = None  # new (verb, addressee) for an oproep

    @property
    def suggestion_id(self) -> str:
        key = f"{self.rule}|{self.part}|{self.index}|{self.original}|{self.replacement}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]

    def to_dict(self) -> dict:
        return {
            "id": self.suggestion_id,
            "rule": self.rule,
            "part": self.part,
            "index": self.index,
            "original": self.original,
            "replacement": self.replacement,
            "additions": {part: list(texts) for part, texts in self.additions.items()},
            "call": list(self.call) if self.call else None,
            "explanation": self.explanation,
            "sources": [source.to_dict() for source in self.sources],
        }


# --- result obligation → effort ------------------------------------------------------------------------------------

_EFFORT_SOURCES = (f1(506), f1(579), f1(533, 535))
_EFFORT_EXPLANATION = (
    "Vraag het bestuur om een inspanningsverplichting, geen resultaatsverplichting: het bestuur is niet de "
    "eindverantwoordelijke of bevoegde partij en kan het resultaat niet afdwingen."
)
# (pattern, replacement) in order; the first that matches a span wins. Case of the first letter is kept.
REWRITES: tuple[tuple[str, str], ...] = (
    (r"\bervoor te zorgen dat\b", "zich ervoor in te spannen dat"),
    (r"\bervoor zorg te dragen dat\b", "zich ervoor in te spannen dat"),
    (r"\bzorg te dragen dat\b", "zich ervoor in te spannen dat"),
    (r"\bzorg te dragen voor\b", "zich in te spannen voor"),
    (r"\bzorgt ervoor dat\b", "spant zich ervoor in dat"),
    (r"\bzorgt dat\b", "spant zich ervoor in dat"),
    (r"\bdraagt er ?zorg voor dat\b", "spant zich ervoor in dat"),
    (r"\bte garanderen dat\b", "zich ervoor in te spannen dat"),
    (r"\bgarandeert dat\b", "spant zich ervoor in dat"),
    (r"\bte garanderen\b", "te bepleiten"),
    (r"\bte bewerkstelligen dat\b", "zich ervoor in te spannen dat"),
    (r"\bbewerkstelligt dat\b", "spant zich ervoor in dat"),
    (r"\bte bewerkstelligen\b", "te bepleiten"),
    (r"\bte regelen dat\b", "zich ervoor in te spannen dat"),
    (r"\bregelt dat\b", "spant zich ervoor in dat"),
    (r"\baf te dwingen dat\b", "erop aan te dringen dat"),
    (r"\baf te dwingen\b", "aan te dringen op"),
)
_REWRITES = tuple((re.compile(pattern, re.IGNORECASE), replacement) for pattern, replacement in REWRITES)


def _keep_case(original: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


def effort_rewrite(text: str) -> str | None:
    """``text`` with result wording replaced by effort wording, or None when there is none."""
    result, changed = text, False
    for pattern, replacement in _REWRITES:
        new = pattern.sub(lambda m: _keep_case(m.group(0), replacement), result)
        changed = changed or new != result
        result = new
    return result if changed else None


# --- amounts and exact terms out of the oproep ---------------------------------------------------------------------

_DETAIL_SOURCES = (f1(580), f1(504), f1(529, 530))
_NUMBER = r"\d[\d.]*(?:,\d+)?"
_SCALE = r"(?:\s*(?:miljoen|miljard|mln\.?|mld\.?|mrd\.?|duizend|k))?"
AMOUNT = re.compile(
    rf"(?:€|EUR|euro)\s?{_NUMBER}{_SCALE}(?:\s*euro)?|{_NUMBER}{_SCALE}\s*(?:euro|EUR)\b|{_NUMBER}\s?(?:%|procent\b)",
    re.IGNORECASE,
)
_AMOUNT_WITH_LEAD = re.compile(rf"(?P<lead>\s+(?:van|ter hoogte van|à|met|tot))?\s*(?P<amount>{AMOUNT.pattern})", re.IGNORECASE)
_MONTH = r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
EXACT_TERM = re.compile(
    rf"\b(?:vóór|voor|uiterlijk|per|op|met ingang van|vanaf|binnen|na|in)\s+"
    rf"(?:(?:\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)|(?:\d{{1,2}}-\d{{1,2}}-\d{{2,4}})|(?:(?:het einde van\s+)?\d{{4}})"
    rf"|(?:(?:een|één|twee|drie|vier|vijf|zes|\d+)\s+(?:dagen|weken|maanden|jaar|jaren)))\b",
    re.IGNORECASE,
)


def _tidy(text: str) -> str:
    return re.sub(r"\s+([,;.])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()


def _without_amounts(text: str) -> tuple[str, list[str]]:
    """The text without its amounts: "een compensatie van € 50 miljoen" → "een compensatie"; a bare amount of money
    becomes "voldoende middelen" ("het Rijk € 50 miljoen beschikbaar te stellen" → "… voldoende middelen …")."""
    amounts: list[str] = []

    def replace(match: re.Match) -> str:
        amounts.append(match.group("amount").strip())
        if match.group("lead"):
            return ""
        is_money = not re.search(r"%|procent", match.group("amount"), re.IGNORECASE)
        return " voldoende middelen" if is_money else " een passend deel"

    return _tidy(_AMOUNT_WITH_LEAD.sub(replace, text)), amounts


def _without_terms(text: str) -> tuple[str, list[str]]:
    terms = [match.group(0) for match in EXACT_TERM.finditer(text)]
    rest = text
    for number, term in enumerate(terms):
        rest = rest.replace(term, "zo spoedig mogelijk" if number == 0 else "", 1)
    return _tidy(rest), terms


def _amount_constatering(amount: str) -> str:
    if "%" in amount or "procent" in amount.lower():
        return f"het gaat om {amount}"
    return f"het benodigde bedrag wordt geraamd op {amount}"


# --- the suggestions -------------------------------------------------------------------------------------------------


def suggest(item) -> list[Suggestion]:
    """Rewrite suggestions for a motion (amendments change a proposal's text and get none)."""
    if not isinstance(item, Motion):
        return []
    suggestions: list[Suggestion] = []
    for index, oproep in enumerate(item.oproepen):
        suggestions += _oproep_suggestions(index, oproep)
    suggestions += _call_addressee_suggestions(item)
    for part in ("constateringen", "overwegingen"):
        suggestions += _prefix_suggestions(part, getattr(item, part))
    if item.slotzin.strip() and item.slotzin.strip() != SLOTZIN:
        suggestions.append(
            Suggestion(
                rule="SLOTZIN",
                part="slotzin",
                index=None,
                original=item.slotzin,
                replacement=SLOTZIN,
                explanation="Gebruik de vaste slotzin van het sjabloon.",
                sources=(f1(541, 543),),
            )
        )
    return suggestions


def _oproep_suggestions(index: int, oproep: Oproep) -> list[Suggestion]:
    found: list[Suggestion] = []
    effort = effort_rewrite(oproep.text)
    if effort:
        found.append(
            Suggestion("RESULT_OBLIGATION", "oproepen", index, oproep.text, effort, _EFFORT_EXPLANATION, _EFFORT_SOURCES)
        )
    without_amounts, amounts = _without_amounts(oproep.text)
    if amounts:
        found.append(
            Suggestion(
                "TOO_DETAILED_AMOUNTS",
                "oproepen",
                index,
                oproep.text,
                without_amounts,
                "Noem geen specifieke bedragen in de oproep; de omvang van het probleem hoort bij de constateringen.",
                _DETAIL_SOURCES,
                additions={"constateringen": tuple(_amount_constatering(a) for a in amounts)},
            )
        )
    without_terms, terms = _without_terms(oproep.text)
    if terms:
        found.append(
            Suggestion(
                "TOO_DETAILED_DEADLINE",
                "oproepen",
                index,
                oproep.text,
                without_terms,
                "Noem geen exacte termijnen in de oproep; de urgentie hoort bij de overwegingen.",
                _DETAIL_SOURCES,
                additions={"overwegingen": tuple(f"een oplossing {term} nodig is" for term in terms)},
            )
        )
    return found


def _call_addressee_suggestions(motion: Motion) -> list[Suggestion]:
    if not motion.oproepen or any(oproep.to_vng_bestuur for oproep in motion.oproepen):
        return []
    return [
        Suggestion(
            rule="MISSING_OPROEP",
            part="oproepen",
            index=index,
            original=oproep.text,
            replacement=oproep.text,
            explanation="Een motie richt zich met een oproep tot het VNG-bestuur (“roept het bestuur van de VNG op”).",
            sources=(f1(533, 539),),
            call=("roept op", "het bestuur van de VNG"),
        )
        for index, oproep in enumerate(motion.oproepen)
    ]


_PREFIX = re.compile(r"^\s*(?:(?:constaterende|overwegende)\s*,?\s*)?dat\s*:?\s+", re.IGNORECASE)


def _prefix_suggestions(part: str, texts: list[str]) -> list[Suggestion]:
    found = []
    for index, text in enumerate(texts):
        stripped = _PREFIX.sub("", text, count=1)
        if stripped != text and stripped:
            found.append(
                Suggestion(
                    rule="DUPLICATE_PREFIX",
                    part=part,
                    index=index,
                    original=text,
                    replacement=stripped,
                    explanation="“Constaterende, dat” / “overwegende, dat” staat al boven de opsomming.",
                    sources=(f1(525),),
                )
            )
    return found


def apply_suggestion(item: Motion, suggestion: Suggestion) -> Motion:
    """A new motion with ``suggestion`` applied; refuses when the part changed since the suggestion was made."""
    data = item.model_copy(deep=True)
    if suggestion.index is None:  # a text part: slotzin, aanleiding, titel
        _expect(getattr(data, suggestion.part), suggestion)
        setattr(data, suggestion.part, suggestion.replacement)
    elif suggestion.part == "oproepen":
        oproepen = list(data.oproepen)
        _expect(oproepen[suggestion.index].text if suggestion.index < len(oproepen) else None, suggestion)
        update: dict = {"text": suggestion.replacement}
        if suggestion.call:
            update.update(verb=suggestion.call[0], addressee=suggestion.call[1], to_vng_bestuur=True)
        oproepen[suggestion.index] = oproepen[suggestion.index].model_copy(update=update)
        data.oproepen = oproepen
    else:
        texts = list(getattr(data, suggestion.part))
        _expect(texts[suggestion.index] if suggestion.index < len(texts) else None, suggestion)
        texts[suggestion.index] = suggestion.replacement
        setattr(data, suggestion.part, texts)
    for part, additions in suggestion.additions.items():
        setattr(data, part, [*getattr(data, part), *additions])
    return data


def _expect(current: str | None, suggestion: Suggestion) -> None:
    if current != suggestion.original:
        raise InputError(
            "De tekst is gewijzigd sinds deze suggestie werd gemaakt; vraag opnieuw om suggesties.",
        )


# --- optional LLM "herformuleer" ---------------------------------------------------------------------------------------

REFORMULATE_INSTRUCTION = (
    "Je helpt een griffier een motie voor de Algemene Ledenvergadering van de VNG te formuleren. Herformuleer "
    "alleen het onderdeel hieronder: behoud de inhoud en alle feiten van de gebruiker, voeg niets toe, gebruik de "
    "vorm van het VNG-sjabloon. {part_rule} Antwoord alleen met de nieuwe tekst, in het Nederlands."
)
_PART_RULES = {
    "aanleiding": "Beschrijf de directe aanleiding (een actuele ontwikkeling of een langer levende zorg).",
    "constateringen": "Een constatering is één feitelijke bijzin die volgt op “constaterende, dat”.",
    "overwegingen": "Een overweging is één bijzin die volgt op “overwegende, dat”: omvang, urgentie, rol van gemeenten.",
    "oproepen": "Een oproep is een infinitiefzin die volgt op “roept het bestuur van de VNG op”: vraag een "
    "inspanning (zich in te spannen, te bepleiten, aan te dringen op), geen resultaat; geen bedragen of exacte termijnen.",
    "titel": "Een titel is kort en noemt het onderwerp.",
}


def reformulate_prompt(part: str, text: str) -> str:
    rule = _PART_RULES.get(part, "")
    from assistant.safety import DATA_NOT_INSTRUCTIONS_TEXT, quote_text

    # The user's text is quoted data between markers it cannot close itself, never instructions (prompt injection).
    return (REFORMULATE_INSTRUCTION.format(part_rule=rule) + " " + DATA_NOT_INSTRUCTIONS_TEXT
            + f"\n\nOnderdeel: {part}\nTekst:\n{quote_text(text)}")


def reformulate(item: Motion, part: str, index: int | None, settings, *, chat_model=None) -> Suggestion:
    """Ask the configured LLM (``assistant.llm``) to rephrase one part; the answer is a suggestion like the
    rule-based ones. ``chat_model``: any LangChain chat model, overriding the settings (tests, the app's cache)."""
    chat_model = chat_model or _chat_model(settings)
    original = getattr(item, part)
    if index is not None:
        original = original[index]
    original_text = original.text if isinstance(original, Oproep) else str(original)
    if not original_text.strip():
        raise InputError("Er is nog geen tekst om te herformuleren.")
    answer = chat_model.invoke(reformulate_prompt(part, original_text))
    replacement = str(getattr(answer, "content", answer)).strip()
    if not replacement:
        raise UserFacingError("Het taalmodel gaf geen tekst terug; probeer het opnieuw.")
    return Suggestion(
        rule="LLM_HERFORMULEER",
        part=part,
        index=index,
        original=original_text,
        replacement=replacement,
        explanation="Voorstel van het taalmodel: controleer of de inhoud klopt voordat u het overneemt.",
    )


def _chat_model(settings):
    from assistant.llm import chat_model_from_settings  # optional extra; imported only when asked for

    model = chat_model_from_settings(settings)
    if model is None:
        raise UserFacingError(
            "Er is geen taalmodel ingesteld; herformuleren is niet beschikbaar.",
            hint="Stel MOTIE_LLM_BACKEND in op 'ollama' of 'openai' (en MOTIE_LLM_MODEL) om deze functie te gebruiken.",
        )
    return model
