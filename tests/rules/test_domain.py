"""Vote weight (statuten art. 10 in 2019 incl. gewesten, art. 11 in 2024), signing rules and amendable items."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from assistant.config import Settings
from assistant.errors import InputError
from assistant.rules.domain import (
    amendable_items,
    classify_function,
    counts_as_burgemeester,
    signing_rules,
    vote_weight,
)

D = dt.date
ALV_2024, BALV_2019, UNKNOWN = D(2024, 6, 26), D(2019, 11, 29), D(2025, 6, 4)


@pytest.fixture()
def isolated(tmp_path) -> Settings:
    return Settings(data_dir=tmp_path)


# ------------------------------------------------------------------------------------------------- vote weight


@pytest.mark.parametrize(
    ("population", "votes"),
    [(0, 1), (1, 1), (999, 1), (1_000, 1), (1_999, 1), (2_000, 2), (24_500, 24), (74_999, 74), (75_000, 75),
     (75_999, 75), (76_000, 75), (900_000, 75)],
)
@pytest.mark.parametrize("meeting_date", [ALV_2024, BALV_2019])
def test_gemeente_vote_weight_boundaries(population, votes, meeting_date):
    assert vote_weight(population, meeting_date).votes == votes


def test_articles_per_meeting():
    new, old = vote_weight(24_500, ALV_2024), vote_weight(24_500, BALV_2019)
    assert new.article.startswith("Statuten art. 11 lid 3") and new.statute_version == "2024"
    assert old.article.startswith("Statuten art. 10 lid 2") and old.statute_version == "2019"
    assert (new.sources[0].line_start, new.sources[0].line_end) == (282, 288)
    assert "vijfenzeventig (75)" in new.sources[0].text and "Artikel 11" in new.sources[0].text
    assert "tienduizend (10.000)" in old.sources[0].text
    assert "voorafgaande jaar" in old.population_basis and "per 1 januari" in new.population_basis
    assert new.explanation == ("Een gemeente met 24.500 inwoners heeft 24 stemmen: één stem per volle 1.000 inwoners, "
                               "minimaal 1 en maximaal 75 (Statuten art. 11 lid 3 (versie 2024)).")


@pytest.mark.parametrize(
    ("population", "votes"),
    [(0, 1), (9_999, 1), (10_000, 1), (19_999, 1), (20_000, 2), (350_000, 35), (749_999, 74), (750_000, 75),
     (10_000_000, 75)],
)
def test_gewest_vote_weight_2019(population, votes):
    result = vote_weight(population, BALV_2019, member_kind="gewest")
    assert result.votes == votes and "art. 10 lid 3" in result.article


def test_gewest_has_no_vote_weight_under_the_2024_statute():
    with pytest.raises(InputError, match="Gewesten"):
        vote_weight(350_000, ALV_2024, member_kind="gewest")


def test_version_choice_for_other_dates():
    assert vote_weight(5_000, None).statute_version == "2024"
    assert vote_weight(5_000, D(2019, 6, 5)).statute_version == "2019"
    later = vote_weight(5_000, D(2021, 6, 1))
    assert later.statute_version == "2024" and "aanname" in later.version_note
    assert "aanname" not in vote_weight(5_000, D(2025, 6, 4)).version_note


@pytest.mark.parametrize("bad", [-1, 1.5, "24000", True, None])
def test_invalid_population_is_a_dutch_error(bad):
    with pytest.raises(InputError, match="inwonertal"):
        vote_weight(bad, ALV_2024)


def test_vote_weight_json_is_serialisable():
    data = json.loads(json.dumps(vote_weight(120_000, ALV_2024).to_dict()))
    assert data["votes"] == 75 and data["sources"][0]["line_start"] == 282


# ---------------------------------------------------------------------------------------------- signing rules


@pytest.mark.parametrize(
    ("function", "role"),
    [("Burgemeester", "burgemeester"), ("de burgemeester van Renkum", "burgemeester"),
     ("waarnemend burgemeester", "waarnemend burgemeester"), ("wnd. burgemeester", "waarnemend burgemeester"),
     ("burgemeester a.i.", "waarnemend burgemeester"), ("Loco-burgemeester", "loco-burgemeester"),
     ("locoburgemeester", "loco-burgemeester"), ("wethouder financiën", "wethouder"),
     ("gemeentesecretaris", "gemeentesecretaris"), ("secretaris", "gemeentesecretaris"), ("griffier", "griffier"),
     ("raadslid", "raadslid"), ("fractievoorzitter", "raadslid"), ("beleidsmedewerker", "")],
)
def test_classify_function(function, role):
    assert classify_function(function) == role


def test_burgemeester_equivalents():
    assert counts_as_burgemeester("waarnemend burgemeester")
    assert counts_as_burgemeester("loco-burgemeester")
    assert not counts_as_burgemeester("wethouder")
    assert not counts_as_burgemeester("gemeentesecretaris")


def test_signing_rules_per_meeting(isolated):
    rules_2024 = signing_rules(ALV_2024, settings=isolated)
    assert rules_2024.addresses == ("motiealv@vng.nl",) and rules_2024.address_known
    assert rules_2024.lead_requires_burgemeester and rules_2024.raadsleden_may_cosign
    assert len(rules_2024.accepted_lead_combinations) == 3
    assert "art. 77" in rules_2024.summary and "loco-burgemeester" in rules_2024.summary
    texts = " ".join(source.text for source in rules_2024.sources)
    assert "niet van belang" in texts and "geen handtekeningen nodig" in texts and "artikel 160" in texts
    rules_2019 = signing_rules(BALV_2019, settings=isolated)
    assert rules_2019.addresses == ("bestuurszaken@vng.nl",)
    assert rules_2019.accepted_lead_combinations == rules_2024.accepted_lead_combinations  # rules apply to every meeting


def test_signing_rules_for_an_unknown_meeting(isolated):
    rules = signing_rules(UNKNOWN, settings=isolated)
    assert not rules.address_known and rules.addresses == ("motiealv@vng.nl",)
    assert "controleer de uitnodiging" in rules.summary
    json.dumps(rules.to_dict())


# -------------------------------------------------------------------------------------------- amendable items


def test_amendable_items_2024(isolated):
    items = amendable_items(ALV_2024, settings=isolated)
    assert items.known and items.meeting_label == "ALV 26-06-2024"
    assert {i.number for i in items.amendable} == {"3", "5b", "8", "9a", "9b", "9c", "9d", "11"}
    assert {"6", "7", "10", "12"} <= {i.number for i in items.not_amendable}
    assert "Toelichting op de resolutie bij agendapunt 5b" in items.summary
    json.dumps(items.to_dict(with_text=True))


@pytest.mark.parametrize(
    ("agenda_item", "target", "amendable", "number"),
    [("5b", "Resolutie asielketen", True, "5b"),
     ("", "de resolutie Samenhangend beleid in de asielketen", True, "5b"),
     ("5b", "Toelichting op de resolutie", False, "5b"),
     ("", "Stand van zaken bestuurlijke afspraken klimaat en energie", False, "6"),
     ("agendapunt 10", "", False, "10"),
     ("", "Contributievoorstel VNG 2025", True, "9a"),
     ("8", "bestuurlijk jaarverslag 2023", False, "8"),
     ("8", "Financieel Jaarverslag 2023", True, "8"),
     ("12", "Invulling vacatures", False, "12")],
)
def test_classify_2024(isolated, agenda_item, target, amendable, number):
    verdict = amendable_items(ALV_2024, settings=isolated).classify(agenda_item, target)
    assert verdict.known and verdict.amendable is amendable and verdict.item.number == number
    assert verdict.reason and verdict.sources


def test_toelichting_verdict_cites_the_toelichting(isolated):
    verdict = amendable_items(ALV_2024, settings=isolated).classify("5b", "Toelichting op de resolutie")
    assert verdict.part.part == "Toelichting op de resolutie"
    assert verdict.sources[0].line_start == 983 and "niet amendabel" in verdict.sources[0].text


@pytest.mark.parametrize(
    ("target", "amendable"),
    [("Klimaatakkoord", False), ("aanvullende overeenkomst Raamovereenkomst Verpakkingen", False),
     ("Invulling vacatures VNG-bestuur", False), ("Principes Digitale Samenleving", True),
     ("Statutenwijziging Wnra", True), ("VNG Agenda 2020", False), ("Jaarplan GGU", False)],
)
def test_classify_2019(isolated, target, amendable):
    assert amendable_items(BALV_2019, settings=isolated).classify("", target).amendable is amendable


def test_unrecognised_target_on_a_known_meeting(isolated):
    verdict = amendable_items(ALV_2024, settings=isolated).classify("", "iets dat niet op de agenda staat")
    assert verdict.known and verdict.amendable is None and verdict.item is None


def test_unknown_meeting_has_unknown_amendability(isolated):
    items = amendable_items(UNKNOWN, settings=isolated)
    assert not items.known and items.amendable == () and items.not_amendable == ()
    verdict = items.classify("5b", "Resolutie")
    assert not verdict.known and verdict.amendable is None
    assert "niet in het vergaderregister" in verdict.reason
    assert any("ter besluitvorming" in source.text for source in verdict.sources)


def test_user_meeting_drives_amendability(isolated):
    from assistant.rules.meetings import Meeting, add_meeting

    add_meeting(Meeting.from_dict({"date": "2025-06-04", "addresses": ["motiealv@vng.nl"], "items": [
        {"number": "4", "title": "Resolutie wonen", "status": "ter besluitvorming", "aliases": ["wonen"]},
        {"number": "5", "title": "Jaarverslag", "status": "ter kennisname"}]}), isolated)
    items = amendable_items(UNKNOWN, settings=isolated)
    assert items.known
    assert items.classify("", "de resolutie over wonen").amendable is True
    assert items.classify("5", "").amendable is False
