#!/usr/bin/env bash
# Command 2 of the README (and what CI runs): install what is missing, build
# everything, and run the whole test suite through CTest, headless.
set -euo pipefail
cd "$(dirname "$0")/.."
./packaging/install-deps.sh
export QT_QPA_PLATFORM=offscreen
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON >/dev/null
cmake --build build-test
ctest --test-dir build-test --output-on-failure -j "$(nproc)" "$@"
