"""How fast renditions are made from camera-sized JPEGs (prints figures; no pass/fail).

    .venv/bin/python benchmarks/renditions.py            # eight 24 MP photos
    .venv/bin/python benchmarks/renditions.py --quick    # two 12 MP photos

Per photo: the three JPEG renditions (480, 960, 1600) and the 240 px thumbnail, compared with
(a) a naive way in the same run (full decode, each size resized from the full image) and
(b) a bare full-resolution decode, and a decode at the reduced scale the pipeline uses.
Then the batch (worker processes, files written) in MB/s of JPEG input, with 1 and 2 workers:
"cold" includes starting the processes, "warm" reuses a pool that is already running.
Goals (issue 4): ≥ 4× faster than naive; ≤ 1.6× one full decode per photo on one core;
≥ 60 MB/s with both cores.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import io
import math
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import PIL
from PIL import Image, ImageChops

from editor_app.media.batch import RenditionJob, make_renditions, rendition_pool, run_job
from editor_app.media.renditions import (
    JPEG_OPTIONS,
    THUMBNAIL_OPTIONS,
    render,
    rendition_sizes,
    thumbnail_dims,
)
from editor_app.media.xmp import PhotoMetadata, build_xmp

META = PhotoMetadata(
    caption="Quang cảnh Hội nghị giao ban công tác lý luận chính trị quý I năm 2023.",
    creator="Phóng viên Báo Lào Cai",
    credit="Báo Lào Cai",
    copyright="© 2023 Báo Lào Cai",
)


def camera_like(width: int, height: int, seed: int) -> bytes:
    """A JPEG that compresses like a photo: smooth gradients and blobs under sensor-like grain."""
    rnd = random.Random(seed)
    sw, sh = max(16, width // 8), max(16, height // 8)
    gx = Image.linear_gradient("L").resize((sw, sh))
    gy = Image.linear_gradient("L").transpose(Image.Transpose.ROTATE_90).resize((sw, sh))
    rg = Image.radial_gradient("L").resize((sw, sh))
    bw, bh = sw // 16 + 2, sh // 16 + 2
    blobs = Image.frombytes("L", (bw, bh), rnd.randbytes(bw * bh))
    blobs = blobs.resize((sw, sh), Image.Resampling.BICUBIC)
    base = Image.merge(
        "RGB",
        (
            ImageChops.blend(gx, blobs, 0.5),
            ImageChops.blend(gy, rg, 0.5),
            ImageChops.blend(rg, blobs, 0.6),
        ),
    ).resize((width, height), Image.Resampling.BICUBIC)
    amplitude = 32
    lut = [128 - amplitude // 2 + v * amplitude // 256 for v in range(256)] * 3
    grain = Image.frombytes("RGB", (width, height), rnd.randbytes(width * height * 3)).point(lut)
    photo = ImageChops.add(base, grain, scale=1.0, offset=-128)
    buf = io.BytesIO()
    photo.save(buf, "JPEG", quality=92)
    return buf.getvalue()


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def cpu_timed(fn: Callable[[], object]) -> float:
    """CPU seconds of this process (the work is single-threaded): less skewed than wall time
    when other programs share the cores."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def children_cpu() -> float:
    """CPU seconds used so far by finished child processes (the batch's workers)."""
    try:
        import resource
    except ImportError:  # Windows
        return math.nan
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def full_decode(path: Path) -> None:
    with Image.open(path) as im:
        im.load()


