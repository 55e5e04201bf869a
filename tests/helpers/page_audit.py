"""Lighthouse and axe-core in Debian's Chromium, offline, on pages served over HTTP from
127.0.0.1: what the story page's audit (tests/e2e/test_page_audit.py) and the site's
(tests/e2e/test_site_audit.py) share.

The tools are npm packages pinned in tools/page-audit/ (package.json, package-lock.json), which
`make test` installs (`npm ci --ignore-scripts`: nothing downloads a browser); Chromium is
Debian's (scripts/system-deps.sh). Without Node.js an audit is skipped, saying so; `make test`
refuses to run without it, so CI never skips one."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
AUDIT_DIR = ROOT / "tools" / "page-audit"
LIGHTHOUSE = AUDIT_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
AXE = AUDIT_DIR / "axe.mjs"
MIN_SCORE = 0.95
BLOCKING = ("serious", "critical")
WIDTHS = (1280, 390)
NODE_MIN = (18, 16)  # Lighthouse 12's engines field
# The flags the headless screenshots use (docs/render.md), minus what Lighthouse's launcher
# already passes; --no-sandbox: CI runs as root, and the browser opens only our own page.
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic"


def tools() -> tuple[str, str]:
    """Node and Chromium, or the reason the audit cannot run (a skip only without Node)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip(
            "Node.js is not installed: the page audit (Lighthouse, axe-core) needs it; "
            "`make test` installs it as root (scripts/system-deps.sh) and refuses to run without"
        )
    version = subprocess.run([node, "--version"], capture_output=True, text=True, check=True)
    found = tuple(int(n) for n in re.findall(r"\d+", version.stdout)[:2])
    assert found >= NODE_MIN, f"Node.js {version.stdout.strip()} is older than Lighthouse needs"
    if not LIGHTHOUSE.is_file():
        pytest.fail(
            f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run `make test` (its install step runs "
            "`npm ci --ignore-scripts` in tools/page-audit)"
        )
    chromium = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).is_file():
        pytest.fail(f"Chromium not found ({chromium}): scripts/system-deps.sh installs it")
    return node, chromium


@contextlib.contextmanager
def served(folder: Path, log: list[tuple[str, int]]) -> Iterator[str]:
    """`folder` over HTTP on 127.0.0.1 (a free port), every request's path and status noted."""

    class Handler(SimpleHTTPRequestHandler):
        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            log.append((self.path, int(code)))

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def lighthouse(node: str, chromium: str, url: str, report: Path) -> dict[str, Any]:
    """One Lighthouse run (accessibility and SEO) on `url`; its JSON report."""
    env = {**os.environ, "CHROME_PATH": chromium}
    done = subprocess.run(
        [node, str(LIGHTHOUSE), url, "--only-categories=accessibility,seo",
         "--output=json", f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}",
         "--quiet", "--no-enable-error-reporting", "--disable-full-page-screenshot"],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, f"lighthouse exit {done.returncode}:\n{done.stderr[-3000:]}"
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    assert not data.get("runtimeError"), data["runtimeError"]
    return data


def axe(node: str, chromium: str, urls: list[str]) -> list[dict[str, Any]]:
    """axe-core on every page at every width of WIDTHS: one entry per page and width."""
    widths = [arg for w in WIDTHS for arg in ("--width", str(w))]
    done = subprocess.run(
        [node, str(AXE), *widths, *urls], capture_output=True, text=True,
        env={**os.environ, "CHROME_PATH": chromium}, timeout=300, cwd=AUDIT_DIR,
    )  # fmt: skip
    assert done.returncode == 0, f"axe exit {done.returncode}:\n{done.stderr[-3000:]}"
    pages: list[dict[str, Any]] = json.loads(done.stdout)["pages"]
    return pages


def failing_audits(report: dict[str, Any], category: str) -> list[str]:
    """Each audit that cost the category points: id, title and where."""
    out = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            items = (audit.get("details") or {}).get("items") or []
            where = [str((i.get("node") or {}).get("selector") or i)[:160] for i in items[:5]]
            out.append(f"{ref['id']} ({audit['title']}): {where}")
    return out


def blocking_violations(pages: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """axe's findings on one page's runs, each with its width, rule, impact, where and why; and
    those among them that are serious or critical."""
    found = [
        f"{p['width']} px: {v['id']} ({v['impact']}) {v['help']}: "
        f"{[n['target'] for n in v['nodes'][:5]]} {v['nodes'][0]['failureSummary'][:300]}"
        for p in pages
        for v in p["violations"]
    ]
    return found, [f for f in found if any(f"({level})" in f for level in BLOCKING)]
