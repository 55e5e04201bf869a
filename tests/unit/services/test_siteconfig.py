"""The site configuration: finding IT's site.toml, checking it (file, line, Vietnamese message),
the origin of every value, users' settings only where allowed, the export using the outlet, and
seeding a new data folder once. Real files in tmp_path."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor_app.domain.section import normalise_path
from editor_app.domain.site_lines import key_lines
from editor_app.domain.site_parse import parse_site
from editor_app.domain.siteconfig import (
    DEFAULT_BASE_URL,
    DEFAULT_LOCALE,
    DEFAULT_NAME,
    KEYS,
    SiteConfig,
)
from editor_app.domain.text import nfc
from editor_app.domain.workflow import Role, User
from editor_app.render.context import SiteSettings
from editor_app.services.site_setup import SEEDED_MARKER
from editor_app.services.siteconfig import (
    SITE_CONFIG_ENV,
    SiteLoad,
    default_config,
    find_site_file,
    load_site,
    platform_site_file,
    site_settings,
)
from editor_app.services.workspace import Workspace

FULL = """\
# Cấu hình của Báo Yên Bái
[outlet]
name = "Báo Yên Bái"
base_url = "https://baoyenbai.com.vn/"
logo = "/images/logo.png"
locale = "vi_VN"

[directory]
sections_file = "sections.txt"
officials_csv = "data/officials.csv"

[export]
folder = "xuat-ban"

[ui]
language = "en"

