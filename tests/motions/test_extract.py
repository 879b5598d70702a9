"""Reading submission files: txt (encodings), md, docx (tables in order), eml (body vs attachment, times)."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

import pytest

from assistant.errors import InputError
from assistant.motions.extract import read_submission_file, submission_time


def test_txt_in_cp1252_is_decoded(tmp_path):
    path = tmp_path / "motie.txt"
    path.write_bytes("Motie van de gemeente Súdwest-Fryslân – € 5".encode("cp1252"))
    assert read_submission_file(path).text == "Motie van de gemeente Súdwest-Fryslân – € 5"


def test_docx_keeps_paragraph_and_table_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Motie van de gemeente Renkum")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "de secretaris,\nw.g. K. Smit"
    table.rows[0].cells[1].text = "de burgemeester,\nw.g. A. Jansen"
    document.add_paragraph("Contactpersoon: P. Hendriks")
    path = tmp_path / "motie.docx"
    document.save(path)
    lines = read_submission_file(path).text.splitlines()
    assert lines == ["Motie van de gemeente Renkum", "de secretaris,\tde burgemeester,",
                     "w.g. K. Smit\tw.g. A. Jansen", "Contactpersoon: P. Hendriks"]


def _message(**headers) -> EmailMessage:
    message = EmailMessage()
    for name, value in headers.items():
        for item in value if isinstance(value, list) else [value]:
            message[name.replace("_", "-")] = item
    message.set_content("Motie\nEn gaat over tot de orde van de dag.")
    return message


def test_submission_time_prefers_the_earliest_vng_received_stamp():
    message = _message(
        Date="Thu, 13 Jun 2024 11:00:00 +0200",
        Received=[
            "from mx1.vng.nl by mailstore.vng.nl; Thu, 13 Jun 2024 12:05:00 +0200",
            "from mail.renkum.nl by mx1.vng.nl with ESMTPS; Thu, 13 Jun 2024 10:01:00 +0000",
            "from laptop by mail.renkum.nl; Thu, 13 Jun 2024 11:59:00 +0200",
        ],
    )
    moment, source = submission_time(message)
    assert source == "received"
    assert moment == dt.datetime(2024, 6, 13, 10, 1, tzinfo=dt.timezone.utc)


def test_submission_time_falls_back_to_date_header():
    message = _message(Date="Wed, 12 Jun 2024 16:30:00 +0200",
                       Received="from laptop by mail.renkum.nl; Wed, 12 Jun 2024 16:30:05 +0200")
    moment, source = submission_time(message)
    assert source == "date" and moment.hour == 16 and moment.utcoffset() == dt.timedelta(hours=2)


def test_eml_picks_the_attachment_that_is_the_motion(tmp_path):
    message = _message(Date="Wed, 12 Jun 2024 16:30:00 +0200")
    message.set_content("Beste VNG,\n\nIn de bijlage onze motie.\n\nGroet, griffie")
    motion = ("Motie van de gemeente Renkum\nconstaterende dat X;\nroept het VNG-bestuur op Y\n"
              "En gaat over tot de orde van de dag.\nw.g. A. Jansen, burgemeester")
    message.add_attachment(motion.encode("utf-8"), maintype="text", subtype="plain", filename="motie.txt")
    message.add_attachment(b"\x89PNG", maintype="image", subtype="png", filename="logo.png")
    path = tmp_path / "m.eml"
    path.write_bytes(bytes(message))
    extracted = read_submission_file(path)
    assert extracted.text_from == "attachment:motie.txt" and extracted.text.startswith("Motie van de gemeente")
    assert [a.name for a in extracted.attachments] == ["motie.txt"]  # the logo is not text
    assert "In de bijlage" in extracted.body


def test_missing_and_unsupported_files(tmp_path):
    with pytest.raises(InputError, match="niet gevonden"):
        read_submission_file(tmp_path / "weg.txt")
    (tmp_path / "m.rtf").write_text("x")
    with pytest.raises(InputError, match="niet ondersteund"):
        read_submission_file(tmp_path / "m.rtf")
