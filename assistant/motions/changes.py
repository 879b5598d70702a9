"""Amendment instructions: what is struck, what replaces it, where text is inserted.

Block layout ("Schrappen:" / "Vervangen door:" / "Invoegen na:" / "Oorspronkelijke tekst:" / "Nieuwe tekst:"),
inline ('de zin "…" vervangen door "…"', 'na "…" invoegen: "…"', '"…" te schrappen') and described passages
("het eerste gedachtestreepje vervangen door: …").
"""

from __future__ import annotations

import re

from assistant.motions.model import AmendmentChange
from assistant.motions.text import Line, field_value, normalise_space

# Amendment change labels (block layout: "Schrappen:" / "Vervangen door:" / "Invoegen na:" / "In te voegen tekst:").
CH_STRIKE_RE = re.compile(r"^(?:te\s+)?(?:schrappen|schrap|verwijderen|weglaten|doorhalen|oorspronkelijke\s+tekst|huidige\s+tekst|bestaande\s+tekst|te\s+schrappen\s+tekst|tekst\s+(?:in\s+het\s+)?voorstel|was(?=\s*:))\b\s*(?:de\s+(?:tekst|zin|woorden|passage))?\s*:?\s*(.*)$", re.I)
CH_REPLACE_RE = re.compile(r"^(?:(?:en|te)\s+)*(?:vervangen\s+door|vervang\s+door|te\s+vervangen\s+door|nieuwe\s+tekst|komt\s+te\s+luiden|wordt)\s*:?\s*(.*)$", re.I)
CH_INSERT_AFTER_RE = re.compile(r"^(?:invoegen|in\s+te\s+voegen|toevoegen|toe\s+te\s+voegen)\s+(na|achter|aan|onder)\b\s*(.*?)\s*:?\s*(.*)$", re.I)
CH_INSERT_TEXT_RE = re.compile(r"^(?:in\s+te\s+voegen\s+tekst|toe\s+te\s+voegen\s+tekst|in\s+te\s+voegen|toe\s+te\s+voegen|invoegen|toevoegen|tekst)\s*:\s*(.*)$", re.I)
QUOTE = r"[\"“”'‘’„]"
INLINE_REPLACE_RE = re.compile(rf"{QUOTE}(.+?){QUOTE}\s*(?:\(.*?\)\s*)?(?:te\s+)?(?:wordt\s+)?vervangen\s+door\s*:?\s*{QUOTE}(.+?){QUOTE}", re.I | re.S)
INLINE_STRIKE_RE = re.compile(rf"{QUOTE}(.+?){QUOTE}\s*(?:te\s+)?(?:wordt\s+)?(?:schrappen|geschrapt|te\s+schrappen|verwijderen|te\s+verwijderen)", re.I | re.S)
INLINE_STRIKE2_RE = re.compile(rf"(?:schrappen|schrap|verwijderen)\s*:?\s*(?:de\s+(?:tekst|zin|woorden)\s*)?{QUOTE}(.+?){QUOTE}", re.I | re.S)
INLINE_INSERT_RE = re.compile(
    rf"(?:na|achter)\s+(?:de\s+(?:tekst|zin|woorden|passage)\s+)?{QUOTE}(.+?){QUOTE}\s*(?:\(.*?\)\s*)?(?:de\s+(?:tekst|zin|woorden)\s+)?"
    rf"(?:in\s+te\s+voegen|toe\s+te\s+voegen|invoegen|toevoegen|wordt\s+ingevoegd|wordt\s+toegevoegd)\s*:?\s*{QUOTE}(.+?){QUOTE}",
    re.I | re.S,
)
INLINE_INSERT2_RE = re.compile(
    rf"(?:invoegen|in\s+te\s+voegen|toevoegen|toe\s+te\s+voegen)\s+(?:na|achter)\s+(?:de\s+(?:tekst|zin|woorden|passage|bullet)\s+)?"
    rf"{QUOTE}(.+?){QUOTE}\s*(?:\(.*?\)\s*)?[:,]?\s*(?:de\s+(?:tekst|zin|woorden)\s*:?\s*)?{QUOTE}(.+?){QUOTE}",
    re.I | re.S,
)
DESCRIBED_REPLACE_RE = re.compile(r"^(.{3,200}?)\s+(?:te\s+)?(?:wordt\s+|worden\s+)?vervangen\s+door\s*:?\s*(.*)$", re.I)
DESCRIBED_STRIKE_RE = re.compile(r"^(.{3,200}?)\s+(?:te\s+)?(?:wordt\s+|worden\s+)?(?:schrappen|geschrapt|verwijderen|verwijderd)\s*\.?$", re.I)
LUIDEN_RE = re.compile(rf"(.{{3,120}}?)\s+(?:komt\s+te\s+luiden|wordt\s+gewijzigd\s+in)\s*:?\s*{QUOTE}?(.+?){QUOTE}?\s*$", re.I | re.S)


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