[policy]
user_may_change = ["export_folder"]
"""

SECTIONS = "Thời sự\nKinh tế/Nông nghiệp\nVăn hóa - Du lịch\n"
OFFICIALS = (
    "\ufefffull_name,titles,organization\n"
    'Trần Huy Tuấn,"Bí thư Tỉnh ủy",Tỉnh ủy Yên Bái\n'
    'Ngô Hạnh Phúc,"Phó Bí thư Tỉnh ủy; Chủ tịch HĐND tỉnh",Tỉnh ủy Yên Bái\n'
)

EDITOR = User("Trần Thu Hà", Role.EDITOR)


def write(folder: Path, text: str, name: str = "site.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def full_site(tmp_path: Path) -> Path:
    folder = tmp_path / "it"
    write(folder, SECTIONS, "sections.txt")
    write(folder / "data", OFFICIALS, "officials.csv")
    return write(folder, FULL)


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


# --- finding the site file -----------------------------------------------------------------------
def test_platform_site_file() -> None:
    assert platform_site_file("linux", {}) == Path("/etc/editor_app/site.toml")
    win = platform_site_file("win32", {"PROGRAMDATA": r"D:\ProgramData"})
    assert win == Path(r"D:\ProgramData") / "editor_app" / "site.toml"


def test_environment_variable_comes_before_the_platform_file(tmp_path: Path) -> None:
    platform_file = write(tmp_path / "etc", '[outlet]\nname = "Nền tảng"\n')
    named = write(tmp_path / "named", '[outlet]\nname = "Biến môi trường"\n')
    env = {SITE_CONFIG_ENV: str(named)}
    assert find_site_file(env, platform_file) == (named, True)
    assert find_site_file({}, platform_file) == (platform_file, False)
    assert find_site_file({SITE_CONFIG_ENV: " "}, tmp_path / "none.toml") == (None, False)
    load = load_site(env=env, platform_file=platform_file)
    assert load.config.name.value == "Biến môi trường"
    assert load_site(env={}, platform_file=platform_file).config.name.value == "Nền tảng"


def test_no_site_file_means_the_built_in_defaults(tmp_path: Path) -> None:
    load = load_site(env={}, platform_file=tmp_path / "absent.toml")
    assert load.path is None and not load.problems and not load.broken
    assert load.config == SiteConfig.defaults()
    assert all(v.origin.kind == "default" for _k, v in load.config.entries())
    assert all(v.origin.label() == "mặc định" for _k, v in load.config.entries())


def test_built_in_outlet_is_the_renderers_default() -> None:
    s = SiteSettings()
    assert (s.name, s.base_url, s.locale) == (DEFAULT_NAME, DEFAULT_BASE_URL, DEFAULT_LOCALE)
    assert site_settings(SiteConfig.defaults()) == s


def test_a_named_file_that_is_missing_is_reported(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "site.toml"
    load = load_site(env={SITE_CONFIG_ENV: str(missing)})
    assert load.broken and load.path == missing
    assert str(missing) in str(load.problems[0])
    assert load.config == SiteConfig.defaults()


# --- a good file ---------------------------------------------------------------------------------
def test_full_site_file_values_and_origins(full_site: Path) -> None:
    load = load_site(full_site)
    assert not load.problems, load.problems
    c = load.config
    assert c.source == full_site
    assert c.name.value == "Báo Yên Bái"
    assert c.base_url.value == "https://baoyenbai.com.vn"  # trailing slash dropped
    assert c.logo_url == "https://baoyenbai.com.vn/images/logo.png"
    assert c.sections.value == ("Thời sự", "Kinh tế", "Kinh tế/Nông nghiệp", "Văn hóa - Du lịch")
    assert c.nav_sections == ("Thời sự", "Kinh tế", "Văn hóa - Du lịch")
    # Relative paths are resolved against the site file's folder.
    assert c.sections_file.value == full_site.parent / "sections.txt"
    assert c.officials_csv.value == full_site.parent / "data" / "officials.csv"
    assert c.export_folder.value == full_site.parent / "xuat-ban"
    assert c.language.value == "en"
    assert c.user_may_change.value == ("export_folder",)
    assert c.base_url.origin.label() == f"site: {full_site}:{line_of(full_site, 'base_url')}"
    assert c.sections.origin.line == line_of(full_site, "sections_file")
    assert c.locale.origin.kind == "site"


def test_home_and_environment_variables_are_expanded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XUAT_BAN", str(tmp_path / "shared"))
    site = write(tmp_path, '[export]\nfolder = "~/Xuất bản"\n[directory]\nofficials_csv = "x"\n')
    write(tmp_path, "", "x")
    assert load_site(site).config.export_folder.value == tmp_path / "home" / "Xuất bản"
    site = write(tmp_path, '[export]\nfolder = "$XUAT_BAN/bài"\n')
    assert load_site(site).config.export_folder.value == tmp_path / "shared" / "bài"


def test_inline_sections_add_their_parents_and_are_nfc(tmp_path: Path) -> None:
    decomposed = "Kinh te\u0301/Nông nghiệp"  # é written as e + combining acute
    site = write(tmp_path, f'[directory]\nsections = [\n  "Thời sự",\n  "{decomposed}",\n]\n')
    load = load_site(site)
    assert not load.problems
    assert load.config.sections.value == ("Thời sự", "Kinh té", "Kinh té/Nông nghiệp")


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_bytes('\ufeff[outlet]\nname = "Báo Lai Châu"\n'.encode())
    assert load_site(site).config.name.value == "Báo Lai Châu"


def test_unknown_keys_are_warnings_and_the_rest_applies(tmp_path: Path) -> None:
    site = write(
        tmp_path,
        '[outlet]\nname = "Báo Hà Giang"\nnmae = "typo"\n\n[theme]\ncolour = "red"\n'
        '[policy]\nuser_may_change = ["language", "langauge"]\n',
    )
    load = load_site(site)
    assert not load.broken
    assert load.config.name.value == "Báo Hà Giang"
    assert load.config.user_may_change.value == ("language",)
    assert [(p.line, p.fatal) for p in load.problems] == [(3, False), (5, False), (8, False)]
    assert "nmae" in load.problems[0].message and "bỏ qua" in load.problems[0].message
    assert "langauge" in load.problems[2].message


# --- broken files --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[outlet]\nname = "Báo\n', 2, "cú pháp TOML"),
        ("[outlet]\nname = Báo Yên Bái\n", 2, "cú pháp TOML"),
        ('[outlet]\nname = "A"\n[outlet]\nlocale = "vi_VN"\n', 3, "cú pháp TOML"),
        ("[outlet]\n\nname = 3\n", 3, "cần một chuỗi"),
        ('[outlet]\nname = "  "\n', 2, "không được để trống"),
        ('[outlet]\nbase_url = "baoyenbai.com.vn"\n', 2, "địa chỉ trang báo không hợp lệ"),
        ('[outlet]\nbase_url = "ftp://bao.vn"\n', 2, "cần dạng https://"),
        ('[outlet]\nlogo = "logo.png"\n', 2, "không phải địa chỉ https://"),
        ('[outlet]\nlocale = "Vietnamese"\n', 2, "mã ngôn ngữ"),
        ('[ui]\nlanguage = "fr"\n', 2, "“vi” hoặc “en”"),
        ('outlet = "Báo"\n', 1, "cần một bảng [outlet]"),
        ('[policy]\nuser_may_change = "language"\n', 2, "danh sách chuỗi"),
        ('[directory]\nsections = [\n  "Thời sự",\n  "Kinh tế//Nông nghiệp",\n]\n', 4, "Chuyên"),
        ('[directory]\nsections = ["A"]\nsections_file = "s.txt"\n', 3, "một trong hai"),
        ('[directory]\nofficials_csv = "missing.csv"\n', 2, "không tìm thấy"),
        ('[directory]\nsections_file = "missing.txt"\n', 2, "không tìm thấy"),
        ('[export]\nfolder = ""\n', 2, "đường dẫn trống"),
    ],
)
def test_broken_file_is_reported_with_its_line_and_defaults_apply(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    site = write(tmp_path, text)
    load = load_site(site)
    assert load.broken
    fatal = [p for p in load.problems if p.fatal]
    assert fatal[0].line == line, fatal
    assert fatal[0].path == str(site)
    assert words in fatal[0].message
    assert str(fatal[0]).startswith(f"{site}:{line}: ")
    assert load.config == SiteConfig.defaults()  # nothing of a broken file is used


def test_one_error_rejects_the_whole_file(tmp_path: Path) -> None:
    site = write(tmp_path, '[outlet]\nname = "Báo Yên Bái"\nbase_url = "not a url"\n')
    load = load_site(site)
    assert load.broken and load.config.name.value == DEFAULT_NAME
    assert load.config.source is None and load.path == site


def test_not_utf8_is_reported(tmp_path: Path) -> None:
    site = tmp_path / "site.toml"
    site.write_bytes('[outlet]\nname = "Báo Yên Bái"\n'.encode("cp1258"))
    load = load_site(site)
    assert load.broken and "UTF-8" in load.problems[0].message


def test_a_bad_sections_file_is_reported_at_its_key(tmp_path: Path) -> None:
    write(tmp_path, "Thời sự\nKinh tế//Nông nghiệp\n", "sections.txt")
    site = write(tmp_path, '# IT\n[directory]\nsections_file = "sections.txt"\n')
    load = load_site(site)
    assert load.broken and load.problems[0].line == 3
    assert "Kinh tế//Nông nghiệp" in load.problems[0].message


# --- the user's settings -------------------------------------------------------------------------
def test_users_override_only_what_the_policy_allows(full_site: Path) -> None:
    load = load_site(full_site).with_user({"language": "vi", "export_folder": "/home/pv/Xuất"})
    assert load.config.language.value == "en"  # locked by IT
    assert load.config.language.origin.kind == "site"
    assert load.config.export_folder.value == Path("/home/pv/Xuất")
    assert load.config.export_folder.origin.label() == "người dùng"
    assert load.refused == ("language",)


def test_without_a_site_file_users_choose(tmp_path: Path) -> None:
    load = load_site(env={}, platform_file=tmp_path / "absent.toml")
    mine = load.with_user({"language": "en", "export_folder": "  ", "colour": "red"})
    assert mine.config.language.value == "en" and mine.config.language.origin.kind == "user"
    assert mine.config.export_folder.value is None and not mine.refused
    assert load.with_user({"language": "fr"}).config.language.value == "vi"


def test_an_empty_policy_locks_everything(tmp_path: Path) -> None:
    site = write(tmp_path, "[policy]\nuser_may_change = []\n")
    load = load_site(site).with_user({"language": "en", "export_folder": "/tmp/x"})
    assert load.config.language.value == "vi" and load.config.export_folder.value is None
    assert load.refused == ("language", "export_folder")


# --- key lines and a property over generated files -----------------------------------------------
def test_key_lines_know_tables_dotted_keys_and_skip_multiline_strings() -> None:
    text = (
        'title = """\nname = "not a key"\n"""\n'
        "[outlet]\n"
        'name = "A"\n'
        "[directory]\n"
        "sections = [\n"
        '  "x",\n'
        "]\n"
        'export.folder = "f"\n'
    )
    lines = key_lines(text)
    assert lines["outlet"] == 4 and lines["outlet.name"] == 5
    assert lines["directory.sections"] == 7
    assert lines["directory.export.folder"] == 10
    assert "name" not in lines


_word = st.text(
    alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệ ĐƯÔ"),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip())
_host = st.from_regex(r"[a-z][a-z0-9-]{0,15}\.(vn|com\.vn|org\.vn)", fullmatch=True)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=_word,
    host=_host,
    sections=st.lists(st.lists(_word, min_size=1, max_size=3), max_size=5),
    blank_lines=st.lists(st.integers(0, 3), min_size=3, max_size=3),
    language=st.sampled_from(["vi", "en"]),
)
def test_generated_site_files_round_trip_with_their_lines(
    tmp_path: Path,
    name: str,
    host: str,
    sections: list[list[str]],
    blank_lines: list[int],
    language: str,
) -> None:
    paths = ["/".join(parts) for parts in sections]
    listed = ",\n".join(f"  {json.dumps(p, ensure_ascii=False)}" for p in paths)
    gap = ["\n" * n for n in blank_lines]
    text = (
        f"# generated\n{gap[0]}[outlet]\nname = {json.dumps(name, ensure_ascii=False)}\n"
        f'{gap[1]}base_url = "https://{host}"\n\n[directory]\nsections = [\n{listed}\n]\n'
        f'{gap[2]}[ui]\nlanguage = "{language}"\n'
    )
    path = tmp_path / "gen.toml"
    parsed = parse_site(text, path, SiteConfig.defaults())
    assert not parsed.problems and parsed.config is not None
    c = parsed.config
    assert c.name.value == nfc(name.strip())
    assert c.base_url.value == f"https://{host}"
    lines = text.splitlines()
    for value in (c.name, c.base_url, c.sections, c.language):
        assert value.origin.line is not None
        assert re.match(r"\s*\w+\s*=", lines[value.origin.line - 1])
    assert lines[c.language.origin.line - 1].startswith("language")  # type: ignore[operator]
    assert all(normalise_path(p) in c.sections.value for p in paths)


# --- the workspace: export and seeding -----------------------------------------------------------
@pytest.fixture
def ws(tmp_path: Path, full_site: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "data", site=load_site(full_site))
    yield workspace
    workspace.close()


def test_export_uses_the_outlet_of_the_site_file(ws: Workspace, tmp_path: Path) -> None:
    aid = ws.articles.create(
        headline="Hội nghị giao ban công tác tuyên giáo quý I",
        sapo="Sáng 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị.",
        body="Đoạn một.\n\nĐoạn hai.",
        section="Thời sự",
    ).article.id
    bundle = ws.export.export(aid, None, force_reason="kiểm thử", user=EDITOR).path
    assert bundle.parent == ws.site.config.export_folder.value  # the site's export folder
    html = (bundle / "index.html").read_text(encoding="utf-8")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    assert canonical and canonical.group(1).startswith("https://baoyenbai.com.vn/")
    og_url = re.search(r'<meta property="og:url" content="([^"]+)"', html)
    assert og_url and og_url.group(1) == canonical.group(1)
    assert '<meta property="og:site_name" content="Báo Yên Bái"' in html
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert ld is not None
    data = json.loads(ld.group(1))
    article: dict[str, Any] = next(d for d in _walk(data) if d.get("@type") == "NewsArticle")
    assert article["publisher"]["name"] == "Báo Yên Bái"
    assert article["publisher"]["logo"]["url"] == "https://baoyenbai.com.vn/images/logo.png"
    assert "Báo Lào Cai" not in html


def _walk(data: object) -> Iterator[dict[str, object]]:
    if isinstance(data, dict):
        yield data
        for v in data.values():
            yield from _walk(v)
    elif isinstance(data, list):
        for v in data:
            yield from _walk(v)


def test_export_without_a_default_folder_asks_for_one(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "d", site=SiteLoad(SiteConfig.defaults())) as ws:
        aid = ws.articles.create(headline="Tin", sapo="Sapo.", body="Thân.").article.id
        with pytest.raises(Exception, match="Chưa có thư mục xuất mặc định"):
            ws.export.export(aid, None, force_reason="kiểm thử", user=EDITOR)


def test_first_start_seeds_sections_and_officials_once(ws: Workspace) -> None:
    report = ws.site_setup.seed(ws.site.config)
    assert report.sections == 4 and report.officials is not None
    assert report.officials.added == 2 and not report.problems
    assert [s.path for s in ws.sections.sections()][:2] == ["Thời sự", "Kinh tế"]
    names = sorted(o.full_name for o in ws.officials.all())
    assert names == ["Ngô Hạnh Phúc", "Trần Huy Tuấn"]
    recorded = json.loads((ws.data_dir / SEEDED_MARKER).read_text(encoding="utf-8"))
    assert recorded["officials"]["count"] == 2 and recorded["sections"]["count"] == 4
    # An official deleted (merged away) later is not brought back at the next start.
    keep, drop = ws.officials.all()
    ws.officials.merge(keep.id, drop.id)
    again = ws.site_setup.seed(ws.site.config)
    assert again.sections == 0 and again.officials is None
    assert len(ws.officials.all()) == 1


def test_existing_data_is_never_overwritten(tmp_path: Path, full_site: Path) -> None:
    site = load_site(full_site)
    with Workspace.open(tmp_path / "data", site=site) as ws:
        write(tmp_path, "Pháp luật\n", "own.txt")
        ws.sections.import_sections(tmp_path / "own.txt")
        report = ws.site_setup.seed(site.config)
        assert report.sections == 0 and report.officials is not None
        assert [s.path for s in ws.sections.sections()] == ["Pháp luật"]
        assert "skipped" in ws.site_setup.seeded()["sections"]


def test_a_failed_import_is_retried_at_the_next_start(tmp_path: Path, full_site: Path) -> None:
    site = load_site(full_site)
    csv = full_site.parent / "data" / "officials.csv"
    csv.unlink()  # gone between reading the configuration and the start
    with Workspace.open(tmp_path / "data", site=site) as ws:
        report = ws.site_setup.seed(site.config)
        assert report.officials is None and "Không tìm thấy" in report.problems[0]
        assert "officials" not in ws.site_setup.seeded()
        write(csv.parent, OFFICIALS, "officials.csv")
        retried = ws.site_setup.seed(site.config)
        assert retried.officials is not None and retried.officials.added == 2


def test_samples_officials_and_sections_seed(tmp_path: Path, samples_dir: Path) -> None:
    site = write(
        tmp_path / "it",
        f"[directory]\nsections_file = {json.dumps(str(samples_dir / 'sections.txt'))}\n"
        f"officials_csv = {json.dumps(str(samples_dir / 'officials.csv'))}\n",
    )
    load = load_site(site)
    assert not load.problems
    with Workspace.open(tmp_path / "data", site=load) as ws:
        report = ws.site_setup.seed(load.config)
        assert report.officials is not None and report.officials.added > 0
        assert "Chính trị/Bầu cử" in [s.path for s in ws.sections.sections()]
        assert ws.officials.find_by_name("duong duc huy")


# --- the documented example --------------------------------------------------------------------
EXAMPLE = Path(__file__).resolve().parents[3] / "build_specs" / "site.example.toml"


def test_the_example_is_valid_and_documents_every_key_in_both_languages(tmp_path: Path) -> None:
    load = load_site(EXAMPLE)
    assert not load.problems, load.problems
    assert load.config.source == EXAMPLE
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    for key in KEYS.values():
        table, name = key.split(".")
        assert f"[{table}]" in lines
        at = next(
            i for i, line in enumerate(lines) if re.match(rf"#?\s*{name} = ", line)
        )  # set, or shown commented out
        above = "\n".join(lines[max(0, at - 12) : at])
        assert "# VI:" in above and "# EN:" in above, key
    # With the commented-out keys switched on (and their files present), still valid.
    text = "\n".join(re.sub(r"^# (\w+ = )", r"\1", line) for line in lines)
    text = text.replace("sections = [", "old_sections = [")  # one of sections/sections_file
    write(tmp_path, SECTIONS, "sections.txt")
    write(tmp_path, OFFICIALS, "officials.csv")
    load = load_site(write(tmp_path, text))
    assert not [p for p in load.problems if p.fatal], load.problems
    assert load.config.officials_csv.value == tmp_path / "officials.csv"


def test_none_in_the_environment_means_the_defaults_whatever_this_pc_has(tmp_path: Path) -> None:
    platform_file = write(tmp_path / "etc", '[outlet]\nname = "Nền tảng"\n')
    env = {"EDITOR_APP_SITE_CONFIG": "None"}
    assert find_site_file(env, platform_file) == (None, True)
    load = load_site(env=env, platform_file=platform_file)
    assert load.path is None and not load.problems
    assert load.config.name.value == default_config().name.value
