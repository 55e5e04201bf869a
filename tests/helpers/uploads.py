"""Sites for the upload's tests, and the checks of what a server folder holds afterwards."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from editor_app.publish.upload_manifest import MANIFEST_NAME

#: A small built site: stories in their folders, listing pages at the top and in sections.
SITE: dict[str, bytes] = {
    "index.html": "<h1>Trang chủ</h1><a href='giao-ban-quy-1/'>Giao ban</a>".encode(),
    "rss.xml": b"<rss version='2.0'></rss>",
    "sitemap.xml": b"<urlset></urlset>",
    "robots.txt": b"User-agent: *\n",
    "chinh-tri/index.html": "<h1>Chính trị</h1>".encode(),
    "giao-ban-quy-1/index.html": "<h1>Giao ban lý luận chính trị quý 1</h1>".encode(),
    "giao-ban-quy-1/anh/1-800.webp": b"RIFF....WEBPVP8 " + bytes(range(256)) * 8,
    "mua-lu-lao-cai/index.html": "<h1>Mưa lũ ở Lào Cai</h1>".encode(),
    "mua-lu-lao-cai/anh/2-800.webp": b"RIFF....WEBPVP8 " + bytes(range(255, -1, -1)) * 8,
}
LISTING = frozenset({"index.html", "rss.xml", "sitemap.xml", "robots.txt", "chinh-tri/index.html"})


def write_site(root: Path, files: dict[str, bytes]) -> Path:
    """The files under `root` (made as the site build would)."""
    for path, data in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return root


def held(root: Path) -> dict[str, bytes]:
    """Every file a server folder holds but the manifest (relative path → bytes)."""
    out: dict[str, bytes] = {}
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            if rel != MANIFEST_NAME:
                out[rel] = path.read_bytes()
    return out


def manifest(root: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((root / MANIFEST_NAME).read_text(encoding="utf-8"))
    return data


def assert_consistent(root: Path, expected: dict[str, bytes]) -> None:
    """The server folder holds exactly `expected` (no temporary copy left), and its manifest
    lists exactly those files with their hashes and sizes, nothing pending."""
    assert held(root) == expected
    data = manifest(root)
    assert data["pending"] == {}
    assert data["files"] == {
        path: [hashlib.sha256(content).hexdigest(), len(content)]
        for path, content in sorted(expected.items())
    }


def modes(root: Path) -> set[tuple[str, int]]:
    """("file" or "folder", permission bits) of everything under `root`."""
    out: set[tuple[str, int]] = set()
    for folder, dirs, files in os.walk(root):
        out |= {("folder", (Path(folder) / d).stat().st_mode & 0o777) for d in dirs}
        out |= {("file", (Path(folder) / f).stat().st_mode & 0o777) for f in files}
    return out
