"""The web server over SFTP (paramiko, no ssh program): the site's folder on the server as an
upload target (`publish/targets.py`).

The server's host key must be in the known_hosts file IT gives (`[publish] known_hosts`): a
server that is not in it, or whose key differs, is refused before anything is sent (never taken
on trust, never added). The login is by key only (`key_file`, no passphrase, no agent, no
password). Every file goes up under a temporary name in its folder, gets 0644, and is renamed
over the old one with OpenSSH's `posix-rename@openssh.com` (atomic on the server: the web
server never serves half a page); folders are made 0755. Every failure is an `UploadFailed`
in Vietnamese; one that means the connection is gone says so (`connection_lost`).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import socket
import stat
from dataclasses import dataclass
from pathlib import Path

import paramiko

from editor_app.domain.text import format_number
from editor_app.publish.targets import FILE_MODE, FOLDER_MODE, UploadFailed, Written

__all__ = ["SftpSettings", "SftpTarget", "connect"]

# paramiko logs a dropped connection at ERROR: to the app's log when it has one, never printed
# by Python's last-resort handler under the command's one-line message.
logging.getLogger("paramiko").addHandler(logging.NullHandler())

#: Seconds to reach the server, and to wait for it on an open connection before giving up.
TIMEOUT = 20.0
_KEEPALIVE = 15


@dataclass(frozen=True)
class SftpSettings:
    host: str
    port: int
    user: str
    key_file: Path
    remote_path: str
    known_hosts: Path

    @property
    def label(self) -> str:
        return f"sftp://{self.user}@{self.host}:{self.port}{self.remote_path}"


def _load_key(path: Path) -> paramiko.PKey:
    try:
        return paramiko.PKey.from_path(path)
    except FileNotFoundError:
        raise UploadFailed(f"Không có tệp khóa {path} ([publish] key_file).") from None
    except PermissionError:
        raise UploadFailed(f"Không đọc được tệp khóa {path}: không có quyền đọc.") from None
    except (paramiko.PasswordRequiredException, TypeError):  # TypeError: cryptography's word
        raise UploadFailed(
            f"Tệp khóa {path} có mật khẩu: ứng dụng cần một khóa không mật khẩu, chỉ để trên "
            "máy xuất bản."
        ) from None
    except (paramiko.SSHException, ValueError, OSError) as e:
        raise UploadFailed(f"Tệp khóa {path} không phải khóa SSH đọc được ({e}).") from None


def _known_hosts(settings: SftpSettings) -> paramiko.HostKeys:
    path = settings.known_hosts
    try:
        keys = paramiko.HostKeys(str(path))
    except FileNotFoundError:
        raise UploadFailed(f"Không có tệp known_hosts {path} ([publish] known_hosts).") from None
    except (OSError, paramiko.SSHException, ValueError) as e:
        raise UploadFailed(f"Không đọc được tệp known_hosts {path} ({e}).") from None
    name = settings.host if settings.port == 22 else f"[{settings.host}]:{settings.port}"
    if not keys.lookup(name):
        raise UploadFailed(
            f"Máy chủ {name} không có trong tệp known_hosts {path}: không kết nối tới một máy "
            "chủ chưa biết. Nhờ IT thêm khóa của máy chủ (ssh-keyscan, rồi so dấu vân tay với "
            "máy chủ)."
        )
    return keys


def connect(settings: SftpSettings) -> SftpTarget:
    """Connects, checks the server's key and logs in; `UploadFailed` with the reason."""
    pkey = _load_key(settings.key_file)
    _known_hosts(settings)
    client = paramiko.SSHClient()
    client.load_system_host_keys(str(settings.known_hosts))  # checked, never saved back
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    where = f"{settings.host}:{settings.port}"
    try:
        # Nagle's algorithm off: with it, each file's last small requests wait for the server's
        # delayed acknowledgement (measured: 18 ms a file on 127.0.0.1).
        address = (settings.host.strip("[]"), settings.port)  # an IPv6 address in brackets
        sock = socket.create_connection(address, timeout=TIMEOUT)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        client.connect(
            settings.host,
            settings.port,
            sock=sock,
            username=settings.user,
            pkey=pkey,
            allow_agent=False,
            look_for_keys=False,
            timeout=TIMEOUT,
            banner_timeout=TIMEOUT,
            auth_timeout=TIMEOUT,
            channel_timeout=TIMEOUT,
        )
        transport = client.get_transport()
        assert transport is not None
        transport.set_keepalive(_KEEPALIVE)
        sftp = client.open_sftp()
        channel = sftp.get_channel()
        if channel is not None:
            channel.settimeout(TIMEOUT)
    except paramiko.BadHostKeyException as e:
        client.close()
        raise UploadFailed(
            f"Khóa của máy chủ {where} KHÁC với khóa trong {settings.known_hosts} (dấu vân tay "
            f"nhận được {e.key.fingerprint}): có thể máy chủ đã được cài lại, hoặc có kẻ chen "
            "giữa đường. Không tải lên. Nhờ IT kiểm tra máy chủ rồi cập nhật known_hosts."
        ) from None
    except paramiko.AuthenticationException:
        client.close()
        raise UploadFailed(
            f"Máy chủ {where} từ chối khóa {settings.key_file} của người dùng {settings.user}: "
            "khóa công khai tương ứng chưa có trong authorized_keys của người dùng đó trên máy "
            "chủ, hoặc sai tên đăng nhập."
        ) from None
    except (paramiko.SSHException, OSError, EOFError) as e:
        client.close()
        raise _network_failure(e, where) from None
    return SftpTarget(settings, client, sftp)


