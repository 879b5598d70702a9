"""App start-up and first-question timing (the issue's bar: the first question after start-up answers in < 3 s).

    .venv/bin/python bench/app.py            # uses the index of the current settings (build it with ingest.py)

Measures, in a fresh process, with Streamlit's AppTest (the same script the server runs):
  1. the first run of the Vragen page: imports, index + embedder load and the warm-up question (spinner shown);
  2. the first question typed after that (what the user waits for), and a second one;
  3. ``streamlit run`` until its health endpoint answers.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ("Tot wanneer kan ik een amendement indienen voor de ALV van 26 juni 2024?",
             "Wat was het preadvies op de motie van Renkum?")


def app_timings() -> dict[str, float]:
    from streamlit.testing.v1 import AppTest

    started = time.perf_counter()
    app = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=300).run()
    timings = {"eerste paginaweergave (laden index + embedder)": time.perf_counter() - started}
    for number, question in enumerate(QUESTIONS, start=1):
        started = time.perf_counter()
        app.chat_input[0].set_value(question).run()
        timings[f"vraag {number} na het opstarten"] = time.perf_counter() - started
    assert not app.exception, app.exception
    return timings


def server_start() -> float:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
                                "--server.port", str(port), "--server.headless", "true"], cwd=REPO_ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ))
    try:
        while time.perf_counter() - started < 60:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                    return time.perf_counter() - started
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("streamlit kwam niet op")
    finally:
        process.terminate()
        process.wait(timeout=10)


def main() -> int:
    rows = {**app_timings(), "streamlit run tot health-check": server_start()}
    width = max(map(len, rows))
    for name, seconds in rows.items():
        print(f"{name:<{width}}  {seconds:6.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
