"""The installable app: `make dist` builds it (PyInstaller, one folder), the built binary passes
its own smoke test (import, preview in the web engine, export through spawned workers, the
bundled dictionary) with nothing from the source tree, and the Linux tarball installs per user
and uninstalls leaving users' data. Plus what the bundle leaves out, and the installer scripts.

The build takes one to two minutes; it is made once for this module, in a temporary folder
(several people may run the suite in one checkout: `dist/` is theirs).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from editor_app import __version__

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "build_specs"
DICTIONARY = Path("/usr/share/hunspell/vi_VN.dic")
SAMPLE_NAMES = ("giao-ban-ly-luan", "IMG_20230412", "20230412_100410", "officials.csv")
STEPS = (
    "resources",
    "data folder",
    "import",
    "preview",
    "web view",
    "process pool",
    "export",
    "spelling",
    "translations",
    "window code",
)
#: Qt modules editor_app does not use: none of their libraries may be in the bundle.
UNUSED_QT = (
    "3D",
    "Quick3D",
    "Charts",
    "DataVisualization",
    "Multimedia",
    "Bluetooth",
    "Sensors",
    "SerialPort",
    "Pdf",
    "Designer",
    "VirtualKeyboard",
    "Location",
    "Graphs",
)
#: The onedir was 464 MB when measured (README); a bundle much bigger lost its trimming.
MAX_BUNDLE_BYTES = 560_000_000
#: Whichever test first uses `built` waits for `make dist` (PyInstaller, the tarball, the .deb
#: and lintian: about 6 minutes on 2 busy cores), beyond the suite's 900 s per test.
BUILD_TIMEOUT = 2400


def load_trim() -> ModuleType:
    spec = importlib.util.spec_from_file_location("trim", SPECS / "trim.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def private_env(home: Path) -> dict[str, str]:
    """The environment of a staff PC's first run: its own home, no display, nothing set for
    the web engine (the app turns its sandbox off by itself when run as root, as CI does)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("QTWEBENGINE_", "EDITOR_APP_", "XDG_", "PYTHON"))
        and k not in {"DISPLAY", "WAYLAND_DISPLAY", "VIRTUAL_ENV"}
    }
    env.update(
        HOME=str(home),
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        XDG_CACHE_HOME=str(home / ".cache"),
        PATH="/usr/bin:/bin",  # not the project's virtualenv
    )
    return env


