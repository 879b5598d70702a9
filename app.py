"""Streamlit entry point: ``streamlit run app.py``. Pages live in ``assistant/ui/``; no business logic here."""

from assistant.ui.main import run

run()
