"""The site configuration of this PC: finding and reading IT's site file, the outlet's settings
for the renderer, and seeding a new data folder from it.

Lookup: `EDITOR_APP_SITE_CONFIG` (a path) → the platform file (`%PROGRAMDATA%\\editor_app\\
site.toml` on Windows, `/etc/editor_app/site.toml` elsewhere) → built-in defaults. A broken site
file is reported (file, line, Vietnamese message) and the defaults are used: the app still starts.
The keys are documented in `build_specs/site.example.toml` and `docs/site-config.md`.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from editor_app.domain.errors import UserError
from editor_app.domain.section import Section, parse_sections
from editor_app.domain.siteconfig import Problem, SiteConfig, Value, parse_site
from editor_app.render.context import SiteSettings
from editor_app.services.changes import Changes
from editor_app.services.directory import read_text_file
from editor_app.services.officials import ImportReport, OfficialService
from editor_app.store import repository as repo
from editor_app.store.database import Database

__all__ = [
    "SITE_CONFIG_ENV",
    "SeedReport",
    "SiteLoad",
    "SiteSetupService",
    "default_config",
    "find_site_file",
    "load_site",
    "platform_site_file",
    "site_settings",
]

log = logging.getLogger(__name__)

SITE_CONFIG_ENV = "EDITOR_APP_SITE_CONFIG"
#: In the data folder: what was seeded from the site file, so it is done once.
SEEDED_MARKER = "site_seeded.json"


def platform_site_file(platform: str = sys.platform, env: Mapping[str, str] = os.environ) -> Path:
    """Where IT puts the site file on this kind of PC."""
    if platform.startswith("win"):
        base = env.get("PROGRAMDATA") or env.get("ALLUSERSPROFILE") or r"C:\ProgramData"
        return Path(base) / "editor_app" / "site.toml"
    return Path("/etc/editor_app/site.toml")


def find_site_file(
    env: Mapping[str, str] = os.environ, platform_file: Path | None = None
) -> tuple[Path | None, bool]:
    """(the site file to read, whether it was named explicitly by `EDITOR_APP_SITE_CONFIG`).
    None: no site file (defaults). An explicitly named file that is missing is returned as is,
    so that loading reports it."""
    named = env.get(SITE_CONFIG_ENV, "").strip()
    if named:
        return Path(named).expanduser(), True
    candidate = platform_file if platform_file is not None else platform_site_file(env=env)
    return (candidate, False) if candidate.is_file() else (None, False)


def default_config() -> SiteConfig:
    """The built-in configuration: the sample outlet's (see `SiteSettings`)."""
    s = SiteSettings()
    return SiteConfig.defaults(name=s.name, base_url=s.base_url, locale=s.locale)


@dataclass(frozen=True)
class SiteLoad:
    """The configuration in effect and how it was found.

    `path`: the site file looked at (None: none); `problems`: what is wrong with it (any fatal
    one means the file is not used: `config` is then the defaults); `refused`: user settings
    the policy does not allow (left out)."""

    config: SiteConfig
    path: Path | None = None
    problems: tuple[Problem, ...] = ()
    refused: tuple[str, ...] = ()

    @property
    def broken(self) -> bool:
        return any(p.fatal for p in self.problems)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.fatal)

    def with_user(self, values: Mapping[str, object]) -> SiteLoad:
        """The same load with the user's settings applied where the policy allows."""
        config, refused = self.config.with_user(values)
        return replace(self, config=config, refused=tuple(refused))


def _expand(text: str) -> str:
    return os.path.expandvars(os.path.expanduser(text))


