"""A little CSS on top of the theme in ``.streamlit/config.toml``: a clearly visible keyboard focus (WCAG 2.4.7),
readable line length, and the highlighted passage in citations and the source viewer."""

import streamlit as st

CSS = """
<style>
[data-testid="stCaptionContainer"] { opacity: 1 !important; color: #545454 !important; }
:focus-visible { outline: 3px solid #154273 !important; outline-offset: 2px !important; }
.block-container { max-width: 1200px; }
blockquote { color: #3d3d3d !important; opacity: 1 !important; }
mark.bron { background: #fff1b8; color: #1a1a1a; padding: 0 .1em; }
.bronregels { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9rem;
  line-height: 1.5; white-space: pre-wrap; word-break: break-word; }
.bronregels .nr { color: #4a4a4a; display: inline-block; min-width: 3.5em; user-select: none; }
.bronregels .ln, .bronregels .hl { display: block; min-height: 1.5em; padding-left: 3.5em; text-indent: -3.5em; }
.bronregels .hl { background: #fff1b8; }
p.diff del { text-decoration: line-through; background: #fde2e1; color: #1a1a1a; }
p.diff ins { text-decoration: underline; background: #dff3dc; color: #1a1a1a; }
/* Tables wrap instead of scrolling sideways on a phone: a scroll box without focusable content is unreachable
   by keyboard (axe: scrollable-region-focusable). */
[data-testid="stTableStyledTable"] { width: 100%; table-layout: fixed; }
[data-testid="stTableStyledTable"] th, [data-testid="stTableStyledTable"] td { white-space: normal !important;
  overflow-wrap: anywhere; min-width: 0 !important; }
/* Streamlit's uploader instructions are English and show its own (higher) hard limit ("40MB per file"); the
   label already says, in Dutch, which types and how large, so the instructions are hidden. */
[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }
/* The language script below takes no room. */
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > script:only-child) { display: none; }
</style>
"""
# The page is Dutch: tell browsers and screen readers (WCAG 3.1.1); Streamlit's index.html says lang="en".
LANGUAGE_SCRIPT = "<script>document.documentElement.lang = 'nl';</script>"


def apply() -> None:
    st.html(CSS)
    st.html(LANGUAGE_SCRIPT, unsafe_allow_javascript=True)
