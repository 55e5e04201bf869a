from __future__ import annotations

import tomllib
from pathlib import Path

import editor_app


def test_version_matches_pyproject() -> None:
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    assert tomllib.loads(pyproject.read_text())["project"]["version"] == editor_app.__version__
