"""`whoami`, `status` and `history` end to end: a real data folder, real exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from editor_app.cli import main
from editor_app.services.workspace import Workspace


def cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def story(tmp_path: Path) -> tuple[Path, str]:
    data = tmp_path / "data"
    with Workspace.open(data) as ws:
        article = ws.articles.create(headline="Hội nghị giao ban quý 1", sapo="Sáng 12/4…").article
    return data, str(article.id)


def test_without_a_user_status_says_how_to_set_one(
    capsys: pytest.CaptureFixture[str], story: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EDITOR_APP_USER", raising=False)
    data, aid = story
    code, out, err = cli(capsys, data, "status", aid, "submitted")
    assert code == 1 and out == ""
    assert "editor-app whoami --name" in err and "--role" in err
    assert len(err.strip().splitlines()) == 1
    code, _, err = cli(capsys, data, "whoami")
    assert code == 1 and "whoami --name" in err


def test_whoami_sets_and_shows_the_user_of_the_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EDITOR_APP_USER", raising=False)
    data = tmp_path / "data"
    code, out, err = cli(capsys, data, "whoami", "--name", "  Le\u0302 Minh ", "--role", "reporter")
    assert code == 0, err
    assert out.strip() == "Lê Minh — Phóng viên (reporter)"
    assert json.loads((data / "identity.json").read_text("utf-8")) == {
        "name": "Lê Minh",
        "role": "reporter",
    }
    code, out, _ = cli(capsys, data, "whoami", "--role", "biên tập viên")
    assert (code, out.strip()) == (0, "Lê Minh — Biên tập viên (editor)")
    code, out, _ = cli(capsys, data, "whoami", "--json")
    assert json.loads(out) == {
        "name": "Lê Minh",
        "role": "editor",
        "role_vi": "Biên tập viên",
        "source": "file",
    }
    monkeypatch.setenv("EDITOR_APP_USER", "Trần Huy:reporter")
    code, out, _ = cli(capsys, data, "whoami")
    assert out.strip() == "Trần Huy — Phóng viên (reporter) (từ EDITOR_APP_USER)"

    code, _, err = cli(capsys, tmp_path / "other", "whoami", "--role", "editor")
    assert code == 1 and "--name" in err
    code, _, err = cli(capsys, data, "whoami", "--name", "   ")
    assert code == 1 and "không được để trống" in err
    code, _, err = cli(capsys, data, "whoami", "--name", "A", "--role", "boss")
    assert code == 1 and "Vai trò không hợp lệ" in err


def test_status_moves_refusals_and_history(
    capsys: pytest.CaptureFixture[str], story: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, aid = story
    monkeypatch.setenv("EDITOR_APP_USER", "Lê Minh:reporter")
    code, out, err = cli(capsys, data, "status", aid, "submitted")
    assert (code, out.strip()) == (0, "Chờ duyệt (submitted)"), err

    code, out, err = cli(capsys, data, "status", aid, "approved")
    assert code == 1 and out == ""
    assert err.strip() == (
        "editor-app: Phóng viên không được chuyển bài từ Chờ duyệt sang Đã duyệt."
    )

    monkeypatch.setenv("EDITOR_APP_USER", "Trần Quốc Huy:editor")
    code, _, err = cli(capsys, data, "status", aid, "returned")
    assert code == 1 and "lý do" in err
    code, out, err = cli(capsys, data, "status", aid, "returned", "--reason", "Thiếu ảnh")
    assert (code, out.strip()) == (0, "Trả lại (returned)"), err
    code, out, _ = cli(capsys, data, "status", aid, "draft", "--json")
    assert code == 0 and json.loads(out)["status_vi"] == "Nháp"

    code, out, err = cli(capsys, data, "history", aid)
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 3
    assert re.match(r"\d{1,2}/\d{1,2}/\d{4} \d{2}:\d{2} ", lines[0])
    assert "Trần Quốc Huy (Biên tập viên)" in lines[0] and "Trả lại → Nháp" in lines[0]
    assert "Đổi trạng thái" in lines[1] and "Chờ duyệt → Trả lại: Thiếu ảnh" in lines[1]
    assert "Lê Minh (Phóng viên)" in lines[2] and "Nháp → Chờ duyệt" in lines[2]

    code, out, _ = cli(capsys, data, "history", aid, "--json")
    rows = json.loads(out)
    assert [r["kind"] for r in rows] == ["status"] * 3
    assert rows[1]["reason"] == "Chờ duyệt → Trả lại: Thiếu ảnh"
    assert rows[2]["author"] == "Lê Minh" and rows[2]["role"] == "reporter"


def test_bad_ids_and_statuses(
    capsys: pytest.CaptureFixture[str], story: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, _ = story
    monkeypatch.setenv("EDITOR_APP_USER", "Lê Minh:reporter")
    code, _, err = cli(capsys, data, "history", "not-an-id")
    assert code == 1 and "không hợp lệ" in err
    code, _, err = cli(capsys, data, "history", "00000000-0000-0000-0000-000000000000")
    assert code == 1 and "Không tìm thấy" in err
    with pytest.raises(SystemExit) as e:
        main(["--data-dir", str(data), "status", "00000000-0000-0000-0000-000000000000", "done"])
    assert e.value.code == 2
