#!/usr/bin/env bash
# Installs the Debian packages Qt, QtWebEngine, the fonts, the spell-check dictionary, the HTML
# checker (Java), the page screenshots and audit (Chromium; Node.js and npm for Lighthouse and
# axe-core), `make dist` (binutils for PyInstaller, desktop-file-utils to check the menu
# entry, lintian to check the .deb), the newsroom server's tests (PostgreSQL: a throw-away
# cluster per test session, tests/helpers/postgres.py; contrib for unaccent) and the Word
# import's tests (LibreOffice Writer writes real .docx files: soffice --headless --convert-to
# docx) and the site upload's tests (OpenSSH's sshd, started by tests/helpers/sshd.py on
# 127.0.0.1 with its own config; the package's own service is not used) need — only the missing ones, only as root.
set -euo pipefail
pkgs=(
  xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-xinerama0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-shape0
  libegl1 libgl1 libfontconfig1 libdbus-1-3 libnss3 libxcomposite1 libxdamage1 libxrandr2
  libxtst6 libxkbfile1 libasound2 libxshmfence1 libgbm1
  fonts-dejavu-core fonts-noto-core
  hunspell-vi libenchant-2-2
  default-jre-headless
  chromium
  binutils desktop-file-utils lintian
  postgresql postgresql-contrib
  libreoffice-writer-nogui
  openssh-server
)
command -v dpkg-query >/dev/null 2>&1 || { echo "system-deps: not a Debian system, skipping"; exit 0; }
# Node.js for the page audit (tools/page-audit/: Lighthouse 12 needs Node >= 18.16; Debian 12
# has 18.19): Debian's nodejs and npm only when no node is on the PATH. A node installed another
# way (NodeSource's nodejs carries its own npm and conflicts with Debian's npm) is left alone.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  pkgs+=(nodejs npm)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "system-deps: missing Debian packages (run as root to install): ${missing[*]}" >&2
  exit 0
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
