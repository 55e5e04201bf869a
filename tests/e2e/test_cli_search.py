"""`editor-app search` with a hostile query (issue 20, point 9): a pasted 32,767-character
query is searched on its first words, quickly, and the command says it was shortened."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from editor_app.services.workspace import Workspace


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor_app", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_shortened_query_is_said_and_still_finds_the_story(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Workspace.open(data) as ws:
        story = ws.articles.create(headline="Hội nghị giao ban công tác Đảng").article
        ws.articles.create(headline="Bóng đá")
    pasted = ("hội nghị đảng " * 3000)[:32767]
    done = run(data, "search", pasted, "--json")
    assert done.returncode == 0, done.stderr
    assert [h["id"] for h in json.loads(done.stdout)] == [str(story.id)]
    assert done.stderr.strip() == (
        "Lưu ý: câu tìm quá dài nên đã được rút gọn, chỉ tìm theo tối đa 32 từ khác nhau "
        "trong 512 ký tự đầu."
    )
    words = run(data, "search", " ".join(["hội nghị"] + [f"tu{i}" for i in range(40)]))
    assert words.returncode == 0 and "rút gọn" in words.stderr
    phrase = run(data, "search", '"' + "hội nghị giao ban công tác " * 10 + '"')
    assert phrase.returncode == 0
    assert phrase.stderr.strip() == (
        "Lưu ý: câu tìm quá dài nên đã được rút gọn, chỉ tìm theo 16 từ đầu của cụm từ."
    )
    plain = run(data, "search", "hội nghị đảng")
    assert plain.returncode == 0 and str(story.id) in plain.stdout
    assert plain.stderr == ""
