#!/usr/bin/env bash
# Command 1 of the README: install what is missing, build, and open ML
# Workbench on the default workspace (created with a sample project on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF >/dev/null
cmake --build build --target mlwb
exec ./build/app/mlwb "$@"
