"""A story's JSON parts as the app writes them (one photo, one official, a revision, a comment
and its reply, a conflict), and an in-memory `Package` holding them: for the tests of what
`exchange.story` decodes."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from editor_app.domain.article import Photo
from editor_app.domain.officials.people import Official, Title
from editor_app.domain.review import Comment, Conflict, RevisionInfo, make_anchor
from editor_app.domain.workflow import Role
from editor_app.exchange.package import (
    ARTICLE,
    COMMENTS,
    CONFLICTS,
    REVISIONS,
    Manifest,
    Package,
    PartInfo,
    Sender,
)
from editor_app.exchange.story import (
    encode_article,
    encode_comment,
    encode_conflict,
    encode_revision,
)

AID = uuid.UUID("6f1d8b1e-0c1a-4c1e-9a57-3f6c2b1d9e10")
T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
SHA = "ab" * 32
PHOTO = Photo(
    sha256=SHA,
    filename="IMG_0001.jpg",
    width=4000,
    height=3000,
    size_bytes=2_000_000,
    caption="Các đại biểu dự hội nghị",
    credit="Ảnh: Lê Minh",
    featured=True,
    taken_at=T0,
    camera="Canon EOS R6",
)
HUY = Official(
    "Dương Đức Huy",
    [Title("Trưởng Ban Tuyên giáo Tỉnh ủy", date(2020, 10, 15), None)],
    organization="Tỉnh ủy",
    aliases=["Huy"],
)
SNAPSHOT: dict[str, Any] = {
    "headline": "Hội nghị giao ban",
    "sapo": "Sáng 12/4…",
    "body": "Đồng chí Dương Đức Huy phát biểu.",
    "section": "Chính trị",
    "secondary_sections": [],
    "keywords": ["giao ban"],
    "byline": "Lê Minh",
    "location": "",
    "event_date": "2023-04-12",
    "status": "submitted",
    "officials": [str(HUY.id)],
    "photos": [
        {
            "id": str(PHOTO.id),
            "sha256": SHA,
            "caption": PHOTO.caption,
            "credit": PHOTO.credit,
            "alt_text": "",
            "featured": True,
            "filename": "IMG_0001.jpg",
            "format": "JPEG",
            "width": 4000,
            "height": 3000,
            "size_bytes": 2_000_000,
        }
    ],
}
REVISION = RevisionInfo(uuid.uuid4(), AID, T0, "Lê Minh", "reporter", "handoff", "Gửi bài")
COMMENT = Comment(
    id=uuid.uuid4(),
    article_id=AID,
    parent_id=None,
    anchor=make_anchor("body", SNAPSHOT["body"], 0, 7),
    author="Trần Thu Hà",
    role=Role.EDITOR,
    text="Ghi rõ chức danh",
    created_at=T0,
    updated_at=T0,
)
REPLY = Comment(uuid.uuid4(), AID, COMMENT.id, None, "Lê Minh", Role.REPORTER, "Đã sửa", T0, T0)
CONFLICT = Conflict(
    uuid.uuid4(), AID, "headline", "Tiêu đề", "A", "B", "A", "B", uuid.uuid4(), uuid.uuid4(), T0
)


def parts() -> dict[str, Any]:
    return {
        ARTICLE: encode_article(AID, T0, T0, SNAPSHOT, [PHOTO], [HUY]),
        REVISIONS: [encode_revision(REVISION, SNAPSHOT)],
        COMMENTS: [encode_comment(COMMENT), encode_comment(REPLY)],
        CONFLICTS: [encode_conflict(CONFLICT)],
    }


def package(values: dict[str, Any]) -> Package:
    manifest = Manifest("0.1.0", T0, Sender("Lê Minh", "reporter"), AID, {})
    manifest.parts.update({name: PartInfo("0" * 64, 0) for name in values})
    return Package(Path("bai.story.zip"), manifest, values, {SHA: Path("unused.jpg")})
