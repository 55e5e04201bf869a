"""A site file for the sample outlet, for tests that publish: without one the outlet's name and
address are the built-in placeholders and the checklist says the site is not configured."""

from __future__ import annotations

from pathlib import Path

from editor_app.services.siteconfig import SITE_CONFIG_ENV, SiteLoad, load_site

SAMPLE_SITE = '[outlet]\nname = "Báo Lào Cai"\nbase_url = "https://baolaocai.vn"\n'


def sample_site_file(folder: Path) -> Path:
    """`folder/site.toml` naming the sample outlet (Báo Lào Cai, https://baolaocai.vn)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "site.toml"
    path.write_text(SAMPLE_SITE, encoding="utf-8")
    return path


def sample_site(folder: Path) -> SiteLoad:
    """The sample outlet's configuration, as `Workspace.open(…, site=…)` takes it."""
    load = load_site(sample_site_file(folder))
    assert not load.problems, load.problems
    return load


def sample_site_env(folder: Path) -> dict[str, str]:
    """The environment variable that points a command at the sample outlet's site file."""
    return {SITE_CONFIG_ENV: str(sample_site_file(folder))}