@dataclass
class Built:
    dist: Path
    bundle: Path
    tarball: Path
    log: str

    @property
    def internal(self) -> Path:
        return self.bundle / "_internal"

    @property
    def binary(self) -> Path:
        return self.bundle / "editor_app"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    if not sys.platform.startswith("linux"):
        pytest.skip("the Linux build; Windows is built by hand (build_specs/windows/README.md)")
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install -e .[test])")
    if not DICTIONARY.is_file():
        pytest.skip(
            f"{DICTIONARY} is missing: apt-get install hunspell-vi (scripts/system-deps.sh)"
        )
    top = tmp_path_factory.mktemp("dist")
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(top / "pyinstaller-cache")}
    command = [sys.executable, str(ROOT / "scripts" / "dist.py")]
    result = subprocess.run(
        [*command, "--dist", str(top / "dist"), "--work", str(top / "work")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=2200,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-6000:]
    dist = top / "dist"
    yield Built(
        dist=dist,
        bundle=dist / "editor_app",
        tarball=dist / f"editor_app-{__version__}-linux-x86_64.tar.gz",
        log=log,
    )
    shutil.rmtree(top, ignore_errors=True)  # half a gigabyte


@pytest.mark.slow
@pytest.mark.timeout(BUILD_TIMEOUT)
def test_make_dist_smoke_tests_the_bundle_and_reports_its_size(built: Built) -> None:
    assert "smoke: ok" in built.log
    assert re.search(r"dist: .*editor_app: \d+ MB in \d+ files", built.log)
    assert re.search(r"dist: .*\.tar\.gz: \d+ MB", built.log)
    assert built.tarball.is_file()


@pytest.mark.slow
@pytest.mark.timeout(BUILD_TIMEOUT)
def test_bundle_holds_what_the_app_reads_as_files(built: Built) -> None:
    root = built.internal
    for needed in (
        "resources/translations/editor_app_vi.qm",
        "resources/templates/article.html.j2",
        "resources/templates/base.html.j2",
        "resources/css/article.css",
        "resources/icons/editor_app.svg",
        "resources/dictionaries/vi_VN.dic",
        "resources/dictionaries/vi_VN.aff",
        "resources/dictionaries/dictionary-NOTICE.txt",
        "ui/main_window.ui",
        "editor_app/store/migrations/env.py",
        "editor_app/store/migrations/versions/0001_initial.py",
        "PySide6/Qt/libexec/QtWebEngineProcess",
        "PySide6/Qt/resources/qtwebengine_resources.pak",
        "PySide6/Qt/translations/qtwebengine_locales/vi.pak",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    ):
        assert (root / needed).exists(), needed
    # The dictionary is the system's, copied unchanged (never committed to the repository).
    assert (root / "resources/dictionaries/vi_VN.dic").read_bytes() == DICTIONARY.read_bytes()
    if (SPECS / "site.example.toml").is_file():
        assert (root / "site.example.toml").is_file()
    names = [p.relative_to(built.bundle).as_posix() for p in built.bundle.rglob("*")]
    assert not [n for n in names if n.endswith(".ts")]
    assert not [n for n in names if any(s in n for s in SAMPLE_NAMES)], "sample material shipped"


@pytest.mark.slow
@pytest.mark.timeout(BUILD_TIMEOUT)
def test_bundle_is_lean(built: Built) -> None:
    qt = built.internal / "PySide6" / "Qt"
    assert not (qt / "qml").exists()
    libraries = {p.name for p in built.internal.rglob("libQt6*")}
    assert "libQt6WebEngineCore.so.6" in libraries
    for unused in UNUSED_QT:
        assert not [n for n in libraries if n.startswith(f"libQt6{unused}")], unused
    locales = {p.name for p in (qt / "translations" / "qtwebengine_locales").iterdir()}
    assert locales == {"vi.pak", "en-US.pak"}
    size = sum(p.lstat().st_size for p in built.bundle.rglob("*") if not p.is_dir())
    assert size < MAX_BUNDLE_BYTES, f"{size / 1e6:.0f} MB"


@pytest.mark.slow
@pytest.mark.timeout(BUILD_TIMEOUT)
def test_every_qt_library_the_bundle_links_is_in_it(built: Built) -> None:
    """Trimming computed what stays from the import tables: check them independently."""
    objdump = shutil.which("objdump")
    if objdump is None:
        pytest.skip("objdump (binutils) is not installed")
    present = {p.name for p in built.internal.rglob("*")}
    files = [
        p
        for p in built.internal.rglob("*")
        if p.is_file()
        and not p.is_symlink()
        and (".so" in p.name or p.name == "QtWebEngineProcess")
    ]
    missing: dict[str, set[str]] = {}
    for path in files:
        out = subprocess.run([objdump, "-p", str(path)], capture_output=True, text=True).stdout
        for needed in re.findall(r"^\s*NEEDED\s+(\S+)$", out, re.M):
            if needed.startswith(("libQt6", "libicu", "libpyside6", "libshiboken6")) and (
                needed not in present
            ):
                missing.setdefault(needed, set()).add(path.name)
    assert not missing


@pytest.fixture(params=["built-in article", "sample article"])
def smoke_article(request: pytest.FixtureRequest) -> Path | None:
    if request.param == "built-in article":
        return None
    sample: Path = request.getfixturevalue("sample_article")
    return sample.parent


@pytest.mark.slow
@pytest.mark.timeout(BUILD_TIMEOUT)
def test_built_binary_passes_its_smoke_test(
    built: Built, smoke_article: Path | None, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    args = [str(built.binary), "--smoke"]
    if smoke_article is not None:
        args.append(str(smoke_article))
    result = subprocess.run(
        [*args, "--data-dir", str(data)],
        env=private_env(tmp_path / "home"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    lines = result.stdout.splitlines()
    assert "frozen" in lines[0]
    for step in STEPS:
        assert any(re.match(rf"ok\s+{step}\s", line) for line in lines), step
    spelling = next(line for line in lines if line.startswith("ok     spelling"))
    assert "(bundled)" in spelling and str(built.internal) in spelling
    pages = list((data / "smoke-export").glob("*/index.html"))
    assert len(pages) == 1
    html = pages[0].read_text(encoding="utf-8")
    if smoke_article is None:
        assert "Xã vùng cao khánh thành nhà văn hóa mới" in html
        assert "2 photos (HEIF, JPEG)" in result.stdout  # pillow-heif works in the bundle
    else:
        assert "Ban Tuyên giáo Tỉnh ủy giao ban công tác giáo dục lý luận chính trị" in html
        assert "4 photos shown" in result.stdout
    assert (data / "editor_app.db").is_file()


@pytest.mark.slow
@pytest.mark.timeout(BUILD_TIMEOUT)
def test_broken_bundle_fails_the_smoke_test_naming_the_step(built: Built, tmp_path: Path) -> None:
    copy = tmp_path / "editor_app"
    shutil.copytree(built.bundle, copy, symlinks=True, copy_function=os.link)  # no copying
    (copy / "_internal/resources/templates/article.html.j2").unlink()
    result = subprocess.run(
        [str(copy / "editor_app"), "--smoke"],
        env=private_env(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "FAILED resources" in result.stdout


@pytest.mark.slow
@pytest.mark.timeout(BUILD_TIMEOUT)
def test_tarball_installs_for_one_user_and_uninstalls_keeping_data(
    built: Built, tmp_path: Path
) -> None:
    stem = built.tarball.name.removesuffix(".tar.gz")
    with tarfile.open(built.tarball) as tar:
        members = {m.name: m for m in tar.getmembers()}
        assert all(n.startswith(f"{stem}/") and ".." not in n.split("/") for n in members)
        for needed in ("editor_app/editor_app", "editor_app.desktop", "install.sh", "README.txt"):
            assert f"{stem}/{needed}" in members, needed
        assert f"{stem}/icons/editor_app-256.png" in members
        assert members[f"{stem}/install.sh"].mode & 0o111
        if (SPECS / "site.example.toml").is_file():
            assert f"{stem}/site.example.toml" in members
        tar.extractall(tmp_path / "unpacked", filter="tar")
    unpacked = tmp_path / "unpacked" / stem
    home = tmp_path / "home"
    data = home / ".local/share/editor_app"
    data.mkdir(parents=True)
    (data / "editor_app.db").write_bytes(b"a user's stories")
    env = private_env(home)

    install = subprocess.run(
        ["sh", str(unpacked / "install.sh"), "--user"], env=env, capture_output=True, text=True
    )
    assert install.returncode == 0, install.stderr
    app = home / ".local/opt/editor_app"
    assert (app / "editor_app").is_file()
    launcher = home / ".local/bin/editor-app"
    version = subprocess.run(
        [str(launcher), "--version"], env=env, capture_output=True, text=True, timeout=60
    )
    assert version.stdout.strip() == f"editor_app {__version__}"
    desktop = home / ".local/share/applications/editor_app.desktop"
    text = desktop.read_text(encoding="utf-8")
    assert f'Exec="{app}/editor_app"' in text
    assert "Name[vi]=Bàn biên tập" in text
    assert (home / ".local/share/icons/hicolor/256x256/apps/editor_app.png").is_file()
    assert (home / ".local/share/icons/hicolor/scalable/apps/editor_app.svg").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True)
        assert check.returncode == 0, check.stdout

    uninstall = subprocess.run(
        ["sh", str(unpacked / "install.sh"), "--user", "--uninstall"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert uninstall.returncode == 0, uninstall.stderr
    assert not app.exists() and not launcher.exists() and not desktop.exists()
    assert (data / "editor_app.db").read_bytes() == b"a user's stories"


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return module


def root_prefix() -> list[str]:
    """[] as root, ["sudo", "-n"] with password-less sudo; skips otherwise."""
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"]).returncode == 0:
        return ["sudo", "-n"]
    pytest.skip("installing the .deb needs root (CI runs as root) or password-less sudo")


def installed_version(package: str) -> str | None:
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status} ${Version}", package], capture_output=True, text=True
    ).stdout.split()
    return out[-1] if out[:3] == ["install", "ok", "installed"] else None


SITE = Path("/etc/editor_app/site.toml")


@pytest.mark.slow
@pytest.mark.timeout(BUILD_TIMEOUT)
def test_deb_installs_upgrades_keeping_the_site_file_and_removes_keeping_users_data(
    built: Built, tmp_path: Path
) -> None:
    deb_script = load_script("deb")
    version = deb_script.debian_version(__version__)
    package = built.dist / f"editor-app_{version}_{deb_script.architecture()}.deb"
    assert package.is_file(), built.log[-3000:]
    assert "deb: lintian: no errors" in built.log
    assert not re.search(r"^deb: lintian: [EW]: ", built.log, re.M)  # warnings overridden
    sudo = root_prefix()
    if installed_version("editor-app") is not None:
        pytest.skip("editor-app is installed on this machine: the test would replace it")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    apt = [*sudo, "apt-get", "-y", "-q", "-o", "DPkg::Lock::Timeout=600"]

    def run(*args: str, extra: list[str] | None = None) -> None:
        result = subprocess.run(
            [*apt, *(extra or []), *args], env=env, capture_output=True, text=True, timeout=900
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    home = tmp_path / "home"
    data = home / ".local/share/editor_app"
    data.mkdir(parents=True)
    (data / "editor_app.db").write_bytes(b"a user's stories")
    user = private_env(home)
    try:
        run("install", str(package))  # as a fresh machine installs a downloaded .deb
        assert installed_version("editor-app") == version
        assert os.readlink("/usr/bin/editor-app") == "/opt/editor_app/editor_app"
        smoke = subprocess.run(
            ["/usr/bin/editor-app", "--smoke", "--data-dir", str(tmp_path / "smoke")],
            env=user,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert smoke.returncode == 0, smoke.stdout + smoke.stderr[-3000:]
        assert re.search(r"^smoke: ok in ", smoke.stdout, re.M)
        assert Path("/usr/share/applications/editor-app.desktop").is_file()
        assert Path("/usr/share/icons/hicolor/256x256/apps/editor_app.png").is_file()
        conffiles = subprocess.run(
            ["dpkg-query", "-W", "-f=${Conffiles}", "editor-app"], capture_output=True, text=True
        ).stdout
        assert str(SITE) in conffiles

        # IT sets the outlet; the installed app reads it from /etc/editor_app/site.toml.
        changed = '[outlet]\nname = "Báo Thử nghiệm"\n'
        subprocess.run(
            [*sudo, "tee", str(SITE)], input=changed, text=True, check=True, capture_output=True
        )
        check = subprocess.run(
            ["/usr/bin/editor-app", "check"], env=user, capture_output=True, text=True, timeout=120
        )
        assert "Báo Thử nghiệm" in check.stdout and str(SITE) in check.stdout, check.stdout

        # A newer package (repacked, no second PyInstaller build) whose default site file also
        # changed: dpkg keeps IT's (--force-confold, as unattended upgrades are run).
        newer = f"{__version__}-2"
        new_default = tmp_path / "site.toml"
        new_default.write_text("# a newer default\n", encoding="utf-8")
        rebuild = subprocess.run(
            [
                sys.executable,
                str(ROOT / "scripts/deb.py"),
                str(built.bundle),
                "--dist",
                str(tmp_path / "v2"),
                "--version",
                newer,
                "--site-file",
                str(new_default),
                "--no-lintian",
            ],
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert rebuild.returncode == 0, rebuild.stdout + rebuild.stderr
        upgrade = tmp_path / "v2" / package.name.replace(version, newer)
        run("install", str(upgrade), extra=["-o", "Dpkg::Options::=--force-confold"])
        assert installed_version("editor-app") == newer
        assert SITE.read_text(encoding="utf-8") == changed

        run("remove", "editor-app")
        assert not Path("/opt/editor_app").exists()
        assert not os.path.lexists("/usr/bin/editor-app")
        assert SITE.read_text(encoding="utf-8") == changed  # remove keeps the configuration
        assert (data / "editor_app.db").read_bytes() == b"a user's stories"

        run("purge", "editor-app")
        assert not Path("/etc/editor_app").exists()
        assert (data / "editor_app.db").read_bytes() == b"a user's stories"
    finally:
        if installed_version("editor-app") is not None or Path("/etc/editor_app").exists():
            subprocess.run([*apt, "purge", "editor-app"], env=env, capture_output=True)


# --- without building ------------------------------------------------------------------------


@pytest.mark.slow
def test_smoke_runs_from_the_source_tree_too(tmp_path: Path) -> None:
    env = {**private_env(tmp_path / "home"), "PATH": os.environ["PATH"]}
    result = subprocess.run(
        [sys.executable, "-m", "editor_app", "--smoke", "--data-dir", str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    assert "from source" in result.stdout
    assert re.search(r"^smoke: ok in [\d.]+ s$", result.stdout, re.M)
    assert list((tmp_path / "data" / "smoke-export").glob("*/index.html"))


def test_smoke_names_the_failing_step(tmp_path: Path) -> None:
    env = {**private_env(tmp_path / "home"), "PATH": os.environ["PATH"]}
    missing = tmp_path / "no-such-article.txt"
    result = subprocess.run(
        [sys.executable, "-m", "editor_app", "--smoke", str(missing)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert re.search(r"^FAILED import .*no-such-article\.txt", result.stdout, re.M)
    assert "ok     data folder" in result.stdout
    assert result.stdout.rstrip().endswith("smoke: FAILED")


def test_trim_keeps_what_a_desktop_needs_and_drops_the_rest() -> None:
    trim = load_trim()
    keep = trim.keep_data_or_plugin
    for kept in (
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/translations/qtbase_en.qm",
        "PySide6/Qt/translations/qtwebengine_locales/vi.pak",
        "PySide6/Qt/resources/qtwebengine_resources.pak",
        "PySide6\\plugins\\platforms\\qwindows.dll",  # Windows' layout
        "PySide6\\translations\\qtwebengine_locales\\en-US.pak",
        "resources/templates/article.html.j2",
        "editor_app/store/migrations/env.py",
    ):
        assert keep(kept), kept
    for dropped in (
        "PySide6/Qt/qml/QtQuick3D/qmldir",
        "PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qt_help_en.qm",
        "PySide6/Qt/translations/qtwebengine_locales/de.pak",
        "PySide6/Qt/resources/qtwebengine_devtools_resources.pak",
        "PySide6\\qml\\QtQuick\\Controls\\qmldir",
        "PySide6\\plugins\\position\\qtposition_nmea.dll",
    ):
        assert not keep(dropped), dropped
    assert trim.is_qt_library("PySide6/Qt/lib/libQt6Core.so.6")
    assert trim.is_qt_library("PySide6\\Qt6WebEngineCore.dll")
    assert trim.is_qt_library("libicudata.so.73")
    assert not trim.is_qt_library("PySide6/QtCore.abi3.so")  # the binding, not the library
    assert not trim.is_qt_library("libqxcb.so")


def test_desktop_entry_is_valid() -> None:
    entry = SPECS / "linux" / "editor_app.desktop"
    text = entry.read_text(encoding="utf-8")
    assert "Icon=editor_app" in text and "Exec=editor-app" in text
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True)
        assert check.returncode == 0, check.stdout


def test_inno_setup_script_installs_per_machine_and_keeps_users_data() -> None:
    raw = (SPECS / "windows" / "editor_app.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads UTF-8 only with a BOM"
    iss = raw.decode("utf-8-sig")
    setup = dict(
        line.split("=", 1)
        for line in iss.split("[Setup]", 1)[1].split("\n[", 1)[0].splitlines()
        if "=" in line and not line.startswith(";")
    )
    # A fixed AppId: a new version upgrades the installed one instead of installing beside it.
    assert setup["AppId"] == "{{6FB76D54-6B1C-470D-A566-0B0A0514F805}"
    assert setup["AppVersion"] == "{#AppVersion}"
    assert setup["PrivilegesRequired"] == "admin"
    assert setup["DefaultDirName"].startswith("{autopf}")
    assert "#error" in iss.split("#ifndef AppVersion", 1)[1].split("#endif", 1)[0]
    assert "{autoprograms}" in iss and "Tasks: desktopicon" in iss
    # Nothing of the users' or the site's is deleted at uninstall.
    sections = re.findall(r"^\[UninstallDelete\]", iss, re.M)
    assert not sections
    assert "uninsneveruninstall" in iss.split("{param:SITECONFIG}", 1)[1].splitlines()[0]
    # The icon it names exists.
    assert (ROOT / "resources" / "icons" / "editor_app.ico").is_file()


def test_version_script_prints_the_package_version() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "version.py")], capture_output=True, text=True
    )
    assert out.stdout.strip() == __version__


def test_icon_comes_in_every_size_the_window_the_menu_and_windows_use() -> None:
    from PIL import Image

    icons = ROOT / "resources" / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(icons / f"editor_app-{size}.png") as png:
            assert png.size == (size, size) and png.mode == "RGBA"
    with Image.open(icons / "editor_app.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    assert (icons / "editor_app.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_windows_workflow_installs_smoke_tests_and_uninstalls_checking_each_exit_code() -> None:
    """The workflow cannot run here (build_specs/windows/README.md); `make test` lints it with
    actionlint (tests/e2e/test_workflow_lint.py). What it must do is checked from its text."""
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-2022" in workflow
    assert 'python-version: "3.11"' in workflow
    order = [
        "pip install -e '.[test,build]'",
        "pytest -q tests/unit",
        "python scripts/dist.py",
        "build_specs\\windows\\editor_app.iss",
        "# - name: Sign the installer",
        "/SITECONFIG=$site",
        'editor-app.exe" --smoke',
        'unins000.exe" -Wait',
        "actions/upload-artifact@",
    ]
    positions = [workflow.index(step) for step in order]
    assert positions == sorted(positions)
    # Each native command's exit code is checked; installers are waited for.
    blocks = re.split(r"\n\s+- (?:name|uses): ", workflow)
    for block in blocks:
        runs = re.findall(r"^\s+(?:python|choco|& \S+) .*$", block, re.M)
        assert block.count("$LASTEXITCODE") >= len(runs), block
        if "Start-Process" in block:
            assert "-Wait -PassThru" in block and "$p.ExitCode -ne 0" in block
        if "run: |" in block:
            assert "$ErrorActionPreference = 'Stop'" in block
    # The installer script takes /SITECONFIG (its [Code] reads the parameter).
    iss = (SPECS / "windows" / "editor_app.iss").read_text(encoding="utf-8-sig")
    assert "{param:SITECONFIG|}" in iss.split("[Code]", 1)[1]
