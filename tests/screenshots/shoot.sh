#!/usr/bin/env bash
# Renders the main window on a sample workspace (an lr sweep of three runs and a
# failed run) at 1440x900, in English and German, for a person to look at:
#   tests/screenshots/shoot.sh [path/to/mlwb] [out-dir]
# Not a test: nothing is compared pixel by pixel. Needs xvfb-run and ImageMagick's
# import (apt-get install imagemagick), which the test suite does not.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
mlwb=$(realpath "${1:-$here/build-test/app/mlwb}")
out=$(realpath -m "${2:-/tmp/mlwb-shots}")
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share
mkdir -p "$HOME"
ws=$tmp/workspace
"$mlwb" workspace create "$ws" >/dev/null
export MLWB_WORKSPACE=$ws
cp -r "$here/resources/sample" "$tmp/project"
cd "$tmp/project"
for lr in 0.02 0.005 0.001; do
    "$mlwb" run submit --wait --experiment sample-classifier -- train.py --epochs 40 --lr "$lr" >/dev/null
done
printf 'import mlwb\nmlwb.log("loss", 1.0)\nraise SystemExit(1)\n' > broken.py
"$mlwb" run submit --wait --experiment sample-classifier -- broken.py >/dev/null || true

shoot() { # language, locale
    local lang=$1 locale=$2
    LANG=$locale LANGUAGE=$lang LC_ALL=$locale xvfb-run -a -s '-screen 0 1440x900x24' \
        bash -c '"$0" & pid=$!; sleep 6; import -window root "$1"; kill $pid' \
        "$mlwb" "$out/main-$lang.png"
    echo "$out/main-$lang.png"
}
shoot en en_US.UTF-8
shoot de de_DE.UTF-8
