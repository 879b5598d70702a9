"""Start and stop a real ``chroma run`` server on 127.0.0.1 for tests (the CLI ships with the chromadb package).

    with running_chroma_server(tmp_path / "chroma") as (host, port):
        settings = settings.replace(chroma_mode="http", chroma_host=host, chroma_port=port)

Raises ``ChromaServerUnavailable`` (with the server's log tail) when the CLI is missing or the server does not
answer its heartbeat in time; the fixture turns that into a skip locally and a failure in CI.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HOST = "127.0.0.1"


class ChromaServerUnavailable(RuntimeError):
    pass


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _executable() -> str:
    found = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    if not Path(found).exists():
        raise ChromaServerUnavailable("de chroma-CLI (uit het pakket chromadb) is niet gevonden")
    return found


def _heartbeat(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}/api/v2/heartbeat", timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def running_chroma_server(path: Path, timeout: float = 45.0):
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    log_path = path.parent / f"chroma-server-{port}.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen([_executable(), "run", "--path", str(path), "--host", HOST, "--port", str(port)],
                                   stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout
        while not _heartbeat(port):
            if process.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text(errors="replace")[-2000:]
                raise ChromaServerUnavailable(f"chroma run startte niet op {HOST}:{port}:\n{tail}")
            time.sleep(0.2)
        yield HOST, port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
