"""The same story and photos give the same bundle pictures, byte for byte, whatever ran before
(issue 13, point 5): a cold export, and an export after the live preview drew its own sizes of
the same photos. The old code reused the preview's files, drawn from a different chain of
sizes, and six renditions differed."""

from __future__ import annotations

import uuid
from pathlib import Path

from PIL import Image

from editor_app.domain.workflow import Role, User
from editor_app.services.workspace import Workspace

EDITOR = User("Trần Thu Hà", Role.EDITOR)


def _camera_photo(path: Path) -> Path:
    """A noisy picture (as a camera's is), so that two ways of scaling it differ in bytes."""
    size = (2400, 1600)
    bands = [Image.effect_noise(size, 60 + 20 * i) for i in range(3)]
    Image.merge("RGB", bands).save(path, "JPEG", quality=90)
    return path


def _story(ws: Workspace, photo: Path) -> uuid.UUID:
    article = ws.articles.create(
        headline="Khánh thành cầu mới bắc qua sông Hồng",
        sapo="Sáng nay, tỉnh khánh thành cây cầu thứ ba bắc qua sông Hồng.",
        body="Đoạn một.\n\nĐoạn hai.",
        section="Thời sự",
        byline="Thu Hà",
    ).article
    report = ws.photos.attach(article.id, [photo], caption="Cầu mới nhìn từ bờ bắc.")
    assert report.all_ok, report.failed
    ws.photos.update(report.photos[0].id, credit="Ảnh: Minh Hà", alt_text="Cây cầu mới")
    return article.id


def _pictures(bundle: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((bundle / "images").iterdir())}


def test_an_export_after_the_preview_is_byte_identical_to_a_cold_one(tmp_path: Path) -> None:
    photo = _camera_photo(tmp_path / "DSC_0042.jpg")
    bundles = []
    for run, preview_first in (("cold", False), ("after-preview", True)):
        with Workspace.open(tmp_path / run / "data") as ws:
            story = _story(ws, photo)
            if preview_first:
                assert "Khánh thành" in ws.export.preview_html(story)
            out = tmp_path / run / "out"
            out.mkdir()
            bundles.append(
                ws.export.export(story, out, force_reason="kiểm tra từng byte", user=EDITOR).path
            )
    cold, warm = (_pictures(b) for b in bundles)
    assert len(cold) >= 8  # widths in JPEG and WebP, and the share crops
    assert cold.keys() == warm.keys()
    differing = sorted(name for name in cold if cold[name] != warm[name])
    assert differing == []
