"""Photos' originals between a desk and the newsroom server: sent once, by SHA-256, in chunks
of 1 MiB, each chunk its own transaction, so a cut upload or download resumes where it stopped
(docs/server.md, "Sync"). The server checks the digest of the whole before it counts an
original as there; the desk checks it before storing what it fetched."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from editor_app.domain.errors import UserError
from editor_app.store.repo import sync as srepo
from editor_app.store.server import ServerStore

__all__ = ["CHUNK", "PhotoTransfer"]

CHUNK = 1 << 20

Cancelled = Callable[[], bool]


class PhotoTransfer:
    def __init__(self, server: ServerStore) -> None:
        self.server = server

    def missing(self, shas: Iterable[str]) -> set[str]:
        """Of these digests, those the server does not have whole."""
        wanted = set(shas)
        if not wanted:
            return set()  # (no connection taken for a story without photos)
        with self.server.read() as s:
            return wanted - srepo.complete_blobs(s, wanted)

    def upload(self, sha256: str, path: Path, cancelled: Cancelled = lambda: False) -> int:
        """Sends the original at `path` (its digest `sha256`), skipping the chunks the server
        has; returns the bytes sent."""
        size = path.stat().st_size
        with self.server.transaction() as s:
            srepo.start_blob(s, sha256, size, CHUNK)
        with self.server.read() as s:
            state = srepo.blob_state(s, sha256)
        assert state is not None
        if state.complete:
            return 0
        sent = 0
        count = max(1, -(-state.size_bytes // state.chunk_size))
        with open(path, "rb") as f:
            for idx in range(count):
                if idx in state.chunks:
                    continue
                if cancelled():
                    return sent
                f.seek(idx * state.chunk_size)
                data = f.read(state.chunk_size)
                with self.server.transaction() as s:
                    srepo.put_chunk(s, sha256, idx, data)
                sent += len(data)
        with self.server.transaction() as s:
            ok = srepo.finish_blob(s, sha256)
        if not ok:
            raise UserError(
                f"Ảnh gốc {sha256[:12]} gửi lên máy chủ bị hỏng giữa đường: sẽ gửi lại lần sau."
            )
        return sent

    def download(self, sha256: str, folder: Path) -> Path:
        """Fetches the original into `folder/<sha256>.part`, continuing a part fetched before;
        returns the file once its digest is checked (a wrong one is deleted: UserError)."""
        with self.server.read() as s:
            state = srepo.blob_state(s, sha256)
        if state is None or not state.complete:
            raise UserError(f"Máy chủ chưa có đủ ảnh gốc {sha256[:12]}: sẽ tải lại lần sau.")
        folder.mkdir(parents=True, exist_ok=True)
        part = folder / f"{sha256}.part"
        have = part.stat().st_size if part.exists() else 0
        start = have // state.chunk_size
        count = max(1, -(-state.size_bytes // state.chunk_size))
        with open(part, "ab") as f:
            f.truncate(start * state.chunk_size)
            for idx in range(start, count):
                with self.server.read() as s:
                    data = srepo.read_chunk(s, sha256, idx)
                if data is None:
                    raise UserError(f"Máy chủ thiếu một phần ảnh gốc {sha256[:12]}.")
                f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if _digest(part) != sha256:
            part.unlink()
            raise UserError(f"Ảnh gốc {sha256[:12]} tải về bị hỏng: sẽ tải lại lần sau.")
        return part


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()
