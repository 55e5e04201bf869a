"""IT's release, as the update notice's tests publish it: a folder with installers and the
manifest (written by the app's own `write_manifest`), served from that folder or by a real
HTTPS server on 127.0.0.1 whose certificate is made here, self-signed, and trusted only through
the CA file the tests hand the app (`EDITOR_APP_UPDATES_CAFILE`)."""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import ipaddress
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from editor_app.services.updates import write_manifest

INSTALLER = "editor_app-{version}-setup.exe"
DEB = "editor-app_{version}_amd64.deb"


def publish_release(folder: Path, version: str, payload: bytes = b"") -> Path:
    """A release folder: a Windows installer and a .deb (contents that differ by version),
    and the manifest of both; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    body = payload or (f"installer of {version}\n".encode() * 5000)
    (folder / INSTALLER.format(version=version)).write_bytes(body)
    (folder / DEB.format(version=version)).write_bytes(b"!<arch>\n" + body)
    write_manifest(folder, version)
    return folder


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Tls:
    cert: Path  # also the CA file the client trusts
    key: Path


def self_signed(folder: Path) -> Tls:
    """A certificate for 127.0.0.1 and localhost, its own issuer (a CA for the test only)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "editor_app test release server")])
    now = datetime.datetime.now(datetime.UTC)
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / "server.pem", folder / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return Tls(cert_path, key_path)


class _Quiet(SimpleHTTPRequestHandler):
    redirect: str | None = None  # every request sent on there (a moved release)

    def log_message(self, format: str, *args: Any) -> None:
        """No request lines on the test's stderr."""

    def do_GET(self) -> None:
        if self.redirect is None:
            super().do_GET()
            return
        self.send_response(301)
        self.send_header("Location", self.redirect + self.path)
        self.send_header("Content-Length", "0")
        self.end_headers()


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up (a refused certificate, a fetch stopped) is not news."""


@contextlib.contextmanager
def https_server(folder: Path, tls: Tls, redirect: str | None = None) -> Iterator[str]:
    """Serves `folder` over HTTPS on 127.0.0.1 (a free port) in a thread; yields its address
    (https://127.0.0.1:PORT). `redirect`: every request is answered 301 to there + its path."""
    handler = type("Handler", (_Quiet,), {"redirect": redirect})
    server = _Server(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tls.cert, tls.key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