def is_change_line(body: str) -> bool:
    return bool(
        CH_STRIKE_RE.match(body) or CH_INSERT_AFTER_RE.match(body) or re.match(r"^(?:en\s+)?(?:te\s+)?vervangen\s+door\b", body, re.I)
        or INLINE_REPLACE_RE.search(body) or INLINE_INSERT_RE.search(body) or INLINE_INSERT2_RE.search(body)
        or INLINE_STRIKE_RE.search(body) or INLINE_STRIKE2_RE.search(body) or re.search(r"\bkomt\s+te\s+luiden\b", body, re.I)
        or DESCRIBED_REPLACE_RE.match(body) or DESCRIBED_STRIKE_RE.match(body)
    )


def parse_changes(lines: list[Line]) -> list[AmendmentChange]:
    """Strike/replace/insert instructions, in block layout ("Schrappen: …" / "Vervangen door: …") or inline."""
    bodies = [line.body for line in lines]
    joined = "\n".join(bodies)
    changes, spans = _inline_changes(joined)
    starts = [sum(len(b) + 1 for b in bodies[:i]) for i in range(len(bodies))]
    free = [line for line, start in zip(lines, starts) if not any(a <= start < b or start <= a < start + len(line.body) + 1 for a, b in spans)]
    block = [c for c in _block_changes(free) if c.schrappen or c.vervangen_door or c.invoegen_na]
    return changes + block


def _inline_changes(text: str) -> tuple[list[AmendmentChange], list[tuple[int, int]]]:
    changes: list[AmendmentChange] = []
    spans: list[tuple[int, int]] = []
    for match in INLINE_REPLACE_RE.finditer(text):
        changes.append(AmendmentChange(action="vervangen", schrappen=match[1].strip(), vervangen_door=match[2].strip()))
        spans.append(match.span())
    for match in INLINE_INSERT2_RE.finditer(text):
        changes.append(AmendmentChange(action="invoegen", invoegen_na=match[1].strip(), vervangen_door=match[2].strip()))
        spans.append(match.span())
    for match in INLINE_INSERT_RE.finditer(text):
        if any(a <= match.start() < b for a, b in spans):
            continue
        changes.append(AmendmentChange(action="invoegen", invoegen_na=match[1].strip(), vervangen_door=match[2].strip()))
        spans.append(match.span())
    for regex in (INLINE_STRIKE_RE, INLINE_STRIKE2_RE):
        for match in regex.finditer(text):
            if any(a <= match.start() < b for a, b in spans):
                continue
            if re.match(r"\s*(?:en|,)?\s*(?:te\s+)?vervangen\s+door", text[match.end():match.end() + 30], re.I):
                continue
            changes.append(AmendmentChange(action="schrappen", schrappen=match[1].strip()))
            spans.append(match.span())
    for line in text.split("\n"):
        if (match := LUIDEN_RE.match(line.strip())) and field_value(match[2]):
            changes.append(AmendmentChange(action="vervangen", schrappen=match[1].strip(" :,"), vervangen_door=field_value(match[2])))
    return changes, spans


def _block_changes(lines: list[Line]) -> list[AmendmentChange]:
    changes: list[AmendmentChange] = []
    current: dict[str, list[str]] | None = None
    slot = ""

    def flush() -> None:
        if current is not None:
            changes.append(_change_from_block({k: "\n".join(v).strip() for k, v in current.items()}))

    for line in lines:
        body = line.body
        if not body:
            continue
        if INLINE_REPLACE_RE.search(body) or INLINE_INSERT_RE.search(body) or INLINE_INSERT2_RE.search(body):
            continue  # handled inline
        if (match := DESCRIBED_REPLACE_RE.match(body)) and not CH_STRIKE_RE.match(body) and not CH_REPLACE_RE.match(body):
            flush()
            current = {"schrappen": [match[1].strip(" :,")], "nieuw": [field_value(match[2])] if field_value(match[2]) else []}
            slot = "nieuw"
        elif (match := DESCRIBED_STRIKE_RE.match(body)) and not CH_STRIKE_RE.match(body):
            flush()
            current, slot = {"schrappen": [match[1].strip(" :,")]}, "schrappen"
        elif match := CH_STRIKE_RE.match(body):
            flush()
            current, slot = {"schrappen": [field_value(match[1])] if field_value(match[1]) else []}, "schrappen"
        elif match := CH_INSERT_AFTER_RE.match(body):
            flush()
            position = field_value(f"{match[1]} {match[2]}".strip() if match[1].lower() in {"aan", "onder"} else match[2])
            current = {"invoegen_na": [position] if position else [], "nieuw": [field_value(match[3])] if field_value(match[3]) else []}
            slot = "nieuw" if not field_value(match[2]) or field_value(match[3]) else "nieuw"
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
    flush()
    return changes


def _change_from_block(block: dict[str, str]) -> AmendmentChange:
    if "invoegen_na" in block:
        return AmendmentChange(action="invoegen", invoegen_na=block.get("invoegen_na", ""), vervangen_door=block.get("nieuw", ""))
    if block.get("nieuw"):
        return AmendmentChange(action="vervangen", schrappen=block.get("schrappen", ""), vervangen_door=block["nieuw"])
    return AmendmentChange(action="schrappen", schrappen=block.get("schrappen", ""))
