"""Parser regressions found with the independent held-out-like set (bench/rules_holdout): one test per bug class.

Each test uses a small, realistic text in the layout that broke the parser, and asserts the parsed model (who
signed for which gemeente, what an amendment changes, which call goes to the VNG-bestuur).
"""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.motions.extract import read_submission_file
from assistant.motions.parse import parse_submission

MOTION_HEAD = """Motie van de gemeente(n): {gemeenten}
Titel motie: Test
Datum indiening: 10 juni 2024

Aanleiding
Er is een probleem.

Constaterende, dat er iets aan de hand is;

Verzoekt het VNG-bestuur om bij het Rijk een oplossing te bepleiten.

En gaat over tot de orde van de dag.
"""


def _motion(signatures: str, gemeenten: str = "Ede"):
    return parse_submission(MOTION_HEAD.format(gemeenten=gemeenten) + "\n" + signatures)


def _signed_by(item) -> list[tuple[str, str, bool]]:
    return [(s.name, s.gemeente, s.signed) for s in item.signatories]


# --- signature markers -----------------------------------------------------------------------------------------


def test_digital_signature_note_signs_the_person_above():
    motion = _motion("Ondertekening\nL. Bolsius, burgemeester\nDigitaal ondertekend door L. Bolsius op 11-06-2024 14:02\n")
    assert _signed_by(motion) == [("L. Bolsius", "Ede", True)]


def test_promised_digital_signature_is_not_a_signature():
    motion = _motion("Ondertekening\nC. Bakker, burgemeester van Ede (wordt digitaal ondertekend)\n")
    assert [s.signed for s in motion.signatories] == [False]


def test_getekend_label_is_a_marker_not_a_gemeente():
    motion = _motion("Getekend: A. Jansen, burgemeester\n")
    assert _signed_by(motion) == [("A. Jansen", "Ede", True)]
    assert motion.mede_indieners == []


# --- gemeente names heading a block or a column ----------------------------------------------------------------


def test_bare_gemeente_name_heads_the_block_below_it():
    motion = _motion("Hoeksche Waard\nw.g. J. van Belzen, burgemeester\n\nGoeree-Overflakkee\nR. Grosman, burgemeester\n",
                     gemeenten="Hoeksche Waard")
    assert _signed_by(motion) == [("J. van Belzen", "Hoeksche Waard", True), ("R. Grosman", "Goeree-Overflakkee", False)]
    assert motion.mede_indieners == ["Goeree-Overflakkee"]


def test_three_space_aligned_columns_with_gemeente_headers():
    block = (
        "Heerenveen                    Weststellingwerf              Ooststellingwerf\n"
        "w.g.                          w.g.\n"
        "T. van Mourik                 A. van der Veer               H. Oosterman\n"
        "burgemeester                  burgemeester                  burgemeester\n"
    )
    motion = _motion(block, gemeenten="Heerenveen, Weststellingwerf en Ooststellingwerf")
    assert _signed_by(motion) == [
        ("T. van Mourik", "Heerenveen", True), ("A. van der Veer", "Weststellingwerf", True),
        ("H. Oosterman", "Ooststellingwerf", False)]


def test_marker_missing_in_the_middle_column_stays_in_its_column():
    block = (
        "Ede                           Wageningen                    Renkum\n"
        "w.g.                                                        w.g.\n"
        "A. Jansen                     B. de Vries                   C. Pieters\n"
    )
    motion = _motion(block, gemeenten="Ede, Wageningen en Renkum")
    assert _signed_by(motion) == [("A. Jansen", "Ede", True), ("B. de Vries", "Wageningen", False),
                                  ("C. Pieters", "Renkum", True)]


def test_marker_missing_in_the_first_column_is_not_shifted_left():
    block = (
        "Ede                           Wageningen\n"
        "                              w.g.\n"
        "A. Jansen                     B. de Vries\n"
    )
    motion = _motion(block, gemeenten="Ede en Wageningen")
    assert _signed_by(motion) == [("A. Jansen", "Ede", False), ("B. de Vries", "Wageningen", True)]


