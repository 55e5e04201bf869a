"""Stories ready to publish, made through the services on a real data folder: a headline and a
sapo within the sample outlet's limits, a section, a byline and a featured photo with its
caption, credit and alt text (a picture Pillow draws)."""

from __future__ import annotations

import uuid
from pathlib import Path

from PIL import Image

from editor_app.domain.workflow import Role, Status, User
from editor_app.services.workspace import Workspace

SECTION = "Chính trị/Xây dựng Đảng"
SAPO = (
    "Ngày 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban công tác giáo dục lý luận "
    "chính trị quý I, triển khai nhiệm vụ quý II năm 2023."
)
EDITOR = User("Trần Thu Hà", Role.EDITOR)
REPORTER = User("Lê Minh", Role.REPORTER)
EDITOR_ENV = "Trần Thu Hà:editor"
REPORTER_ENV = "Lê Minh:reporter"
#: The moves an editor makes to bring a draft to `approved`.
TO_APPROVED = (Status.EDITING, Status.APPROVED)


def photo_file(
    folder: Path, name: str = "anh.jpg", colour: tuple[int, int, int] = (40, 90, 160)
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    Image.new("RGB", (1280, 853), colour).save(path, "JPEG", quality=85)
    return path


def ready_story(
    ws: Workspace,
    headline: str,
    photos: Path,
    *,
    sapo: str = SAPO,
    section: str = SECTION,
    body: str = "Đoạn một của bài.\n\nĐoạn hai của bài.",
    keywords: tuple[str, ...] = (),
    colour: tuple[int, int, int] = (40, 90, 160),
) -> uuid.UUID:
    """A draft that passes the checklist (for the sample outlet's site file)."""
    article = ws.articles.create(
        headline=headline,
        sapo=sapo,
        body=body,
        section=section,
        byline="Thu Hà",
        keywords=list(keywords),
    ).article
    image = photo_file(photos, f"{article.id}.jpg", colour)
    report = ws.photos.attach(article.id, [image], caption="Quang cảnh hội nghị.")
    assert report.all_ok, report.failed
    for p in report.photos:
        ws.photos.update(p.id, credit="Ảnh: Minh Hà", alt_text="Hội trường hội nghị")
    return article.id


def approve(ws: Workspace, article_id: uuid.UUID, user: User = EDITOR) -> None:
    """Draft → editing → approved, as an editor does."""
    for target in TO_APPROVED:
        ws.review.set_status(article_id, target, user)
