"""Fixtures for the robustness tests; helpers live in ``robust_helpers``, hostile-file builders in
``hostile_files``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The helper modules sit next to this file; make them importable however pytest is started (one file or all).
sys.path.insert(0, str(Path(__file__).parent))
from robust_helpers import corpus_excerpt, real_motion_text  # noqa: E402


@pytest.fixture(scope="session")
def sample_files(tmp_path_factory) -> dict[str, bytes]:
    """Real files of every supported kind, as bytes: the seeds the fuzzers mutate."""
    from assistant.review import samples

    folder = tmp_path_factory.mktemp("seeds")
    text = real_motion_text()
    pdf = samples.write_pdf(folder / "motie.pdf", text).read_bytes()
    docx = samples.docx_bytes(text)
    eml = samples.email_bytes(sender="griffie@zeist.nl", subject="Motie jeugdzorg", body="Bijgaand onze motie.",
                              attachments=[("motie.docx", docx), ("motie.txt", text.encode("utf-8"))],
                              received=samples.at(10, 11))
    return {"txt": text.encode("utf-8"), "md": corpus_excerpt().encode("utf-8"), "pdf": pdf, "docx": docx,
            "eml": eml}


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory):
    """``(host, port)`` of a real ``chroma run`` server for this session; skipped locally if it cannot start,
    a failure in CI (``CI=true``), where the server-mode tests must run."""
    from robust_chroma import ChromaServerUnavailable, running_chroma_server
    from robust_helpers import IN_CI

    try:
        with running_chroma_server(tmp_path_factory.mktemp("chroma-server") / "data") as address:
            yield address
    except ChromaServerUnavailable as error:
        if IN_CI:
            pytest.fail(f"Chroma-server niet beschikbaar in CI: {error}")
        pytest.skip(f"Chroma-server niet beschikbaar: {error}")
