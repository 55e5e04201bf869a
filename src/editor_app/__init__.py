"""editor_app — an editorial workstation for a Vietnamese provincial newsroom."""

from __future__ import annotations

# Kept in step with pyproject.toml by tests/unit/test_version.py (reading the installed metadata
# here would cost 60 ms at every start).
__version__ = "0.1.0"
