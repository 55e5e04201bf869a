"""Receiving hostile packages against a normal one (issue 20, point 3): time and peak memory.

Each package is received by a fresh process, on a fresh data folder. The normal package is a
real story sent by the app (a 20,000-character body, 300 revisions, 2 photos): the baseline.
The hostile ones are that package with one part replaced: 200,000 revisions (once accepted
after 97 s at 1.16 GB), a 14.5-million-character headline (once accepted, then export took
37 s), and 5,000 small revisions (the most accepted).

Run: .venv/bin/python benchmarks/receive.py [--flood N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_WORDS = "đồng chí phát biểu chỉ đạo hội nghị tỉnh ủy ban tuyên giáo công tác quý"


def _status_mb(key: str) -> float:
    """A figure of /proc/self/status in MB (VmRSS: resident now; VmHWM: its peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(key)


def receive_one(package: Path, data: Path) -> None:
    """In the child: receive `package` into a new data folder, print the figures as JSON."""
    from editor_app.domain.errors import UserError
    from editor_app.domain.workflow import Role, User
    from editor_app.services.workspace import Workspace

    with Workspace.open(data) as ws:
        Path("/proc/self/clear_refs").write_text("5")  # the peak RSS starts again from here
        before = _status_mb("VmRSS")
        t = time.perf_counter()
        try:
            outcome = ws.handoff.receive(package, User("Trần Thu Hà", Role.EDITOR)).outcome
        except UserError as e:
            outcome = "refused: " + str(e).split(" bị từ chối: ")[-1][:70]
        seconds = time.perf_counter() - t
        peak = _status_mb("VmHWM")
    print(json.dumps({"seconds": seconds, "before": before, "peak": peak, "got": outcome}))


def normal_package(folder: Path) -> Path:
    from PIL import Image

    from editor_app.domain.workflow import Role, User
    from editor_app.services.workspace import Workspace

    minh = User("Lê Minh", Role.REPORTER)
    words = _WORDS.split()
    pick = random.Random(1).choice
    body = " ".join(pick(words) for _ in range(5000))[:20_000]
    with Workspace.open(folder / "reporter") as ws:
        aid = ws.articles.create(headline="Hội nghị giao ban quý I", body=body).article.id
        photos = []
        for i in range(2):
            photos.append(folder / f"p{i}.jpg")
            Image.new("RGB", (1600, 1200), (40 * i, 120, 200)).save(photos[-1], "JPEG")
        ws.photos.attach(aid, photos, caption="Các đại biểu dự hội nghị")
        for i in range(300):
            ws.articles.save_fields(aid, {"sapo": f"Sa pô, lần sửa {i}."})
            ws.review.save_revision(aid, minh)
        out = folder / "usb"
        out.mkdir()
        return ws.handoff.send(aid, out, minh).path


def repack(source: Path, target: Path, changes: dict[str, bytes]) -> Path:
    """`source` with some JSON parts replaced (stored, not compressed: no ratio gives them
    away), its manifest listing them truly."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        manifest = json.loads(zin.read("manifest.json"))
        for info in zin.infolist():
            if info.filename == "manifest.json":
                continue
            data = changes.get(info.filename) or zin.read(info)
            digest = hashlib.sha256(data).hexdigest()
            manifest["parts"][info.filename] = {"sha256": digest, "size": len(data)}
            method = zipfile.ZIP_STORED if info.filename in changes else zipfile.ZIP_DEFLATED
            zout.writestr(info.filename, data, method)
        zout.writestr("manifest.json", json.dumps(manifest))
    return target


def flood(count: int) -> bytes:
    one = '{"id":"%s","created_at":"2025-03-01T08:00:00+00:00","author":"x","role":"reporter",'
    one += '"kind":"save","reason":"","snapshot":{"headline":"Tít"}}'
    return ("[" + ",".join(one % uuid.uuid4() for _ in range(count)) + "]").encode()


def long_headline(source: Path) -> bytes:
    with zipfile.ZipFile(source) as z:
        article: dict[str, Any] = json.loads(z.read("article.json"))
    article["snapshot"]["headline"] = "Tít " * 3_625_000  # 14.5 million characters
    return json.dumps(article, ensure_ascii=False).encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--flood", type=int, default=200_000)
    parser.add_argument("--receive", nargs=2, metavar=("PACKAGE", "DATA"))
    args = parser.parse_args()
    if args.receive:
        receive_one(Path(args.receive[0]), Path(args.receive[1]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["XDG_CONFIG_HOME"] = tmp
        os.environ["XDG_STATE_HOME"] = tmp
        normal = normal_package(folder)
        cases = {
            "normal (300 revisions)": normal,
            f"{args.flood:,} revisions": repack(
                normal, folder / "flood.story.zip", {"revisions.json": flood(args.flood)}
            ),
            "14.5M-char headline": repack(
                normal, folder / "headline.story.zip", {"article.json": long_headline(normal)}
            ),
            "5,000 revisions (the limit)": repack(
                normal, folder / "limit.story.zip", {"revisions.json": flood(5000)}
            ),
        }
        print("receive: seconds; +peak: the peak resident set size while receiving, over the")
        print("size before it (the app, the database open); Linux only (/proc/self/status)")
        print(f"{'package':<30} {'size':>9} {'receive':>9} {'+peak':>9} {'peak':>8}  result")
        for i, (name, package) in enumerate(cases.items()):
            run = subprocess.run(
                [sys.executable, __file__, "--receive", str(package), str(folder / f"d{i}")],
                capture_output=True,
                text=True,
                check=True,
            )
            r = json.loads(run.stdout.strip().splitlines()[-1])
            size = package.stat().st_size / 1024 / 1024
            print(
                f"{name:<30} {size:>6.1f} MB {r['seconds']:>7.2f} s "
                f"{r['peak'] - r['before']:>6.0f} MB {r['peak']:>5.0f} MB  {r['got']}"
            )


if __name__ == "__main__":
    main()
