"""How fast a Word file with its photos becomes a story (prints figures; no pass/fail).

    .venv/bin/python benchmarks/docx_import.py            # 3,000 words, ten 12 MP photos
    .venv/bin/python benchmarks/docx_import.py --quick    # the same text, two photos

The document: a Title, a bold sapo, 3,000 words of Vietnamese in 30 paragraphs, ten camera-like
JPEGs (4000×3000, EXIF make, model and date) pasted between them, each with an italic caption
ending "(Ảnh: …)" — written by python-docx. Each run imports it into a new data folder
(`ws.importing.import_docx`: the checks, mammoth, the layout, the photo pipeline, the story
written). Baseline in the same run: the same story as a plain .txt with its photo files beside
it (`import_text`, what `editor-app import-text` does). Goal (issue 17): ≤ 3 s.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.shared import Cm
from PIL import Image

from editor_app.services.docx_guard import check_docx
from editor_app.services.workspace import Workspace

GOAL_SECONDS = 3.0
TEXT = (
    "hội nghị tỉnh ủy ban tuyên giáo công tác lý luận chính trị quý năm đồng chí phát biểu "
    "chỉ đạo đại biểu nhân dân kinh tế xã hội phát triển địa phương cán bộ đảng viên học tập "
    "nghị quyết thực hiện nhiệm vụ trọng tâm thời gian tới đánh giá kết quả nâng cao chất lượng"
)
SYLLABLES = TEXT.split(" ")


def camera_jpeg(seed: int, size: tuple[int, int]) -> bytes:
    """A photo-sized JPEG: detail at several scales, EXIF like a phone's."""
    rnd = random.Random(seed)
    w, h = size
    small = Image.frombytes("RGB", (w // 16, h // 16), rnd.randbytes((w // 16) * (h // 16) * 3))
    base = small.resize(size, Image.Resampling.BICUBIC)
    grain = Image.frombytes("RGB", size, rnd.randbytes(w * h * 3))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0132] = "Samsung", "SM-A536E", "2023:04:12 09:54:52"
    out = io.BytesIO()
    Image.blend(base, grain, 0.12).save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def paragraphs(words: int, count: int) -> list[str]:
    rnd = random.Random(7)
    each = words // count
    return [
        " ".join(rnd.choice(SYLLABLES) for _ in range(each)).capitalize() + "."
        for _ in range(count)
    ]


def write_story(folder: Path, photos: list[bytes], words: int) -> tuple[Path, Path]:
    """The story as a .docx and as a .txt with its photo files beside it."""
    headline = "Ban Tuyên giáo Tỉnh ủy giao ban công tác giáo dục lý luận chính trị quý I"
    sapo = "Ngày 12/4, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban công tác quý I/2023."
    body = paragraphs(words, 30)
    doc = Document()
    doc.add_paragraph(headline, style="Title")
    doc.add_paragraph().add_run(sapo).bold = True
    text = [headline, "", sapo, ""]
    every = max(1, len(body) // max(1, len(photos)))
    for n, para in enumerate(body):
        doc.add_paragraph(para)
        text += [para, ""]
        k = n // every
        if n % every == every - 1 and k < len(photos):
            caption = f"Các đại biểu dự hội nghị, ảnh số {k + 1}"
            doc.add_picture(io.BytesIO(photos[k]), width=Cm(15))
            doc.add_paragraph().add_run(f"{caption} (Ảnh: Hồng Ninh)").italic = True
            name = f"IMG_20230412_0954{k:02d}.jpg"
            (folder / name).write_bytes(photos[k])
            text += [name, caption, ""]
    docx = folder / "bai.docx"
    doc.save(str(docx))
    txt = folder / "bai.txt"
    txt.write_text("\n".join(text), encoding="utf-8")
    return docx, txt


def timed(runs: int, folder: Path, work: Callable[[Workspace], object]) -> list[float]:
    times = []
    for n in range(runs):
        with Workspace.open(folder / f"data-{id(work)}-{n}") as ws:
            start = time.perf_counter()
            work(ws)
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="two photos instead of ten")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    count = 2 if args.quick else 10
    with tempfile.TemporaryDirectory(prefix="bench-docx-") as tmp:
        folder = Path(tmp)
        made = time.perf_counter()
        photos = [camera_jpeg(seed, (4000, 3000)) for seed in range(count)]
        docx, txt = write_story(folder, photos, 3000)
        print(
            f"document: 3,000 words, {count} photos of 12 MP "
            f"({sum(map(len, photos)) / 1e6:.1f} MB of JPEG), .docx {docx.stat().st_size / 1e6:.1f}"
            f" MB (made in {time.perf_counter() - made:.1f} s)"
        )
        start = time.perf_counter()
        check_docx(docx)
        checks = time.perf_counter() - start
        print(f"  checks alone (zip, every XML part, the inventory): {checks:.3f} s")
        word = timed(args.runs, folder, lambda ws: ws.importing.import_docx(docx))
        text = timed(args.runs, folder, lambda ws: ws.importing.import_text(txt))
        for label, times in (("import-docx", word), ("import-text (baseline)", text)):
            print(
                f"  {label:<24} best {min(times):.2f} s, median {statistics.median(times):.2f} s"
                f" over {len(times)} runs"
            )
        best = min(word)
        verdict = "met" if best <= GOAL_SECONDS else "MISSED"
        print(
            f"goal ≤ {GOAL_SECONDS:.0f} s: {best:.2f} s — {verdict}; "
            f"{best / min(text):.2f}× the plain-text import"
        )


if __name__ == "__main__":
    main()
