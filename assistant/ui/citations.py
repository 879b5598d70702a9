"""Citations as the user sees them: where a passage comes from, the passage itself with the quoted words
highlighted, and a link that opens the passage in the source viewer (Bronnen, ``?pad=…&regel=…&tot=…``).

Accepts the two source shapes the package produces: an answer source (``path, title, meeting, section,
line_start, line_end, page, paragraph, text, score``, as object or dict) and a rule ``SourceRef``
(``path, line_start, line_end, note`` + ``.text``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, Iterable

import streamlit as st

VIEWER_PAGE = "assistant/ui/pages/bronnen.py"  # relative to app.py, as st.page_link wants it


@dataclass(frozen=True)
class Citation:
    path: str
    text: str
    title: str = ""
    meeting: str = ""
    section: str = ""
    line_start: int | None = None
    line_end: int | None = None
    page: int | None = None
    paragraph: int | None = None
    note: str = ""

    @property
    def file_name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def location(self) -> str:
        """``regels 282–288`` / ``regel 282`` / ``pagina 3`` / ``alinea 12``."""
        if self.line_start is not None:
            end = self.line_end or self.line_start
            return f"regel {self.line_start}" if end == self.line_start else f"regels {self.line_start}–{end}"
        if self.page is not None:
            return f"pagina {self.page}"
        if self.paragraph is not None:
            return f"alinea {self.paragraph + 1}"
        return ""

    @property
    def label(self) -> str:
        """One line: title, meeting, section, file and location — what an expander header shows."""
        head = self.title or self.note or self.file_name
        parts = [head]
        if self.meeting:
            parts.append(self.meeting)
        if self.section and self.section != head:
            parts.append(self.section)
        parts.append(f"{self.file_name}, {self.location}" if self.location else self.file_name)
        return " — ".join(parts)

    @property
    def viewer_params(self) -> dict[str, str] | None:
        """Query parameters for the source viewer; None when the source has no line numbers."""
        if self.line_start is None:
            return None
        return {"pad": self.path, "regel": str(self.line_start), "tot": str(self.line_end or self.line_start)}


def _get(source: Any, name: str, default=None):
    if isinstance(source, dict):
        return source.get(name, default)
    return getattr(source, name, default)


def to_citation(source: Any) -> Citation:
    """Normalise an answer source, a SourceRef or their dicts."""
    text = _get(source, "text") or ""
    return Citation(
        path=str(_get(source, "path") or _get(source, "source_path") or ""),
        text=str(text),
        title=str(_get(source, "title") or _get(source, "doc_title") or ""),
        meeting=str(_get(source, "meeting") or ""),
        section=str(_get(source, "section") or ""),
        line_start=_get(source, "line_start"),
        line_end=_get(source, "line_end"),
        page=_get(source, "page"),
        paragraph=_get(source, "paragraph"),
        note=str(_get(source, "note") or ""),
    )


_QUOTED = re.compile(r"“([^”]{12,})”|\"([^\"]{12,})\"")
_CITATION_MARK = re.compile(r"\[\d+\]")
_IGNORED = set("*_`")  # Markdown emphasis in the corpus text that an answer quotes without


def quoted_fragments(answer: str) -> list[str]:
    """The passages an answer quotes: the text between “…” (extractive answers quote like that), else its
    sentences; citation marks such as ``[1]`` removed."""
    text = _CITATION_MARK.sub(" ", answer or "")
    quoted = [a or b for a, b in _QUOTED.findall(text)]
    if quoted:
        return quoted
    parts = re.split(r"(?<=[.!?;:])\s+|\n+", text)
    return [p.strip(" \"'“”‘’") for p in parts if len(p.strip()) >= 12]


def _normalised(text: str) -> tuple[str, list[int]]:
    """Lower-cased text without Markdown emphasis and with single spaces, plus each character's original index."""
    chars, index = [], []
    for position, char in enumerate(text):
        if char in _IGNORED:
            continue
        if char.isspace():
            if chars and chars[-1] == " ":
                continue
            char = " "
        chars.append(char.lower())
        index.append(position)
    return "".join(chars), index


def _find(passage_norm: str, index: list[int], fragment: str) -> tuple[int, int] | None:
    needle, _ = _normalised(fragment.strip())
    found = passage_norm.find(needle) if needle else -1
    if found < 0:
        return None
    return index[found], index[found + len(needle) - 1] + 1


def highlight(passage: str, quoted: str | Iterable[str] | None) -> str:
    """The passage as safe HTML, with every fragment the answer quotes wrapped in ``<mark>``.

    Matching ignores case, line breaks and Markdown emphasis (answers join lines the source breaks)."""
    fragments = quoted_fragments(quoted) if isinstance(quoted, str) else [q for q in (quoted or []) if q]
    passage_norm, index = _normalised(passage)
    spans = [span for span in (_find(passage_norm, index, f) for f in fragments) if span]
    out, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        out.append(html.escape(passage[position:start]))
        out.append(f'<mark class="bron">{html.escape(passage[start:end])}</mark>')
        position = end
    out.append(html.escape(passage[position:]))
    return "".join(out).replace("\n", "<br>")


def render_citation(citation: Citation, number: int | None = None, *, quoted=None, expanded: bool = False) -> None:
    """An expander with the passage (quoted words highlighted) and a link to the source viewer."""
    header = f"[{number}] {citation.label}" if number is not None else citation.label
    with st.expander(header, expanded=expanded):
        if citation.text:
            st.markdown(f"<blockquote>{highlight(citation.text, quoted)}</blockquote>", unsafe_allow_html=True)
        params = citation.viewer_params
        if params:
            st.page_link(VIEWER_PAGE, label="Open in de bronviewer", query_params=params)


def render_sources(sources: Iterable[Any], *, quoted=None, heading: str | None = "Bronnen") -> None:
    citations = [to_citation(s) for s in sources]
    if not citations:
        return
    if heading:
        st.markdown(f"**{heading}**")
    for number, citation in enumerate(citations, start=1):
        render_citation(citation, number, quoted=quoted)