def test_single_marker_line_inside_a_two_column_block():
    block = (
        "de secretaris,                          de burgemeester,\n"
        "                                        w.g.\n"
        "drs. H. Wolters                         M. Boumans\n"
    )
    motion = _motion(block)
    assert [(s.name, s.function, s.signed) for s in motion.signatories] == [
        ("drs. H. Wolters", "gemeentesecretaris", False), ("M. Boumans", "burgemeester", True)]


def test_column_headers_above_an_amendments_signatures_belong_to_the_signatures():
    amendment = parse_submission(
        "Amendement BALV 29 november 2019\nAgendapunt 9. Principes Digitale Samenleving\n\n"
        "Ingediend door: gemeente Eindhoven\nMede-indiener: gemeente Helmond\n\n"
        'Na "voor de digitalisering van de openbare ruimte" wordt ingevoegd: ", en deze te evalueren".\n\n'
        "Eindhoven,                               Helmond,\n"
        "w.g. J. Jorritsma, burgemeester          w.g. E. Blanksma, burgemeester\n"
    )
    assert _signed_by(amendment) == [("J. Jorritsma", "Eindhoven", True), ("E. Blanksma", "Helmond", True)]
    assert len(amendment.changes) == 1


def test_docx_table_keeps_the_empty_cell_of_a_missing_signature(tmp_path):
    import docx

    document = docx.Document()
    for text in MOTION_HEAD.format(gemeenten="Ede en Renkum").splitlines():
        document.add_paragraph(text)
    table = document.add_table(rows=3, cols=2)
    for row, (left, right) in enumerate([("Gemeente Ede", "Gemeente Renkum"), ("w.g.", ""),
                                         ("A. Jansen, burgemeester", "C. Bos, wethouder")]):
        table.cell(row, 0).text, table.cell(row, 1).text = left, right
    path = tmp_path / "motie.docx"
    document.save(path)
    motion = parse_submission(read_submission_file(path).text)
    assert _signed_by(motion) == [("A. Jansen", "Ede", True), ("C. Bos", "Renkum", False)]


# --- amendment instructions ------------------------------------------------------------------------------------

AMENDMENT = "Amendement\nGemeente: Tubbergen\nBetreft: agendapunt 9a Contributievoorstel VNG\nALV 26 juni 2024\n\n{body}\n\nw.g. W. Haverkort, burgemeester\n"


def test_komt_te_luiden_with_a_long_quoted_passage_and_the_new_text_below():
    body = ('Het voorstel "Het bestuur stelt de leden voor om de contributie, conform de afgesproken meerjarige '
            'systematiek, te verhogen met 5,2%" komt te luiden:\n"Het bestuur stelt de leden voor om de contributie '
            'voor 2025 niet te verhogen."')
    [change] = parse_submission(AMENDMENT.format(body=body)).changes
    assert change.action == "vervangen"
    assert "te verhogen met 5,2%" in change.schrappen
    assert change.vervangen_door == "Het bestuur stelt de leden voor om de contributie voor 2025 niet te verhogen."


def test_komt_te_luiden_without_new_text_is_incomplete():
    changes = parse_submission(AMENDMENT.format(body="Beslispunt 2 komt te luiden:")).changes
    assert changes and all(c.action == "vervangen" and not c.vervangen_door for c in changes)


def test_vervangen_door_without_text_is_not_turned_into_a_strike():
    changes = parse_submission(AMENDMENT.format(body='Schrappen: "met 5,2%"\nVervangen door:')).changes
    assert [(c.action, c.schrappen, c.vervangen_door) for c in changes] == [("vervangen", "met 5,2%", "")]


def test_new_beslispunt_is_an_insertion_with_place_and_text():
    body = 'Een nieuw beslispunt toevoegen:\n"Het bestuur rapporteert in de Najaars-ALV over de voortgang."'
    [change] = parse_submission(AMENDMENT.format(body=body)).changes
    assert change.action == "invoegen" and change.invoegen_na.startswith("nieuw beslispunt")
    assert change.vervangen_door == "Het bestuur rapporteert in de Najaars-ALV over de voortgang."


# --- amendment header fields -----------------------------------------------------------------------------------


