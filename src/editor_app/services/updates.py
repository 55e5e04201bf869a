"""Reading IT's release manifest from the `[updates]` source, and fetching an installer with its
SHA-256 checked against it (`domain/updates.py` is the manifest itself).

The source is a folder (read as files) or an https:// address (read with urllib, a short
timeout, the certificate checked against the system's trust store; `EDITOR_APP_UPDATES_CAFILE`
names another CA file to trust *instead*, which is what the tests use for their own server).
Nothing here raises past `UpdateError` (the window logs it and says nothing: an update notice
is never an error for the user) or, for the installer, `UserError` (said to the user).
"""

from __future__ import annotations

import hashlib
import logging
import os
import ssl
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http.client import HTTPMessage
from pathlib import Path
from typing import IO
from urllib.parse import quote

from editor_app import __version__
from editor_app.domain.errors import UserError
from editor_app.domain.site_updates import is_url
from editor_app.domain.siteconfig import SiteConfig
from editor_app.domain.updates import (
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    Manifest,
    ManifestError,
    ReleaseFile,
    Version,
    installer_for,
    manifest_json,
    parse_manifest,
)
from editor_app.services.safe_read import UnreadableFile, read_regular

__all__ = [
    "CAFILE_ENV",
    "SourceReport",
    "Update",
    "UpdateError",
    "check_for_update",
    "fetch_installer",
    "read_manifest",
    "source_report",
    "write_manifest",
]

log = logging.getLogger(__name__)

CAFILE_ENV = "EDITOR_APP_UPDATES_CAFILE"
TIMEOUT_S = 5.0
DEADLINE_S = 15.0
_CHUNK = 1024 * 1024
#: A process may stop and be (re)opened; the installer is fetched into its own temporary folder.
Report = Callable[[int, int], None]


class UpdateError(Exception):
    """The source could not be read or its manifest is not usable (logged, never shown)."""


@dataclass(frozen=True)
class Update:
    """A newer release than this app's, at `source`; `installer`: what this PC would run."""

    source: str
    manifest: Manifest
    installer: ReleaseFile | None
    allow_install: bool

    @property
    def version(self) -> Version:
        return self.manifest.version


def _context(env: Mapping[str, str]) -> ssl.SSLContext:
    """A TLS context that checks the server: the system's CAs, or only the CA file named by
    `EDITOR_APP_UPDATES_CAFILE` when set. Verification is never turned off."""
    cafile = env.get(CAFILE_ENV, "").strip() or None
    return ssl.create_default_context(cafile=cafile)


