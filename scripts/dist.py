"""`make dist`: builds the app with PyInstaller, smoke-tests the result, then packs it.

    .venv/bin/python scripts/dist.py [--dist DIR] [--work DIR] [--no-pack]

1. `pyinstaller build_specs/editor_app.spec` → `<dist>/editor_app/` (one folder, windowed);
2. checks that the bundle holds what the app reads as files (translations, templates, the
   dictionary, the migrations) and runs the built binary with `--smoke` (offscreen, in a
   throw-away home); a failure stops here, before anything is packed;
3. Linux: `<dist>/editor_app-<version>-linux-x86_64.tar.gz` (the folder, the .desktop file,
   the icons, install.sh, a README) and, on Debian (dpkg-deb is there), the package
   `<dist>/editor-app_<version>-1_<arch>.deb`, checked with lintian (scripts/deb.py; an error
   stops the build); Windows: the installer, when Inno Setup's ISCC.exe is found
   (see build_specs/windows/README.md);
4. prints the sizes (for the README's "Building installers").
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build_specs" / "editor_app.spec"
LINUX = ROOT / "build_specs" / "linux"
WINDOWS = ROOT / "build_specs" / "windows"
NAME = "editor_app"

sys.path.insert(0, str(Path(__file__).resolve().parent))
import deb  # noqa: E402
from version import version  # noqa: E402

#: Files the app opens by path (relative to the bundle's data folder): a missing one is a build
#: error even before the smoke test.
REQUIRED = (
    "resources/translations/editor_app_vi.qm",
    "resources/translations/qtbase_vi.qm",
    "resources/templates/article.html.j2",
    "resources/css/article.css",
    "resources/favicon/favicon.ico",
    "resources/favicon/favicon.svg",
    "resources/favicon/apple-touch-icon.png",
    "resources/dictionaries/vi_VN.dic",
    "resources/dictionaries/vi_VN.aff",
    "resources/icons/editor_app.svg",
    "ui",
    "editor_app/store/migrations/env.py",
    "editor_app/store/migrations/versions/0001_initial.py",
)


def data_root(bundle: Path) -> Path:
    """Where PyInstaller ≥ 6 puts everything but the executables."""
    internal = bundle / "_internal"
    return internal if internal.is_dir() else bundle


def executable(bundle: Path, console: bool = True) -> Path:
    if sys.platform == "win32":
        return bundle / ("editor-app.exe" if console else "editor_app.exe")
    return bundle / NAME


def tree_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of a folder; links counted as links, not as what they point to."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_symlink() or path.is_file():
            total += path.lstat().st_size
            files += 1
    return total, files


def mb(size: int) -> str:
    return f"{size / 1_000_000:.0f} MB"


def build(dist: Path, work: Path) -> Path:
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    print("dist: " + " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)
    return dist / NAME


def check_contents(bundle: Path) -> None:
    root = data_root(bundle)
    missing = [p for p in REQUIRED if not (root / p).exists()]
    if not executable(bundle).is_file():
        missing.append(executable(bundle).name)
    if missing:
        raise SystemExit(f"dist: the bundle lacks {', '.join(missing)}")


def smoke(bundle: Path) -> None:
    """The built binary's `--smoke`, offscreen, with a home of its own (no trace left)."""
    with tempfile.TemporaryDirectory(prefix="editor_app-dist-smoke-") as home:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": home,
            "XDG_CONFIG_HOME": f"{home}/config",
            "XDG_DATA_HOME": f"{home}/data",
            "XDG_STATE_HOME": f"{home}/state",
            "XDG_CACHE_HOME": f"{home}/cache",
            "APPDATA": f"{home}/appdata",
            "LOCALAPPDATA": f"{home}/localappdata",
        }
        env.pop("EDITOR_APP_DATA_DIR", None)
        print(f"dist: {executable(bundle)} --smoke", flush=True)
        result = subprocess.run(
            [str(executable(bundle)), "--smoke"], env=env, timeout=600, check=False
        )
    if result.returncode != 0:
        raise SystemExit(f"dist: the smoke test of the bundle failed (exit {result.returncode})")


def pack_linux(bundle: Path, dist: Path) -> Path:
    machine = platform.machine().lower().replace("amd64", "x86_64")
    stem = f"{NAME}-{version()}-linux-{machine}"
    tarball = dist / f"{stem}.tar.gz"
    icons = ROOT / "resources" / "icons"
    extras: list[tuple[Path, str]] = [
        (LINUX / "editor_app.desktop", "editor_app.desktop"),
        (LINUX / "install.sh", "install.sh"),
        (LINUX / "README.txt", "README.txt"),
        (icons / "editor_app.svg", "icons/editor_app.svg"),
        *((png, f"icons/{png.name}") for png in sorted(icons.glob("editor_app-*.png"))),
    ]
    example = ROOT / "build_specs" / "site.example.toml"
    if example.is_file():
        extras.append((example, "site.example.toml"))

    def executable_bits(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    partial = tarball.with_suffix(".partial")
    print(f"dist: packing {tarball.name}", flush=True)
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, f"{stem}/{NAME}", filter=executable_bits)
        for src, name in extras:
            info = tar.gettarinfo(str(src), f"{stem}/{name}")
            info.mode = 0o755 if name == "install.sh" else 0o644
            executable_bits(info)
            with src.open("rb") as fh:
                tar.addfile(info, fh)
    partial.replace(tarball)
    return tarball


def pack_windows(bundle: Path, dist: Path) -> Path | None:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    default = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    candidate = default / "Inno Setup 6" / "ISCC.exe"
    if iscc is None and candidate.is_file():
        iscc = str(candidate)
    if iscc is None:
        print("dist: Inno Setup (ISCC.exe) not found: no installer made", flush=True)
        return None
    script = WINDOWS / "editor_app.iss"
    cmd = [iscc, f"/DAppVersion={version()}", f"/DBundleDir={bundle}", f"/O{dist}", str(script)]
    print("dist: " + " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)
    found = sorted(dist.glob(f"{NAME}-{version()}-setup*.exe"))
    return found[-1] if found else None


def debian_package(bundle: Path, dist: Path) -> None:
    if shutil.which("dpkg-deb") is None:
        print("dist: dpkg-deb not found (not a Debian system): no .deb made", flush=True)
        return
    started = time.perf_counter()
    package = deb.build_deb(bundle, dist)
    print(f"dist: {package}: {mb(package.stat().st_size)}", flush=True)
    deb.lintian(package)
    print(f"dist: .deb and lintian in {time.perf_counter() - started:.0f} s", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--no-pack", action="store_true", help="build and smoke-test only")
    parser.add_argument("--no-smoke", action="store_true", help="skip the smoke test")
    args = parser.parse_args(argv)
    dist: Path = args.dist.resolve()
    started = time.perf_counter()
    bundle = build(dist, args.work.resolve())
    check_contents(bundle)
    if not args.no_smoke:
        smoke(bundle)
    size, files = tree_size(bundle)
    print(f"dist: {bundle}: {mb(size)} in {files} files")
    if not args.no_pack:
        pack = pack_windows if sys.platform == "win32" else pack_linux
        package = pack(bundle, dist)
        if package is not None:
            print(f"dist: {package}: {mb(package.stat().st_size)}")
        if sys.platform.startswith("linux"):
            debian_package(bundle, dist)
    print(f"dist: done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
