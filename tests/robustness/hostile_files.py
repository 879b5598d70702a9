"""Builders for hostile files: hand-written PDFs (page floods, compression bombs, cyclic or deep page trees),
broken DOCX containers, ZIP bombs and traversal archives, e-mails with many or huge parts.

Everything is built in memory from the standard library, so the tests control every byte (no fixture files).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from email.message import EmailMessage


def pdf_document(objects: dict[int, bytes], root: int = 1) -> bytes:
    """A syntactically valid PDF from numbered object bodies (``b"<< ... >>"`` or streams), with a real xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n")
    xref = out.tell()
    size = max(objects) + 1
    out.write(f"xref\n0 {size}\n0000000000 65535 f \n".encode())
    for number in range(1, size):
        if number in offsets:
            out.write(f"{offsets[number]:010d} 00000 n \n".encode())
        else:
            out.write(b"0000000000 65535 f \n")
    out.write(f"trailer\n<< /Size {size} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _stream(data: bytes, *, flate: bool = False) -> bytes:
    if flate:
        data = zlib.compress(data, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _text_ops(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"BT /F1 12 Tf 72 720 Td ({escaped}) Tj ET".encode("latin-1", "replace")


def pdf_with_pages(page_count: int, text: str = "Motie over de jeugdzorg") -> bytes:
    """``page_count`` pages that all share one small content stream (a tiny file with a huge page count)."""
    kids = " ".join(f"{4 + i} 0 R" for i in range(page_count))
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               2: f"<< /Type /Pages /Count {page_count} /Kids [{kids}] >>".encode(),
               3: _stream(_text_ops(text)),
               4 + page_count: _FONT}
    for i in range(page_count):
        objects[4 + i] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
                          f"/Resources << /Font << /F1 {4 + page_count} 0 R >> >> >>").encode()
    return pdf_document(objects)


def pdf_with_content(content: bytes, *, flate: bool = False) -> bytes:
    """One page whose content stream is ``content`` (optionally Flate-compressed: a compression bomb)."""
    return pdf_document({1: b"<< /Type /Catalog /Pages 2 0 R >>",
                         2: b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
                         3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                            b"/Resources << /Font << /F1 5 0 R >> >> >>",
                         4: _stream(content, flate=flate),
                         5: _FONT})


def pdf_unknown_filter() -> bytes:
    """A page whose content stream names a filter pypdf does not know (a damaged /FlateDecode: pypdf raises
    NotImplementedError, which the loader once let through; found by fuzzing)."""
    data = zlib.compress(_text_ops("Motie"))
    stream = b"<< /Length %d /Filter /FlateDe,I5 >>\nstream\n" % len(data) + data + b"\nendstream"
    return pdf_document({1: b"<< /Type /Catalog /Pages 2 0 R >>",
                         2: b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
                         3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                            b"/Resources << /Font << /F1 5 0 R >> >> >>",
                         4: stream,
                         5: _FONT})


def pdf_text_flood(operations: int) -> bytes:
    """A page with ``operations`` text-showing operators (costly to extract, small when compressed)."""
    ops = b" ".join(b"BT /F1 12 Tf 72 720 Td (motie) Tj ET" for _ in range(operations))
    return pdf_with_content(ops, flate=True)


def pdf_cyclic_page_tree() -> bytes:
    """A Pages node that lists itself as its own kid."""
    return pdf_document({1: b"<< /Type /Catalog /Pages 2 0 R >>",
                         2: b"<< /Type /Pages /Count 1 /Kids [2 0 R] >>"})


def pdf_deep_page_tree(depth: int) -> bytes:
    """Pages nodes nested ``depth`` deep above a single page (recursion depth)."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    for level in range(depth):
        number = 2 + level
        objects[number] = f"<< /Type /Pages /Count 1 /Kids [{number + 1} 0 R] >>".encode()
    leaf = 2 + depth
    objects[leaf] = (f"<< /Type /Page /MediaBox [0 0 612 792] /Contents {leaf + 1} 0 R "
                     f"/Resources << /Font << /F1 {leaf + 2} 0 R >> >> >>").encode()
    objects[leaf + 1] = _stream(_text_ops("Motie"))
    objects[leaf + 2] = _FONT
    return pdf_document(objects)


# --- DOCX ------------------------------------------------------------------------------------------------------


def docx_with_garbage(real: bytes, member: str = "word/document.xml", garbage: bytes = b"\x00<w:body>\xff") -> bytes:
    """A real DOCX whose ``member`` is replaced by ``garbage`` (a valid ZIP with broken XML inside)."""
    source = zipfile.ZipFile(io.BytesIO(real))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = garbage if info.filename == member else source.read(info.filename)
            target.writestr(info.filename, data)
    return out.getvalue()


def docx_with_paragraphs(real: bytes, paragraphs: int, *, nested_depth: int = 0) -> bytes:
    """A real DOCX whose body holds ``paragraphs`` short paragraphs, optionally each wrapped ``nested_depth`` deep
    in smart tags (deeply nested XML)."""
    source = zipfile.ZipFile(io.BytesIO(real))
    document = source.read("word/document.xml").decode("utf-8")
    head, _, rest = document.partition("<w:body>")
    _, _, tail = rest.partition("</w:body>")
    para = "<w:p><w:r><w:t>Overwegende dat de gemeente</w:t></w:r></w:p>"
    if nested_depth:
        para = "<w:p>" + "<w:smartTag>" * nested_depth + "<w:r><w:t>diep</w:t></w:r>" + \
               "</w:smartTag>" * nested_depth + "</w:p>"
    body = "<w:body>" + para * paragraphs + "</w:body>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = (head + body + tail).encode("utf-8") if info.filename == "word/document.xml" else \
                source.read(info.filename)
            target.writestr(info.filename, data)
    return out.getvalue()


def docx_bomb(real: bytes, size: int) -> bytes:
    """A real DOCX whose document.xml is padded with ``size`` bytes of whitespace (compresses to almost nothing)."""
    source = zipfile.ZipFile(io.BytesIO(real))
    document = source.read("word/document.xml")
    padded = document.replace(b"<w:body>", b"<w:body>" + b" " * size, 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, padded if info.filename == "word/document.xml"
                            else source.read(info.filename))
    return out.getvalue()


# --- ZIP -------------------------------------------------------------------------------------------------------


def zip_of(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return out.getvalue()


def zip_with_symlink(name: str, target: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        info = zipfile.ZipInfo(name)
        info.external_attr = (0o120777 << 16)  # S_IFLNK
        archive.writestr(info, target)
    return out.getvalue()


def zip_bomb(member_bytes: int, members: int = 1) -> bytes:
    """Members of ``member_bytes`` zero bytes each: ratio about 1000:1 with deflate."""
    return zip_of({f"inzending-{i}.txt": b"\0" * member_bytes for i in range(members)})


def zip_lying_header(real_size: int) -> bytes:
    """One member whose local/central header claims 10 bytes while the deflated stream inflates to ``real_size``."""
    data = bytearray(zip_of({"motie.txt": b"M" * real_size}))
    true_size = real_size.to_bytes(4, "little")
    fake = (10).to_bytes(4, "little")
    # uncompressed-size fields: local header offset 22, central directory entry offset 24
    local = data.find(b"PK\x03\x04")
    data[local + 22: local + 26] = fake
    central = data.find(b"PK\x01\x02")
    assert data[central + 24: central + 28] == true_size
    data[central + 24: central + 28] = fake
    return bytes(data)


def zip_unsupported_method() -> bytes:
    """One stored member whose headers claim compression method 9 (Deflate64), which zipfile cannot read."""
    data = bytearray(zip_of({"motie.txt": b"Constaterende dat"}, compression=zipfile.ZIP_STORED))
    local = data.find(b"PK\x03\x04")
    data[local + 8: local + 10] = (9).to_bytes(2, "little")
    central = data.find(b"PK\x01\x02")
    data[central + 10: central + 12] = (9).to_bytes(2, "little")
    return bytes(data)


# --- e-mail ----------------------------------------------------------------------------------------------------


def email_with_attachments(body: str, attachments: list[tuple[str, bytes]]) -> bytes:
    message = EmailMessage()
    message["From"] = "griffie@zeist.nl"
    message["To"] = "motiealv@vng.nl"
    message["Subject"] = "Motie"
    message["Date"] = "Mon, 10 Jun 2024 10:00:00 +0200"
    message.set_content(body)
    for name, payload in attachments:
        message.add_attachment(payload, maintype="application", subtype="octet-stream", filename=name)
    return message.as_bytes()


def email_nested(depth: int) -> bytes:
    """A multipart e-mail nested ``depth`` levels deep (message/rfc822 inside message/rfc822 ...)."""
    inner = b"From: a@b.nl\r\nSubject: x\r\n\r\nConstaterende dat de motie.\r\n"
    for level in range(depth):
        boundary = f"b{level}".encode()
        inner = (b"From: a@b.nl\r\nSubject: laag\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\""
                 + boundary + b"\"\r\n\r\n--" + boundary + b"\r\nContent-Type: message/rfc822\r\n\r\n" + inner
                 + b"\r\n--" + boundary + b"--\r\n")
    return inner
