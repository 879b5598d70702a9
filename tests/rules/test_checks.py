"""One positive and one negative test per rule, on models built directly (no parser in between)."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.errors import InputError
from assistant.motions.model import Amendment, AmendmentChange, Motion, Oproep, Signatory
from assistant.rules.catalogue import RULES, RULES_BY_ID
from assistant.rules.check import check
from assistant.rules.model import Severity

ALV_2024 = dt.date(2024, 6, 26)
ALV_2019 = dt.date(2019, 11, 29)


def _motion(**changes) -> Motion:
    base = dict(
        indiener="Renkum", titel="Jeugdzorg", datum_indiening=dt.date(2024, 6, 10), aanleiding="Nieuwe cijfers.",
        constateringen=["de tekorten oplopen"], overwegingen=["dit onhoudbaar is"],
        oproepen=[Oproep(text="zich in te spannen voor structurele financiering", verb="roept op",
                         addressee="het bestuur van de VNG", to_vng_bestuur=True)],
        slotzin="En gaat over tot de orde van de dag.",
        signatories=[Signatory(name="A. Jansen", function="burgemeester", gemeente="Renkum", signed=True, marker="w.g.")],
    )
    base.update(changes)
    return Motion(**base)


def _amendment(**changes) -> Amendment:
    base = dict(
        indiener="Dinkelland", agenda_item="9a", target_proposal="Contributievoorstel",
        changes=[AmendmentChange(action="vervangen", schrappen="met 5,2%", vervangen_door="met 4,2%")],
        signatories=[Signatory(name="J. Joosten", function="burgemeester", gemeente="Dinkelland", signed=True)],
    )
    base.update(changes)
    return Amendment(**base)


def _rules(item, **kwargs) -> set[tuple[str, str]]:
    kwargs.setdefault("alv_date", ALV_2024)
    return check(item, **kwargs).rule_ids()


def test_baseline_motion_and_amendment_are_clean():
    assert _rules(_motion()) == set()
    assert _rules(_amendment()) == set()


@pytest.mark.parametrize("field, rule", [
    ("indiener", "MISSING_INDIENER"), ("titel", "MISSING_TITLE"), ("datum_indiening", "MISSING_DATE"),
    ("aanleiding", "MISSING_AANLEIDING"), ("slotzin", "MISSING_SLOTZIN"),
])
def test_missing_template_part(field, rule):
    empty = None if field == "datum_indiening" else ""
    result = check(_motion(**{field: empty}), alv_date=ALV_2024)
    assert result.rule_ids() == {(rule, "error")}
    assert not result.valid


def test_missing_overwegende_needs_both_empty():
    assert _rules(_motion(constateringen=[])) == set()
    assert _rules(_motion(overwegingen=[])) == set()
    assert _rules(_motion(constateringen=[], overwegingen=[])) == {("MISSING_OVERWEGENDE", "error")}


def test_template_rules_do_not_apply_to_amendments():
    amendment = _amendment(titel="", datum_indiening=None)
    assert _rules(amendment) == set()


@pytest.mark.parametrize("oproepen, missing", [
    ([], True),
    ([Oproep(text="X te doen", verb="draagt op", addressee="het college")], True),
    ([Oproep(text="dat X", verb="spreekt uit")], True),
    ([Oproep(text="dat X", verb="spreekt uit"),
      Oproep(text="zich in te spannen", verb="roept op", addressee="het VNG-bestuur", to_vng_bestuur=True)], False),
])
def test_missing_oproep(oproepen, missing):
    result = check(_motion(oproepen=oproepen), alv_date=ALV_2024)
    assert (("MISSING_OPROEP", "error") in result.rule_ids()) is missing


def test_missing_oproep_message_names_the_other_addressee():
    result = check(_motion(oproepen=[Oproep(text="X", verb="draagt op", addressee="het college")]), alv_date=ALV_2024)
    assert "het college" in result.findings[0].message


def test_unsigned_suppresses_burgemeester_and_cosigner_errors():
    unsigned = [Signatory(name="A. Jansen", function="burgemeester", gemeente="Renkum", signed=False)]
    result = check(_motion(signatories=unsigned, mede_indieners=["Ede"]), alv_date=ALV_2024)
    assert result.rule_ids() == {("UNSIGNED", "error")}
    assert _rules(_amendment(signatories=[])) == {("UNSIGNED", "error")}


@pytest.mark.parametrize("signatories, expected", [
    ([("wethouder", "Renkum")], {("NO_BURGEMEESTER_SIGNATURE", "error")}),
    ([("gemeentesecretaris", "Renkum"), ("raadslid", "Renkum")], {("NO_BURGEMEESTER_SIGNATURE", "error")}),
    ([("burgemeester", "Ede")], {("NO_BURGEMEESTER_SIGNATURE", "error")}),  # another gemeente's burgemeester
    ([("burgemeester", "Renkum"), ("wethouder", "Renkum")], set()),
    ([("burgemeester", "Renkum"), ("gemeentesecretaris", "Renkum")], set()),
    ([("waarnemend burgemeester", "Renkum")], {("ACTING_BURGEMEESTER", "info")}),
    ([("loco-burgemeester", "Renkum")], {("ACTING_BURGEMEESTER", "info")}),
])
def test_lead_gemeente_needs_its_burgemeester(signatories, expected):
    people = [Signatory(name=f"P{i}", function=f, gemeente=g, signed=True) for i, (f, g) in enumerate(signatories)]
    assert _rules(_motion(signatories=people)) == expected


def test_acting_burgemeester_is_still_valid():
    people = [Signatory(name="R. Wever", function="waarnemend burgemeester", gemeente="Renkum", signed=True)]
    result = check(_motion(signatories=people), alv_date=ALV_2024)
    assert result.valid and result.findings[0].severity is Severity.INFO


def test_cosigners_need_any_signature_supporters_none():
    people = [
        Signatory(name="A", function="burgemeester", gemeente="Renkum", signed=True),
        Signatory(name="B", function="wethouder", gemeente="Ede", signed=True),  # who signs does not matter
        Signatory(name="C", function="burgemeester", gemeente="Arnhem", signed=False),
    ]
    motion = _motion(signatories=people, mede_indieners=["Ede", "Arnhem"], ondersteunende_gemeenten=["Rheden"])
    result = check(motion, alv_date=ALV_2024)
    assert result.rule_ids() == {("COSIGNER_WITHOUT_SIGNATURE", "error")}
    assert "Arnhem" in result.findings[0].message and "Ede" not in result.findings[0].message.split(":")[-1]
    assert _rules(_motion(signatories=people[:2], mede_indieners=["Ede"], ondersteunende_gemeenten=["Rheden"])) == set()


@pytest.mark.parametrize("submitted, motion_rules, amendment_rules", [
    (dt.datetime(2024, 6, 13, 11, 59), set(), set()),
    (dt.datetime(2024, 6, 13, 12, 0), {("LATE_SUBMISSION", "warning")}, {("LATE_SUBMISSION", "error")}),
    (dt.datetime(2024, 6, 14, 9, 0), {("LATE_SUBMISSION", "warning")}, {("LATE_SUBMISSION", "error")}),
])
def test_late_submission_error_for_amendments_warning_for_motions(submitted, motion_rules, amendment_rules):
    assert _rules(_motion(), submitted_at=submitted) == motion_rules
    assert _rules(_amendment(), submitted_at=submitted) == amendment_rules


def test_lateness_not_judged_without_time_and_aware_times_converted():
    result = check(_motion(), alv_date=ALV_2024)
    assert not result.lateness_checked and result.to_json()["submitted_at"] is None
    utc = dt.datetime(2024, 6, 13, 9, 59, tzinfo=dt.timezone.utc)  # 11:59 in Amsterdam
    assert _rules(_amendment(), submitted_at=utc) == set()
    assert check(_amendment(), alv_date=ALV_2024, submitted_at=utc).to_json()["submitted_at"] == "2024-06-13T11:59"


@pytest.mark.parametrize("changes, missing", [
    ([], True),
    ([AmendmentChange(action="vervangen", schrappen="x", vervangen_door="")], True),
    ([AmendmentChange(action="vervangen", schrappen="", vervangen_door="y")], True),
    ([AmendmentChange(action="invoegen", invoegen_na="", vervangen_door="y")], True),
    ([AmendmentChange(action="invoegen", invoegen_na="punt 2", vervangen_door="y")], False),
    ([AmendmentChange(action="schrappen", schrappen="de tweede zin")], False),
])
def test_amendment_must_say_what_is_struck_and_inserted(changes, missing):
    assert (("AMENDMENT_NO_DELETE_INSERT", "error") in _rules(_amendment(changes=changes))) is missing


@pytest.mark.parametrize("agenda_item, target, alv, non_amendable", [
    ("6", "Stand van zaken klimaat en energie", ALV_2024, True),  # ter kennisname
    ("10", "Risicobeheerfonds", ALV_2024, True),
    ("12", "vacatures", ALV_2024, True),
    ("5b", "Toelichting op de resolutie", ALV_2024, True),
    ("5b", "Resolutie asielketen", ALV_2024, False),
    ("9b", "Kadernota", ALV_2024, False),
    ("", "Klimaatakkoord", ALV_2019, True),
    ("", "Raamovereenkomst Verpakkingen", ALV_2019, True),
    ("", "Principes Digitale Samenleving", ALV_2019, False),
])
def test_amendability_per_meeting(agenda_item, target, alv, non_amendable):
    rules = _rules(_amendment(agenda_item=agenda_item, target_proposal=target), alv_date=alv)
    assert (("AMENDMENT_ON_NON_AMENDABLE", "error") in rules) is non_amendable


def test_struck_text_from_the_toelichting_is_recognised_without_naming_it():
    struck = "Daarvoor is het essentieel dat de wettelijke taakstelling rond huisvesting in stand blijft"
    amendment = _amendment(agenda_item="5b", target_proposal="Resolutie asielketen",
                           changes=[AmendmentChange(schrappen=struck, vervangen_door="iets anders")])
    result = check(amendment, alv_date=ALV_2024)
    assert result.rule_ids() == {("AMENDMENT_ON_NON_AMENDABLE", "error")}
    assert result.findings[0].sources[0].line_start == 983


def test_unknown_meeting_gives_info_only():
    result = check(_amendment(agenda_item="6"), alv_date=dt.date(2025, 6, 4))
    assert result.rule_ids() == {("AMENDABILITY_UNKNOWN", "info")}
    assert result.valid and result.meeting_label is None
    assert _rules(_motion(), alv_date=dt.date(2025, 6, 4)) == set()  # motions: no amendability question


@pytest.mark.parametrize("oproep, constatering, expected", [
    ("bij het Rijk te bepleiten dat er € 250 miljoen extra komt", "", {("TOO_DETAILED_AMOUNTS", "warning")}),
    ("te bepleiten dat er 1 miljard euro bij komt", "", {("TOO_DETAILED_AMOUNTS", "warning")}),
    ("zich in te spannen voor toereikende financiering", "het tekort € 1,2 miljard is", set()),
    ("zich in te spannen voor 1 miljoen inwoners", "", set()),
    ("zich in te spannen dat dit vóór 1 januari 2025 geregeld is", "", {("TOO_DETAILED_DEADLINE", "warning")}),
    ("binnen drie maanden met een plan te komen", "", {("TOO_DETAILED_DEADLINE", "warning")}),
    ("zich in te spannen voor een oplossing", "op 1 januari 2025 de wet ingaat", set()),
    ("ervoor te zorgen dat het Rijk de tekorten compenseert", "", {("RESULT_OBLIGATION", "warning")}),
    ("zorgt ervoor dat de tekorten verdwijnen", "", {("RESULT_OBLIGATION", "warning")}),
    ("te garanderen dat niemand tussen wal en schip valt", "", {("RESULT_OBLIGATION", "warning")}),
    ("zich in te spannen om ervoor te zorgen dat de tekorten verdwijnen", "", set()),
])
def test_content_warnings_only_in_the_oproep(oproep, constatering, expected):
    motion = _motion(
        oproepen=[Oproep(text=oproep, verb="roept op", addressee="het VNG-bestuur", to_vng_bestuur=True)],
        constateringen=[constatering or "de tekorten oplopen"],
    )
    result = check(motion, alv_date=ALV_2024)
    assert result.rule_ids() == expected
    assert result.valid


def test_content_rules_ignore_amendments():
    amendment = _amendment(changes=[AmendmentChange(schrappen="€ 5 miljoen", vervangen_door="ervoor te zorgen dat vóór 1 januari 2025")])
    assert _rules(amendment) == set()


def test_alv_resolution_order_and_error():
    named = _motion(meeting_date=ALV_2019)
    assert check(named).alv_date == ALV_2019  # the meeting named in the text
    assert check(named, alv_date=ALV_2024).alv_date == ALV_2024  # the argument wins
    assert check(_motion(datum_indiening=dt.date(2019, 11, 1))).alv_date == ALV_2019  # next registry meeting
    assert check(_motion(), submitted_at=dt.datetime(2024, 6, 1, 10, 0)).alv_date == ALV_2024
    with pytest.raises(InputError, match="--alv-date"):
        check(_motion(datum_indiening=dt.date(2030, 1, 1)))
    with pytest.raises(InputError):
        check(_motion(datum_indiening=None))


def test_every_finding_carries_rule_text_and_sources():
    result = check(_motion(indiener="", titel="", signatories=[]), alv_date=ALV_2024,
                   submitted_at=dt.datetime(2024, 6, 20, 9, 0))
    assert len(result.findings) >= 4
    for finding in result.findings:
        rule = RULES_BY_ID[finding.rule]
        assert finding.message.startswith(rule.message) and finding.hint == rule.hint
        assert finding.sources and all(source.text for source in finding.sources)
    order = [f.severity for f in result.findings]
    assert order == sorted(order, key=lambda s: ["error", "warning", "info"].index(s.value))


def test_catalogue_ids_and_severities_are_the_contract():
    contract = {
        "MISSING_INDIENER": "error", "MISSING_TITLE": "error", "MISSING_DATE": "error",
        "MISSING_AANLEIDING": "error", "MISSING_OVERWEGENDE": "error", "MISSING_OPROEP": "error",
        "MISSING_SLOTZIN": "error", "UNSIGNED": "error", "NO_BURGEMEESTER_SIGNATURE": "error",
        "COSIGNER_WITHOUT_SIGNATURE": "error", "AMENDMENT_NO_DELETE_INSERT": "error",
        "AMENDMENT_ON_NON_AMENDABLE": "error", "AMENDABILITY_UNKNOWN": "info", "TOO_DETAILED_AMOUNTS": "warning",
        "TOO_DETAILED_DEADLINE": "warning", "RESULT_OBLIGATION": "warning",
    }
    for rule_id, severity in contract.items():
        assert RULES_BY_ID[rule_id].severity.value == severity
    late = RULES_BY_ID["LATE_SUBMISSION"]
    assert late.severity_for("amendement") is Severity.ERROR and late.severity_for("motie") is Severity.WARNING
    assert all(rule.severity is Severity.INFO for rule in RULES if rule.id not in contract and rule.id != "LATE_SUBMISSION")
    assert all(rule.sources and rule.what and rule.why and rule.hint for rule in RULES)


def test_topic_words_after_the_proposal_name_do_not_move_the_target():
    amendment = _amendment(agenda_item="", target_proposal="de Kadernota, onderdeel klimaat en energie")
    assert _rules(amendment) == set()  # 9b Kadernota, not item 6 (klimaat en energie, ter kennisname)
    toelichting = _amendment(agenda_item="", target_proposal="Resolutie asielketen, toelichting")
    assert _rules(toelichting) == {("AMENDMENT_ON_NON_AMENDABLE", "error")}
