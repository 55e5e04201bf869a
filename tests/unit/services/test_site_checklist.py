"""The site file's `[checklist]` length limits and the built-in outlet's placeholder address
(issue 13, points 6 and 7): read from a real file, with origins, errors named by line."""

from __future__ import annotations

from pathlib import Path

from editor_app.domain.siteconfig import DEFAULT_BASE_URL, KEYS, SiteConfig
from editor_app.render.context import SiteSettings
from editor_app.services.siteconfig import load_site, site_settings


def write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "site.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_built_in_address_is_a_placeholder_no_one_owns() -> None:
    assert DEFAULT_BASE_URL == "https://example.invalid"
    config = SiteConfig.defaults()
    assert config.base_url.value == "https://example.invalid"
    assert SiteSettings().base_url == "https://example.invalid"
    assert site_settings(config).host == "example.invalid"
    assert config.defaulted_outlet() == {
        "name": "Báo Lào Cai",
        "base_url": "https://example.invalid",
    }


def test_a_site_file_setting_the_outlet_configures_it(tmp_path: Path) -> None:
    both = load_site(
        write(tmp_path / "a", '[outlet]\nname = "Báo Thử"\nbase_url = "https://baothu.vn"\n')
    )
    assert not both.problems and both.config.defaulted_outlet() == {}
    half = load_site(write(tmp_path / "b", '[outlet]\nbase_url = "https://baothu.vn"\n'))
    assert half.config.defaulted_outlet() == {"name": "Báo Lào Cai"}


def test_length_limits_default_and_from_the_site_file(tmp_path: Path) -> None:
    limits = SiteConfig.defaults().length_limits
    assert (limits.headline_min, limits.headline_max) == (20, 120)
    assert (limits.sapo_min, limits.sapo_max) == (80, 400)
    path = write(tmp_path, "[checklist]\nheadline_min = 30\nheadline_max = 90\nsapo_max = 350\n")
    load = load_site(path)
    assert not load.problems, load.problems
    limits = load.config.length_limits
    assert (limits.headline_min, limits.headline_max, limits.sapo_min, limits.sapo_max) == (
        30,
        90,
        80,
        350,
    )
    entries = dict(load.config.entries())
    assert entries["checklist.headline_max"].origin.label() == f"site: {path}:3"
    assert entries["checklist.sapo_min"].origin.label() == "mặc định"
    assert set(KEYS.values()) >= {
        "checklist.headline_min",
        "checklist.headline_max",
        "checklist.sapo_min",
        "checklist.sapo_max",
    }


def test_bad_limits_are_errors_with_their_line(tmp_path: Path) -> None:
    cases = {
        '[checklist]\nheadline_max = "100"\n': ("headline_max", 2, "số nguyên"),
        "[checklist]\nsapo_min = true\n": ("sapo_min", 2, "số nguyên"),
        "[checklist]\nsapo_max = -1\n": ("sapo_max", 2, "từ 0 đến 10.000"),
        "[checklist]\nsapo_max = 1.5\n": ("sapo_max", 2, "số nguyên"),
        "[checklist]\n\nheadline_min = 130\n": ("headline_min", 3, "lớn hơn headline_max (120)"),
        "[checklist]\nsapo_min = 200\nsapo_max = 100\n": ("sapo_min", 2, "lớn hơn sapo_max"),
    }
    for i, (text, (key, line, words)) in enumerate(cases.items()):
        load = load_site(write(tmp_path / str(i), text))
        assert load.broken, text
        (problem,) = load.problems
        assert problem.line == line, (text, problem)
        assert key in problem.message and words in problem.message, problem.message
        assert load.config == SiteConfig.defaults()  # the whole file is left out
