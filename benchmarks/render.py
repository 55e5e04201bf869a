"""Preview rendering speed, and (with --screenshots) the exported page as pictures.

    python benchmarks/render.py                 # figures (also in docs/render.md)
    python benchmarks/render.py --screenshots   # docs/export-390.png and docs/export-1280.png

Figures, median of 20 runs each, against a bare `markdown.markdown()` of the same text in the
same run:
- full preview render (Markdown → sanitised → template) with an empty block cache;
- the re-render after a one-word edit in a 20,000-word body (goal ≤ 25 ms);
- full render ≤ 1.25 × the bare Markdown call (goal).
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import markdown

from editor_app.domain.text import count_text
from editor_app.render.context import PageContext
from editor_app.render.page import PageRenderer

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT.parent / "shared" / "samples"
SAMPLE_ARTICLE = SAMPLES / "articles" / "giao-ban-ly-luan-chinh-tri-quy-1-2023.txt"
RUNS = 20


def _support() -> ModuleType:
    """tests/unit/render/support.py: the articles, renditions and screenshots the tests use."""
    path = ROOT / "tests" / "unit" / "render" / "support.py"
    spec = importlib.util.spec_from_file_location("editor_app_tests_render_support", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


support = _support()

# Ordinary news Markdown: plain paragraphs mostly, a heading, bold, a link, a list, a quote.
_PARAGRAPHS = [
    p.strip()
    for p in support.OWN_BODY.split("\n\n")
    if p.strip() and not p.lstrip().startswith("![")
]


def article_text(words: int) -> str:
    """A Vietnamese body of about `words` words; every paragraph distinct (no free cache hits)."""
    out: list[str] = []
    total = 0
    n = 0
    while total < words:
        para = _PARAGRAPHS[n % len(_PARAGRAPHS)]
        if not para.startswith(("#", "-", ">")):
            para = f"{para} (Đoạn {n + 1}.)"
        else:
            para = (
                para.replace("\n", f" {n + 1}\n", 1) if para.startswith("-") else f"{para} {n + 1}"
            )
        out.append(para)
        total += count_text(para).words
        n += 1
    return "\n\n".join(out) + "\n"


CLOCK = time.thread_time  # CPU time of this thread: other work on the machine does not count


def _timed(fn: Callable[[], object]) -> float:
    """Time of one call in ms, the garbage collector paused (as `timeit` does)."""
    gc.collect()
    gc.disable()
    try:
        t0 = CLOCK()
        fn()
        return (CLOCK() - t0) * 1000
    finally:
        gc.enable()


def interleaved(
    runs: int, **cases: tuple[Callable[[], object], Callable[[], None] | None]
) -> dict[str, float]:
    """Median ms of each case, the cases taking turns within each run so that a busy machine
    slows them alike. A case is (call, preparation run untimed before it)."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, (fn, before) in cases.items():
            if before is not None:
                before()
            times[name].append(_timed(fn))
    return {name: statistics.median(t) for name, t in times.items()}


def bench(words: int, renderer: PageRenderer, base: PageContext) -> dict[str, float]:
    text = article_text(words)
    context = replace(base, article=replace(base.article, body=text, photos=[]))
    body = renderer.body_renderer(context.site.host)
    # One-word edits spread over the text, each in a block the cache has not seen.
    paragraphs = text.split("\n\n")
    edits: list[PageContext] = []
    for i in range(RUNS):
        k = (i * 7919) % len(paragraphs)
        changed = list(paragraphs)
        word = "tỉnh" if "tỉnh" in changed[k] else "đồng"
        changed[k] = (
            changed[k].replace(word, word.upper(), 1) if word in changed[k] else changed[k] + " mới"
        )
        edits.append(replace(context, article=replace(context.article, body="\n\n".join(changed))))
    pending = iter(edits)

    def edit() -> None:
        renderer.render(next(pending), "preview")

    def back_to_original() -> None:
        renderer.render(context, "preview")  # every block cached again

    result = interleaved(
        RUNS,
        bare=(lambda: markdown.markdown(text), None),
        full=(lambda: renderer.render(context, "preview"), body.clear),
        body=(lambda: body.render(text), body.clear),
        warm=(lambda: renderer.render(context, "preview"), None),
        edit=(edit, back_to_original),
    )
    result["words"] = count_text(text).words
    return result


def run_benchmarks() -> None:
    base: PageContext = support.own_article()
    t0 = time.perf_counter()
    renderer = PageRenderer()
    renderer.render(base, "preview")
    first = (time.perf_counter() - t0) * 1000  # wall time: it includes reading the templates
    print(f"first render in a fresh PageRenderer (templates compiled): {first:.1f} ms")
    print(
        f"{'body':>14} {'bare md':>9} {'full':>9} {'ratio':>6} {'body only':>10}"
        f" {'warm':>8} {'1-word edit':>12}"
    )
    for words in (1_500, 20_000):
        r = bench(words, renderer, base)
        print(
            f"{int(r['words']):>8} words {r['bare']:>7.1f}ms {r['full']:>7.1f}ms"
            f" {r['full'] / r['bare']:>5.2f}x {r['body']:>8.1f}ms {r['warm']:>6.1f}ms"
            f" {r['edit']:>10.1f}ms"
        )
    print(
        "Median CPU time of 20 runs, cases interleaved. full: preview page (Markdown → nh3 → "
        "Jinja) with an empty block cache; body only: the same without the template; warm: "
        "nothing changed; 1-word edit: one block re-rendered."
    )


def make_screenshots(docs: Path = ROOT / "docs") -> list[Path]:
    """Exports the sample article (or the tests' own when the samples are absent) with photos
    and shoots it at 390 and 1280 px wide with headless Chromium."""
    from PIL import Image, ImageOps

    from editor_app.publish.bundle import export_bundle

    work = Path(tempfile.mkdtemp(prefix="editor-app-shots-"))
    try:
        originals = {}
        if SAMPLE_ARTICLE.is_file():
            sizes = {}
            for photo in sorted((SAMPLES / "photos").glob("*.jpg")):
                with Image.open(photo) as im:
                    sizes[photo.name] = ImageOps.exif_transpose(im).size
            context, names = support.sample_context(
                SAMPLE_ARTICLE.read_text(encoding="utf-8"), sizes
            )
            originals = {pid: SAMPLES / "photos" / name for pid, name in names.items()}
        else:
            context = support.own_article()
        out = work / "out"
        out.mkdir()
        provider = support.PillowProvider(work / "cache", originals, fast=False)
        bundle = export_bundle(context, out, provider)
        shots = []
        for width in (390, 1280):
            target = docs / f"export-{width}.png"
            support.screenshot(bundle / "index.html", target, width, 2400)
            shots.append(target)
        return shots
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshots", action="store_true", help="write docs/export-*.png")
    args = parser.parse_args(argv)
    if args.screenshots:
        for path in make_screenshots():
            print(f"wrote {path}")
        return 0
    run_benchmarks()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
