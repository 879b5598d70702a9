"""Metadata filters in Chroma's ``where`` language, evaluated in Python for BM25.

The same ``where`` dict goes to Chroma for dense search and to ``row_mask`` for BM25, so both searches filter
identically. Supported: ``{"field": value}``, operators ``$eq $ne $in $nin $gt $gte $lt $lte`` and the
combinators ``$and`` / ``$or``. A chunk without the field never matches (as in Chroma), except for ``$ne``/``$nin``.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from assistant.errors import InputError

Predicate = Callable[[dict], bool]

_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "$eq": lambda have, want: have == want,
    "$ne": lambda have, want: have != want,
    "$in": lambda have, want: have in want,
    "$nin": lambda have, want: have not in want,
    "$gt": lambda have, want: have is not None and have > want,
    "$gte": lambda have, want: have is not None and have >= want,
    "$lt": lambda have, want: have is not None and have < want,
    "$lte": lambda have, want: have is not None and have <= want,
}
_MISSING_MATCHES = {"$ne", "$nin"}


def _field_predicate(field: str, condition: Any) -> Predicate:
    if not isinstance(condition, dict):
        condition = {"$eq": condition}
    if len(condition) != 1:
        raise InputError(f"Filter op '{field}': gebruik precies één operator per veld.")
    operator, wanted = next(iter(condition.items()))
    compare = _COMPARE.get(operator)
    if compare is None:
        raise InputError(f"Onbekende filteroperator '{operator}'. Toegestaan: {', '.join(_COMPARE)}.")
    if operator in ("$in", "$nin") and not isinstance(wanted, (list, tuple, set)):
        raise InputError(f"Filter op '{field}': {operator} verwacht een lijst.")
    missing_matches = operator in _MISSING_MATCHES

    def predicate(metadata: dict) -> bool:
        if field not in metadata:
            return missing_matches
        try:
            return bool(compare(metadata[field], wanted))
        except TypeError:  # e.g. comparing a str with an int
            return False

    return predicate


def compile_where(where: dict) -> Predicate:
    """Turn a Chroma-style ``where`` dict into a predicate over a chunk's metadata."""
    if not isinstance(where, dict) or not where:
        raise InputError("Een filter moet een niet-lege dict zijn, bijvoorbeeld {\"doc_type\": \"notulen\"}.")
    parts: list[Predicate] = []
    for key, value in where.items():
        if key in ("$and", "$or"):
            if not isinstance(value, list) or not value:
                raise InputError(f"{key} verwacht een niet-lege lijst met filters.")
            children = [compile_where(child) for child in value]
            combine = all if key == "$and" else any
            parts.append(lambda metadata, children=children, combine=combine:
                         combine(child(metadata) for child in children))
        elif key.startswith("$"):
            raise InputError(f"Onbekende filteroperator '{key}'.")
        else:
            parts.append(_field_predicate(key, value))
    return parts[0] if len(parts) == 1 else (lambda metadata: all(part(metadata) for part in parts))


def row_mask(where: dict | None, metadatas: list[dict]) -> np.ndarray | None:
    """Boolean mask over rows, or ``None`` when there is no filter."""
    if not where:
        return None
    predicate = compile_where(where)
    return np.fromiter((predicate(metadata) for metadata in metadatas), dtype=bool, count=len(metadatas))


def to_chroma_where(where: dict | None) -> dict | None:
    """Chroma accepts one field per dict level; spread several top-level fields over an explicit ``$and``."""
    if not where:
        return None
    compile_where(where)  # same validation and the same Dutch messages as for BM25
    if len(where) == 1:
        key, value = next(iter(where.items()))
        if key in ("$and", "$or"):
            children = [to_chroma_where(child) for child in value]
            return children[0] if len(children) == 1 else {key: children}  # Chroma wants two or more
        return where
    return {"$and": [to_chroma_where({key: value}) for key, value in where.items()]}
