"""Source passages: a pointer to physical lines of a corpus file, with the quoted text loaded on demand.

Every value the rule engine returns (a deadline, a vote weight, a finding) carries the passages it rests on, so
the CLI, the app and the checker can show the rule's own words. Paths are relative to the repository root (as in
citations elsewhere); line numbers are 1-based physical lines, both ends inclusive.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.config import REPO_ROOT

F0 = "corpus/2019-11-29-balv-vergaderstukken.txt"  # BALV 29-11-2019 package
F1 = "corpus/2024-06-26-alv-vergaderstukken.txt"  # ALV 26-06-2024 package


@lru_cache(maxsize=16)
def _lines(absolute_path: str) -> tuple[str, ...]:
    # Split on "\n" only: the line numbers in the shared docs are physical lines as `sed -n` counts them.
    text = Path(absolute_path).read_text(encoding="utf-8")
    return tuple(line.rstrip("\r") for line in text.split("\n"))


def _resolve(path: str, root: Path | None = None) -> Path:
    candidate = Path(path)
    return candidate if candidate.is_absolute() else (root or REPO_ROOT) / candidate


@dataclass(frozen=True)
class SourceRef:
    """Lines ``line_start``..``line_end`` (inclusive, 1-based) of ``path`` (relative to the repository root)."""

    path: str
    line_start: int
    line_end: int | None = None
    note: str = ""  # optional short label, e.g. "Statuten art. 11 lid 3" (not part of the JSON contract)

    def __post_init__(self) -> None:
        if self.line_end is None:
            object.__setattr__(self, "line_end", self.line_start)
        if self.line_start < 1 or self.line_end < self.line_start:
            raise ValueError(f"Ongeldig regelbereik {self.line_start}-{self.line_end} in {self.path}")

    @property
    def text(self) -> str:
        """The verbatim lines, blank lines between them dropped (the corpus separates paragraphs by blank lines)."""
        return self.text_from()

    def text_from(self, root: Path | None = None) -> str:
        lines = _lines(str(_resolve(self.path, root)))
        span = lines[self.line_start - 1 : self.line_end]
        return "\n".join(line for line in span if line.strip())

    @property
    def label(self) -> str:
        """Short citation, e.g. ``2024-06-26-alv-vergaderstukken.txt L282–288``."""
        name = self.path.rsplit("/", 1)[-1]
        lines = f"L{self.line_start}" if self.line_start == self.line_end else f"L{self.line_start}–{self.line_end}"
        return f"{name} {lines}"

    def to_dict(self, *, with_text: bool = True) -> dict:
        data = {"path": self.path, "line_start": self.line_start, "line_end": self.line_end}
        if with_text:
            data["text"] = self.text
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "SourceRef":
        return cls(
            path=data["path"],
            line_start=int(data["line_start"]),
            line_end=int(data.get("line_end") or data["line_start"]),
            note=data.get("note", ""),
        )


def f0(line_start: int, line_end: int | None = None, note: str = "") -> SourceRef:
    """A passage of the BALV 29-11-2019 package."""
    return SourceRef(F0, line_start, line_end, note)


def f1(line_start: int, line_end: int | None = None, note: str = "") -> SourceRef:
    """A passage of the ALV 26-06-2024 package."""
    return SourceRef(F1, line_start, line_end, note)


def sources_to_json(sources) -> list[dict]:
    return [source.to_dict() for source in sources]