def test_indieners_field_with_a_mede_indiener_after_the_lead():
    amendment = parse_submission(
        "Amendement\nIndieners: gemeente Hoeksche Waard, mede-indiener gemeente Goeree-Overflakkee\n"
        'Agendapunt 11\n\nSchrappen: "als afgedaan te beschouwen"\nVervangen door: "aan te houden"\n\n'
        "w.g. J. van Belzen, burgemeester\n")
    assert (amendment.indiener, amendment.mede_indieners) == ("Hoeksche Waard", ["Goeree-Overflakkee"])


def test_onderdeel_field_and_named_agenda_item_on_the_meeting_line():
    part = parse_submission("Amendement\nIndiener: gemeente Meierijstad\nALV 26 juni 2024, agendapunt 8\n"
                            "Onderdeel: Bestuurlijk Jaarverslag 2023\n\nSchrappen: \"a\"\nVervangen door: \"b\"\n")
    assert (part.agenda_item, part.target_proposal) == ("8", "Bestuurlijk Jaarverslag 2023")
    named = parse_submission("Amendement\nIndiener: gemeente Oisterwijk\nALV 26 juni 2024, agendapunt 8: Financieel "
                             "Jaarverslag 2023\n\nSchrappen: \"a\"\nVervangen door: \"b\"\n")
    assert (named.agenda_item, named.target_proposal, named.meeting_date) == (
        "8", "Financieel Jaarverslag 2023", dt.date(2024, 6, 26))


def test_bare_proposal_name_under_the_heading_is_the_target():
    amendment = parse_submission("Amendement\nIndiener: gemeente Oss\nBALV 29 november 2019\nVNG Agenda 2020\n\n"
                                 'Schrappen: "Eind 2020"\nVervangen door: "Medio 2020"\n\nw.g. W. Buijs, burgemeester\n')
    assert amendment.target_proposal == "VNG Agenda 2020"
    intro = parse_submission("Amendement\nIndiener: gemeente Ede\nAgendapunt 9a\n"
                             "De ondergetekende stelt voor het voorstel als volgt te wijzigen:\n"
                             'Schrappen: "met 5,2%"\nVervangen door: "met 4,2%"\n')
    assert "ondergetekende" not in intro.target_proposal  # an intro sentence is not a proposal name


# --- calls -----------------------------------------------------------------------------------------------------

CALL_HEAD = "Motie van de gemeente(n): Ede\nTitel motie: Test\nDatum indiening: 10 juni 2024\n\nAanleiding\nIets.\n\n"


def _calls(text: str) -> list[tuple[str, bool]]:
    return [(o.addressee, o.to_vng_bestuur) for o in parse_submission(CALL_HEAD + text).oproepen]


def test_alv_van_de_vng_as_subject_of_the_call():
    assert _calls("Constaterende, dat iets;\nDe ALV van de VNG verzoekt het bestuur om X te bepleiten.\n") == [
        ("het bestuur", True)]
    assert _calls("Constaterende, dat iets;\nDe ALV van de VNG verzoekt het kabinet om X te doen.\n") == [
        ("het kabinet", False)]


def test_besluit_op_te_roepen_is_a_call_with_its_addressee():
    assert _calls("Constaterende, dat iets;\nbesluit het VNG-bestuur op te roepen om X te bepleiten,\n") == [
        ("het VNG-bestuur", True)]
    assert _calls("Constaterende, dat iets;\nBesluit:\nhet college op te dragen X uit te voeren.\n") == [
        ("het college", False)]


def test_infinitive_in_a_constatering_is_not_a_call():
    motion = parse_submission(CALL_HEAD + "Constaterende, dat\nde minister heeft besloten de provincies te vragen om "
                              "plannen;\nhet Rijk geen geld geeft;\nVerzoekt het VNG-bestuur X te bepleiten.\n")
    assert len(motion.constateringen) == 2
    assert [(o.addressee, o.to_vng_bestuur) for o in motion.oproepen] == [("het VNG-bestuur", True)]


# --- more signature layouts (second red-team round) ------------------------------------------------------------


