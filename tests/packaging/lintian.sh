#!/usr/bin/env bash
# Builds the .deb with CPack from the build folder $1 and checks it as
# Debian would: lintian with no errors and no warnings (no overrides), a
# valid .desktop file, and the man page and completion in their places.
# Further arguments go to cpack (e.g. -D CPACK_DEBIAN_PACKAGE_MAINTAINER=...).
set -euo pipefail
build=$1
shift
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cpack -G DEB -B "$out" --config "$build/CPackConfig.cmake" "$@" >"$out/cpack.log" 2>&1 \
  || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/*.deb)
rc=0
lintian --no-cfg --display-info "$deb" >"$out/lintian.log" 2>&1 || rc=$?
cat "$out/lintian.log"
# 0: clean enough for lintian itself, 1: tags at error level; else it did not run.
[ "$rc" -le 1 ] || { echo "FAIL: lintian did not run (exit $rc)" >&2; exit 1; }
if grep -E '^(E|W): ' "$out/lintian.log"; then
  echo "FAIL: lintian reported errors or warnings" >&2
  exit 1
fi
dpkg-deb -c "$deb" >"$out/contents"
for path in usr/bin/mlwb usr/share/man/man1/mlwb.1.gz usr/share/doc/mlwb/copyright \
            usr/share/doc/mlwb/changelog.gz usr/share/bash-completion/completions/mlwb \
            usr/share/zsh/vendor-completions/_mlwb usr/share/applications/mlwb.desktop; do
  grep -q " \./$path\$" "$out/contents" || { echo "FAIL: $path not in the package" >&2; exit 1; }
done
dpkg-deb -x "$deb" "$out/root"
desktop-file-validate "$out/root/usr/share/applications/mlwb.desktop"
[ -z "$(man --warnings -l "$out/root/usr/share/man/man1/mlwb.1.gz" 2>&1 >/dev/null)" ] \
  || { echo "FAIL: groff warns about the man page" >&2; exit 1; }
echo "PASS: $(basename "$deb") is lintian-clean"