def load_site(
    path: Path | None = None,
    *,
    env: Mapping[str, str] = os.environ,
    platform_file: Path | None = None,
) -> SiteLoad:
    """Reads the site file (`path`, else the one `find_site_file` finds) and checks it and the
    files it names; never raises: problems are in the result (the caller logs and shows them)
    and the defaults are used."""
    defaults = default_config()
    if path is None:
        path, _named = find_site_file(env, platform_file)
        if path is None:
            return SiteLoad(defaults)
    where = str(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return SiteLoad(defaults, path, (Problem("không có tệp cấu hình này.", where),))
    except UnicodeDecodeError:
        problem = Problem("tệp không phải văn bản UTF-8: hãy lưu lại dưới dạng UTF-8.", where)
        return SiteLoad(defaults, path, (problem,))
    except OSError as e:
        problem = Problem(f"không đọc được tệp cấu hình: {e.strerror or e}.", where)
        return SiteLoad(defaults, path, (problem,))
    parsed = parse_site(text, path, defaults, expand=_expand)
    problems = list(parsed.problems)
    config = parsed.config
    if config is not None:
        config = _read_named_files(config, problems)
    if config is None or any(p.fatal for p in problems):
        return SiteLoad(defaults, path, tuple(problems))
    return SiteLoad(config, path, tuple(problems))


def _read_named_files(config: SiteConfig, problems: list[Problem]) -> SiteConfig:
    """Reads the sections file into `sections`; checks the officials CSV exists."""

    def problem(value: Value[Any], key: str, message: str) -> None:
        problems.append(Problem(f"{key}: {message}", value.origin.path, value.origin.line))

    sections_file = config.sections_file
    if sections_file.value is not None:
        try:
            sections = parse_sections(read_text_file(sections_file.value))
        except UserError as e:
            problem(sections_file, "[directory] sections_file", str(e))
        else:
            paths = tuple(s.path for s in sections)
            config = replace(config, sections=Value(paths, sections_file.origin))
    csv = config.officials_csv
    if csv.value is not None and not csv.value.is_file():
        problem(csv, "[directory] officials_csv", f"không tìm thấy tệp {csv.value}.")
    return config


def site_settings(config: SiteConfig) -> SiteSettings:
    """The outlet as the renderer and the export know it."""
    return SiteSettings(
        name=config.name.value,
        base_url=config.base_url.value,
        logo_url=config.logo_url,
        locale=config.locale.value,
        nav_sections=config.nav_sections,
    )


# --- seeding a new data folder -------------------------------------------------------------
@dataclass(frozen=True)
class SeedReport:
    """What the first start took from the site file: `sections` and `officials` added
    (`officials_report`: the CSV import's details), and what failed (retried next start)."""

    sections: int = 0
    officials: ImportReport | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def changes(self) -> Changes:
        return Changes(sections=self.sections > 0, officials=self.officials is not None)


class SiteSetupService:
    """Seeds an empty data folder with the site's sections and officials, once: what was done
    is recorded in the data folder, so an official deleted later does not come back."""

    def __init__(self, db: Database, officials: OfficialService) -> None:
        self._db = db
        self._officials = officials
        self._marker = db.data_dir / SEEDED_MARKER

    def seeded(self) -> dict[str, Any]:
        """What was recorded: {"sections": {...}, "officials": {...}} (empty: nothing yet)."""
        try:
            data = json.loads(self._marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _record(self, done: dict[str, Any]) -> None:
        tmp = self._marker.with_suffix(".tmp")
        tmp.write_text(json.dumps(done, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, self._marker)

    def seed(self, config: SiteConfig) -> SeedReport:
        """At start: the site's sections (when the folder has none) and officials CSV (when the
        directory is empty), each once per data folder. Never raises a `UserError`: failures
        are in the report and retried at the next start."""
        done = self.seeded()
        before = dict(done)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        added_sections = 0
        report: ImportReport | None = None
        problems: list[str] = []
        with self._db.read() as s:
            has_sections = bool(repo.list_sections(s))
            has_officials = bool(repo.list_officials(s))
        if config.sections.value and "sections" not in done:
            source = config.sections.origin.label()
            if has_sections:
                done["sections"] = {"at": now, "source": source, "skipped": "đã có chuyên mục"}
            else:
                with self._db.transaction() as s:
                    repo.replace_sections(s, [Section(p) for p in config.sections.value])
                added_sections = len(config.sections.value)
                done["sections"] = {"at": now, "source": source, "count": added_sections}
                log.info("seeded %d sections from %s", added_sections, source)
        csv = config.officials_csv.value
        if csv is not None and "officials" not in done:
            if has_officials:
                done["officials"] = {
                    "at": now,
                    "source": str(csv),
                    "skipped": "danh bạ đã có người",
                }
            else:
                try:
                    _changes, report = self._officials.import_csv(csv)
                except UserError as e:
                    problems.append(str(e))
                    log.warning("seeding officials from %s failed: %s", csv, e)
                else:
                    done["officials"] = {"at": now, "source": str(csv), "count": report.added}
                    log.info("seeded %d officials from %s", report.added, csv)
        if done != before:
            try:
                self._record(done)
            except OSError as e:
                problems.append(f"Không ghi được {self._marker}: {e.strerror}.")
        return SeedReport(added_sections, report, problems)