class _HttpsRedirectsOnly(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another https:// address (never down to plain http)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not newurl.lower().startswith("https://"):
            raise urllib.error.HTTPError(
                newurl, code, f"chuyển hướng sang {newurl[:80]}, không phải https", headers, fp
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _join(source: str, name: str) -> str:
    return source.rstrip("/") + "/" + quote(name)


def _open(source: str, name: str, env: Mapping[str, str]) -> IO[bytes]:
    """The named file of the source, open for reading (UpdateError when it cannot be)."""
    where = _join(source, name) if is_url(source) else str(Path(source) / name)
    try:
        if not is_url(source):
            return open(where, "rb")  # the caller closes it
        request = urllib.request.Request(where, headers={"User-Agent": f"editor_app/{__version__}"})
        https = urllib.request.HTTPSHandler(context=_context(env))
        opener = urllib.request.build_opener(https, _HttpsRedirectsOnly())
        response: IO[bytes] = opener.open(request, timeout=TIMEOUT_S)
        return response
    except urllib.error.HTTPError as e:
        raise UpdateError(f"{where}: máy chủ trả lời {e.code} {e.reason}.") from None
    except urllib.error.URLError as e:
        raise UpdateError(f"{where}: không kết nối được ({e.reason}).") from None
    except (OSError, ValueError) as e:
        raise UpdateError(f"{where}: không đọc được ({e}).") from None


def read_manifest(source: str, env: Mapping[str, str] = os.environ) -> Manifest:
    """The release manifest at `source` (UpdateError says why it is not usable)."""
    if is_url(source):
        data = _download_manifest(source, env)
    else:
        try:  # a regular file only: a FIFO or a device there never blocks the check
            data = read_regular(Path(source) / MANIFEST_NAME, MAX_MANIFEST_BYTES)
        except UnreadableFile as e:
            raise UpdateError(str(e)) from None
    try:
        return parse_manifest(data)
    except ManifestError as e:
        raise UpdateError(f"{_join(source, MANIFEST_NAME)}: {e}") from None


def _download_manifest(source: str, env: Mapping[str, str]) -> bytes:
    """At most MAX_MANIFEST_BYTES + 1 bytes, within DEADLINE_S in all (a server sending a byte
    now and then does not hold the check for ever)."""
    deadline = time.monotonic() + DEADLINE_S
    chunks: list[bytes] = []
    total = 0
    with _open(source, MANIFEST_NAME, env) as stream:
        read = getattr(stream, "read1", stream.read)  # what has come, not a full buffer
        while total <= MAX_MANIFEST_BYTES:
            if time.monotonic() > deadline:
                raise UpdateError(
                    f"{source}: máy chủ gửi bản kê quá chậm (hơn {DEADLINE_S:g} giây)."
                )
            try:
                chunk = read(MAX_MANIFEST_BYTES + 1 - total)
            except (OSError, TimeoutError) as e:
                raise UpdateError(f"{source}: đọc bản kê bị ngắt ({e}).") from None
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    return b"".join(chunks)


def check_for_update(
    config: SiteConfig,
    current: str = __version__,
    *,
    platform: str = sys.platform,
    env: Mapping[str, str] = os.environ,
) -> Update | None:
    """A newer release at the site's [updates] source; None when there is no source, the
    release is this one or older, or the source cannot be used (then logged)."""
    source = config.updates_source.value
    if not source:
        return None
    try:
        manifest = read_manifest(source, env)
    except UpdateError as e:
        log.warning("update source not usable: %s", e)
        return None
    if manifest.version <= Version.parse(current):
        log.info("update source %s: %s, this is %s", source, manifest.version, current)
        return None
    log.info("update source %s: version %s is available", source, manifest.version)
    installer = installer_for(manifest, platform)
    return Update(source, manifest, installer, config.updates_allow_install.value)


@dataclass(frozen=True)
class SourceReport:
    """What `editor-app check` says of the [updates] source: the version found, or why not."""

    source: str
    version: str | None
    newer: bool
    problem: str | None

    def as_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "version": self.version,
            "newer": self.newer,
            "problem": self.problem,
        }


def source_report(
    config: SiteConfig, current: str = __version__, env: Mapping[str, str] = os.environ
) -> SourceReport | None:
    """The site's [updates] source read once (None: no source)."""
    source = config.updates_source.value
    if not source:
        return None
    try:
        manifest = read_manifest(source, env)
    except UpdateError as e:
        return SourceReport(source, None, False, str(e))
    newer = manifest.version > Version.parse(current)
    return SourceReport(source, str(manifest.version), newer, None)


def fetch_installer(
    update: Update,
    into: Path | None = None,
    *,
    report: Report | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    env: Mapping[str, str] = os.environ,
) -> Path | None:
    """The installer copied or downloaded into a new temporary folder (or `into`), its size
    and SHA-256 checked against the manifest; None when cancelled. A file that does not match
    is deleted and a UserError says so: nothing is run."""
    wanted = update.installer
    if wanted is None:
        raise UserError("Bản phát hành mới không có tệp cài đặt cho loại máy này: hãy báo IT.")
    try:
        if into is not None:
            into.mkdir(parents=True, exist_ok=True)
        folder = into if into is not None else Path(tempfile.mkdtemp(prefix="editor_app-update-"))
    except OSError as e:
        raise UserError(f"Không tạo được thư mục tạm để tải bản mới: {e.strerror or e}.") from None
    target = folder / wanted.name
    try:
        digest, size = _copy(update.source, wanted, target, report, cancelled, env)
    except (UpdateError, OSError) as e:
        target.unlink(missing_ok=True)
        log.warning("installer not fetched: %s", e)
        raise UserError(f"Không tải được tệp cài đặt {wanted.name}: {e}") from None
    if digest is None:
        target.unlink(missing_ok=True)
        return None
    if size != wanted.size or digest != wanted.sha256:
        target.unlink(missing_ok=True)
        log.warning("installer %s: sha256 %s, %d bytes; %s", wanted.name, digest, size, wanted)
        raise UserError(
            f"Tệp cài đặt {wanted.name} không khớp với bản kê của IT (mã SHA-256 hoặc kích "
            "thước khác): tệp có thể bị hỏng hoặc bị thay. Không chạy tệp này; hãy báo bộ "
            "phận IT."
        )
    return target


def _copy(
    source: str,
    wanted: ReleaseFile,
    target: Path,
    report: Report | None,
    cancelled: Callable[[], bool],
    env: Mapping[str, str],
) -> tuple[str | None, int]:
    """Copies the file, hashing it; reads at most one byte more than the manifest says."""
    sha = hashlib.sha256()
    size = 0
    with _open(source, wanted.name, env) as stream, open(target, "wb") as out:
        while size <= wanted.size:
            if cancelled():
                return None, size
            try:
                chunk = stream.read(min(_CHUNK, wanted.size + 1 - size))
            except (OSError, TimeoutError) as e:
                raise UpdateError(f"đọc bị ngắt ({e}).") from None
            if not chunk:
                break
            sha.update(chunk)
            out.write(chunk)
            size += len(chunk)
            if report is not None:
                report(size, wanted.size)
    return sha.hexdigest(), size


def write_manifest(folder: Path, version: str = __version__) -> tuple[Path, Manifest]:
    """Writes `editor-app-release.json` for every other file in `folder` (IT's release;
    hidden files left out). UserError: a version or a file name the app would refuse."""
    try:
        parsed = Version.parse(version)
    except ManifestError as e:
        raise UserError(f"--release-version: {e}") from None
    files = []
    for path in sorted(folder.iterdir()):
        if path.name == MANIFEST_NAME or path.name.startswith(".") or not path.is_file():
            continue
        with open(path, "rb") as stream:
            sha = hashlib.file_digest(stream, "sha256").hexdigest()
        files.append(ReleaseFile(path.name, path.stat().st_size, sha))
    text = manifest_json(parsed, files)
    try:
        manifest = parse_manifest(text.encode("utf-8"))
    except ManifestError as e:
        raise UserError(f"Không ghi được bản kê cho {folder}: {e}") from None
    out = folder / MANIFEST_NAME
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out)
    return out, manifest
