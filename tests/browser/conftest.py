"""Real-browser tests: Debian's Chromium driven by Playwright against ``streamlit run app.py`` on 127.0.0.1.

Nothing is downloaded by the tests: Chromium comes from Debian (``apt-get install chromium chromium-driver``) and
axe-core from the npm registry (``npm ci`` in this folder); ``make install-dev`` installs both. Playwright's own
browser download (``playwright install``) is never used.

A local run without those tools skips these tests with the reason. In CI (``CI=true``) or with
``MOTIE_REQUIRE_BROWSER=1`` a missing tool is a test failure instead, so ``.ci/run`` cannot pass without them.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("MOTIE_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO_ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
WIDE, NARROW = 1280, 390
START_TIMEOUT_S = 60


def browser_required() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes") or os.environ.get("MOTIE_REQUIRE_BROWSER") == "1"


def missing_tool() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} ontbreekt (apt-get install chromium chromium-driver; of `make install-dev` als root)"
    try:
        import playwright.sync_api  # noqa: F401  (only checking that it is installed)
    except ImportError:
        return "Python-pakket playwright ontbreekt (pip install -e '.[dev]')"
    if not AXE_JS.exists():
        return f"axe-core ontbreekt ({AXE_JS}; `npm ci` in tests/browser)"
    return None


def skip_or_fail(reason: str) -> None:
    if browser_required():
        pytest.fail(f"Browsertests zijn verplicht (CI) maar kunnen niet draaien: {reason}", pytrace=False)
    pytest.skip(f"Browsertests overgeslagen: {reason}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit stopte direct:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"streamlit kwam niet op binnen {START_TIMEOUT_S} s:\n{log.read_text(errors='replace')[-2000:]}")


def _serve(index_settings, data_dir: Path, **settings: str):
    """Run ``streamlit run app.py`` on a free loopback port until the generator is closed."""
    port = _free_port()
    env = {
        **os.environ,
        "MOTIE_DATA_DIR": str(data_dir),
        "MOTIE_INDEX_DIR": str(index_settings.resolved_index_dir),
        "MOTIE_AUTH_MODE": "none",
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        **{f"MOTIE_{name.upper()}": value for name, value in settings.items()},
    }
    data_dir.mkdir(parents=True, exist_ok=True)
    log = data_dir / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
               "--server.port", str(port), "--server.headless", "true"]
    with open(log, "wb") as handle:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def browser_tools() -> None:
    """Skip (locally) or fail (CI) before anything expensive when Chromium, Playwright or axe-core is missing."""
    reason = missing_tool()
    if reason:
        skip_or_fail(reason)


@pytest.fixture(scope="session")
def app_url(browser_tools, bundled_index_settings, tmp_path_factory):
    """The app for one local user, on the bundled test index and a fresh data directory."""
    yield from _serve(bundled_index_settings, tmp_path_factory.mktemp("browser-app") / "data")


@pytest.fixture(scope="session")
def header_auth_app_url(browser_tools, bundled_index_settings, tmp_path_factory):
    """The app behind a (simulated) reverse proxy: ``auth_mode = "header"``."""
    yield from _serve(bundled_index_settings, tmp_path_factory.mktemp("browser-header") / "data", auth_mode="header")


@pytest.fixture(scope="session")
def browser(browser_tools):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": WIDE, "height": 900}, accept_downloads=True, locale="nl-NL")
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = ("serious", "critical")


class AppDriver:
    """A browser tab on the app, with the waits and checks every test needs."""

    def __init__(self, page, base_url: str, artifacts: Path):
        self.page = page
        self.base_url = base_url
        self.artifacts = artifacts

    def goto(self, path: str = "", width: int = WIDE) -> "AppDriver":
        self.page.set_viewport_size({"width": width, "height": 900})
        self.page.goto(f"{self.base_url}/{path.lstrip('/')}")
        self.page.get_by_role("heading", level=1).first.wait_for()
        return self.wait_idle()

    def wait_idle(self, timeout_ms: int = 60_000) -> "AppDriver":
        """Until Streamlit's script run has finished (the app root carries the script state)."""
        self.page.wait_for_timeout(150)  # let a just-triggered rerun start
        self.page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout_ms)
        self.page.wait_for_timeout(150)  # the last deltas are painted
        return self

    def axe_violations(self) -> list[dict]:
        """Serious and critical WCAG 2.1 A/AA violations on the page as it is now."""
        self.page.add_script_tag(path=str(AXE_JS))
        violations = self.page.evaluate(
            """async (tags) => {
                const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                        resultTypes: ['violations']});
                return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — ' + n.failureSummary)}));
            }""",
            AXE_TAGS,
        )
        return [v for v in violations if v["impact"] in BLOCKING_IMPACTS]

    def resize(self, width: int) -> "AppDriver":
        """Change the window width; the layout reflows in the browser (no rerun of the app needed)."""
        self.page.set_viewport_size({"width": width, "height": 900})
        self.page.wait_for_timeout(300)
        return self

    def screenshot(self, name: str) -> Path:
        path = self.artifacts / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture
def app(page, app_url, artifacts) -> AppDriver:
    return AppDriver(page, app_url, artifacts)
