#!/usr/bin/env bash
# Makes (once) a base image with Python 3 and scikit-learn from Debian
# packages, as an OCI archive, and prints its path. Cached under /var/tmp,
# keyed by the recipe, so a changed recipe makes a new one.
# Needs root (debootstrap), podman and network access to a Debian mirror.
set -euo pipefail

suite=bookworm
packages=python3,python3-sklearn
mirror=${MLWB_DEBIAN_MIRROR:-http://deb.debian.org/debian}
recipe="debootstrap --variant=minbase --include=$packages $suite; podman import; oci-archive v1"
key=$(printf '%s' "$recipe" | sha256sum | cut -c1-16)
cache=/var/tmp/mlwb-sklearn-base-$key
archive=$cache/base.oci.tar
if [ -s "$archive" ]; then
  echo "$archive"
  exit 0
fi

mkdir -p "$cache"
work=$(mktemp -d "$cache/work.XXXXXX")
trap 'rm -rf "$work"' EXIT
conf=$work/containers.conf
printf '[containers]\ndefault_ulimits = []\n' >"$conf"
export CONTAINERS_CONF=$conf

debootstrap --variant=minbase --include="$packages" "$suite" "$work/root" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -20 "$work/debootstrap.log" >&2
  exit 1
}
# Smaller and still a working Python: no apt lists, docs or caches.
rm -rf "$work/root/var/lib/apt/lists"/* "$work/root/var/cache/apt"/* "$work/root/usr/share/doc" \
  "$work/root/usr/share/man" "$work/root/usr/share/locale"
name=localhost/mlwb-sklearn-base:$key
tar -C "$work/root" -c . | podman --runtime /usr/sbin/runc import - "$name" >/dev/null
podman --runtime /usr/sbin/runc save --format oci-archive -o "$work/base.oci.tar" "$name" >/dev/null
podman --runtime /usr/sbin/runc rmi "$name" >/dev/null 2>&1 || true
mv "$work/base.oci.tar" "$archive"
echo "$archive"
