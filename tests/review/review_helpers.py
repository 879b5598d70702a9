"""Builders for the review tests: generated submissions in mixed formats, as the concernstaf receives them for
the ALV 26-06-2024.

Deadline for that ALV: Thursday 13 June 2024, 12:00 (rules.md W2). Every file plays a role the tests check.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import replace
from pathlib import Path

from assistant.review import samples as s

ALV = dt.date(2024, 6, 26)
TOPIC = {t.key: t for t in s.TOPICS}


def _spec(topic: str, indiener: str, **kw) -> s.MotionSpec:
    return s.MotionSpec(topic=TOPIC[topic], indiener=indiener, **kw)


def _mail(folder: Path, name: str, spec: s.MotionSpec, attachment: str | None, **headers) -> None:
    text = s.motion_text(spec)
    attachments = [(attachment, s.docx_bytes(text))] if attachment else []
    body = "Geachte concernstaf,\n\nHierbij onze inzending voor de ALV.\n\nMet vriendelijke groet,\nDe griffie\n"
    if not attachment:
        body = text
    data = s.email_bytes(sender=f"griffie@{spec.indiener.lower()}.nl", subject=f"Inzending {spec.topic.title}",
                         body=body, attachments=attachments, **headers)
    (folder / name).write_bytes(data)


def build_submissions(folder: Path) -> dict[str, str]:
    """Write the fixture files; returns {file: role}."""
    folder.mkdir(parents=True, exist_ok=True)
    roles: dict[str, str] = {}

    zeist = s.motion_text(_spec("stroomnet", "Zeist", mede_indieners=("Houten",), ondersteuners=("Bunnik", "Gouda"),
                                datum=dt.date(2024, 6, 5)))
    s.write_txt(folder / "01-zeist-stroomnet.txt", zeist)
    roles["01-zeist-stroomnet.txt"] = "near-identical A"
    almere = _spec("stroomnet", "Almere", datum=dt.date(2024, 6, 6), variant_seed=3,
                   extra="Ook in Flevoland staan tientallen bedrijven op de wachtlijst voor een aansluiting.")
    almere_text = s.motion_text(almere).replace(
        "ondernemers op wachtlijsten staan voor een aansluiting op het stroomnet",
        "steeds meer ondernemers maandenlang moeten wachten op een aansluiting op het elektriciteitsnet")
    s.write_docx(folder / "02-almere-stroomnet.docx", almere_text)
    roles["02-almere-stroomnet.docx"] = "near-identical B"
    s.write_txt(folder / "03-zeist-stroomnet-kopie.txt", zeist)
    roles["03-zeist-stroomnet-kopie.txt"] = "duplicate of 01"

    s.write_txt(folder / "04-renkum-beschermd-wonen.md", s.motion_text(_spec("beschermdwonen", "Renkum")))
    roles["04-renkum-beschermd-wonen.md"] = "markdown"
    s.write_pdf(folder / "05-oudewater-raadsleden.pdf", s.motion_text(_spec("raadsleden", "Oudewater")))
    roles["05-oudewater-raadsleden.pdf"] = "pdf"
    s.write_pdf(folder / "06-scan-motie.pdf", None)
    roles["06-scan-motie.pdf"] = "scan"

    _mail(folder, "07-utrecht-jeugdzorg.eml", _spec("jeugdzorg", "Utrecht"), "motie-jeugdzorg-utrecht.docx",
          received=s.at(11, 10, 0), date=s.at(11, 9, 58))
    roles["07-utrecht-jeugdzorg.eml#motie-jeugdzorg-utrecht.docx"] = "eml with docx, on time"

    s.write_txt(folder / "08-losser-afvalfonds.txt", s.motion_text(_spec("afvalfonds", "Losser")))
    roles["08-losser-afvalfonds.txt"] = "unrelated A"
    s.write_txt(folder / "09-brummen-zwemles.txt", s.motion_text(_spec("zwemles", "Brummen")))
    roles["09-brummen-zwemles.txt"] = "unrelated B"

    ede_v1 = _spec("boa", "Ede", datum=dt.date(2024, 6, 3))
    s.write_txt(folder / "10-ede-boa.txt", s.motion_text(ede_v1))
    roles["10-ede-boa.txt"] = "version 1"
    ede_v2 = replace(ede_v1, datum=dt.date(2024, 6, 7), mede_indieners=("Barneveld",),
                     extra="Na overleg met de regio is de motie aangevuld.")
    s.write_txt(folder / "11-ede-boa-aangepast.txt", s.motion_text(ede_v2))
    roles["11-ede-boa-aangepast.txt"] = "version 2"

    _mail(folder, "12-tilburg-amendement.eml", _spec("stroomnet", "Tilburg", kind="amendement"),
          "amendement-tilburg.docx", received=s.at(13, 14, 5), date=s.at(13, 14, 3))
    roles["12-tilburg-amendement.eml#amendement-tilburg.docx"] = "late amendment"
    _mail(folder, "13-leiden-inburgering.eml", _spec("inburgering", "Leiden"), "motie-leiden.docx",
          received=s.at(14, 9, 30), date=s.at(14, 9, 29))
    roles["13-leiden-inburgering.eml#motie-leiden.docx"] = "late motion"

    s.write_txt(folder / "14-assen-amendement.txt",
                s.motion_text(_spec("stroomnet", "Assen", kind="amendement", extra="(Assen)")))
    roles["14-assen-amendement.txt"] = "amendment without time"
    s.write_txt(folder / "15-groningen-bibliotheek.txt",
                s.motion_text(_spec("bibliotheek", "Groningen", signed=False)))
    roles["15-groningen-bibliotheek.txt"] = "unsigned"
    (folder / "16-logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    roles["16-logo.png"] = "unsupported"
    (folder / "17-kapot.docx").write_bytes(b"PK\x03\x04 dit is geen echt Word-bestand")
    roles["17-kapot.docx"] = "corrupt"
    _mail(folder, "18-delft-politie.eml", _spec("politie", "Delft"), None, date=s.at(12, 16, 45))
    roles["18-delft-politie.eml"] = "eml body, Date only"
    return roles


def build_zip(folder: Path, target: Path, *, evil: bool = True) -> Path:
    """The same submissions in a ZIP, plus members that try to escape the extraction folder."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, arcname=path.name)
        if evil:
            archive.writestr("../../ontsnapt.txt", "Motie van de gemeente(n): Kwaadwillend\nTitel motie: Uitbraak\n")
            archive.writestr("/tmp/absoluut.txt", "Titel motie: Absoluut pad\n")
            archive.writestr("__MACOSX/._01-zeist-stroomnet.txt", "metadata")
    return target
