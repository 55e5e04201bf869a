"""Every kind of issue `editor-app lint` can report has a Vietnamese label (issue 15, point 6):
the terminal shows no code such as missing_credit (the codes stay --json's keys)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from PIL import Image

from editor_app.domain.officials.titles import ProblemKind
from editor_app.services.lint import KIND_LABELS, kind_label
from editor_app.services.workspace import Workspace

#: The checklist's own kinds (domain/checklist.py and services/lint.py).
CHECKLIST_KINDS = {
    "site_not_configured",
    "missing_headline",
    "missing_sapo",
    "missing_section",
    "missing_caption",
    "missing_credit",
    "missing_alt_text",
    "missing_byline",
    "headline_too_long",
    "headline_too_short",
    "sapo_too_long",
    "sapo_too_short",
    "literal_tag",
    "more_literal_tag",
    "bad_link",
    "more_bad_link",
    "confused_word",
    "more_confused_word",
    "tone_style",
}


def test_every_kind_has_a_vietnamese_label() -> None:
    kinds = CHECKLIST_KINDS | {k.value for k in ProblemKind}
    assert set(KIND_LABELS) == kinds
    for kind in kinds:
        label = kind_label(kind)
        assert label != kind and not label.isascii(), kind
        assert unicodedata.is_normalized("NFC", label) and label[0].isupper()
    assert len(set(KIND_LABELS.values())) == len(KIND_LABELS)  # no two kinds read alike


def test_what_a_messy_story_reports_is_all_labelled(tmp_path: Path) -> None:
    image = tmp_path / "anh.jpg"
    Image.new("RGB", (40, 30), (10, 20, 30)).save(image, "JPEG")
    with Workspace.open(tmp_path / "data") as ws:
        aid = ws.articles.create(
            headline="Tin <b>nóng</b>", body="Xem [đây](javascript:void(0)) nhé, sử lý. Hoà."
        ).article.id
        ws.photos.attach(aid, [image])
        kinds = {i.kind for i in ws.lint.lint(aid)}
    assert {"missing_credit", "literal_tag", "bad_link", "headline_too_short"} <= kinds
    assert {"confused_word", "tone_style"} <= kinds
    assert kinds <= set(KIND_LABELS)
