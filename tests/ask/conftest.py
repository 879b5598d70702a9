"""One answer engine over the session's bundled index, shared by the ask tests."""

import pytest


@pytest.fixture(scope="session")
def ask_engine(bundled_index_settings, bundled_index):
    from assistant.answer import AskEngine

    return AskEngine(bundled_index_settings, reader=bundled_index, use_llm=False)
