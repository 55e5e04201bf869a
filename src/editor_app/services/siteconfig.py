"""The site configuration of this PC: finding and reading IT's site file, and the outlet's
settings for the renderer (seeding a new data folder from it: `services/site_setup.py`).

Lookup: `EDITOR_APP_SITE_CONFIG` (a path) → the platform file (`%PROGRAMDATA%\\editor_app\\
site.toml` on Windows, `/etc/editor_app/site.toml` elsewhere) → built-in defaults. A broken site
file is reported (file, line, Vietnamese message) and the defaults are used: the app still starts.
The keys are documented in `build_specs/site.example.toml` and `docs/site-config.md`.

Loaded before the window is built (the UI language is in it), so this module imports neither
the store nor the renderer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor_app.domain.errors import UserError
from editor_app.domain.section import parse_sections
from editor_app.domain.site_limits import (
    MAX_ITEMS,
    MAX_OFFICIALS_BYTES,
    MAX_SECTIONS_BYTES,
    MAX_SITE_BYTES,
)
from editor_app.domain.site_parse import parse_site, too_many_sections
from editor_app.domain.siteconfig import Problem, SiteConfig, Value
from editor_app.services.safe_read import UnreadableFile, check_regular, read_regular

if TYPE_CHECKING:
    from editor_app.render.context import SiteSettings

__all__ = [
    "SITE_CONFIG_ENV",
    "SiteLoad",
    "default_config",
    "find_site_file",
    "load_site",
    "platform_site_file",
    "site_settings",
]

SITE_CONFIG_ENV = "EDITOR_APP_SITE_CONFIG"


NO_SITE_FILE = "none"
"""`EDITOR_APP_SITE_CONFIG=none`: the built-in defaults, whatever file this PC has."""


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
    if named.lower() == NO_SITE_FILE:
        return None, True  # told to ignore any site file (tests, IT trying the defaults)
    if named:
        return Path(named).expanduser(), True
    candidate = platform_file if platform_file is not None else platform_site_file(env=env)
    # Anything at that name is read (a folder or a FIFO there is reported, not ignored).
    return (candidate, False) if os.path.lexists(candidate) else (None, False)


def default_config() -> SiteConfig:
    """The built-in configuration (as `SiteSettings()`): the sample outlet's name and a
    placeholder address, https://example.invalid."""
    return SiteConfig.defaults()


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
        text = read_regular(path, MAX_SITE_BYTES).decode("utf-8")
    except UnreadableFile as e:
        return SiteLoad(defaults, path, (Problem(f"{e.reason}.", where),))
    except UnicodeDecodeError:
        problem = Problem("tệp không phải văn bản UTF-8: hãy lưu lại dưới dạng UTF-8.", where)
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
    """Reads the sections file into `sections`; checks the officials CSV is a file it may
    import (read at the first start: `services/site_setup.py`). Only regular files, within the
    limits of `domain/site_limits.py`."""

    def problem(value: Value[Any], key: str, message: str) -> None:
        problems.append(Problem(f"{key}: {message}", value.origin.path, value.origin.line))

    sections_file = config.sections_file
    if sections_file.value is not None:
        key = "[directory] sections_file"
        try:
            data = read_regular(sections_file.value, MAX_SECTIONS_BYTES)
            paths = tuple(s.path for s in parse_sections(data.decode("utf-8-sig")))
        except UnreadableFile as e:
            problem(sections_file, key, f"{e.path}: {e.reason}.")
        except UnicodeDecodeError:
            problem(sections_file, key, f"{sections_file.value}: tệp không phải văn bản UTF-8.")
        except UserError as e:  # a bad section path
            problem(sections_file, key, str(e))
        else:
            if len(paths) > MAX_ITEMS:
                problem(
                    sections_file, key, f"{sections_file.value}: {too_many_sections(len(paths))}"
                )
            else:
                config = replace(config, sections=Value(paths, sections_file.origin))
    csv = config.officials_csv
    if csv.value is not None:
        try:
            check_regular(csv.value, MAX_OFFICIALS_BYTES)
        except UnreadableFile as e:
            problem(csv, "[directory] officials_csv", f"{e.path}: {e.reason}.")
    return config


def site_settings(config: SiteConfig) -> SiteSettings:
    """The outlet as the renderer and the export know it."""
    from editor_app.render.context import SiteSettings

    return SiteSettings(
        name=config.name.value,
        base_url=config.base_url.value,
        logo_url=config.logo_url,
        locale=config.locale.value,
        nav_sections=config.nav_sections,
    )
