"""Amendment instructions: what is struck, what replaces it, where text is inserted.

Block layout ("Schrappen:" / "Vervangen door:" / "Invoegen na:" / "Oorspronkelijke tekst:" / "Nieuwe tekst:"),
inline ('de zin "…" vervangen door "…"', 'na "…" invoegen: "…"', '"…" te schrappen') and described passages
("het eerste gedachtestreepje vervangen door: …").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from assistant.motions.model import AmendmentChange
from assistant.motions.text import Line, field_value, normalise_space

# Amendment change labels (block layout: "Schrappen:" / "Vervangen door:" / "Invoegen na:" / "In te voegen tekst:").
CH_STRIKE_RE = re.compile(r"^(?:te\s+)?(?:schrappen|schrap|verwijderen|weglaten|doorhalen|oorspronkelijke\s+tekst|huidige\s+tekst|bestaande\s+tekst|te\s+schrappen\s+tekst|tekst\s+(?:in\s+het\s+)?voorstel|was(?=\s*:))\b\s*(?:de\s+(?:tekst|zin|woorden|passage))?\s*:?\s*(.*)$", re.I)
CH_REPLACE_RE = re.compile(r"^(?:(?:en|te)\s+)*(?:vervangen\s+door|vervang\s+door|te\s+vervangen\s+door|nieuwe\s+tekst|komt\s+te\s+luiden|wordt)\s*:?\s*(.*)$", re.I)
# "Invoegen na: <passage>" (the new text follows on its own line or under "In te voegen tekst:"), and
# "Invoegen na <plaats>: <nieuwe tekst>" / "Toevoegen aan het dictum: <nieuwe tekst>" (the place before the colon).
CH_INSERT_AFTER_RE = re.compile(
    r"^(?:invoegen|in\s+te\s+voegen|toevoegen|toe\s+te\s+voegen)\s+(?P<where>na|achter|aan|onder)\b\s*"
    r"(?::\s*(?P<passage>.*)|(?P<place>.*?)\s*(?::\s*(?P<text>.*))?)$",
    re.I,
)
CH_INSERT_TEXT_RE = re.compile(r"^(?:in\s+te\s+voegen\s+tekst|toe\s+te\s+voegen\s+tekst|in\s+te\s+voegen|toe\s+te\s+voegen|invoegen|toevoegen|tekst)\s*:\s*(.*)$", re.I)
# "Een nieuw beslispunt toevoegen: …" / "Toe te voegen als nieuw beslispunt 3: …": a new point, its place named.
CH_ADD_NEW_RE = re.compile(
    r"^(?:(?:aan|in|onder|bij)\s+(?:het|de)\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:(?:een|het)\s+)?"
    r"(?:((?:nieuwe?|extra|tweede|derde|vierde|vijfde|zesde|laatste|\d+e)\s+"
    r"(?:beslispunt|punt|lid|bullet|gedachtestreepje|zin|alinea|onderdeel|artikel)(?:\s+[\w.]+)?)\s+)?(?:toe\s+te\s+voegen|toevoegen|in\s+te\s+voegen|invoegen|wordt\s+toegevoegd|wordt\s+ingevoegd)"
    r"\s*(?:\(?\s*als\s+(nieuwe?\s+[^:)]{2,60})\)?)?\s*:\s*(.*)$",
    re.I,
)
QUOTE = r"[\"“”'‘’„]"
# A quoted passage: it never opens with a quotation mark at the end of a line, and never runs past a quotation mark
# that ends a line. So '“a” schrappen' followed later by '“b” vervangen door “c”' are two passages, not one from
# the first quotation mark to the last.
PASSAGE = rf"{QUOTE}(?![ \t]*\n)((?:(?!{QUOTE}[ \t]*\n).)+?){QUOTE}"
_REPLACE_VERB = (r"(?:(?:te\s+)?(?:wordt\s+|worden\s+)?(?:vervangen\s+door|gewijzigd\s+in|veranderd\s+in|gewijzigd\s+naar|"
                 r"wijzigen\s+in|(?:ge)?lezen\s+als)|wordt|worden)")
# '"…" (te) vervangen door "…"', '"…" wordt gewijzigd in "…"', '"…" wordt "…"', '"…" te lezen als "…"'
INLINE_REPLACE_RE = re.compile(rf"{PASSAGE}\s*(?:\(.*?\)\s*)?{_REPLACE_VERB}\s*:?\s*{QUOTE}(.+?){QUOTE}", re.I | re.S)
INLINE_STRIKE_RE = re.compile(rf"{PASSAGE}[ \t]*(?:te\s+)?(?:wordt\s+)?(?:schrappen|geschrapt|te\s+schrappen|verwijderen|te\s+verwijderen)", re.I | re.S)
INLINE_STRIKE2_RE = re.compile(rf"(?:schrappen|schrap|verwijderen)\s*:?\s*(?:de\s+(?:tekst|zin|woorden)\s*)?{PASSAGE}", re.I | re.S)
INLINE_INSERT_RE = re.compile(
    rf"(?:na|achter)\s+(?:de\s+(?:tekst|zin|woorden|passage)\s+)?{PASSAGE}\s*(?:\(.*?\)\s*)?(?:de\s+(?:tekst|zin|woorden)\s+)?"
    rf"(?:in\s+te\s+voegen|toe\s+te\s+voegen|invoegen|toevoegen|wordt\s+ingevoegd|wordt\s+toegevoegd)\s*:?\s*{QUOTE}(.+?){QUOTE}",
    re.I | re.S,
)
INLINE_INSERT2_RE = re.compile(
    rf"(?:invoegen|in\s+te\s+voegen|toevoegen|toe\s+te\s+voegen)\s+(?:na|achter)\s*:?\s*(?:de\s+(?:tekst|zin|woorden|passage|bullet)\s+)?"
    rf"{PASSAGE}\s*(?:\(.*?\)\s*)?[:,]?\s*(?:de\s+(?:tekst|zin|woorden)\s*:?\s*)?{QUOTE}(.+?){QUOTE}",
    re.I | re.S,
)
DESCRIBED_REPLACE_RE = re.compile(r"^(.{3,200}?)\s+(?:te\s+)?(?:wordt\s+|worden\s+)?vervangen\s+door\s*:?\s*(.*)$", re.I)
DESCRIBED_STRIKE_RE = re.compile(r"^(.{3,200}?)\s+(?:te\s+)?(?:wordt\s+|worden\s+)?(?:schrappen|geschrapt|verwijderen|verwijderd)\s*\.?$", re.I)
_LUIDEN = r"(?:komt|komen)\s+(?:als\s+volgt\s+)?te\s+luiden|wordt\s+(?:als\s+volgt\s+)?gewijzigd\s+in"
LUIDEN_RE = re.compile(rf"(.{{3,400}}?)\s+(?:{_LUIDEN})\s*:?\s*{QUOTE}?(.+?){QUOTE}?\s*$", re.I | re.S)
# "… komt te luiden:" with the new text on the next line(s).
LUIDEN_OPEN_RE = re.compile(rf"^(.{{3,400}}?)\s+(?:{_LUIDEN})\s*:?\s*$", re.I | re.S)


_LOCATION_BEFORE_QUOTE_RE = re.compile(
    rf"^(?:(?:het\s+)?(?:amendement|wijziging)\s*:?\s*)?(?:in|uit|onder|bij)\s+(?:de|het)\s+([^:\"“„'‘]{{3,80}}?)\s*(?:,|:|\s+(?:de|het)\s+(?:tekst|zin|woorden|passage|bullet|gedachtestreepje)|{QUOTE})",
    re.I,
)


def with_location(target: str, lines: list[Line]) -> str:
    """Add a written location ("In de toelichting op de resolutie de zin '…' vervangen door …") to the target
    when it names a part the target does not mention yet; the amendability check needs it."""
    for line in lines:
        match = _LOCATION_BEFORE_QUOTE_RE.match(line.body)
        if not match:
            continue
        location = match[1].strip()
        if "toelichting" not in location.lower():
            continue
        if not target:
            return location
        if normalise_space(location) not in normalise_space(target):
            return f"{target} ({location})"
    return target


def _adds_new_point(body: str) -> bool:
    match = CH_ADD_NEW_RE.match(body)
    return bool(match and (match[1] or match[2]))


def is_change_line(body: str) -> bool:
    return bool(
        CH_STRIKE_RE.match(body) or CH_INSERT_AFTER_RE.match(body) or _adds_new_point(body) or re.match(r"^(?:en\s+)?(?:te\s+)?vervangen\s+door\b", body, re.I)
        or INLINE_REPLACE_RE.search(body) or INLINE_INSERT_RE.search(body) or INLINE_INSERT2_RE.search(body)
        or INLINE_STRIKE_RE.search(body) or INLINE_STRIKE2_RE.search(body) or re.search(rf"\b(?:{_LUIDEN})\b", body, re.I)
        or DESCRIBED_REPLACE_RE.match(body) or DESCRIBED_STRIKE_RE.match(body) or is_table_header(body)
    )


_OLD_COLUMN_RE = re.compile(r"^(?:(?:huidige|oorspronkelijke|bestaande|oude|geldende)\s+tekst|tekst\s+(?:in\s+het\s+)?voorstel|was|nu)\s*:?$", re.I)
_NEW_COLUMN_RE = re.compile(r"^(?:(?:nieuwe|voorgestelde|gewijzigde|aangepaste)\s+tekst|wordt|tekst\s+na\s+amendering|amendement)\s*:?$", re.I)


def _cells(raw: str) -> list[str]:
    raw = raw.strip()
    if "|" in raw:
        parts = raw.strip("|").split("|")
    elif "\t" in raw:
        parts = re.split(r"\t+", raw)
    else:
        parts = re.split(r"\s{3,}", raw)
    return [field_value(p.strip()) or p.strip() for p in parts]


def is_table_header(raw: str) -> bool:
    """ "Huidige tekst | Nieuwe tekst" (a two-column old/new table, as Word amendments often have)."""
    cells = [c for c in _cells(raw) if c]
    return len(cells) == 2 and bool(_OLD_COLUMN_RE.match(cells[0]) and _NEW_COLUMN_RE.match(cells[1]))


# A change with the index of the line where its instruction starts, so mixed layouts keep their written order.
Positioned = tuple[int, AmendmentChange]


def _table_changes(lines: list[Line]) -> tuple[list[Positioned], set[int]]:
    changes: list[Positioned] = []
    used: set[int] = set()
    in_table = False
    for line in lines:
        if is_table_header(line.raw):
            in_table = True
            used.add(line.index)
            continue
        if not in_table:
            continue
        if re.fullmatch(r"[\s|:-]+", line.raw or "-"):
            used.add(line.index)
            continue
        cells = _cells(line.raw)
        if len(cells) != 2 or not any(cells):
            in_table = False
            continue
        used.add(line.index)
        old, new = cells
        changes.append((line.index, AmendmentChange(
            action="vervangen" if old and new else "schrappen" if old else "invoegen",
            schrappen=old, vervangen_door=new, invoegen_na="" if old else "(tabel)")))
    return changes, used


def parse_changes(lines: list[Line]) -> list[AmendmentChange]:
    """Strike/replace/insert instructions, in block layout ("Schrappen: …" / "Vervangen door: …"), inline, or as an
    old/new table ("Huidige tekst | Nieuwe tekst"), in the order they are written."""
    table, used = _table_changes(lines)
    lines = [line for line in lines if line.index not in used]
    positioned = sorted(table + _text_changes(lines), key=lambda item: item[0])  # stable: ties keep their order
    return [change for _, change in positioned]


def _text_changes(lines: list[Line]) -> list[Positioned]:
    bodies = [line.body for line in lines]
    joined = "\n".join(bodies)
    inline, spans = _inline_changes(joined)
    starts = [sum(len(b) + 1 for b in bodies[:i]) for i in range(len(bodies))]
    free = [line for line, start in zip(lines, starts) if not any(a <= start < b or start <= a < start + len(line.body) + 1 for a, b in spans)]
    block = [(index, c) for index, c in _block_changes(free) if c.schrappen or c.vervangen_door or c.invoegen_na]
    return [(lines[bisect_right(starts, offset) - 1].index, change) for offset, change in inline] + block


def _inline_changes(text: str) -> tuple[list[tuple[int, AmendmentChange]], list[tuple[int, int]]]:
    """Quoted changes anywhere in ``text``, each with its offset (in text order), and the spans they cover."""
    changes: list[tuple[int, AmendmentChange]] = []
    spans: list[tuple[int, int]] = []
    for match in INLINE_REPLACE_RE.finditer(text):
        changes.append((match.start(), AmendmentChange(action="vervangen", schrappen=match[1].strip(), vervangen_door=match[2].strip())))
        spans.append(match.span())
    for match in INLINE_INSERT2_RE.finditer(text):
        changes.append((match.start(), AmendmentChange(action="invoegen", invoegen_na=match[1].strip(), vervangen_door=match[2].strip())))
        spans.append(match.span())
    for match in INLINE_INSERT_RE.finditer(text):
        if any(a <= match.start() < b for a, b in spans):
            continue
        changes.append((match.start(), AmendmentChange(action="invoegen", invoegen_na=match[1].strip(), vervangen_door=match[2].strip())))
        spans.append(match.span())
    for regex in (INLINE_STRIKE_RE, INLINE_STRIKE2_RE):
        for match in regex.finditer(text):
            if any(a <= match.start() < b for a, b in spans):
                continue
            if re.match(r"\s*(?:en|,)?\s*(?:te\s+)?vervangen\s+door", text[match.end():match.end() + 30], re.I):
                continue
            changes.append((match.start(), AmendmentChange(action="schrappen", schrappen=match[1].strip())))
            spans.append(match.span())
    offset = 0
    for line in text.split("\n"):
        if (match := LUIDEN_RE.match(line.strip())) and field_value(match[2]).strip(" :"):
            changes.append((offset, AmendmentChange(action="vervangen", schrappen=match[1].strip(" :,"), vervangen_door=field_value(match[2]))))
        offset += len(line) + 1
    return sorted(changes, key=lambda item: item[0]), spans


# "Vervangen door: …" / "In te voegen tekst: …" inside a block: a label, even when its text ends in "verwijderd".
_BLOCK_LABEL_RE = re.compile(r"^(?:(?:en|te)\s+)*(?:vervangen\s+door|vervang\s+door|nieuwe\s+tekst)\s*:", re.I)


def _block_changes(lines: list[Line]) -> list[Positioned]:
    changes: list[Positioned] = []
    current: dict[str, list[str]] | None = None
    start = 0
    slot = ""

    def flush() -> None:
        if current is not None:
            changes.append((start, _change_from_block({k: "\n".join(v).strip() for k, v in current.items()})))

    for line in lines:
        body = line.body
        if not body:
            continue
        if INLINE_REPLACE_RE.search(body) or INLINE_INSERT_RE.search(body) or INLINE_INSERT2_RE.search(body):
            continue  # handled inline
        labelled = current is not None and bool(_BLOCK_LABEL_RE.match(body) or CH_INSERT_TEXT_RE.match(body))
        opened = None if labelled else _open_block(body)
        if opened is not None:
            flush()
            (current, slot), start = opened, line.index
        elif (match := CH_REPLACE_RE.match(body)) and current is not None and re.match(r"^(?:(?:en|te)\s+)*(?:vervang|nieuwe|komt|wordt)", body, re.I):
            slot = "nieuw"
            current.setdefault("nieuw", [])
            if field_value(match[1]):
                current["nieuw"].append(field_value(match[1]))
        elif (match := CH_INSERT_TEXT_RE.match(body)) and current is not None:
            slot = "nieuw"
            current.setdefault("nieuw", [])
            if field_value(match[1]):
                current["nieuw"].append(field_value(match[1]))
        elif current is not None and slot:
            current.setdefault(slot, []).append(field_value(body) or body)
            if slot == "invoegen_na":
                slot = "nieuw"  # "Invoegen na:" / "<passage>" / "<new text>": the passage is one line
    flush()
    return changes


def _open_block(body: str) -> tuple[dict[str, list[str]], str] | None:
    """The first line of a block instruction: its parts so far and the slot the next lines fill; None otherwise."""
    if (match := CH_ADD_NEW_RE.match(body)) and (match[1] or match[2]):
        return {"invoegen_na": [(match[1] or match[2]).strip()], "nieuw": _filled(match[3])}, "nieuw"
    if match := LUIDEN_OPEN_RE.match(body):
        # "Beslispunt 2 komt te luiden:" / "Het voorstel '…' komt te luiden:" and the text below
        return {"schrappen": [match[1].strip(" :,")], "nieuw": []}, "nieuw"
    if (match := DESCRIBED_REPLACE_RE.match(body)) and not CH_STRIKE_RE.match(body) and not CH_REPLACE_RE.match(body):
        return {"schrappen": [match[1].strip(" :,")], "nieuw": _filled(match[2])}, "nieuw"
    if (match := DESCRIBED_STRIKE_RE.match(body)) and not CH_STRIKE_RE.match(body):
        return {"schrappen": [match[1].strip(" :,")]}, "schrappen"
    if match := CH_STRIKE_RE.match(body):
        return {"schrappen": _filled(match[1])}, "schrappen"
    if match := CH_INSERT_AFTER_RE.match(body):
        return _insertion_block(match)
    return None


def _insertion_block(match: re.Match) -> tuple[dict[str, list[str]], str]:
    """ "Invoegen na: <passage>" (new text below), "Invoegen na <plaats>: <tekst>", "Toevoegen aan het dictum: …"."""
    where = match["where"].lower()
    value = field_value(match["passage"] if match["passage"] is not None else match["place"])
    position = f"{where} {value}".strip() if where in {"aan", "onder"} else value
    text = _filled(match["text"] or "")
    if match["passage"] is not None and not value and where in {"na", "achter"}:
        return {"invoegen_na": []}, "invoegen_na"  # "Invoegen na:" with the passage on the next line
    return {"invoegen_na": [position] if position else [], "nieuw": text}, "nieuw"


def _filled(raw: str) -> list[str]:
    value = field_value(raw)
    return [value] if value else []


def _change_from_block(block: dict[str, str]) -> AmendmentChange:
    if "invoegen_na" in block:
        return AmendmentChange(action="invoegen", invoegen_na=block.get("invoegen_na", ""), vervangen_door=block.get("nieuw", ""))
    if "nieuw" in block:  # "vervangen door:" / "komt te luiden:" was written: without new text it is incomplete
        return AmendmentChange(action="vervangen", schrappen=block.get("schrappen", ""), vervangen_door=block["nieuw"])
    return AmendmentChange(action="schrappen", schrappen=block.get("schrappen", ""))
