"""Building `.story.zip` packages byte by byte, hostile ones included.

`zipfile` refuses to write most of what an attacker would (lying sizes, symlinks done by hand,
a 1 GiB bomb without spending seconds compressing it), so this writes the zip structures
itself: local headers, data, central directory, end record (no zip64: entries stay < 4 GiB).
"""

from __future__ import annotations

import hashlib
import json
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STORED = zipfile.ZIP_STORED
DEFLATED = zipfile.ZIP_DEFLATED
REGULAR = (stat.S_IFREG | 0o644) << 16
SYMLINK = (stat.S_IFLNK | 0o777) << 16


@dataclass
class Entry:
    """One zip entry. `data` is the content; `raw` (when set) the bytes stored as they are
    (already compressed), with `crc` and `size` describing the inflated content. `size` and
    `crc`, when set, are written in the headers whatever the data really is (a lie)."""

    name: str
    data: bytes = b""
    method: int = DEFLATED
    raw: bytes | None = None
    size: int | None = None
    crc: int | None = None
    external_attr: int = REGULAR
    flags: int = 0x800  # UTF-8 names


def deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def zeros_bomb(mib: int) -> Entry:
    """`mib` MiB of zeros deflated (about 1 KiB per MiB), made without compressing them all:
    after a full flush the compressor's output for the same input repeats exactly."""
    chunk = bytes(1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    raw = block * mib + c.flush()
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(chunk, crc)
    return Entry("bomb", raw=raw, size=mib << 20, crc=crc)


def write_zip(path: Path, entries: list[Entry]) -> Path:
    out = bytearray()
    central = bytearray()
    for e in entries:
        name = e.name.encode("utf-8")
        stored = e.raw if e.raw is not None else e.data
        if e.raw is None and e.method == DEFLATED:
            stored = deflate(e.data)
        crc = e.crc if e.crc is not None else zlib.crc32(e.data)
        size = e.size if e.size is not None else len(e.data)
        offset = len(out)
        out += struct.pack(
            "<4sHHHHHIIIHH",
            b"PK\x03\x04",
            20,
            e.flags,
            e.method,
            0,
            0x21,  # 1980-01-01
            crc,
            len(stored),
            size,
            len(name),
            0,
        )
        out += name + stored
        central += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            (3 << 8) | 20,  # made on Unix
            20,
            e.flags,
            e.method,
            0,
            0x21,
            crc,
            len(stored),
            size,
            len(name),
            0,
            0,
            0,
            0,
            e.external_attr,
            offset,
        )
        central += name
    end = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), len(out), 0
    )
    path.write_bytes(bytes(out + central + end))
    return path


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


@dataclass
class Story:
    """A package as a list of entries plus its manifest (a dict), to be altered and written.
    `manifest_for()` lists the entries with their true digests and sizes."""

    entries: list[Entry]
    manifest: dict[str, Any] = field(default_factory=dict)

    def entry(self, name: str) -> Entry:
        return next(e for e in self.entries if e.name == name)

    def list_parts(self) -> None:
        self.manifest["parts"] = {
            e.name: {"sha256": sha(e.data), "size": len(e.data)} for e in self.entries
        }

    def write(self, path: Path, manifest_bytes: bytes | None = None) -> Path:
        data = manifest_bytes if manifest_bytes is not None else dumps(self.manifest)
        return write_zip(path, [*self.entries, Entry("manifest.json", data)])


def read_story(path: Path) -> Story:
    """A real package taken apart (to be altered and written again)."""
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        entries = [
            Entry(i.filename, zf.read(i), method=i.compress_type)
            for i in zf.infolist()
            if i.filename != "manifest.json"
        ]
    return Story(entries, manifest)


def minimal_story(article_id: str = "6f1d8b1e-0c1a-4c1e-9a57-3f6c2b1d9e10") -> Story:
    """The smallest package the container accepts (the parts' shapes are not its concern)."""
    entries = [
        Entry("article.json", dumps({"id": article_id})),
        Entry("comments.json", b"[]"),
        Entry("conflicts.json", b"[]"),
        Entry("revisions.json", b"[]"),
        Entry("photos/" + sha(b"\xff\xd8\xffphoto") + ".jpg", b"\xff\xd8\xffphoto", STORED),
    ]
    story = Story(
        entries,
        {
            "format": "editor_app.story",
            "version": 1,
            "app_version": "0.1.0",
            "created_at": "2025-03-01T08:00:00+00:00",
            "sender": {"name": "Lê Minh", "role": "reporter"},
            "article_id": article_id,
        },
    )
    story.list_parts()
    return story
