"""Routing, meeting references and follow-up resolution: pure functions, no index."""

import datetime as dt

import pytest

from assistant.followup import is_followup, resolve_followup
from assistant.routing import asks_about, detect_intent, named_member, population_in, resolve_meeting


@pytest.mark.parametrize("question, intent", [
    ("Tot wanneer kan ik een amendement indienen voor de ALV van 26 juni 2024?", "deadline"),
    ("deadline amendementen balv 2019", "deadline"),
    ("When is the deadline for submitting motions for the June 2024 ALV?", "deadline"),
    ("hoeveel stemmen heeft een gemeente met 24.500 inwoners?", "vote_weight"),
    ("How many votes does a municipality with 53,000 inhabitants have?", "vote_weight"),
    ("Hoeveel stemmen heeft Utrecht in de ALV?", "vote_weight"),
    ("Wie moet de motie ondertekenen?", "signing"),
    ("Who has to sign a motion for the ALV?", "signing"),
    ("Op welke agendapunten van de BALV 2019 kun je geen amendementen indienen?", "amendable"),
    # retrieval: the rule engine has no value for these
    ("Wat gebeurt er met moties die na de deadline worden ingediend?", None),
    ("Is de deadline voor het indienen van moties een statutaire termijn?", None),
    ("Tot wanneer kan de definitieve lijst van ondersteunende gemeenten worden doorgegeven?", None),
    ("Wat is het maximum aantal stemmen per gemeente?", None),
    # supporters are listed, not signing: their own rule (the answer quotes "Hiervoor zijn geen handtekeningen nodig.")
    ("Moeten ondersteunende gemeenten de motie ook ondertekenen?", "signing_supporters"),
    ("Is de tekst van het Klimaatakkoord amendabel?", None),
    ("Wat was het preadvies op de motie van Renkum?", None),
])
def test_detect_intent(question, intent):
    assert detect_intent(question) == intent


def test_population_and_named_member():
    assert population_in("hoeveel stemmen heeft een gemeente met 24.500 inwoners?") == 24500
    assert population_in("a municipality with 53,000 inhabitants") == 53000
    assert population_in("Hoeveel stemmen heeft Utrecht?") is None
    assert named_member("Hoeveel stemmen heeft Utrecht in de ALV?") == "Utrecht"
    assert named_member("Hoeveel stemmen heeft de gemeente Zwolle in de ALV van juni 2024?") == "Zwolle"
    assert asks_about("deadline voor moties?") == "motie"
    assert asks_about("deadline voor amendementen en moties?") == "amendement"


@pytest.mark.parametrize("question, expected", [
    ("Tot wanneer kan ik een amendement indienen voor de ALV van 26 juni 2024?", dt.date(2024, 6, 26)),
    ("deadline amendementen balv 2019", dt.date(2019, 11, 29)),
    ("Wanneer stelt het VNG-bestuur de preadviezen vast voor de ALV van juni 2024?", dt.date(2024, 6, 26)),
    ("Tot wanneer kan ik een amendment indienen voor de ALV van 26 juni?", dt.date(2024, 6, 26)),
    ("Wie moet de motie ondertekenen?", None),
])
def test_resolve_meeting_loose_references(question, expected):
    assert resolve_meeting(question).date == expected


def test_resolve_meeting_keeps_year_hint_without_registered_meeting():
    reference = resolve_meeting("wie zaten er in de notulencommissie van de najaars alv 2023")
    assert reference.date is None and reference.years == frozenset({"2023"})


def test_followup_swaps_subject_meeting_and_number():
    previous = "Tot wanneer kan ik een amendement indienen voor de ALV van 26 juni 2024?"
    assert is_followup("en voor moties?")
    assert "een motie indienen" in resolve_followup("en voor moties?", previous)
    assert "amendement" not in resolve_followup("en voor moties?", previous)
    assert "2019" in resolve_followup("en voor de BALV van 2019?", "deadline amendementen ALV 2024")
    resolved = resolve_followup("en met 80.000 inwoners?", "hoeveel stemmen heeft een gemeente met 24.500 inwoners?")
    assert "80.000" in resolved and "24.500" not in resolved
    # a full new question is not a follow-up
    assert resolve_followup("Wat was het preadvies op de motie van Renkum?", previous) == \
        "Wat was het preadvies op de motie van Renkum?"


@pytest.mark.parametrize("question, intent", [
    ("Wat was de indieningstermijn voor moties voor de Najaars-ALV van vrijdag 1 december 2023?", "deadline"),
    ("wanneer is de deadlien voor moties als de najaars alv op vrijdag 29 nov 2024 is?", "deadline"),
    ("hoeveel stemen heeft een gemeente met 18.420 inwoners?", "vote_weight"),
    ("Hoeveel stemmen had een gewest met 125.000 inwoners in 2019?", "vote_weight"),
    # a missed deadline asks what still can be done, not when the deadline is
    ("De deadline voor moties is verstreken. Kunnen we nog een motie indienen of is het te laat?", None),
])
def test_detect_intent_second_round(question, intent):
    assert detect_intent(question) == intent


@pytest.mark.parametrize("text, population", [
    ("a city with 250k residents", 250_000),
    ("een gemeente van 1,2 miljoen inwoners", 1_200_000),
    ("40 duizend inwoners", 40_000),
    ("100 000 inhabitants", 100_000),
    ("18.420 inwoners", 18_420),
])
def test_population_written_in_words_and_abbreviations(text, population):
    assert population_in(text) == population


def test_resolve_meeting_from_any_full_date_and_month_abbreviation():
    hypothetical = resolve_meeting("Stel dat de ALV volgend jaar op woensdag 11 juni 2025 valt, tot wanneer?")
    assert hypothetical.date == dt.date(2025, 6, 11) and not hypothetical.registered
    assert resolve_meeting("deadline als de najaars alv op vrijdag 29 nov 2024 is").date == dt.date(2024, 11, 29)
    # the day of a registered meeting without a meeting word is still that meeting
    assert resolve_meeting("de uitslag van de stemming op 26 juni").date == dt.date(2024, 6, 26)
    # two dates: we cannot tell which is the meeting, so none is assumed
    assert resolve_meeting("Wat besloot de ALV tussen 5 juni 2019 en 3 december 2030?").date is None
    # ... unless one of them is named as the meeting
    assert resolve_meeting("de notulen van 5 juni 2019 in de BALV van 3 december 2030").date == dt.date(2030, 12, 3)


def test_population_after_its_noun_and_english_dates():
    assert population_in("hoeveel stemmen heeft een gemeente met een inwonertal van 48.750?") == 48_750
    assert population_in("a municipality with a population of 48,750") == 48_750
    assert resolve_meeting("If the ALV is held on June 11, 2025, when is the deadline?").date == dt.date(2025, 6, 11)
    assert resolve_meeting("ALV on 11th June 2025: amendment deadline").date == dt.date(2025, 6, 11)


def test_year_and_day_month_apart_only_when_they_belong_together():
    assert resolve_meeting("Stel dat de ALV in 2025 op woensdag 11 juni valt. Wat is de termijn?").date == \
        dt.date(2025, 6, 11)
    # "26 juni ... jaarrekening 2023": the year belongs to the accounts, not to the meeting
    assert resolve_meeting("Wat besloot de ALV van 26 juni over de jaarrekening 2023 van de VNG?").date != \
        dt.date(2023, 6, 26)
    assert population_in("hoeveel stemen heeft een gemeente met maar 812 inwonrs eigenlijk?") == 812