def test_gemeente_in_brackets_and_without_van():
    motion = _motion("Burgemeester A. Jansen w.g.\nWethouder B. Vos (Renkum) w.g.\nw.g. C. Bos (burgemeester Arnhem)\n"
                     "w.g. D. Klein, wethouder Rheden\n", gemeenten="Ede, Renkum, Arnhem en Rheden")
    assert _signed_by(motion) == [("A. Jansen", "Ede", True), ("B. Vos", "Renkum", True), ("C. Bos", "Arnhem", True),
                                  ("D. Klein", "Rheden", True)]


def test_wethouder_and_loco_burgemeester_signs_as_loco():
    motion = _motion("w.g. A. Jansen, wethouder en loco-burgemeester van Ede\n")
    assert [(s.name, s.function, s.gemeente) for s in motion.signatories] == [("A. Jansen", "loco-burgemeester", "Ede")]


def test_label_rows_after_the_slotzin_are_all_read():
    block = ("Gemeente: Ede\nNaam: A. Jansen\nFunctie: burgemeester\nHandtekening: w.g.\n\n"
             "Gemeente: Renkum\nNaam: B. Vos\nFunctie: wethouder\nHandtekening:\n")
    motion = _motion(block, gemeenten="Ede en Renkum")
    assert _signed_by(motion) == [("A. Jansen", "Ede", True), ("B. Vos", "Renkum", False)]


def test_ondertekening_heading_right_after_the_slotzin_is_not_a_name():
    motion = _motion("Ondertekening indiener(s)\nw.g. A. Jansen, burgemeester\n")
    assert _signed_by(motion) == [("A. Jansen", "Ede", True)]


def test_run_together_headers_of_two_burgemeesters():
    motion = _motion("de burgemeester van Ede, de burgemeester van Renkum,\nw.g. A. Jansen w.g. B. Vos\n",
                     gemeenten="Ede en Renkum")
    assert [(s.name, s.function, s.gemeente, s.signed) for s in motion.signatories] == [
        ("A. Jansen", "burgemeester", "Ede", True), ("B. Vos", "burgemeester", "Renkum", True)]


