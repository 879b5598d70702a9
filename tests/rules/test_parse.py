"""Parser tests on messy, realistic layouts (free text -> Motion | Amendment)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.motions.model import Amendment, Motion
from assistant.motions.parse import parse_dutch_date, parse_submission, split_gemeenten

DEVSET = Path(__file__).resolve().parents[2] / "bench" / "rules_devset"


def _parse(name: str):
    return parse_submission((DEVSET / name).read_text(encoding="utf-8"))


def test_clean_template_motion_fills_every_part():
    motion = _parse("01_sjabloon_schoon.txt")
    assert isinstance(motion, Motion)
    assert motion.indiener == "Renkum"
    assert motion.titel == "Structurele financiering van de jeugdzorg"
    assert motion.datum_indiening == dt.date(2024, 6, 10)
    assert motion.aanleiding.startswith("Het nieuwe kabinet")
    assert len(motion.constateringen) == 2 and len(motion.overwegingen) == 1
    assert motion.oproepen[0].to_vng_bestuur and motion.oproepen[0].addressee == "het bestuur van de VNG"
    assert "structurele en toereikende financiering" in motion.oproepen[0].text
    assert motion.slotzin == "En gaat over tot de orde van de dag."
    [signatory] = motion.signatories
    assert (signatory.name, signatory.function, signatory.gemeente, signatory.signed) == (
        "A.M. Jansen", "burgemeester", "Renkum", True)
    assert motion.contact_persons[0].email == "p.hendriks@renkum.nl"


def test_email_with_odd_casing_and_bullets():
    motion = _parse("02_email_rommelig.txt")
    assert motion.indiener.lower() == "zwolle"
    assert motion.titel == "ruimte voor woningbouw bij netcongestie"  # not the salutation
    assert motion.datum_indiening == dt.date(2024, 6, 11)
    assert motion.meeting_date == dt.date(2024, 6, 26)
    assert motion.aanleiding  # "aanleiding:" heading, text on the next line
    assert len(motion.constateringen) == 2  # tab + "•" bullets
    assert len(motion.overwegingen) == 2  # "o" bullets after "overwegende,"
    assert motion.oproepen[0].verb == "roept op" and motion.oproepen[0].to_vng_bestuur
    assert "Landelijk Actieprogramma" in motion.oproepen[0].text  # "–" bullets joined into the call
    assert motion.slotzin == "en gaat over tot de orde van de dag"
    assert motion.signatories[0].signed and motion.signatories[0].marker == "(w.g.)"


@pytest.mark.parametrize("name", ["03_tweekoloms_tab.txt", "04_tweekoloms_losse_regels.txt"])
def test_two_column_signature_block(name):
    motion = _parse(name)
    functions = {s.function: s for s in motion.signatories}
    assert set(functions) == {"gemeentesecretaris", "burgemeester"}
    assert all(s.signed and s.gemeente == motion.indiener for s in motion.signatories)


def test_two_column_names_follow_function_order():
    motion = _parse("03_tweekoloms_tab.txt")
    by_function = {s.function: s.name for s in motion.signatories}
    assert by_function == {"gemeentesecretaris": "drs. K. Visser", "burgemeester": "J.L. Nieuwenburg"}


def test_run_together_columns_from_pdf_text():
    text = ("Motie van de gemeente Hoorn\nTitel: X\n\nroept het VNG-bestuur op zich in te spannen.\n"
            "En gaat over tot de orde van de dag.\n\nde secretaris, de burgemeester,\nw.g. J. Smit w.g. P. de Vries\n")
    motion = parse_submission(text)
    assert [(s.function, s.name, s.signed) for s in motion.signatories] == [
        ("gemeentesecretaris", "J. Smit", True), ("burgemeester", "P. de Vries", True)]


@pytest.mark.parametrize("line, signed", [
    ("w.g. A. Jansen, burgemeester", True),
    ("A. Jansen, burgemeester (w.g.)", True),
    ("[handtekening] A. Jansen, burgemeester", True),
    ("A. Jansen, burgemeester (handtekening volgt)", False),
    ("A. Jansen, burgemeester", False),
])
def test_signature_markers(line, signed):
    motion = parse_submission(f"Motie van de gemeente Renkum\n\nEn gaat over tot de orde van de dag.\n\n{line}\n")
    [signatory] = motion.signatories
    assert signatory.name == "A. Jansen" and signatory.function == "burgemeester"
    assert signatory.signed is signed


def test_acting_burgemeester_functions_are_normalised():
    text = ("Motie van de gemeente Heerlen\nEn gaat over tot de orde van de dag.\n"
            "w.g. R. Wever, wnd. burgemeester\nw.g. P. Smit, locoburgemeester\nw.g. Q. Bos, burgemeester a.i.\n")
    functions = [s.function for s in parse_submission(text).signatories]
    assert functions == ["waarnemend burgemeester", "loco-burgemeester", "waarnemend burgemeester"]


@pytest.mark.parametrize("call, to_vng", [
    ("roept het bestuur van de VNG op zich in te spannen voor X", True),
    ("verzoekt het VNG-bestuur X te bepleiten", True),
    ("draagt het VNG-bestuur op X", True),
    ("vraagt het bestuur om X", True),
    ("Roept de VNG op om X", True),
    ("draagt het college op X te doen", False),
    ("verzoekt het kabinet om X", False),
    ("roept de minister van BZK op X", False),
])
def test_call_addressee(call, to_vng):
    motion = parse_submission(f"Motie\nconstaterende dat Y;\n{call}\nen gaat over tot de orde van de dag\n")
    [oproep] = motion.oproepen
    assert oproep.to_vng_bestuur is to_vng
    assert oproep.text.endswith("X") or oproep.text.endswith("X te doen") or "X" in oproep.text


def test_spreekt_uit_is_not_a_call():
    motion = _parse("09_spreekt_uit.txt")
    assert [o.verb for o in motion.oproepen] == ["spreekt uit"]
    assert not any(o.to_vng_bestuur for o in motion.oproepen)


def test_one_paragraph_motion_is_split_into_parts():
    text = ("Motie van de gemeente Urk\nconstaterende dat de visserij krimpt, overwegende dat dit de gemeente raakt, "
            "spreekt uit dat dit zorgelijk is en roept het VNG-bestuur op zich in te spannen voor de visserij, "
            "en gaat over tot de orde van de dag.")
    motion = parse_submission(text)
    assert motion.constateringen and motion.overwegingen and motion.slotzin
    assert [o.verb for o in motion.oproepen] == ["spreekt uit", "roept op"]
    assert motion.oproepen[1].to_vng_bestuur


def test_submitters_supporters_and_cosigners():
    motion = _parse("20_mede_indiener_niet_getekend.txt")
    assert motion.indiener == "Enschede"
    assert motion.mede_indieners == ["Hengelo", "Almelo"]
    assert motion.ondersteunende_gemeenten == ["Borne", "Oldenzaal"]
    signed = {s.gemeente: s.signed for s in motion.signatories}
    assert signed == {"Enschede": True, "Hengelo": True, "Almelo": False}


def test_header_with_mede_namens_and_gemeente_prefix_lines():
    motion = parse_submission(
        "Ingediend door de gemeente Ede, mede namens de gemeenten Wageningen en Bergen op Zoom\n"
        "Titel: X\n\nEn gaat over tot de orde van de dag.\n\nZeist: w.g. K. Kuipers, burgemeester\n")
    assert motion.indiener == "Ede"
    assert motion.mede_indieners == ["Wageningen", "Bergen op Zoom", "Zeist"]  # Zeist signs: a co-submitter
    assert motion.signatories[0].gemeente == "Zeist"


def test_markdown_signature_table():
    motion = _parse("25_loco_tabel.md")
    assert motion.titel == "Veiligheid in het uitgaansgebied"
    assert [(s.gemeente, s.function, s.signed) for s in motion.signatories] == [
        ("Enschede", "loco-burgemeester", True), ("Enschede", "gemeentesecretaris", True)]
    assert motion.constateringen and motion.overwegingen


def test_amendment_schrappen_vervangen_door_block():
    amendment = _parse("14_late_amendement.txt")
    assert isinstance(amendment, Amendment)
    assert amendment.indiener == "Dinkelland" and amendment.agenda_item == "9a"
    [change] = amendment.changes
    assert change.action == "vervangen"
    assert change.schrappen == "De contributie voor 2025 wordt verhoogd met 5,2%"
    assert change.vervangen_door.startswith("De contributie voor 2025 wordt verhoogd met 4,2%")
    assert amendment.toelichting.startswith("Gemeenten staan financieel onder druk")


def test_amendment_invoegen_na():
    amendment = _parse("16_amendement_resolutie_invoegen.txt")
    [change] = amendment.changes
    assert change.action == "invoegen"
    assert change.invoegen_na.startswith("Er bij het nieuwe kabinet op aan te dringen")
    assert "Landelijke Vreemdelingenvoorziening" in change.vervangen_door
    assert amendment.mede_indieners == ["Nijmegen"]
    assert {s.gemeente for s in amendment.signatories if s.signed} == {"Amersfoort", "Nijmegen"}


def test_amendment_inline_replace_keeps_location_in_target():
    amendment = _parse("15_amendement_toelichting.txt")
    assert amendment.changes[0].schrappen.startswith("Het is – gezien de huidige acute situatie")
    assert "toelichting" in amendment.target_proposal.lower()


def test_amendment_without_instruction_has_no_changes():
    amendment = _parse("19_amendement_vaag.txt")
    assert isinstance(amendment, Amendment) and amendment.changes == []


def test_kind_detection_from_instructions_without_heading():
    text = 'De gemeente Zeist stelt voor:\nSchrappen: "a b c"\nVervangen door: "d e f"\nw.g. K. Kuipers, burgemeester van Zeist\n'
    assert parse_submission(text).kind == "amendement"
    motion = _parse("10_bedragen_in_constateringen.txt")  # mentions "schrappen", has a slotzin
    assert motion.kind == "motie"


@pytest.mark.parametrize("text, expected", [
    ("13 juni 2024", dt.date(2024, 6, 13)),
    ("13-06-2024", dt.date(2024, 6, 13)),
    ("13/6/2024", dt.date(2024, 6, 13)),
    ("woensdag 26 jun. 2024", dt.date(2024, 6, 26)),
    ("geen datum", None),
])
def test_dutch_dates(text, expected):
    assert parse_dutch_date(text) == expected


def test_split_gemeenten_keeps_compound_names():
    assert split_gemeenten("de gemeenten 's-Hertogenbosch, Súdwest-Fryslân en Ede") == [
        "'s-Hertogenbosch", "Súdwest-Fryslân", "Ede"]


def test_empty_and_garbage_input_never_raise():
    assert parse_submission("").kind == "motie"
    assert parse_submission("\n\n\t  \n").signatories == []
    assert parse_submission("§§§ ### ***").indiener == ""


def test_phrases_wrapped_by_pdf_extraction_are_joined():
    motion = parse_submission(
        "Motie van de gemeente Ede\nconstaterende dat X;\nRoept het bestuur van de\nVNG op zich in te spannen voor Y;\n"
        "en gaat over tot de orde van de\ndag.\nw.g. A. Jansen, burgemeester\n")
    assert motion.oproepen[0].to_vng_bestuur and motion.slotzin == "en gaat over tot de orde van de dag."


def test_one_signer_per_row_with_labels():
    motion = parse_submission(
        "Motie van de gemeente Westerkwartier\nEn gaat over tot de orde van de dag.\nOndertekening:\n"
        "Burgemeester: Ard van der Tuuk        Handtekening: w.g.\n"
        "Wethouder: Geert Kielman              Handtekening:\n")
    assert [(s.name, s.function, s.signed) for s in motion.signatories] == [
        ("Ard van der Tuuk", "burgemeester", True), ("Geert Kielman", "wethouder", False)]


def test_a_mentioned_earlier_alv_is_not_the_meeting():
    motion = parse_submission("Motie\nconstaterende dat de ALV van 1 december 2023 iets besloot;\n"
                              "roept het VNG-bestuur op dit in de ALV van 26 juni 2024 te bespreken\n")
    assert motion.meeting_date == dt.date(2024, 6, 26)
    preamble = parse_submission("MOTIE\nDe leden van de VNG, in ALV bijeen op 29 november 2019 te Nieuwegein,\n")
    assert preamble.meeting_date == dt.date(2019, 11, 29)