def _network_failure(e: BaseException, where: str) -> UploadFailed:
    if isinstance(e, socket.gaierror):
        reason = "không tìm thấy tên máy chủ (kiểm tra [publish] host và mạng)"
    elif isinstance(e, ConnectionRefusedError | paramiko.ssh_exception.NoValidConnectionsError):
        reason = "máy chủ từ chối kết nối (sai cổng, hoặc dịch vụ SSH không chạy)"
    elif isinstance(e, TimeoutError | socket.timeout):
        reason = "máy chủ không trả lời (mạng chậm hoặc bị chặn)"
    else:
        reason = f"mất kết nối hoặc máy chủ không nói giao thức SSH ({e or type(e).__name__})"
    return UploadFailed(f"Không kết nối được tới máy chủ {where}: {reason}.", connection_lost=True)


class SftpTarget:
    """The site's folder on a server, through one SFTP session."""

    def __init__(
        self, settings: SftpSettings, client: paramiko.SSHClient, sftp: paramiko.SFTPClient
    ) -> None:
        self.settings = settings
        self.label = settings.label
        self._client = client
        self._sftp = sftp
        self._folders: set[str] = set()  # folders known to exist on the server

    def _path(self, path: str) -> str:
        root = self.settings.remote_path.rstrip("/")
        return f"{root}/{path}" if path else (root or "/")

    def _failure(self, e: BaseException, what: str) -> UploadFailed:
        """An SFTP error (the server's status) or a lost connection, said as such."""
        transport = self._client.get_transport()
        alive = transport is not None and transport.is_active()
        if not alive or isinstance(e, EOFError | socket.timeout | paramiko.SSHException):
            where = f"{self.settings.host}:{self.settings.port}"
            return UploadFailed(
                f"Mất kết nối với máy chủ {where} khi {what}.", connection_lost=True
            )
        code = e.errno if isinstance(e, OSError) else None
        if code == errno.EACCES:
            reason = "máy chủ từ chối: người dùng không có quyền ghi ở đó"
        elif code == errno.ENOENT:
            reason = "không có thư mục đó trên máy chủ"
        else:
            reason = (
                f"máy chủ báo lỗi ({e}): thường là đĩa của máy chủ đã đầy hoặc hết hạn mức "
                "(quota); nhờ IT kiểm tra"
            )
        return UploadFailed(f"Không thể {what}: {reason}.")

    def read(self, path: str) -> bytes | None:
        remote = self._path(path)
        try:
            with self._sftp.open(remote, "rb") as f:
                return f.read()
        except FileNotFoundError:
            return None
        except (OSError, EOFError, paramiko.SSHException) as e:
            raise self._failure(e, f"đọc {remote}") from None

    def _folder(self, remote_file: str) -> None:
        """Makes the folders above `remote_file` that are missing (0755)."""
        parent = remote_file.rpartition("/")[0]
        missing: list[str] = []
        while parent and parent not in self._folders:
            try:
                attrs = self._sftp.stat(parent)
            except FileNotFoundError:
                missing.append(parent)
                parent = parent.rpartition("/")[0]
                continue
            if attrs.st_mode is not None and not stat.S_ISDIR(attrs.st_mode):
                raise UploadFailed(f"Không thể tạo thư mục {parent}: đã có một tệp cùng tên.")
            break
        for folder in reversed(missing):
            self._sftp.mkdir(folder, FOLDER_MODE)
            self._sftp.chmod(folder, FOLDER_MODE)  # whatever the server's umask
            self._folders.add(folder)
        self._folders.add(remote_file.rpartition("/")[0])

    def _finish(self, part: str, final: str, size: int) -> None:
        attrs = self._sftp.stat(part)
        if attrs.st_size != size:
            # OpenSSH's sftp-server answers a short write (a full disk) with no error to a
            # pipelined upload: the size says it.
            raise UploadFailed(
                f"Không thể ghi {final}: máy chủ chỉ ghi được {format_number(attrs.st_size or 0)}"
                f" trong {format_number(size)} byte, thường là vì đĩa của máy chủ đã đầy hoặc "
                "hết hạn mức (quota); nhờ IT kiểm tra."
            )
        self._sftp.chmod(part, FILE_MODE)
        self._sftp.posix_rename(part, final)

    def _put(self, final: str, part: str, write: Written | None, source: Path | bytes) -> None:
        try:
            self._folder(final)
            try:
                if isinstance(source, bytes):
                    with self._sftp.open(part, "wb") as f:
                        f.write(source)
                    size = len(source)
                else:
                    with open(source, "rb") as local:
                        size = source.stat().st_size
                        self._sftp.putfo(local, part, size, lambda n, _t: _call(write, n), False)
                self._finish(part, final, size)
            except BaseException:
                self._discard(part)
                raise
        except (OSError, EOFError, paramiko.SSHException) as e:
            raise self._failure(e, f"ghi {final}") from None

    def _discard(self, part: str) -> None:
        """Removes a temporary copy after a failure, when the server is still there (else the
        next upload does)."""
        transport = self._client.get_transport()
        if transport is not None and transport.is_active():
            with contextlib.suppress(OSError, EOFError, paramiko.SSHException):
                self._sftp.remove(part)

    def put_file(self, local: Path, path: str, temp: str, written: Written) -> None:
        self._put(self._path(path), self._path(temp), written, local)

    def put_bytes(self, data: bytes, path: str, temp: str) -> None:
        self._put(self._path(path), self._path(temp), None, data)

    def create(self, path: str, data: bytes) -> bool:
        remote = self._path(path)
        try:
            self._folder(remote)
            with self._sftp.open(remote, "wx") as f:
                f.write(data)
            self._sftp.chmod(remote, FILE_MODE)
        except OSError as e:
            if self._exists(remote):
                return False  # SFTP says only "Failure" when the file is there
            raise self._failure(e, f"ghi {remote}") from None
        except (EOFError, paramiko.SSHException) as e:
            raise self._failure(e, f"ghi {remote}") from None
        return True

    def _exists(self, remote: str) -> bool:
        try:
            self._sftp.stat(remote)
        except (OSError, EOFError, paramiko.SSHException):
            return False
        return True

    def remove(self, path: str) -> bool:
        remote = self._path(path)
        try:
            self._sftp.remove(remote)
        except FileNotFoundError:
            return False
        except (OSError, EOFError, paramiko.SSHException) as e:
            raise self._failure(e, f"xóa {remote}") from None
        return True

    def prune(self, folder: str) -> None:
        while folder:
            remote = self._path(folder)
            try:
                self._sftp.rmdir(remote)
            except OSError:
                return  # not empty, or not there
            except (EOFError, paramiko.SSHException) as e:
                raise self._failure(e, f"xóa thư mục {remote}") from None
            self._folders.discard(remote)
            folder = folder.rpartition("/")[0]

    def names(self, folder: str) -> list[str]:
        remote = self._path(folder)
        try:
            return sorted(self._sftp.listdir(remote))
        except FileNotFoundError:
            return []
        except (OSError, EOFError, paramiko.SSHException) as e:
            raise self._failure(e, f"đọc thư mục {remote}") from None

    def close(self) -> None:
        self._client.close()


def _call(write: Written | None, n: int) -> None:
    if write is not None:
        write(n)
