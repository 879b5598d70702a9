"""Batch review for the VNG concernstaf: import all submissions, check them, group them, export the overview.

Public API (the CLI ``motie review`` and the app's review page are thin shells over it)::

    result = review_folder(path, alv_date, settings, progress=None)      # folder or ZIP
    result = review_uploads([(name, data), ...], alv_date, settings)       # uploaded files
    set_status(settings, alv_date, "M3", status="preadvies overnemen", preadvies_text="...")
    refresh_reviewer_fields(result, settings)                              # statuses into the rows, no re-check
    export(result, "overzicht.xlsx")                                       # or "csv"/"xlsx"/"md"/"docx" -> bytes
    sort_rows(result.rows, "submitted_at"); filter_rows(result.rows, only_late=True); row_detail(row)
"""

from assistant.review.batch import (
    ReviewResult,
    ReviewRow,
    refresh_reviewer_fields,
    review_folder,
    review_uploads,
    set_status,
)
from assistant.review.export import export
from assistant.review.overview import COLUMNS, filter_rows, row_detail, sort_rows
from assistant.review.store import STATUSES

__all__ = [
    "COLUMNS", "STATUSES", "ReviewResult", "ReviewRow", "export", "filter_rows", "refresh_reviewer_fields",
    "review_folder", "review_uploads", "row_detail", "set_status", "sort_rows",
]
