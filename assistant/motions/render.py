"""Render a motion or amendment: plain text (parses back into the same model), Markdown, DOCX and e-mail.

The plain text follows the sjabloon's order and wording (ALV 26-06-2024 package L509–552) so that the parser in
``assistant.motions.parse`` reads it back into an equal model; the tests hold the two together. The DOCX has real
headings (Heading 1/2 styles), the slotzin, a signature block per signatory and the supporters' annex on its own
page. The e-mail goes to the meeting's submission address with the contact persons the procedure asks for (L476).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from email.message import EmailMessage
from email.policy import SMTP
from urllib.parse import quote as url_quote

from assistant.motions.diff import change_instruction_lines
from assistant.motions.model import Amendment, ContactPerson, Motion, Oproep, Signatory

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
DEFAULT_VERB, DEFAULT_ADDRESSEE = "roept op", "het bestuur van de VNG"  # "Roept het bestuur van de VNG op:"
CHANGES_INTRO = "De ALV besluit het voorstel als volgt te wijzigen:"
# The annex heading doubles as the parser's "Ondersteunende gemeenten" field, so the list reads back from a DOCX.
ANNEX_HEADING = "Ondersteunende gemeenten (bijlage)"
_BESTUURDER_FUNCTIONS = re.compile(r"burgemeester|wethouder|raadslid|raadsleden|secretaris|griffier", re.IGNORECASE)

Item = Motion | Amendment


# --- small formatting helpers ------------------------------------------------------------------------------------


def dutch_date(value: dt.date | None) -> str:
    """``13 juni 2024``."""
    return "" if value is None else f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def kind_label(item: Item) -> str:
    return "Amendement" if item.kind == "amendement" else "Motie"


def document_title(item: Item) -> str:
    """The heading of a DOCX/Markdown export. An amendment names its agenda item, not its title: the parser reads
    the words after "Amendement" as the proposal it amends."""
    if isinstance(item, Amendment):
        return f"Amendement op agendapunt {item.agenda_item}" if item.agenda_item else "Amendement"
    return f"Motie: {item.titel or '(zonder titel)'}"


def meeting_label(item: Item) -> str:
    return f"ALV van {dutch_date(item.meeting_date)}" if item.meeting_date else ""


def is_bestuurder(contact: ContactPerson) -> bool:
    """The "inhoudelijk verantwoordelijke bestuurder" (burgemeester, wethouder, raadslid, secretaris or griffier)."""
    return bool(_BESTUURDER_FUNCTIONS.search(contact.function or ""))


def contact_role(contact: ContactPerson) -> str:
    return "Verantwoordelijk bestuurder" if is_bestuurder(contact) else "Ambtelijk contactpersoon"


def contact_line(contact: ContactPerson) -> str:
    """``Naam, functie, gemeente, e-mail, telefoon`` (empty fields left out)."""
    fields = (contact.name, contact.function, contact.gemeente, contact.email, contact.phone)
    return ", ".join(value for value in fields if value)


def signatory_line(signatory: Signatory) -> str:
    """``J. Jansen, burgemeester w.g.``: the marker only when signed, as on a real submitted copy."""
    text = ", ".join(value for value in (signatory.name, signatory.function) if value)
    if signatory.signed:
        text = f"{text} {signatory.marker or 'w.g.'}"
    return text


def call_heading(oproep: Oproep) -> str:
    """"Roept het bestuur van de VNG op:" (or the call's own verb and addressee, e.g. "Verzoekt het VNG-bestuur:")."""
    verb = (oproep.verb or DEFAULT_VERB).strip()
    addressee = (oproep.addressee or DEFAULT_ADDRESSEE).strip()
    words = verb.split()
    if len(words) == 2 and words[1] in {"op", "uit"}:  # separable verbs: "roept … op", "draagt … op"
        return f"{words[0].capitalize()} {addressee} {words[1]}:"
    return f"{verb.capitalize()} {addressee}:"


def call_points(oproep: Oproep) -> list[str]:
    """The points of one call: each line of its text is a bullet under the call's heading."""
    return [line.strip() for line in oproep.text.split("\n") if line.strip()]


def _gemeenten_phrase(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " en " + names[-1]


def _signatories_by_gemeente(item: Item) -> list[tuple[str, list[Signatory]]]:
    order = [*item.gemeenten]
    for signatory in item.signatories:
        if signatory.gemeente and signatory.gemeente not in order:
            order.append(signatory.gemeente)
    blocks = [(gemeente, [s for s in item.signatories if s.gemeente == gemeente]) for gemeente in order]
    loose = [s for s in item.signatories if not s.gemeente]
    if loose:
        blocks.append(("", loose))
    return [(gemeente, signers) for gemeente, signers in blocks if signers]


# --- plain text ----------------------------------------------------------------------------------------------------


def _header_fields(item: Item) -> list[tuple[str, str]]:
    """(label, value) pairs of the header: the sjabloon's fields, the co-submitters on their own line."""
    fields = [
        ("Indiener", f"gemeente {item.indiener}" if item.indiener else ""),
        ("Mede-indieners", _gemeenten_phrase(item.mede_indieners)),
        (f"Titel {kind_label(item).lower()}", item.titel),
        ("Datum indiening", dutch_date(item.datum_indiening)),
        ("Vergadering", meeting_label(item)),
    ]
    if isinstance(item, Amendment):
        fields += [("Agendapunt", item.agenda_item), ("Voorstel", item.target_proposal)]
    return [(label, value) for label, value in fields if value or label.startswith("Titel")]


def _header_lines(item: Item) -> list[str]:
    return [kind_label(item), "", *(f"{label}: {value}" for label, value in _header_fields(item))]


def _bullets(items: list[str]) -> list[str]:
    return [f"- {text}" for text in items]


def paragraphs(text: str) -> list[str]:
    """The non-empty lines of a free-text part (one paragraph per line, as the parser reads them back)."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def _motion_body_lines(motion: Motion) -> list[str]:
    lines: list[str] = []
    if motion.aanleiding:
        lines += ["", "Aanleiding", "", *paragraphs(motion.aanleiding)]
    if motion.constateringen:
        lines += ["", "Constaterende, dat:", *_bullets(motion.constateringen)]
    if motion.overwegingen:
        lines += ["", "Overwegende, dat:", *_bullets(motion.overwegingen)]
    for oproep in motion.oproepen:
        lines += ["", call_heading(oproep), *_bullets(call_points(oproep))]
    if motion.slotzin:
        lines += ["", motion.slotzin]
    return lines


def _amendment_body_lines(amendment: Amendment) -> list[str]:
    lines: list[str] = []
    if amendment.changes:
        lines += [CHANGES_INTRO]
        for change in amendment.changes:
            lines += ["", *change_instruction_lines(change)]
    if amendment.toelichting:
        lines += ["", "Toelichting", "", *paragraphs(amendment.toelichting)]
    return lines


def _signature_lines(item: Item) -> list[str]:
    blocks = _signatories_by_gemeente(item)
    if not blocks:
        return []
    lines = ["", "Ondertekening"]
    for gemeente, signers in blocks:
        lines.append("")
        if gemeente:
            lines.append(f"Namens het college van burgemeester en wethouders van {gemeente},")
        lines += [signatory_line(s) for s in signers]
    return lines


def _annex_lines(item: Item) -> list[str]:
    lines: list[str] = []
    if item.ondersteunende_gemeenten:
        lines += ["", "Ondersteunende gemeenten:", *_bullets(item.ondersteunende_gemeenten)]
    if item.contact_persons:
        lines += ["", "Contactpersonen:", *_bullets([contact_line(c) for c in item.contact_persons])]
    return lines


def render_text(item: Item) -> str:
    """Plain text in the sjabloon's order; ``parse_submission(render_text(x))`` gives back ``x``."""
    body = _amendment_body_lines(item) if isinstance(item, Amendment) else _motion_body_lines(item)
    if isinstance(item, Amendment) and body:
        body = [""] + body
    lines = [*_header_lines(item), *body, *_signature_lines(item), *_annex_lines(item)]
    return "\n".join(lines).strip() + "\n"


# --- Markdown ------------------------------------------------------------------------------------------------------


def render_markdown(item: Item) -> str:
    """Markdown for previews and for pasting into other tools (headings, bullets, the annex as its own section)."""
    out = [f"# {document_title(item)}", ""]
    out += [f"- **{label}:** {value}" for label, value in _header_fields(item) if value]
    if isinstance(item, Motion):
        out += _markdown_motion(item)
    else:
        out += _markdown_amendment(item)
    out += _markdown_signatures(item)
    # The lists follow their heading directly (no blank line): the parser reads a supporters' or contacts' list up
    # to the first blank line, so `motie check motie.md` sees the same lists.
    if item.contact_persons:
        out += ["", "## Contactpersonen"]
        out += [f"- {contact_role(c)}: {contact_line(c)}" for c in item.contact_persons]
    if item.ondersteunende_gemeenten:
        out += ["", f"## {ANNEX_HEADING}", *_bullets(item.ondersteunende_gemeenten)]
    return "\n".join(out).strip() + "\n"


def _markdown_motion(motion: Motion) -> list[str]:
    out: list[str] = []
    if motion.aanleiding:
        out += ["", "## Aanleiding", ""]
        out += [line for paragraph in paragraphs(motion.aanleiding) for line in (paragraph, "")][:-1]
    if motion.constateringen:
        out += ["", "## Constaterende, dat", "", *_bullets(motion.constateringen)]
    if motion.overwegingen:
        out += ["", "## Overwegende, dat", "", *_bullets(motion.overwegingen)]
    if motion.oproepen:
        out += ["", "## Oproep aan het VNG-bestuur"]
        for oproep in motion.oproepen:
            out += ["", call_heading(oproep), "", *_bullets(call_points(oproep))]
    if motion.slotzin:
        out += ["", f"*{motion.slotzin}*"]
    return out


def _markdown_amendment(amendment: Amendment) -> list[str]:
    out: list[str] = []
    if amendment.changes:
        out += ["", "## Wijziging", "", CHANGES_INTRO]
        for change in amendment.changes:
            out += ["", *(f"{line}  " for line in change_instruction_lines(change))]
    if amendment.toelichting:
        out += ["", "## Toelichting", ""]
        out += [line for paragraph in paragraphs(amendment.toelichting) for line in (paragraph, "")][:-1]
    return out


def _markdown_signatures(item: Item) -> list[str]:
    blocks = _signatories_by_gemeente(item)
    if not blocks:
        return []
    out = ["", "## Ondertekening"]
    for gemeente, signers in blocks:
        out += ["", f"Namens het college van burgemeester en wethouders van {gemeente}," if gemeente else ""]
        out += [f"- {signatory_line(s)}" for s in signers]
    return out


# --- DOCX ------------------------------------------------------------------------------------------------------------


def render_docx(item: Item) -> bytes:
    """A Word document: title, header lines, a Heading 1 per part, signature blocks, annex on its own page."""
    from docx import Document  # heavy-ish import, only when a DOCX is asked for
    from docx.enum.text import WD_BREAK

    document = Document()
    document.core_properties.title = f"{kind_label(item)}: {item.titel}"
    document.core_properties.subject = kind_label(item)
    document.add_heading(document_title(item), level=0)
    for label, value in _header_fields(item):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
    if isinstance(item, Motion):
        _docx_motion(document, item)
    else:
        _docx_amendment(document, item)
    _docx_signatures(document, item)
    if item.contact_persons:
        document.add_heading("Contactpersonen", level=1)
        for contact in item.contact_persons:
            document.add_paragraph(f"{contact_role(contact)}: {contact_line(contact)}", style="List Bullet")
    if item.ondersteunende_gemeenten:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading(ANNEX_HEADING, level=1)
        for gemeente in item.ondersteunende_gemeenten:
            document.add_paragraph(gemeente, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_bullets(document, heading: str, items: list[str]) -> None:
    document.add_heading(heading, level=1)
    for text in items:
        document.add_paragraph(text, style="List Bullet")


def _docx_motion(document, motion: Motion) -> None:
    if motion.aanleiding:
        document.add_heading("Aanleiding", level=1)
        for paragraph in paragraphs(motion.aanleiding):
            document.add_paragraph(paragraph)
    if motion.constateringen:
        _docx_bullets(document, "Constaterende, dat:", motion.constateringen)
    if motion.overwegingen:
        _docx_bullets(document, "Overwegende, dat:", motion.overwegingen)
    if motion.oproepen:
        document.add_heading("Oproep aan het VNG-bestuur", level=1)
        for oproep in motion.oproepen:
            document.add_paragraph(call_heading(oproep))
            for point in call_points(oproep):
                document.add_paragraph(point, style="List Bullet")
    if motion.slotzin:
        document.add_paragraph().add_run(motion.slotzin).bold = True


def _docx_amendment(document, amendment: Amendment) -> None:
    if amendment.changes:
        document.add_heading("Wijziging", level=1)
        document.add_paragraph(CHANGES_INTRO)
        for change in amendment.changes:
            for line in change_instruction_lines(change):
                document.add_paragraph(line)
            document.add_paragraph()
    if amendment.toelichting:
        document.add_heading("Toelichting", level=1)
        for paragraph in paragraphs(amendment.toelichting):
            document.add_paragraph(paragraph)


def _docx_signatures(document, item: Item) -> None:
    """Per gemeente the college line, then per signatory a bordered block: name and function (with "w.g." once
    signed) and room for the signature. One cell per block, so the text extracted from the DOCX reads like the
    plain-text export and the checker parses it the same way."""
    blocks = _signatories_by_gemeente(item)
    if not blocks:
        return
    document.add_heading("Ondertekening", level=1)
    for gemeente, signers in blocks:
        if gemeente:
            document.add_paragraph(f"Namens het college van burgemeester en wethouders van {gemeente},")
        for signatory in signers:
            table = document.add_table(rows=1, cols=1)
            table.style = "Table Grid"
            cell = table.rows[0].cells[0]
            cell.paragraphs[0].text = signatory_line(signatory)
            for _ in range(3):  # room for the handwritten signature
                cell.add_paragraph()
            document.add_paragraph()


# --- e-mail --------------------------------------------------------------------------------------------------------


def email_subject(item: Item) -> str:
    """``Motie <gemeente>: <titel>`` / ``Amendement <gemeente>: <titel>``."""
    return f"{kind_label(item)} {item.indiener}: {item.titel}".strip()


def email_body(item: Item, *, attachment_included: bool) -> str:
    """The covering e-mail: what is submitted, for which ALV, by whom, and the two contact persons (L476)."""
    kind = kind_label(item).lower()
    others = f", mede namens {_gemeenten_phrase(item.mede_indieners)}," if item.mede_indieners else ""
    meeting = f" voor de {meeting_label(item)}" if item.meeting_date else ""
    lines = [
        "Geachte heer, mevrouw,",
        "",
        f"Hierbij dient de gemeente {item.indiener}{others} de {kind} “{item.titel}” in{meeting}.",
        (
            f"De ondertekende {kind} is als bijlage bijgevoegd."
            if attachment_included
            else f"Voeg de ondertekende {kind} als bijlage toe voordat u deze e-mail verstuurt."
        ),
    ]
    if item.ondersteunende_gemeenten:
        lines.append(f"De {kind} wordt ondersteund door: {_gemeenten_phrase(item.ondersteunende_gemeenten)}.")
    lines += ["", "Contactpersonen:"]
    lines += [f"- {contact_role(c)}: {contact_line(c)}" for c in item.contact_persons] or ["- (nog niet ingevuld)"]
    lines += ["", "Met vriendelijke groet,", "", f"Gemeente {item.indiener}"]
    return "\n".join(lines) + "\n"


def mailto_link(item: Item, to_address: str) -> str:
    """A ``mailto:`` link with subject and body (no attachment is possible in a link)."""
    subject = url_quote(email_subject(item), safe="")
    body = url_quote(email_body(item, attachment_included=False), safe="")
    return f"mailto:{to_address}?subject={subject}&body={body}"


def attachment_filename(item: Item, extension: str) -> str:
    stem = re.sub(r"[^\w\- ]+", "", f"{kind_label(item)} {item.indiener} {item.titel}").strip()
    stem = re.sub(r"\s+", " ", stem)[:90] or kind_label(item)
    return f"{stem}.{extension}"


def render_eml(item: Item, to_address: str) -> bytes:
    """An unsent e-mail (``X-Unsent: 1`` opens as a draft in Outlook) with the DOCX attached; no Date header,
    because the submission time is when it is really sent."""
    message = EmailMessage(policy=SMTP)
    message["To"] = to_address
    message["Subject"] = email_subject(item)
    sender = next((c.email for c in item.contact_persons if "@" in (c.email or "") and "[" not in c.email), None)
    if sender:
        message["From"] = sender
    message["X-Unsent"] = "1"
    message.set_content(email_body(item, attachment_included=True))
    message.add_attachment(
        render_docx(item),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename=attachment_filename(item, "docx"),
    )
    return message.as_bytes()


# --- supporters' annex -------------------------------------------------------------------------------------------


def supporters_csv(item: Item) -> str:
    """The supporters' list as the VNG publishes it (a separate annex): one gemeente per row, with the motion."""
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["gemeente", "rol", kind_label(item).lower(), "indiener"])
    for gemeente in item.mede_indieners:
        writer.writerow([gemeente, "mede-indiener", item.titel, item.indiener])
    for gemeente in item.ondersteunende_gemeenten:
        writer.writerow([gemeente, "ondersteunend", item.titel, item.indiener])
    return buffer.getvalue()


def supporters_markdown(item: Item) -> str:
    lines = [
        f"# Bijlage: ondersteunende gemeenten bij de {kind_label(item).lower()} “{item.titel}”",
        "",
        f"Ingediend door de gemeente {item.indiener}"
        + (f", mede namens {_gemeenten_phrase(item.mede_indieners)}" if item.mede_indieners else "")
        + (f" ({meeting_label(item)})" if item.meeting_date else "")
        + ".",
        "",
        "Ondersteunende gemeenten:",
        "",
        *_bullets(item.ondersteunende_gemeenten or ["(nog geen)"]),
    ]
    return "\n".join(lines) + "\n"


__all__ = [
    "render_text",
    "render_markdown",
    "render_docx",
    "render_eml",
    "mailto_link",
    "email_subject",
    "email_body",
    "supporters_csv",
    "supporters_markdown",
    "dutch_date",
]
