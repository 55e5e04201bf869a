"""The Debian package of the one-folder app: `make dist` (scripts/dist.py) calls it after the
tarball; it can also repack an existing folder, with another version, without PyInstaller.

    .venv/bin/python scripts/deb.py BUNDLE [--dist DIR] [--version 0.1.0-1] [--site-file F]
                                         [--no-lintian]

What the package holds (build_specs/linux/README.deb.md explains each choice and lintian's
findings):
- /opt/editor_app/            the PyInstaller folder, as built;
- /usr/bin/editor-app         a link to /opt/editor_app/editor_app;
- /usr/share/applications/editor-app.desktop and the icons in /usr/share/icons/hicolor/;
- /etc/editor_app/site.toml   the site configuration, a conffile: installed empty
                              (build_specs/linux/site.toml), never overwritten by an upgrade,
                              kept by `apt-get remove`, deleted by `apt-get purge`;
- /usr/share/doc/editor-app/  copyright, changelog.Debian.gz, examples/site.example.toml;
- /usr/share/lintian/overrides/editor-app   what lintian reports that cannot be otherwise.
Depends: the Debian packages owning the libraries the bundle links and does not carry (read
from the ELF files' NEEDED entries, found with dpkg -S on the build machine), plus fonts.
The package is checked with lintian: an error fails the build (exit 1).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from email.utils import formatdate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "build_specs" / "linux"
PACKAGE = "editor-app"
APP_DIR = "opt/editor_app"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from version import version  # noqa: E402

#: Dependencies the ELF files cannot show (PyInstaller bundles the libraries, not the data they
#: read from the system): fontconfig's configuration (/etc/fonts, through libfontconfig1), the
#: keyboard maps xkbcommon reads (xkb-data, through libxkbcommon-x11-0), the OpenGL/EGL vendor
#: libraries Qt opens (libegl1 and libgl1 bring Mesa's), and fonts with Vietnamese glyphs.
EXTRA_DEPENDS = (
    "libfontconfig1",
    "libxkbcommon-x11-0",
    "libegl1",
    "libgl1",
    "fonts-dejavu-core | fonts-noto-core",
)
DESCRIPTION = """\
Description: newsroom desk: draft, review and publish news articles
 Bàn biên tập (editor_app) is the desktop application of a Vietnamese
 provincial newsroom: reporters draft articles with their photos, editors
 review and correct them, and the desk publishes them to the outlet's web
 site. It works on its own SQLite database and syncs with the newsroom's
 PostgreSQL server.
 .
 The package installs the self-contained application folder (Python, Qt and
 its web engine, the photo libraries and the Vietnamese spelling dictionary)
 in /opt/editor_app, the editor-app command and a menu entry. The site
 configuration IT sets for every user of the PC is /etc/editor_app/site.toml.
