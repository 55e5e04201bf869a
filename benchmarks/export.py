"""Export of a story with 20 twelve-megapixel photos (issue 6): cold (no renditions cached)
and warm (renditions cached), through ExportService.export, the path the CLI and the window
use. Goals: cold ≤ 5 s, warm ≤ 0.5 s.

Run: .venv/bin/python benchmarks/export.py [--photos N] [--megapixels MP]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from memory import camera_jpeg


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--megapixels", type=float, default=12.0)
    args = parser.parse_args()
    from editor_app.domain.workflow import Role, User
    from editor_app.services.workspace import Workspace

    editor = User("Trần Thu Hà", Role.EDITOR)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "camera"
        folder.mkdir()
        files = []
        for i in range(args.photos):
            f = folder / f"IMG_{i:04d}.jpg"
            camera_jpeg(f, args.megapixels, i)
            files.append(f)
        size_mb = sum(f.stat().st_size for f in files) / 1e6
        with Workspace.open(Path(tmp) / "data") as ws:
            story = ws.articles.create(
                headline="Hai mươi ảnh từ hội nghị",
                sapo="Sapo.",
                body="\n\n".join(f"Đoạn {i}." for i in range(40)),
                section="Thời sự",
            ).article
            ws.photos.attach(story.id, files, caption="Chú thích", credit="Ảnh: Minh Hà")
            times = []
            for run in ("cold", "warm", "warm"):
                out = Path(tmp) / f"out-{len(times)}"
                out.mkdir()
                t = time.perf_counter()
                ws.export.export(story.id, out, force_reason="đo tốc độ", user=editor)
                times.append(time.perf_counter() - t)
                print(f"export {run}: {times[-1]:.2f} s")
        print(f"{args.photos} photos of {args.megapixels:g} MP ({size_mb:.0f} MB of JPEG)")
        print(f"cold {times[0]:.2f} s (goal ≤ 5 s), warm {min(times[1:]):.2f} s (goal ≤ 0.5 s)")


if __name__ == "__main__":
    main()
