"""Signature blocks: who signed, in which function, for which gemeente, and whether it is really signed.

Layouts: one signer per line or per block ("Gemeente Ede" / "w.g. K. Bakker" / "wethouder"), two or three columns
(tab- or space-separated, or run together by PDF extraction: "de secretaris, de burgemeester," above the names),
label rows ("Naam: … / Functie: … / Handtekening: w.g."), and Markdown/DOCX tables. Markers ``w.g.``, ``(w.g.)``,
``[handtekening]`` and a digital-signature note ("Digitaal ondertekend door …") sign; a typed name alone,
"(handtekening volgt)" or "wordt digitaal ondertekend" does not. A line that is only a gemeente name ("Ede",
"Helmond,") heads the block or column below it; space-aligned columns are matched by position, so an empty cell
(no marker under the third name) stays in its own column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from assistant.motions.model import Signatory
from assistant.motions.text import Line, clean_gemeente, clean_line, normalise_space, parse_dutch_date

HEADING_SIGN_RE = re.compile(
    r"^(?:ondertekening(?:\s+(?:door\s+(?:de\s+)?)?indiener(?:s|\(s\))?)?|ondertekend\s+door|ondertekenaars?|"
    r"handtekening(?:en)?)\s*:?\s*(.*)$",
    re.I,
)
FUNCTION_RE = re.compile(
    r"\b((?:waarnemend(?:e)?|wnd\.?|plv\.?|plaatsvervangend(?:e)?)\s+burgemeester|burgemeester\s+a\.\s?i\.?|"
    r"burgemeester\s+ad\s+interim|loco[- ]?burgemeester|burgemeester|"
    r"wethouder|gemeentesecretaris|loco[- ]?secretaris|secretaris|griffier|raadslid|raadsleden|fractievoorzitter|"
    r"gemeentesecretaris\s*/\s*algemeen\s+directeur)\b",
    re.I,
)
COLLEGE_RE = re.compile(
    r"^(?:namens\s+)?(?:het\s+)?(?:college\s+van\s+)?(?:burgemeester\s+en\s+wethouders|b\s*(?:&|en)\s*w)\s+"
    r"(?:van\s+|der\s+gemeente\s+)?(?:de\s+gemeente\s+)?(.+?)\s*[,:.]?$",
    re.I,
)
GEMEENTE_HEADER_RE = re.compile(
    r"^(?i:(?:namens|voor)\s+(?:het\s+college\s+van\s+)?(?:de\s+)?(?:gemeente\s+)?|(?:de\s+)?gemeente\s+)"
    r"([A-Z'][\w'\-. ]{1,40}?)\s*[,:.]?$"
)
SIGNED_MARKER_RE = re.compile(
    r"(\bdigitaal\s+(?:on)?dertekend\b(?:\s+door\b.*)?|"  # a PDF's digital-signature note: a real signature
    r"\(\s*w\.?\s?g\.?\s*\)|\bw\.\s?g(?:\.|\b)|\bwg\.?(?=\s|$)|\bwas\s+getekend\b|"
    r"\[\s*(?:digitale\s+)?(?:handtekening|getekend|ondertekend)\s*\]|"
    r"\(\s*(?:handtekening|getekend)\s*\)|<\s*handtekening\s*>|\bget\.(?=\s|$)|\bgetekend\b)",
    re.I,
)
UNSIGNED_MARKER_RE = re.compile(
    r"[\[(]?\s*(?:(?:wordt|worden|zal\s+worden)\s+(?:nog\s+)?digitaal\s+(?:on)?dertekend(?:\s+door\b.*)?|"
    r"(?:nog\s+)?digitaal\s+te\s+(?:on)?dertekenen|handtekening\s+volgt|wordt\s+nagezonden|niet\s+(?:on)?dertekend|niet\s+getekend|ongetekend|"
    r"nog\s+(?:te\s+)?(?:on)?dertekenen|nog\s+niet\s+(?:on)?dertekend|volgt)\s*[\])]?",
    re.I,
)
NAME_RE = re.compile(
    r"^(?:(?i:mr|drs|dr|ir|ing|prof|dhr|mevr|mw|mevrouw|de\s+heer|ds|bc|ba|ma|msc)\.?\s+)*"
    r"(?:[A-Z][a-zA-Z]{0,2}\.\s?(?:-?[A-Z]\.\s?)*)?"  # initials, also "Th." / "TH." in capitals
    r"(?:[A-ZÀ-Ý][\wà-ÿ'’\-]+|(?:van|de|der|den|het|ter|ten|te|in|'t|la|le|du|da|von|op|el)\b)"
    r"(?:\s+(?:[A-ZÀ-Ý][\wà-ÿ'’\-.]*|van|de|der|den|het|ter|ten|te|in|'t|la|le|du|da|von|op|el)){0,5}$"
)
LABEL_RE = re.compile(r"^(naam|functie|handtekening|gemeente|datum|plaats)\s*:\s*(.*)$", re.I)
CELL_SPLIT_RE = re.compile(r"\t+|\s{3,}|\s*\|\s*")


NAME_FUNCTION_RE = re.compile(r"^[A-Z][\w.'\- ]{1,40},\s*(?:de\s+)?(?:waarnemend\s+|loco-?)?(?:burgemeester|wethouder|gemeentesecretaris|secretaris|raadslid|griffier)\b")


FUNCTION_START_RE = re.compile(
    r"^(?:de\s+)?(?:waarnemend\s+|loco-?)?(?:burgemeester|wethouder|gemeentesecretaris|secretaris)\b(?!\s+en\s+wethouders)"
    r"[^.;]{0,50}$|^(?:het\s+)?college\s+van\s+(?:burgemeester\s+en\s+wethouders|b\s*(?:&|en)\s*w)\b[^.;]{0,50}$",
    re.I,
)


def strong_signature(body: str) -> bool:
    """A line that can only be a signature: a marker with a name or function, or "Name, burgemeester"."""
    if len(body) > 90:
        return False
    return bool(SIGNED_MARKER_RE.search(body) and (FUNCTION_RE.search(body) or NAME_RE.match(SIGNED_MARKER_RE.sub("", body).strip(" ,")))
                or NAME_FUNCTION_RE.match(body))


def looks_like_signature(body: str) -> bool:
    cells = [c for c in CELL_SPLIT_RE.split(body.strip().strip("|")) if c.strip()]
    if len(cells) > 1:
        return any(looks_like_signature(cell.strip()) for cell in cells)
    if len(body) > 90:
        return False
    if NAME_FUNCTION_RE.match(body):
        return True
    return bool(SIGNED_MARKER_RE.search(body) or UNSIGNED_MARKER_RE.search(body) or COLLEGE_RE.match(body)
                or re.match(r"^(?:de\s+)?(?:burgemeester|wethouder|secretaris|gemeentesecretaris)\b", body, re.I)
                or GEMEENTE_HEADER_RE.match(body) and re.match(r"^(?:namens|gemeente)", body, re.I))


# --- signatures ------------------------------------------------------------------------------------------------


@dataclass
class _Cell:
    name: str = ""
    function: str = ""
    gemeente: str = ""
    signed: bool = False
    marker: str | None = None
    refused: bool = False  # an explicit "(handtekening volgt)"
    marker_only: bool = False
    header_gemeente: str = ""


def function_name(raw: str) -> str:
    text = normalise_space(raw).replace("wnd.", "waarnemend").replace("wnd ", "waarnemend ").replace("plv.", "waarnemend")
    text = re.sub(r"^(burgemeester)\s+(?:a\.\s?i\.?|ad\s+interim)$", r"waarnemend \1", text)
    text = text.replace("plv ", "waarnemend ")
    text = re.sub(r"waarnemende", "waarnemend", text)
    text = re.sub(r"plaatsvervangende?", "waarnemend", text)
    text = text.replace("locoburgemeester", "loco-burgemeester").replace("loco burgemeester", "loco-burgemeester")
    if text == "secretaris":
        return "gemeentesecretaris"
    return text


def parse_signature_cell(text: str) -> _Cell:
    """One signature line or table cell: "w.g. A. Jansen, burgemeester van Renkum", "de burgemeester,", "(w.g.)"."""
    cell = _Cell()
    text = clean_line(text).strip()
    if parse_dutch_date(text) and not SIGNED_MARKER_RE.search(text):
        return cell  # "Renkum, 12 juni 2024": place and date, not a person
    if match := LABEL_RE.match(text):
        label, value = match[1].lower(), match[2].strip()
        if label == "gemeente":
            cell.header_gemeente = clean_gemeente(value)
            return cell
        if label in {"datum", "plaats"}:
            return cell
        text = value if label != "functie" else value
        if label == "handtekening" and not value:
            cell.refused = True
            cell.marker_only = True
            return cell
    if is_gemeente_name(text.rstrip(" ,:;.")) and not FUNCTION_RE.search(text) and not SIGNED_MARKER_RE.search(text):
        cell.header_gemeente = clean_gemeente(text.rstrip(" ,:;.")) or text.rstrip(" ,:;.")
        return cell
    if (alone := re.match(r"^([A-Z'][\w'\-. ]{1,40}?)\s*:$", text)) and not FUNCTION_RE.search(alone[1]) \
            and not HEADING_SIGN_RE.match(text) and _capitalised_name(alone[1]):
        cell.header_gemeente = clean_gemeente(alone[1])
        return cell
    if (prefix := re.match(r"^([A-Z'][\w'\-. ]{1,40}?)\s*:\s+(\S.*)$", text)) and not FUNCTION_RE.search(prefix[1]) \
            and not SIGNED_MARKER_RE.search(prefix[1]) and not re.match(r"(?i)(?:onder)?tekening|ondertekend", prefix[1]):
        # "Ede: w.g. A. Jansen" (a gemeente label), not "Getekend: A. Jansen" (a marker)
        cell.gemeente = clean_gemeente(prefix[1])
        text = prefix[2]
    text = _INITIALS_WG_RE.sub("W\u2024G\u2024", text)  # "W.G. Jansen": initials, not the marker "w.g."
    if unsigned := UNSIGNED_MARKER_RE.search(text):
        cell.refused = True
        text = text.replace(unsigned[0], " ")
    if marker := SIGNED_MARKER_RE.search(text):
        cell.signed = not cell.refused
        cell.marker = re.sub(r"\s+", " ", marker[0]).strip()
        text = SIGNED_MARKER_RE.sub(" ", text)
    text = re.sub(r"[\[(]\s*[\])]|/\s*/", " ", text)  # what a bracketed marker leaves: "[w.g.] A. Jansen"
    text = re.sub(r"^\s*(?:handtekening|naam)\s*:?", " ", text, flags=re.I)
    text = re.sub(r"[_]{3,}|\.{4,}", " ", text).strip(" ,;:-–")
    if college := COLLEGE_RE.match(text):
        cell.header_gemeente = clean_gemeente(college[1])
        return cell
    if (header := GEMEENTE_HEADER_RE.match(text)) and not FUNCTION_RE.search(text):
        cell.header_gemeente = clean_gemeente(header[1])
        return cell
    in_brackets = _gemeente_in_brackets(text)  # "Wethouder B. Vos (Renkum)", "A. Jansen (burgemeester Ede)"
    if function := _main_function(text):
        cell.function = function_name(function[0])
        after = text[function.end():]
        if gemeente := re.match(r"^\s*(?i:van\s+(?:de\s+)?(?:gemeente\s+)?|der\s+gemeente\s+|gemeente\s+)([A-Z'][\w'\-]+(?:[- ][A-Z][\w'\-]+)*)", after):
            cell.gemeente = clean_gemeente(gemeente[1])
            after = after[gemeente.end():]
        elif bare := _gemeente_right_after(after):  # "burgemeester Ede" without "van"
            cell.gemeente = bare
            after = after[after.index(bare) + len(bare):]
        text = (text[: function.start()] + " " + after)
        text = FUNCTION_RE.sub(" ", text)  # "wethouder en loco-burgemeester": the other function is no name
    cell.gemeente = cell.gemeente or in_brackets
    text = re.sub(r"^(?:de|het)\s*[,:]\s*", "", text.strip(" ;:-–()"), flags=re.I)  # "de [functie], A. Jansen"
    text = re.sub(r"\b(?:de|het|namens\s+het\s+college|namens\s+de\s+gemeente\s+\S+)\s*$", "", text.strip(" ,;:-–()"), flags=re.I)
    text = re.sub(r"^(?:de|het)\s*[,:]?\s*$", "", text.strip(" ,;:-–()"), flags=re.I).strip(" ,;:-–()")
    text = re.sub(r"\s*[,(].*$", "", text).strip()
    text = text.replace("\u2024", ".")
    if text and NAME_RE.match(text) and not _NOT_A_PERSON_RE.match(text):
        cell.name = text
    cell.marker_only = not cell.name and not cell.function and (cell.signed or cell.refused)
    return cell


_BURGEMEESTER_FIRST = ("waarnemend", "wnd", "plv", "plaatsvervangend", "loco-burg", "loco burg", "locoburg", "a.i", "interim")


def _main_function(text: str) -> re.Match | None:
    """The function that counts: "wethouder en loco-burgemeester" signs as loco-burgemeester."""
    found = list(FUNCTION_RE.finditer(text))
    if not found:
        return None
    burgemeester = [m for m in found if "burgemeester" in m[0].lower()]
    acting = [m for m in burgemeester if any(word in m[0].lower() for word in _BURGEMEESTER_FIRST)]
    return (acting or burgemeester or found)[0]


def _gemeente_in_brackets(text: str) -> str:
    for match in re.finditer(r"\(([^()]{2,60})\)", text):
        inner = FUNCTION_RE.sub(" ", match[1])
        inner = re.sub(r"(?i)\b(?:van|de|der|gemeente)\b", " ", inner)
        candidate = " ".join(inner.replace(",", " ").split())
        if is_gemeente_name(candidate):
            return candidate
    return ""


def _gemeente_right_after(after: str) -> str:
    words = re.match(r"^\s+((?:['A-Z][\w'\-]*)(?:\s+(?:[A-Z][\w'\-]*|en|op|aan|bij|den|de))*)", after)
    if not words:
        return ""
    parts = words[1].split()
    for size in range(len(parts), 0, -1):  # longest known name first: "Bergen op Zoom" before "Bergen"
        candidate = " ".join(parts[:size])
        if is_gemeente_name(candidate):
            return candidate
    return ""


_TWO_FUNCTIONS_RE = re.compile(r"^\s*((?:de\s+)?\S+(?:\s+\S+)?\s*,)\s+((?:de\s+)?\S+(?:\s+\S+)?\s*,?)\s*$", re.I)


def _split_run_together(text: str) -> list[str]:
    """PDF text often loses the column gap: "de secretaris, de burgemeester," / "w.g. J. Smit w.g. P. de Vries"."""
    if (match := _TWO_FUNCTIONS_RE.match(text)) and all(FUNCTION_RE.fullmatch(re.sub(r"^de\s+|\s*,$", "", g.strip(), flags=re.I)) for g in match.groups()):
        return [match[1], match[2]]
    headers = re.split(r",\s+(?=(?:de\s+)?(?:waarnemend\s+|loco-?)?(?:burgemeester|wethouder|gemeentesecretaris|secretaris)\b)",
                       text.strip(), flags=re.I)
    if len(headers) >= 2 and all(FUNCTION_START_RE.match(h.strip(" ,")) for h in headers):
        return [h.strip() for h in headers]  # "de burgemeester van Ede, de burgemeester van Renkum,"
    markers = list(SIGNED_MARKER_RE.finditer(text))
    if len(markers) >= 2 and markers[0].start() == 0:
        bounds = [m.start() for m in markers] + [len(text)]
        return [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]
    return _split_gemeenten_row(text) or _split_functions_row(text) or _split_names_row(text)


def _split_gemeenten_row(text: str) -> list[str]:
    """ "Gemeente Ede Gemeente Renkum" / "Ede, Bergen op Zoom": a header row of gemeente names, split by the list."""
    words = text.replace(",", " ").split()
    if not 2 <= len(words) <= 12:
        return []
    best: dict[int, list[str]] = {0: []}
    for start in range(len(words)):
        if start not in best:
            continue
        first = start + (1 if words[start].lower() == "gemeente" else 0)
        for end in range(first + 1, min(first + 5, len(words)) + 1):
            name = " ".join(words[first:end])
            if is_gemeente_name(name) and end not in best:
                best[end] = best[start] + [" ".join(words[start:end])]
    parts = best.get(len(words), [])
    return parts if len(parts) >= 2 else []


def _split_functions_row(text: str) -> list[str]:
    """ "burgemeester wethouder": one function per column."""
    found = list(FUNCTION_RE.finditer(text))
    rest = FUNCTION_RE.sub(" ", text)
    if len(found) >= 2 and not re.sub(r"(?i)\bde\b|[,\s]", "", rest):
        return [m[0] for m in found]
    return []


_INITIALS_NAME = r"(?:[A-Z][a-z]{0,2}\.\s?)+(?:(?:van|de|der|den|ter|ten|het|in\s+'t)\s+)*[A-ZÀ-Ý][\w'’\-]+"
_NAMES_ROW_RE = re.compile(rf"^(?:{SIGNED_MARKER_RE.pattern}\s*)?{_INITIALS_NAME}(?:\s+(?:{SIGNED_MARKER_RE.pattern}\s*)?{_INITIALS_NAME})+$")


def _split_names_row(text: str) -> list[str]:
    """ "w.g. A. Jansen B. Vos": names with initials side by side; a marker stays with the name after it."""
    if not _NAMES_ROW_RE.match(text.strip()):
        return []
    starts = [m.start(1) for m in re.finditer(rf"(?:^|\s)((?:{SIGNED_MARKER_RE.pattern}\s*)?{_INITIALS_NAME})", text.strip())]
    bounds = starts + [len(text.strip())]
    return [text.strip()[a:b].strip() for a, b in zip(bounds, bounds[1:])]


def _row_cells(raw: str) -> list[str]:
    """The cells of one line. Single tabs (a DOCX table row, or typed tab columns) and pipes (Markdown) are cell
    boundaries, so an empty cell keeps its place; runs of tabs or spaces are a visual gap."""
    raw = raw.rstrip("\r\n")
    if "\t" in raw and "\t\t" not in raw and "|" not in raw:
        cells = [c.strip() for c in raw.split("\t")]
        return cells if any(cells) else []
    if raw.strip().startswith("|"):
        return [c.strip() for c in raw.strip().strip("|").split("|")]
    return [c for c in CELL_SPLIT_RE.split(raw.strip().strip("|")) if c.strip()]


_SPACE_CELL_RE = re.compile(r"\S+(?:\s{1,2}\S+)*")


def _cell_starts(raw: str, cells: list[str]) -> list[int] | None:
    """Character positions of the cells of a space-aligned row (no tabs, no pipes); None when not applicable."""
    if "\t" in raw or "|" in raw:
        return None
    found = [(m.start(), m.group(0)) for m in _SPACE_CELL_RE.finditer(raw.replace("\u00a0", " "))]
    if [text for _, text in found] != [c.strip() for c in cells]:
        return None
    return [start for start, _ in found]


def _close_run(run: list[tuple[list[str], list[int] | None]]):
    """The block, then the one-cell lines that ended it (they belong below, not in a column)."""
    tail = []
    while run and len(run[-1][0]) == 1:
        tail.insert(0, run.pop()[0][0])
    if run:
        yield _aligned(run)
    yield from tail


def _aligned(run: list[tuple[list[str], list[int] | None]]) -> list[list[str]]:
    """Rows of a multi-column block. Space-aligned rows are placed by position, so "w.g." under the third name
    stays in the third column even when the second has none; other rows (tabs, tables) by cell order."""
    if any(starts is None for _, starts in run):
        return [cells for cells, _ in run]
    anchor = max((starts for _, starts in run), key=len)
    rows = []
    for cells, starts in run:
        row = [""] * len(anchor)
        for cell, start in zip(cells, starts):
            column = min(range(len(anchor)), key=lambda i: (abs(anchor[i] - start), i))
            row[column] = f"{row[column]} {cell}".strip()
        rows.append(row)
    return rows


def _capitalised_name(text: str) -> bool:
    """ "Aa en Hunze", "Bergen op Zoom", "'s-Hertogenbosch" yes; "Mede-ondertekend door" no."""
    small = {"en", "op", "aan", "den", "de", "der", "bij", "van", "'s", "zee", "het"}
    words = text.split()
    return bool(words) and all(w[:1].isupper() or w[:1] == "'" or w.lower() in small for w in words) and words[0][:1] != ""


# Capital "W.G." directly before a surname are a person's initials ("wethouder W.G. Jansen"); lower-case "w.g." or
# "W.G." before further initials ("W.G. A. Jansen") is the marker.
_INITIALS_WG_RE = re.compile(r"(?<![\w.])W\.\s?G\.(?=\s?(?:(?:van|de|der|den|ter|ten)\s+)*[A-Z][a-zà-ÿ])")


def is_gemeente_name(text: str) -> bool:
    """The whole text is the name of a Dutch gemeente (any year in the bundled CBS list): a block header, not a
    person. Names are capitalised; a lower-case word is never a header."""
    if not text or len(text) > 40 or not re.match(r"^['A-ZÀ-Ý]", text):
        return False
    try:
        from assistant.rules.municipalities import _index, _key
    except ImportError:  # the municipality list is optional for the parser
        return False
    try:
        return _key(text) in _index()
    except Exception:  # noqa: BLE001 - a data problem must never break parsing
        return False


_NOT_A_PERSON_RE = re.compile(
    r"^(?:namens|gemeente|college|en|griffie|team|afdeling|bureau|raad|concernstaf|vng|met|hoogachtend|groet)\b", re.I)


class SignatureParser:
    """Reads the signature region: vertical blocks, two-column blocks and simple tables."""

    def __init__(self, skip: Callable[[str], str | None] = lambda body: None):
        # skip(line) -> "block": a list that is not signatures starts here (supporters, contacts) and runs to the
        # next blank line, or on over blank lines while bullets follow; "line": skip just this line (a
        # "Mede-indieners:" heading); None: a signature line.
        self.skip = skip

    def parse(self, lines: list[Line]) -> list[Signatory]:
        signatories: list[Signatory] = []
        context = {"gemeente": ""}
        singles: list[str] = []
        for group in self._groups(lines):
            if isinstance(group, list):
                signatories += self._column(singles, context)
                singles = []
                signatories += self._table(group, context)
            else:
                singles.append(group)
        return signatories + self._column(singles, context)

    def _groups(self, lines: list[Line]):
        """Single lines, and runs of multi-cell lines (blank lines inside a run allowed) as lists of cell rows."""
        run: list[list[str]] = []
        skipping = False
        bulleted = False  # the skipped list so far is a bullet list
        gap = False  # a blank line inside the skipped list
        for line in lines:
            body = line.body
            if skipping and body and (bulleted or gap) and not line.bullet:
                # "- Borne / - Oldenzaal / Gemeente Enschede": the bullets ended, a block starts; after a blank line
                # only bullets go on with the list (as the parser's list sections read it)
                skipping = False
            elif skipping:
                gap = not body  # "Ondersteunende gemeenten:" / blank line / "- Ede": the list goes on
                bulleted = bulleted or line.bullet
                continue
            if (skip := self.skip(body)) is not None:
                skipping, bulleted, gap = skip == "block", False, False
                continue
            cells = _row_cells(line.raw)
            if len(cells) < 2:
                cells = _split_run_together(line.text) or cells
            filled = sum(1 for c in cells if c.strip())
            if len(cells) >= 2 and (filled >= 2 or run and filled) and not re.fullmatch(r"[\s|:-]+", line.raw):
                run.append((cells, _cell_starts(line.raw, cells)))
                continue
            if not body:
                continue
            if re.fullmatch(r"[\s|:-]+", line.raw):
                continue
            if run and len(body) <= 60 and (starts := _cell_starts(line.raw, cells)) is not None \
                    and all(row_starts is not None for _, row_starts in run):
                run.append((cells, starts))  # "w.g." under one column of a space-aligned block: keep its position
                continue
            if run:
                yield from _close_run(run)
                run = []
            yield line.text
        if run:
            yield from _close_run(run)

    def _table(self, rows: list[list[str]], context: dict) -> list[Signatory]:
        header = [c.strip().lower() for c in rows[0]]
        if "naam" in header and ("functie" in header or "gemeente" in header):
            return self._record_table(header, rows[1:], context)
        if not any(sum(1 for cell in row if parse_signature_cell(cell).name) >= 2 for row in rows):
            # One person per row ("Burgemeester: A. Jansen | Handtekening: w.g."): read row by row.
            return self._column([cell for row in rows for cell in row], context)
        width = max(len(r) for r in rows)
        out: list[Signatory] = []
        for col in range(width):
            column_context = dict(context)
            out += self._column([r[col] for r in rows if col < len(r)], column_context)
        return out

    def _record_table(self, header: list[str], rows: list[list[str]], context: dict) -> list[Signatory]:
        out = []
        for row in rows:
            record = dict(zip(header, row))
            cell = parse_signature_cell(record.get("handtekening", ""))
            out.append(Signatory(
                name=record.get("naam", "").strip(),
                function=function_name(record.get("functie", "")),
                gemeente=clean_gemeente(record.get("gemeente", "")) or context["gemeente"],
                signed=cell.signed,
                marker=cell.marker,
            ))
        return out

    def _column(self, cells: list[str], context: dict) -> list[Signatory]:
        out: list[Signatory] = []
        queue: list[_Cell] = []
        pending_marker: _Cell | None = None
        last: Signatory | None = None
        last_refused = False
        for text in cells:
            cell = parse_signature_cell(text)
            if cell.header_gemeente:
                context["gemeente"] = cell.header_gemeente
                last = None
                continue
            if cell.marker_only:
                if last is not None and not last.signed and not last_refused:
                    if cell.signed:
                        out[-1] = last = last.model_copy(update={"signed": True, "marker": cell.marker})
                    elif cell.refused:
                        last_refused = True
                else:
                    pending_marker = cell
                continue
            if cell.function and not cell.name:
                if last is not None and not last.function:
                    update = {"function": cell.function, "gemeente": last.gemeente or cell.gemeente}
                    if cell.signed and not last.signed and not last_refused:
                        update.update(signed=True, marker=cell.marker)
                    out[-1] = last = last.model_copy(update=update)
                else:
                    queue.append(cell)
                continue
            if not cell.name:
                continue
            queued = queue.pop(0) if not cell.function and queue else None
            signed, marker = cell.signed, cell.marker
            if not signed and not cell.refused and queued is not None and queued.signed:
                signed, marker = True, queued.marker
            if not signed and not cell.refused and pending_marker is not None:
                signed, marker = pending_marker.signed, pending_marker.marker
            pending_marker = None
            last = Signatory(
                name=cell.name,
                function=cell.function or (queued.function if queued else ""),
                gemeente=cell.gemeente or (queued.gemeente if queued else "") or context["gemeente"],
                signed=signed,
                marker=marker,
            )
            last_refused = cell.refused
            out.append(last)
        return out