def reduced_decode(path: Path) -> None:
    with Image.open(path) as im:
        im.draft("RGB", (1600, 1600 * im.height // im.width))
        im.load()


def naive(path: Path) -> None:
    """Full decode, then every size resized from the full image, encoded the same way."""
    xmp = build_xmp(META)
    with Image.open(path) as im:
        im.load()
        for size in rendition_sizes(im.size):
            out = im.resize(size, Image.Resampling.LANCZOS)
            out.save(io.BytesIO(), "JPEG", xmp=xmp, **JPEG_OPTIONS)
        thumb = im.resize(thumbnail_dims(im.size), Image.Resampling.LANCZOS)
        thumb.save(io.BytesIO(), "JPEG", **THUMBNAIL_OPTIONS)


def psnr_against_ideal(path: Path) -> tuple[float, float]:
    """PSNR of our 1600 px JPEG and of the naive one against the ideal (full decode, one Lanczos
    step, not encoded): the naive figure is JPEG q82's own loss, ours adds the pipeline's."""
    from PIL import ImageStat

    def psnr(a: Image.Image, b: Image.Image) -> float:
        rms = ImageStat.Stat(ImageChops.difference(a, b)).rms
        mse = statistics.mean(v * v for v in rms)
        return 10 * math.log10(255 * 255 / mse) if mse else math.inf

    mine = Image.open(io.BytesIO(render(path, META, formats=("JPEG",))[0].data)).convert("RGB")
    with Image.open(path) as im:
        ideal = im.convert("RGB").resize(mine.size, Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    ideal.save(buf, "JPEG", **JPEG_OPTIONS)
    naive_jpeg = Image.open(buf).convert("RGB")
    return psnr(mine, ideal), psnr(naive_jpeg, ideal)


def ours(path: Path) -> None:
    render(path, META, formats=("JPEG",))


def timed_job(root: Path, job: RenditionJob) -> float:
    """run_job in a worker, returning the CPU seconds it took there."""
    start = time.process_time()
    assert run_job(root, job).ok
    return time.process_time() - start


def batch(paths: list[Path], workers: int, warm: bool) -> tuple[float, float]:
    """Wall seconds for the batch (files written to a fresh cache), and the CPU seconds its
    worker processes used: start-up included when cold; only the photos' when warm."""
    jobs = [
        RenditionJob(hashlib.sha256(p.read_bytes()).hexdigest(), META, source=p, formats=("JPEG",))
        for p in paths
    ]
    with tempfile.TemporaryDirectory() as root:
        if not warm:
            cpu = children_cpu()
            wall = timed(lambda: make_renditions(jobs, Path(root), workers=workers))
            return wall, children_cpu() - cpu
        with rendition_pool(workers) as pool:
            list(pool.map(abs, range(workers * 4)))  # processes up and imported
            pool.submit(render, paths[0], META, formats=("JPEG",)).result()
            wall = timed(lambda: make_renditions(jobs, Path(root), executor=pool))
            with tempfile.TemporaryDirectory() as again:
                cpu = sum(pool.map(timed_job, [Path(again)] * len(jobs), jobs))
            return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="two 12 MP photos")
    parser.add_argument("--repeat", type=int, default=3, help="runs per photo and method")
    args = parser.parse_args()
    count, (width, height) = (2, (4000, 3000)) if args.quick else (8, (6000, 4000))

    with tempfile.TemporaryDirectory() as folder:
        print(f"making {count} camera-like {width}×{height} JPEGs …", flush=True)
        paths = []
        for i in range(count):
            path = Path(folder) / f"IMG_{i:04d}.jpg"
            path.write_bytes(camera_like(width, height, seed=i))
            paths.append(path)
        sizes = [p.stat().st_size for p in paths]
        total_mb = sum(sizes) / 1e6
        print(
            f"{count} photos, {statistics.mean(sizes) / 1e6:.1f} MB each on average, "
            f"{total_mb:.0f} MB in all; {os.cpu_count()} cores; Pillow {PIL.__version__}; "
            f"load average {os.getloadavg()[0]:.2f}\n"
        )

        ours(paths[0])  # warm up caches and lazy imports
        methods: dict[str, Callable[[Path], None]] = {
            "full-resolution decode": full_decode,
            "decode at reduced scale (draft)": reduced_decode,
            "naive: full decode + 4 sizes from it": naive,
            "ours: 3 JPEG renditions + thumbnail": ours,
        }
        # Round robin, best of `repeat` per photo: other work on the machine slows all alike.
        best: dict[str, list[float]] = {name: [] for name in methods}
        for p in paths:
            runs: dict[str, list[float]] = {name: [] for name in methods}
            for _ in range(args.repeat):
                for name, fn in methods.items():
                    runs[name].append(cpu_timed(functools.partial(fn, p)))
            for name in methods:
                best[name].append(min(runs[name]))
        rows = {name: statistics.mean(times) for name, times in best.items()}
        print(f"one core, CPU seconds per photo (best of {args.repeat}, mean over photos)")
        for name, seconds in rows.items():
            print(f"  {name:40s} {seconds:6.3f} s")
        full = rows["full-resolution decode"]
        mine = rows["ours: 3 JPEG renditions + thumbnail"]
        speedup = rows["naive: full decode + 4 sizes from it"] / mine
        print(f"  speed-up over naive        {speedup:5.2f}×   (goal ≥ 4×)")
        print(f"  cost in full decodes       {mine / full:5.2f}×   (goal ≤ 1.6×)")
        reduced = rows["decode at reduced scale (draft)"]
        print(f"  reduced / full decode      {reduced / full:5.2f}×")
        mine_db, naive_db = psnr_against_ideal(paths[0])
        print(f"  1600 px vs ideal, PSNR     {mine_db:5.1f} dB ours, {naive_db:.1f} dB naive")

        print("\nbatch, files written, MB/s of JPEG input (wall clock; CPU: if nothing else ran)")
        for workers in (1, 2):
            for warm in (False, True):
                wall, cpu = batch(paths, workers, warm)
                label = f"{workers} worker{'s' * (workers > 1)}, {'warm' if warm else 'cold'}"
                line = f"  {label:18s} {wall:6.2f} s {total_mb / wall:6.1f} MB/s"
                if not math.isnan(cpu):
                    free = total_mb / (cpu / workers)
                    line += f"   CPU {cpu:5.2f} s → {free:5.1f} MB/s on {workers} free core(s)"
                print(line)
        print("  goal: ≥ 60 MB/s with both cores")
        print(f"\nload average at the end {os.getloadavg()[0]:.2f} (other work skews the figures)")


if __name__ == "__main__":
    main()
