"""Small rendering helpers shared by the pages."""

from __future__ import annotations

import streamlit as st


def table(columns: dict[str, list], *, alt: str | None = None) -> None:
    """A static, screen-reader friendly HTML table without the row index."""
    st.table(columns, hide_index=True, border="horizontal", alt=alt)


def file_input(label: str, allowed: tuple[str, ...], max_mb: int, *, key: str, multiple: bool = False):
    """A file uploader whose refusals are Dutch.

    Streamlit's own type and size checks answer in English (in the browser) or with an exception (on the server),
    so the widget accepts any type up to the server's hard cap (``server.maxUploadSize`` in
    ``.streamlit/config.toml``, 40 MB: keep it above ``upload_max_mb``); ``uploads.validate_upload`` then refuses
    what is not allowed, or larger than ``upload_max_mb``, with a Dutch message."""
    kinds = ", ".join(f".{t}" for t in allowed)
    return st.file_uploader(f"{label} ({kinds}; hoogstens {max_mb} MB)", type=None, key=key,
                            accept_multiple_files=multiple)
