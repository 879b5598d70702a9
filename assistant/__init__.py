"""Motie-assistent: a Dutch assistant for motions and amendments of the VNG Algemene Ledenvergadering.

The public Python API mirrors the CLI (``motie …``). Heavy parts (Chroma, embedders) are imported lazily so that
``motie check`` and ``motie deadline`` stay fast and never load a model.
"""

from assistant import offline as _offline  # noqa: F401  (must run before any Hugging Face / Chroma import)

__all__ = ["__version__", "ask"]
__version__ = "0.1.0"


def __getattr__(name: str):
    """``assistant.ask`` without importing the retrieval stack at package import (PEP 562)."""
    if name == "ask":
        from assistant.answer import ask

        return ask
    raise AttributeError(f"module 'assistant' has no attribute {name!r}")
