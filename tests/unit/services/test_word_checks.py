"""The word checks on a real data folder (issue 17, part 3): the app's list of confused words
(its size, its notes, the issue's examples, no false alarm on the sample article), the house
style from the site file, the checklist's warnings that do not stop publication, and the export
written in the house style while the story is kept as written."""

from __future__ import annotations

import json
import tomllib
import unicodedata
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.sites import SAMPLE_SITE

from editor_app.domain.workflow import Role, User
from editor_app.paths import resource
from editor_app.services.siteconfig import load_site
from editor_app.services.word_lists import WORD_LIST, confused_words, load_confused_words
from editor_app.services.workspace import Workspace

HEADLINE = "Ban Tuyên giáo Tỉnh ủy giao ban công tác giáo dục lý luận chính trị quý I năm 2023"
SAPO = (
    "Ngày 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban công tác giáo dục lý luận "
    "chính trị quý I, triển khai nhiệm vụ quý II năm 2023."
)


def test_the_list_is_big_documented_and_nfc() -> None:
    words = confused_words()
    assert len(words) >= 150
    assert all(e.note and e.right != e.wrong for e in words.entries)
    raw = resource(*WORD_LIST).read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", raw) == raw
    assert tomllib.loads(raw)["format"] == 1


def test_the_issues_examples_are_caught() -> None:
    text = (
        "Cơ quan chức năng đã sử lý vụ việc. Bác sĩ chuẩn đoán bệnh. Cần trú trọng công tác "
        "này. Thái độ bàng quang của người xem. Tương lai sáng lạn."
    )
    assert [(c.written, c.fix) for c in confused_words().find(text)] == [
        ("sử lý", "xử lý"),
        ("chuẩn đoán", "chẩn đoán"),
        ("trú trọng", "chú trọng"),
        ("bàng quang", "bàng quan"),
        ("sáng lạn", "xán lạn"),
    ]
    assert confused_words().find("Tương lai xán lạn. Viêm bàng quang cấp.") == []


def test_no_false_alarm_on_the_sample_articles(samples_dir: Path) -> None:
    for path in sorted((samples_dir / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert confused_words().find(text) == [], path.name


def test_a_broken_list_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "list.toml"
    bad.write_text('format = 1\n[[pair]]\nwrong = "a b"\nright = "a b"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"list\.toml: mục 1"):
        load_confused_words(bad)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "site.toml").write_text(
        SAMPLE_SITE + '\n[style]\ntone_marks = "hoà"\n', encoding="utf-8"
    )
    site = load_site(folder / "site.toml")
    assert not site.problems and site.config.tone_marks.value == "hoà"
    workspace = Workspace.open(tmp_path / "data", site=site)
    yield workspace
    workspace.close()


def _story(ws: Workspace, body: str) -> uuid.UUID:
    created = ws.articles.create(
        headline=HEADLINE, sapo=SAPO, body=body, section="Chính trị", byline="Thu Thủy"
    )
    return created.article.id


def test_warnings_are_listed_but_do_not_stop_publication(ws: Workspace) -> None:
    aid = _story(ws, "Đoạn một.\n\nCần sử lý và\ntrú trọng sức khỏe.")
    issues = ws.lint.lint(aid)
    kinds = [(i.kind, i.field, i.warning) for i in issues]
    assert ("confused_word", "body", True) in kinds
    tone = [i for i in issues if i.kind == "tone_style"]
    # the outlet writes "hoà, thuỷ": the headline's and the sapo's "Tỉnh ủy", the body's "khỏe"
    assert [i.field for i in tone] == ["headline", "sapo", "body"]
    assert (tone[2].written, tone[2].fix) == ("khỏe", "khoẻ")
    assert all(i.warning for i in issues)
    assert not any("sử lý" in f or "khoẻ" in f for f in ws.export.readiness(aid))


def test_the_export_writes_the_house_style(ws: Workspace, tmp_path: Path) -> None:
    aid = _story(ws, "Sức khỏe của Ủy ban.")
    out = tmp_path / "out"
    out.mkdir()
    out = ws.export.export(aid, out, force_reason="thử", user=User("Hà", Role.EDITOR)).path
    page = (out / "index.html").read_text(encoding="utf-8")
    ninjs = json.loads((out / "article.ninjs.json").read_text(encoding="utf-8"))
    assert "Sức khoẻ của Uỷ ban." in page and "Tỉnh uỷ" in page
    assert "khoẻ" in json.dumps(ninjs, ensure_ascii=False)
    assert "Thu Thủy" in page  # the byline is the person's own spelling
    stored = ws.articles.get(aid)
    assert stored.body == "Sức khỏe của Ủy ban." and "Tỉnh ủy" in stored.headline