"""


def debian_version(python_version: str) -> str:
    """0.1.0 → 0.1.0-1; a pre-release sorts before its release: 0.2.0rc1 → 0.2.0~rc1-1."""
    upstream = re.sub(r"(\d)\.?(a|b|rc|dev)(\d*)", r"\1~\2\3", python_version)
    return f"{upstream}-1"


def architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def is_elf(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == b"\x7fELF"


def needed_libraries(bundle: Path) -> set[str]:
    """Sonames the bundle's ELF files need that the bundle does not carry."""
    present = {p.name for p in bundle.rglob("*")}
    elves = [str(p) for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    needed: set[str] = set()
    for start in range(0, len(elves), 200):
        out = subprocess.run(
            ["objdump", "-p", *elves[start : start + 200]],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        needed.update(re.findall(r"^\s*NEEDED\s+(\S+)$", out, re.M))
    return {n for n in needed if n not in present}


def owning_packages(sonames: set[str]) -> list[str]:
    """The Debian package of each library (dpkg -S on the build machine)."""
    result = subprocess.run(
        ["dpkg", "-S", *(f"*/{name}" for name in sorted(sonames))],
        capture_output=True,
        text=True,
    )
    owners: dict[str, str] = {}
    for line in result.stdout.splitlines():
        packages, _, path = line.partition(": ")
        name = Path(path).name
        if name in sonames and name not in owners:
            owners[name] = packages.split(",")[0].strip().split(":")[0]
    missing = sorted(sonames - owners.keys())
    if missing:
        raise SystemExit(f"deb: no installed Debian package has {', '.join(missing)}")
    return sorted(set(owners.values()))


def depends(bundle: Path) -> str:
    found = owning_packages(needed_libraries(bundle))
    return ", ".join([*found, *(d for d in EXTRA_DEPENDS if d not in found)])


def link_tree(src: Path, dst: Path) -> None:
    """The bundle into the package tree as hard links (no copy of half a gigabyte). Shared
    objects, which PyInstaller leaves executable, are copied and made 0644 (Debian policy 8.1;
    the bundle itself is left as it is)."""

    def link_or_copy(source: str, target: str) -> None:
        if ".so" in Path(source).name and os.stat(source).st_mode & 0o111:
            shutil.copyfile(source, target)
            os.chmod(target, 0o644)
            return
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)

    shutil.copytree(src, dst, symlinks=True, copy_function=link_or_copy)


def install_file(src: Path, dst: Path, mode: int = 0o644) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    dst.chmod(mode)


def write_text(dst: Path, text: str, mode: int = 0o644) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(text, encoding="utf-8")
    dst.chmod(mode)


def changelog(package_version: str) -> bytes:
    text = (
        f"{PACKAGE} ({package_version}) unstable; urgency=medium\n\n"
        f"  * editor_app {version()}, packaged from the PyInstaller build (scripts/deb.py).\n"
        "    Changes: the project's history.\n\n"
        f" -- {maintainer()}  {formatdate(usegmt=False, localtime=False)}\n"
    )
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def maintainer() -> str:
    name = os.environ.get("DEBFULLNAME", "editor_app packaging")
    mail = os.environ.get("DEBEMAIL", "packaging@editor-app.example")
    return f"{name} <{mail}>"


def control(package_version: str, arch: str, deps: str, size_kib: int) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {package_version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {maintainer()}\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {deps}\n"
        "Section: editors\n"
        "Priority: optional\n"
        "Homepage: https://editor-app.example/\n"
        f"{DESCRIPTION}"
    )


POSTRM = """\
#!/bin/sh
# editor-app: on purge only, the site configuration folder goes (dpkg has already deleted the
# conffile site.toml; IT's other files there go with it). Remove and upgrade leave it.
# Users' data (~/.local/share/editor_app) is never touched.
set -e
if [ "$1" = "purge" ]; then
    rm -rf /etc/editor_app
fi
"""


def stage_files(bundle: Path, root: Path, site_file: Path) -> None:
    link_tree(bundle, root / APP_DIR)
    (root / "usr/bin").mkdir(parents=True)
    (root / "usr/bin/editor-app").symlink_to(f"/{APP_DIR}/editor_app")
    share = root / "usr/share"
    install_file(LINUX / "editor_app.desktop", share / "applications/editor-app.desktop")
    icons = ROOT / "resources/icons"
    for png in sorted(icons.glob("editor_app-*.png")):
        size = png.stem.rsplit("-", 1)[1]
        install_file(png, share / f"icons/hicolor/{size}x{size}/apps/editor_app.png")
    install_file(icons / "editor_app.svg", share / "icons/hicolor/scalable/apps/editor_app.svg")
    install_file(site_file, root / "etc/editor_app/site.toml")
    doc = share / "doc" / PACKAGE
    install_file(LINUX / "copyright", doc / "copyright")
    example = ROOT / "build_specs/site.example.toml"
    install_file(example, doc / "examples/site.example.toml")
    install_file(LINUX / "editor-app.lintian-overrides", share / "lintian/overrides" / PACKAGE)
    man = share / "man/man1/editor-app.1.gz"
    man.parent.mkdir(parents=True)
    page = (LINUX / "editor-app.1").read_bytes()
    man.write_bytes(gzip.compress(page, compresslevel=9, mtime=0))
    man.chmod(0o644)


def md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("DEBIAN") or path.is_symlink() or not path.is_file():
            continue
        digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
        lines.append(f"{digest}  {rel}\n")
    return "".join(lines)


def stage_control(root: Path, package_version: str, deps: str) -> None:
    doc = root / "usr/share/doc" / PACKAGE
    (doc / "changelog.Debian.gz").write_bytes(changelog(package_version))
    (doc / "changelog.Debian.gz").chmod(0o644)
    size = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir())
    debian = root / "DEBIAN"
    write_text(debian / "control", control(package_version, architecture(), deps, size // 1024))
    write_text(debian / "conffiles", "/etc/editor_app/site.toml\n")
    write_text(debian / "postrm", POSTRM, 0o755)
    write_text(debian / "md5sums", md5sums(root))
    for folder in [root, *(p for p in root.rglob("*") if p.is_dir() and not p.is_symlink())]:
        folder.chmod(0o755)


def build_deb(
    bundle: Path,
    dist: Path,
    package_version: str | None = None,
    site_file: Path = LINUX / "site.toml",
    deps: str | None = None,
) -> Path:
    """Packs BUNDLE into DIST/editor-app_<version>_<arch>.deb; returns its path."""
    package_version = package_version or debian_version(version())
    deps = deps or depends(bundle)
    root = dist / f"{PACKAGE}-deb-root"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    try:
        stage_files(bundle, root, site_file)
        stage_control(root, package_version, deps)
        out = dist / f"{PACKAGE}_{package_version}_{architecture()}.deb"
        print(f"deb: dpkg-deb --build {out.name}", flush=True)
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(root), str(out)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return out


def lintian(deb: Path) -> None:
    """lintian's findings printed; an error (not overridden) stops the build."""
    if shutil.which("lintian") is None:
        raise SystemExit("deb: lintian is not installed (scripts/system-deps.sh installs it)")
    print(f"deb: lintian {deb.name}", flush=True)
    result = subprocess.run(
        ["lintian", "--fail-on", "error", "--display-info", str(deb)],
        capture_output=True,
        text=True,
    )
    for line in result.stdout.splitlines():
        print(f"deb: lintian: {line}", flush=True)
    if result.returncode != 0:
        raise SystemExit(f"deb: lintian found errors in {deb.name}\n{result.stderr}")
    print("deb: lintian: no errors", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the PyInstaller folder (dist/editor_app)")
    parser.add_argument("--dist", type=Path, help="output folder (default: the bundle's)")
    parser.add_argument("--version", help="the package's version (default: the app's, -1)")
    parser.add_argument("--site-file", type=Path, default=LINUX / "site.toml")
    parser.add_argument("--no-lintian", action="store_true")
    args = parser.parse_args(argv)
    bundle: Path = args.bundle.resolve()
    started = time.perf_counter()
    deb = build_deb(bundle, (args.dist or bundle.parent).resolve(), args.version, args.site_file)
    print(f"deb: {deb}: {deb.stat().st_size / 1e6:.0f} MB in {time.perf_counter() - started:.0f} s")
    if not args.no_lintian:
        started = time.perf_counter()
        lintian(deb)
        print(f"deb: lintian took {time.perf_counter() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
