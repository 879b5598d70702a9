"""The draft session: a skeleton from the sjabloon, part-by-part updates, live validation, amendments."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from drafting_helpers import ALV_2024, complete_motion

from assistant.drafting import DraftSession, deadline_info, find_placeholders, render
from assistant.errors import InputError
from assistant.motions import template
from assistant.motions.model import SLOTZIN

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
BEFORE_DEADLINE = dt.datetime(2024, 6, 10, 9, 0, tzinfo=AMSTERDAM)


def _fill_motion(session: DraftSession) -> None:
    """What a griffier types into the editor, part by part."""
    motion = complete_motion()
    session.update("titel", motion.titel)
    session.update("datum_indiening", "10 juni 2024")
    session.update("aanleiding", motion.aanleiding + "\n\n")
    session.update("constateringen", "- " + "\n- ".join(motion.constateringen))
    session.update("overwegingen", motion.overwegingen)
    session.update("oproepen", motion.oproepen[0].text.split("\n"))
    session.set_signatory(0, name="S. Dijksma")
    session.update("contact_persons", [c.model_dump() for c in motion.contact_persons])


def test_new_motion_is_the_sjabloon_with_visible_placeholders():
    session = DraftSession.new("motie", alv_date=ALV_2024, gemeente="Utrecht")
    item = session.item
    assert item.indiener == "Utrecht" and item.meeting_date == ALV_2024 and item.slotzin == SLOTZIN
    assert item.titel == template.TITEL.placeholder
    assert item.signatories[0].function == "burgemeester" and item.signatories[0].gemeente == "Utrecht"
    placeholder_parts = {hit.part for hit in find_placeholders(item)}
    assert {"titel", "aanleiding", "constateringen", "overwegingen", "oproepen", "signatories",
            "contact_persons"} <= placeholder_parts


def test_a_draft_with_placeholders_is_never_complete():
    session = DraftSession.new("motie", alv_date=ALV_2024, gemeente="Utrecht")
    _fill_motion(session)
    session.update("aanleiding", template.AANLEIDING.placeholder)  # one part still the template's text
    report = session.validate(now=BEFORE_DEADLINE)
    assert [hit.part for hit in report.placeholders] == ["aanleiding"]
    assert not report.complete and not report.ready_to_submit
    assert report.parts[[p.part.key for p in report.parts].index("aanleiding")].placeholders


@pytest.mark.parametrize("blank", ["....", "Titel motie: ....", "[...]", "Omschrijving directe aanleiding voor de motie."])
def test_the_sjabloon_blanks_count_as_placeholders(blank):
    assert template.is_placeholder(blank)


@pytest.mark.parametrize("text", ["De kosten stijgen met 5.2%.", "zie [1] en artikel 160 Gemeentewet", "Wat nu?"])
def test_real_text_is_no_placeholder(text):
    assert not template.is_placeholder(text)


def test_filled_unsigned_draft_is_complete_but_not_ready_and_signing_makes_it_valid():
    session = DraftSession.new("motie", alv_date=ALV_2024, gemeente="Utrecht")
    _fill_motion(session)
    report = session.validate(now=BEFORE_DEADLINE)
    assert report.placeholders == [] and report.missing == []
    assert report.complete and not report.valid
    assert {f.rule for f in report.findings} == {"UNSIGNED"}
    assert [f.rule for f in report.by_part["signatories"]] == ["UNSIGNED"]
    session.set_signatory(0, signed=True)
    signed = session.validate(now=BEFORE_DEADLINE)
    assert signed.valid and signed.ready_to_submit and signed.findings == []


def test_findings_are_grouped_by_part_with_hint_and_source():
    session = DraftSession.new("motie", alv_date=ALV_2024, gemeente="Utrecht")
    _fill_motion(session)
    session.update("oproepen", ["ervoor te zorgen dat het Rijk vóór 1 januari 2025 € 300 miljoen extra uittrekt."])
    report = session.validate(now=BEFORE_DEADLINE)
    rules = {f.rule for f in report.by_part["oproepen"]}
    assert {"RESULT_OBLIGATION", "TOO_DETAILED_AMOUNTS", "TOO_DETAILED_DEADLINE"} <= rules
    finding = next(f for f in report.by_part["oproepen"] if f.rule == "RESULT_OBLIGATION")
    assert finding.hint and finding.sources and "inspanningsverplichting" in " ".join(s.text for s in finding.sources)
    as_json = report.to_dict()
    oproep_part = next(p for p in as_json["parts"] if p["key"] == "oproepen")
    assert oproep_part["guidance"].startswith("Gerichte oproep aan het bestuur om zich in te spannen")
    assert {f["rule"] for f in oproep_part["findings"]} == rules


def test_missing_parts_are_named_in_dutch():
    session = DraftSession.new("motie", alv_date=ALV_2024, gemeente="Utrecht")
    session.update("constateringen", [])
    session.update("overwegingen", "")
    report = session.validate(now=BEFORE_DEADLINE)
    assert {"Constaterende, dat", "Overwegende, dat", "Datum indiening"} <= set(report.missing)
    assert "MISSING_OVERWEGENDE" in {f.rule for f in report.by_part["overwegingen"]}


def test_deadline_with_days_left():
    info = deadline_info("motie", ALV_2024, now=BEFORE_DEADLINE)
    assert info.deadline == dt.datetime(2024, 6, 13, 12, 0, tzinfo=AMSTERDAM)
    assert info.days_left == 3 and not info.passed and not info.statutory
    assert info.label == "Deadline donderdag 13 juni 2024, 12:00 (nog 3 dagen; dringend verzoek van het VNG-bestuur)"
    same_day = deadline_info("amendement", ALV_2024, now=dt.datetime(2024, 6, 13, 10, 30, tzinfo=AMSTERDAM))
    assert same_day.statutory and same_day.days_left == 0
    assert "vandaag, nog 1 uur en 30 minuten; statutaire termijn" in same_day.label
    late = deadline_info("amendement", ALV_2024, now=dt.datetime(2024, 6, 13, 12, 0, tzinfo=AMSTERDAM))
    assert late.passed and "verstreken" in late.label
    assert info.supporters_list_until == dt.datetime(2024, 6, 25, 10, 0, tzinfo=AMSTERDAM)


def test_gemeente_names_are_checked_against_the_municipality_list():
    session = DraftSession.new("motie", alv_date=ALV_2024, gemeente="Utrecht")
    session.update("ondersteunende_gemeenten", ["Amersfoort", "Utrekt"])
    session.add_mede_indiener("Zeist", signer="H. Janssen", function="gemeentesecretaris")
    report = session.validate(now=BEFORE_DEADLINE)
    unknown = [c for c in report.gemeenten if not c.known]
    assert [c.name for c in unknown] == ["Utrekt"]
    assert "Utrecht" in unknown[0].suggestions and "Utrekt" in unknown[0].message
    # A gemeente that merged away before the meeting is reported with its successor.
    merged = DraftSession.new("motie", alv_date=ALV_2024, gemeente="Haaren").validate(now=BEFORE_DEADLINE)
    assert not merged.gemeenten[0].known and "Haaren" in merged.gemeenten[0].message
    valid_then = DraftSession.new("motie", alv_date=dt.date(2019, 11, 29), gemeente="Haaren").validate()
    assert valid_then.gemeenten[0].known


def test_mede_indieners_get_a_signature_line_and_lose_it_when_removed():
    session = DraftSession.new("motie", alv_date=ALV_2024, gemeente="Utrecht")
    session.add_mede_indiener("Zeist", signer="H. Janssen", function="gemeentesecretaris")
    session.add_mede_indiener("Houten")
    assert [(s.gemeente, s.name) for s in session.item.signatories][1:] == [
        ("Zeist", "H. Janssen"), ("Houten", "[Naam ondertekenaar]")]
    session.remove_mede_indiener("Zeist")
    assert [s.gemeente for s in session.item.signatories] == ["Utrecht", "Houten"]
    session.update("indiener", "Stichtse Vecht")  # renaming the lead gemeente moves its signatories along
    assert session.item.signatories[0].gemeente == "Stichtse Vecht"


def test_every_change_is_autosaved(store):
    session = DraftSession.new("motie", alv_date=ALV_2024, gemeente="Utrecht", store=store)
    session.update("titel", "Eerste titel")
    session.update("titel", "Eerste titel")  # unchanged: no extra version
    session.update("titel", "Tweede titel")
    assert [v.titel for v in store.history(session.draft_id)][:2] == ["Tweede titel", "Eerste titel"]
    reopened = DraftSession.open(session.draft_id, store=store)
    assert reopened.item == session.item


def test_accepting_a_suggestion_through_the_session(store):
    session = DraftSession.new("motie", alv_date=ALV_2024, gemeente="Utrecht", store=store)
    session.update("oproepen", ["ervoor te zorgen dat het Rijk de tekorten dekt;"])
    [suggestion] = [s for s in session.suggestions() if s.rule == "RESULT_OBLIGATION"]
    session.accept(suggestion.suggestion_id)
    assert session.item.oproepen[0].text == "zich ervoor in te spannen dat het Rijk de tekorten dekt;"
    assert store.load(session.draft_id) == session.item


def test_unknown_part_is_a_dutch_error():
    session = DraftSession.new("motie", alv_date=ALV_2024, gemeente="Utrecht")
    with pytest.raises(InputError, match="Onbekend onderdeel"):
        session.update("changes", [])
    with pytest.raises(InputError, match="Ongeldige datum"):
        session.update("datum_indiening", "ergens volgende week")


# --- amendments ------------------------------------------------------------------------------------------------------


def test_only_proposals_ter_besluitvorming_are_offered():
    session = DraftSession.new("amendement", alv_date=ALV_2024, gemeente="Utrecht")
    choices = session.proposal_choices()
    assert "5b" in [item.number for item in choices.amendable]
    reasons = {item.number: item.reason for item in choices.not_amendable}
    assert "6" in reasons and "ter kennisname" in reasons["6"].lower()
    with pytest.raises(InputError, match="niet amendabel"):
        session.choose_proposal("6")


def test_amendment_flow_on_the_asylum_resolution(store):
    session = DraftSession.new("amendement", alv_date=ALV_2024, gemeente="Utrecht", store=store)
    session.choose_proposal("5b")
    assert session.item.target_proposal.startswith("Resolutie: Samenhangend beleid in de asielketen")
    assert "Vraagt de leden om in te stemmen met de volgende VNG-inzet" in session.proposal_text()
    session.add_change("Bij het nieuwe kabinet te bepleiten dat als de Spreidingswet wordt ingetrokken",
                       "Bij het nieuwe kabinet erop aan te dringen dat als de Spreidingswet wordt ingetrokken",
                       tighten=True)
    session.add_insertion("asielketen op orde is,", "er voldoende opvangplekken zijn,")
    assert [c.action for c in session.item.changes] == ["vervangen", "invoegen"]  # the placeholder change is gone
    assert session.item.changes[0].schrappen == "te bepleiten"
    previews = session.change_previews()
    assert previews[0]["instruction"] == "schrappen: te bepleiten / vervangen door: erop aan te dringen"
    assert previews[1]["instruction"] == ("invoegen na: asielketen op orde is, / "
                                          "in te voegen tekst: er voldoende opvangplekken zijn,")
    whole = session.amended_proposal()["markdown"]
    assert "~~bepleiten~~" in whole and re.search(r"\*\*[^*]*er voldoende opvangplekken zijn[^*]*\*\*", whole)
    with pytest.raises(InputError, match="komt niet letterlijk voor"):
        session.add_change("Deze zin staat niet in de resolutie", "iets")
    session.update("titel", "Spreidingswet niet intrekken")
    session.update("datum_indiening", dt.date(2024, 6, 11))
    session.update("toelichting", "Gemeenten hebben de Spreidingswet nodig.")
    session.set_signatory(0, name="S. Dijksma", signed=True)
    session.update("contact_persons", [{"name": "K. Pietersen", "function": "beleidsadviseur"}])
    report = session.validate(now=BEFORE_DEADLINE)
    assert report.placeholders == [] and report.ready_to_submit, report.to_dict()["findings"]
    assert store.load(session.draft_id) == session.item


def test_amendment_on_the_toelichting_is_flagged_by_the_checker():
    session = DraftSession.new("amendement", alv_date=ALV_2024, gemeente="Utrecht")
    session.update("agenda_item", "5b")
    session.update("target_proposal", "Toelichting op de resolutie asielketen")
    report = session.validate(now=BEFORE_DEADLINE)
    assert "AMENDMENT_ON_NON_AMENDABLE" in {f.rule for f in report.by_part["agenda_item"]}


def test_render_formats_from_the_session():
    session = DraftSession(complete_motion())
    assert render(session.item, "txt").startswith("Motie\n")
    assert session.render("mailto").startswith("mailto:motiealv@vng.nl?subject=Motie%20Utrecht")
    assert session.render("docx")[:2] == b"PK"
    with pytest.raises(InputError, match="Onbekend formaat"):
        session.render("pdf")
    old = DraftSession(complete_motion(meeting_date=dt.date(2019, 11, 29)))
    assert b"To: bestuurszaken@vng.nl" in old.render("eml")
