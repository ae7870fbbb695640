#!/usr/bin/env bash
# Installs the Debian bookworm packages that building, running and testing
# ML Workbench need. Idempotent: prints nothing and installs nothing when
# everything is already there.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config file dpkg-dev
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-httpserver-dev qt6-websockets-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqscintilla2-qt6-dev libarchive-dev libgl-dev libqt6opengl6-dev libyaml-cpp-dev libsqlite3-dev
  libssl-dev # SHA-256 of snapshots and the model store (OpenSSL libcrypto)
  qtkeychain-qt6-dev libsecret-1-0 # service keys in the desktop keychain (Secret Service)
  # run
  libqt6sql6-sqlite qt6-qpa-plugins libqt6svg6 fonts-dejavu-core python3
  qt6-translations-l10n # Qt's own buttons (Next, Cancel) in the user's language
  # test: a real sshd and ssh client, zip as a benchmark baseline, Xvfb
  openssh-server openssh-client zip unzip xvfb xauth sqlite3
  wrk # bench_serve: the scoring server under load
  # packaging checks, completion and notification tests
  lintian desktop-file-utils man-db bash zsh dbus-daemon
  gnome-keyring # the service keys test runs a real keyring on its own session bus
  # scikit-learn for /usr/bin/python3: real models for the registry and serving tests
  python3-sklearn
  # images (issue 12): skopeo and umoci check built images; podman with runc and debootstrap
  # run them in the serving test (crun fails on these machines)
  skopeo umoci podman runc debootstrap
  docker-registry # push and pull tests and bench_push: a real registry on 127.0.0.1
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
