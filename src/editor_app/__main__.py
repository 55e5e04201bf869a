"""`python -m editor_app` is the same as the `editor-app` command."""

from __future__ import annotations

import sys

from editor_app.cli import main

sys.exit(main())
