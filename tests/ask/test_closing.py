"""The closing block of a letter or report answers "who signed it" (assistant.closing)."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.closing import asks_signer, closing_lines, find_closing


@dataclass
class _Chunk:
    text: str
    line_start: int | None = 1


def test_signer_questions_are_past_tense_signing_questions():
    assert asks_signer("Which firm signed the auditor's report on the 2023 financial statements?")
    assert asks_signer("Wie ondertekende de uitnodiging voor de BALV?")
    assert not asks_signer("Wie ondertekent een motie namens het college?")  # the signing rule
    assert not asks_signer("Wie is de voorzitter van de VNG?")


def test_the_block_after_the_greeting_is_the_signature():
    chunk = _Chunk("Voor meer informatie: bestuurszaken@vng.nl.\n\nMet vriendelijke groet,\nVereniging van Nederlandse "
                   "Gemeenten\n\n\nmr J.H.C. van Zanen\nVoorzitter\n\n**Aan de leden**", line_start=110)
    block, open_end = closing_lines(chunk)
    assert [text for _, text in block] == ["Met vriendelijke groet,", "Vereniging van Nederlandse Gemeenten",
                                           "mr J.H.C. van Zanen", "Voorzitter"]
    assert block[0][0] == 112 and block[2][0] == 116 and not open_end  # blank lines keep their numbers


def test_a_place_and_date_open_a_signature_that_goes_on_in_the_next_chunk():
    report = _Chunk("Wij communiceren met het bestuur over de controle.\n\nWoudenberg, 17 mei 2024  \n"
                    "Vallei Accountants Audit B.V.", line_start=3033)
    name = _Chunk("Drs. L.S. Goeman RA", line_start=3038)
    parts = find_closing(report, lambda chunk: name if chunk is report else None)
    assert [(chunk.line_start, [text for _, text in lines]) for chunk, lines in parts] == [
        (3033, ["Woudenberg, 17 mei 2024", "Vallei Accountants Audit B.V."]), (3038, ["Drs. L.S. Goeman RA"])]


def test_no_closing_block_no_answer():
    assert find_closing(_Chunk("Een gewone alinea zonder ondertekening."), lambda chunk: None) == []
    assert find_closing(_Chunk("Met vriendelijke groet,"), lambda chunk: None) == []  # nothing signed under it


def test_who_signed_the_report_quotes_its_closing_lines(ask_engine):
    answer = ask_engine.ask("Which accounting firm signed the auditor's report on the VNG financial statements for "
                            "2023, and which accountant signed it?")
    assert answer.found and answer.route == "retrieval"
    for fact in ("Vallei Accountants Audit B.V.", "Goeman", "Woudenberg, 17 mei 2024"):
        assert fact in answer.answer, answer.answer
    for quote in answer.answer.split(" … "):
        assert any(quote.strip("“”") in source.text for source in answer.sources), quote
    letter = ask_engine.ask("Wie ondertekende de uitnodiging voor de Buitengewone ALV van 29 november 2019?")
    assert letter.found and "van Zanen" in letter.answer and "Voorzitter" in letter.answer, letter.answer