def test_pdf_two_column_block_without_column_gaps(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for text in MOTION_HEAD.format(gemeenten="Ede en Renkum").splitlines():
        pdf.multi_cell(0, 6, text or " ", new_x="LMARGIN", new_y="NEXT")
    for left, right in [("Gemeente Ede", "Gemeente Renkum"), ("w.g. A. Jansen", "B. Vos"), ("burgemeester", "wethouder")]:
        pdf.cell(70, 6, left)
        pdf.cell(70, 6, right, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "motie.pdf"
    pdf.output(str(path))
    text = read_submission_file(path).text
    assert "w.g. A. Jansen B. Vos" in text  # pypdf joins the columns with one space: the gap is gone
    motion = parse_submission(text)
    assert [(s.name, s.function, s.gemeente, s.signed) for s in motion.signatories] == [
        ("A. Jansen", "burgemeester", "Ede", True), ("B. Vos", "wethouder", "Renkum", False)]


def test_meeting_on_the_motie_line_is_not_the_title():
    text = ("Motie voor de Najaars-ALV van 5 december 2025\nIndiener: gemeente Ede\n{title}Datum indiening: 20 mei 2025\n\n"
            "Aanleiding\nIets.\n\nConstaterende, dat iets;\n\nVerzoekt het VNG-bestuur X te bepleiten.\n\n"
            "En gaat over tot de orde van de dag.\n\nw.g. A. Jansen, burgemeester\n")
    without = parse_submission(text.format(title=""))
    assert (without.titel, without.meeting_date) == ("", dt.date(2025, 12, 5))
    assert parse_submission(text.format(title="Titel motie: Goede zorg\n")).titel == "Goede zorg"
    explicit = parse_submission("Motie: Iets anders\nTitel motie: Goede zorg\nIndiener: gemeente Ede\n")
    assert explicit.titel == "Goede zorg"  # the explicit field beats the words after "Motie"


@pytest.mark.parametrize("body", [
    'In het voorstel wordt "met 5,2%" gewijzigd in "met 4,2%".',
    'In het voorstel: "met 5,2%" wordt "met 4,2%".',
    'Het voorstel "te verhogen met 5,2%" te lezen als "te verhogen met 4,2%".',
])
def test_inline_replacement_verbs(body):
    changes = parse_submission(AMENDMENT.format(body=body)).changes
    assert [(c.action, "5,2%" in c.schrappen, "4,2%" in c.vervangen_door) for c in changes] == [("vervangen", True, True)]


def test_ordinal_new_point_with_a_location_is_an_insertion():
    [change] = parse_submission(AMENDMENT.format(
        body='Aan het voorstel een tweede beslispunt toevoegen: "Het bestuur evalueert de systematiek."')).changes
    assert change.action == "invoegen" and change.invoegen_na.startswith("tweede beslispunt")
    assert change.vervangen_door == "Het bestuur evalueert de systematiek."


@pytest.mark.parametrize("table", [
    "Huidige tekst\tNieuwe tekst\nte verhogen met 5,2%\tte verhogen met 4,2%\n",
    "| Oorspronkelijke tekst | Voorgestelde tekst |\n|---|---|\n| te verhogen met 5,2% | te verhogen met 4,2% |\n",
])
def test_old_new_table_gives_replacements(table):
    amendment = parse_submission("Amendement\nIndiener: gemeente Ede\nALV 26 juni 2024\n\n" + table
                                 + "\nw.g. A. Jansen, burgemeester\n")
    assert [(c.action, c.schrappen, c.vervangen_door) for c in amendment.changes] == [
        ("vervangen", "te verhogen met 5,2%", "te verhogen met 4,2%")]
    assert amendment.target_proposal == ""  # the table header is not the proposal's name


@pytest.mark.parametrize(("line", "name", "signed"), [
    ("w.g A. Jansen, burgemeester", "A. Jansen", True),          # marker without its last full stop
    ("A. Jansen, burgemeester, w.g", "A. Jansen", True),
    ("[w.g.] A. Jansen, burgemeester", "A. Jansen", True),       # bracketed marker leaves no debris in the name
    ("/w.g./ A. Jansen, burgemeester", "A. Jansen", True),
    ("W.G. Jansen, burgemeester", "W.G. Jansen", False),         # initials W.G., not the marker
    ("mr. W.G. van Dam, burgemeester w.g.", "mr. W.G. van Dam", True),
    ("W.G. A. Jansen, burgemeester", "A. Jansen", True),         # marker in capitals before the initials
])
def test_marker_spellings_and_initials_w_g(line, name, signed):
    [signatory] = _motion(line + "\n").signatories
    assert (signatory.name, signatory.signed) == (name, signed)


def test_word_invisibles_bom_soft_hyphen_and_narrow_spaces():
    text = ("\ufeffMotie van de gemeente(n): Ede\r\nTitel motie: Test\r\nDatum indiening: 10\u202fjuni\u202f2024\r\n\r\n"
            "Aanleiding\r\nIets.\r\n\r\nConstaterende, dat iets;\r\n\r\nRoept het VNG-be\u00adstuur op X te bepleiten.\r\n\r\n"
            "En gaat over tot de orde van de dag.\r\n\r\nw.g.\u2009A. Jansen, burge\u00admeester\r\n")
    motion = parse_submission(text)
    assert (motion.indiener, motion.datum_indiening) == ("Ede", dt.date(2024, 6, 10))
    assert [(o.addressee, o.to_vng_bestuur) for o in motion.oproepen] == [("het VNG-bestuur", True)]
    assert [(s.name, s.function, s.signed) for s in motion.signatories] == [("A. Jansen", "burgemeester", True)]


def test_signature_in_capitals():
    motion = _motion("W.G. TH.L.N. WETERINGS\nBURGEMEESTER VAN EDE\n")
    assert [(s.name, s.function, s.gemeente, s.signed) for s in motion.signatories] == [
        ("TH.L.N. WETERINGS", "burgemeester", "EDE", True)]
    amendment = parse_submission("AMENDEMENT VAN DE GEMEENTE OLDAMBT OP HET KLIMAATAKKOORD\n\n"
                                 'SCHRAPPEN: "A"\nVERVANGEN DOOR: "B"\n\n(W.G.) C. BIJL, BURGEMEESTER\n')
    assert amendment.indiener == "OLDAMBT"
