import pytest

from assistant.errors import InputError
from assistant.index.filters import compile_where, row_mask, to_chroma_where

ROWS = [{"doc_type": "notulen", "meeting_date": "2024-06-26"},
        {"doc_type": "ledenbrief", "meeting_date": "2019-11-29"},
        {"doc_type": "agenda"}]


def test_equality_in_and_or_and_missing_fields():
    assert row_mask({"doc_type": "notulen"}, ROWS).tolist() == [True, False, False]
    assert row_mask({"meeting_date": {"$in": ["2019-11-29", "2024-06-26"]}}, ROWS).tolist() == [True, True, False]
    assert row_mask({"meeting_date": {"$ne": "2019-11-29"}}, ROWS).tolist() == [True, False, True]
    assert row_mask({"$or": [{"doc_type": "agenda"}, {"meeting_date": "2019-11-29"}]}, ROWS).tolist() == \
        [False, True, True]
    assert row_mask({"doc_type": "notulen", "meeting_date": "2019-11-29"}, ROWS).tolist() == [False, False, False]
    assert row_mask(None, ROWS) is None


def test_bad_filters_give_dutch_errors():
    with pytest.raises(InputError, match="Onbekende filteroperator"):
        compile_where({"doc_type": {"$like": "not%"}})
    with pytest.raises(InputError, match="verwacht een lijst"):
        compile_where({"doc_type": {"$in": "notulen"}})


def test_chroma_form_spreads_fields_over_and():
    assert to_chroma_where({"a": 1}) == {"a": 1}
    assert to_chroma_where({"a": 1, "b": 2}) == {"$and": [{"a": 1}, {"b": 2}]}
    assert to_chroma_where({"$and": [{"a": 1}]}) == {"a": 1}
