"""Text primitives shared by the submission parser: lines, Dutch dates, field values and gemeente names."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# --- dates -----------------------------------------------------------------------------------------------------

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4, "mei": 5,
    "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_WORDS_RE = re.compile(rf"\b(\d{{1,2}})\s+({MONTH_ALT})\.?\s+(\d{{4}})\b", re.I)
DATE_NUMERIC_RE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
DATE_ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


DATE_NO_YEAR_RE = re.compile(rf"\b(\d{{1,2}})\s+({MONTH_ALT})\b(?!\.?\s+\d{{4}})", re.I)


def parse_dutch_date(text: str, default_year: int | None = None) -> dt.date | None:
    """The first date in ``text``: "13 juni 2024", "13-06-2024", "13/6/2024", "2024-06-13"; "13 juni" only with a
    ``default_year``."""
    found = parse_full_date(text)
    if found is None and default_year and (match := DATE_NO_YEAR_RE.search(text or "")):
        try:
            return dt.date(default_year, MONTHS[match[2].lower()], int(match[1]))
        except ValueError:
            return None
    return found


def parse_full_date(text: str) -> dt.date | None:
    candidates = []
    for regex, order in ((DATE_WORDS_RE, "dmy_word"), (DATE_NUMERIC_RE, "dmy"), (DATE_ISO_RE, "ymd")):
        for match in regex.finditer(text or ""):
            candidates.append((match.start(), match, order))
    for _, match, order in sorted(candidates, key=lambda c: c[0]):
        try:
            if order == "dmy_word":
                return dt.date(int(match[3]), MONTHS[match[2].lower()], int(match[1]))
            if order == "dmy":
                return dt.date(int(match[3]), int(match[2]), int(match[1]))
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None


# --- line cleaning ---------------------------------------------------------------------------------------------

BULLET_RE = re.compile(r"^\s*(?:[-•o–—*·▪►◦‣]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
_MD_NOISE_RE = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")
_PLACEHOLDER_RE = re.compile(r"^[.…\s_]*$")


def clean_line(line: str) -> str:
    """A line without markdown heading marks, emphasis, quotes around headings and surrounding blanks."""
    line = line.replace("\u00a0", " ").replace("\u200b", "")
    line = re.sub(r"^\s*#{1,6}\s*", "", line)
    line = re.sub(r"^\s*>\s?", "", line)
    line = _MD_NOISE_RE.sub("", line)
    return line.strip()


def strip_bullet(line: str) -> tuple[str, bool]:
    match = BULLET_RE.match(line)
    if not match:
        return line.strip(), False
    return line[match.end():].strip(), True


def field_value(text: str) -> str:
    """A field value, or "" when it is empty or a template blank ("....", "…")."""
    text = text.strip().strip("\"“”„").strip()
    if len(text) > 1 and text[0] in "'‘" and text[-1] in "'’":
        text = text[1:-1].strip()
    return "" if _PLACEHOLDER_RE.match(text) else text


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


# --- gemeenten -------------------------------------------------------------------------------------------------

_GEMEENTE_PREFIX_RE = re.compile(
    r"^(?:(?:en|de|het)\s+)*(?:college\s+van\s+(?:burgemeester\s+en\s+wethouders|b\s*(?:&|en)\s*w)\s+(?:van\s+)?)?"
    r"(?:(?:de\s+)?gemeente(?:n|\(n\))?\s*:?\s+)?",
    re.I,
)
LIST_SPLIT_RE = re.compile(r"\s*(?:,|;|\ben\b|\s&\s|\n|/)\s*", re.I)


def clean_gemeente(name: str) -> str:
    name = field_value(name)
    # Drop remarks like "(indiener)", keep the province of a CBS name: "Bergen (NH.)", "Bergen (L.)".
    name = re.sub(r"\((?!\s*[A-Z][A-Za-z]{0,3}\.?\s*\))[^)]*\)", "", name)
    name = _GEMEENTE_PREFIX_RE.sub("", name.strip())
    name = name.strip(" .,:;-–\"“”")
    if not name or len(name) > 40 or not re.match(r"^['A-ZÀ-Ý]", name):
        return ""
    return name


def split_gemeenten(text: str) -> list[str]:
    """ "de gemeenten Renkum, Ede en Wageningen" -> ["Renkum", "Ede", "Wageningen"] (keeps "'s-Hertogenbosch",
    "Aa en Hunze")."""
    text = protect_names(_GEMEENTE_PREFIX_RE.sub("", field_value(text)))
    names = [clean_gemeente(unprotect_names(part)) for part in LIST_SPLIT_RE.split(text)]
    return [name for name in names if name]


def same_gemeente(a: str, b: str) -> bool:
    return bool(a) and bool(b) and _gemeente_key(a) == _gemeente_key(b)


@lru_cache(maxsize=2048)
def _gemeente_key(name: str) -> str:
    """Comparison key: case, accents, "gemeente" prefix and known variants ("Den Bosch") do not matter."""
    try:
        from assistant.rules.municipalities import normalise_gemeente

        name = normalise_gemeente(name) or name
    except Exception:  # noqa: BLE001 - the municipality list is optional for the parser
        pass
    key = re.sub(r"^(de\s+)?gemeente\s+", "", name.strip().lower())
    key = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", key)


NAMES_WITH_SPLIT_WORDS = (
    "Nuenen, Gerwen en Nederwetten", "Haarlemmerliede en Spaarnwoude", "Kollumerland en Nieuwkruisland",
    "Aa en Hunze", "Berg en Dal", "Bergen op Zoom", "Dijk en Waard", "Gilze en Rijen", "Kaag en Braassem",
    "Loon op Zand", "Mill en Sint Hubert", "Mook en Middelaar", "Peel en Maas", "Son en Breugel",
    "West Maas en Waal", "Wijk bij Duurstede",
)


def protect_names(text: str) -> str:
    for name in NAMES_WITH_SPLIT_WORDS:
        if name.lower() in text.lower():
            text = re.sub(re.escape(name), name.replace(" ", "_").replace(",", "¤"), text, flags=re.I)
    return text


def unprotect_names(text: str) -> str:
    return text.replace("_", " ").replace("¤", ",")


@dataclass
class Line:
    raw: str
    text: str  # cleaned, bullet kept
    body: str  # cleaned, bullet stripped
    bullet: bool
    index: int
