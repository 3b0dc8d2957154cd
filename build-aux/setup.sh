# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by run.sh and test.sh: installs the missing Debian packages, then
# configures and builds Prehab in $BUILD_DIR (default: build).

top_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$top_dir/build}

missing_packages() {
  local package
  grep -v '^\s*\(#\|$\)' "$top_dir/build-aux/debian-packages.txt" | while read -r package; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      echo "$package"
    fi
  done
}

install_packages() {
  local missing
  missing=$(missing_packages | tr '\n' ' ')
  [ -z "$missing" ] && return 0

  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "prehab: these packages are missing and you are not root: $missing" >&2
      echo "prehab: install them with: apt-get install $missing" >&2
      exit 1
    fi
  fi

  echo "Installing: $missing"
  $sudo apt-get update -q
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
}

build_prehab() {
  if [ -f "$BUILD_DIR/build.ninja" ]; then
    meson setup --reconfigure "$BUILD_DIR" "$top_dir" >/dev/null
  else
    meson setup "$BUILD_DIR" "$top_dir" --buildtype=debugoptimized
  fi
  meson compile -C "$BUILD_DIR"
}

install_packages
build_prehab
