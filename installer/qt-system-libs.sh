#!/usr/bin/env bash
# Qt's X11 platform plugin (xcb) loads a dozen system libraries; Qt's own message names
# only libxcb-cursor0 when any of them is missing. This asks the dynamic linker which
# ones the plugin cannot find (ldd on the plugin itself, so a new Qt release is covered),
# maps them to Debian/Ubuntu packages and installs them when run as root with apt-get;
# otherwise it prints the one command to run and fails.
# usage: qt-system-libs.sh PYTHON   (the virtual environment's python)
set -euo pipefail
python="${1:-python3}"
[ "$(uname)" = Linux ] || exit 0
qt=$("$python" -c 'import os, PySide6; print(os.path.join(os.path.dirname(PySide6.__file__), "Qt"))')
plugins=("$qt/plugins/platforms/libqxcb.so" "$qt/lib/libQt6XcbQpa.so.6")
missing=$(for f in "${plugins[@]}"; do [ -e "$f" ] && ldd "$f"; done | awk '/not found/ {print $1}' | sort -u)
[ -z "$missing" ] && exit 0

declare -A package=(
  [libxcb-cursor.so.0]=libxcb-cursor0 [libxcb-icccm.so.4]=libxcb-icccm4
  [libxcb-keysyms.so.1]=libxcb-keysyms1 [libxcb-image.so.0]=libxcb-image0
  [libxcb-render-util.so.0]=libxcb-render-util0 [libxcb-randr.so.0]=libxcb-randr0
  [libxcb-shape.so.0]=libxcb-shape0 [libxcb-shm.so.0]=libxcb-shm0 [libxcb-sync.so.1]=libxcb-sync1
  [libxcb-xfixes.so.0]=libxcb-xfixes0 [libxcb-xkb.so.1]=libxcb-xkb1 [libxcb-util.so.1]=libxcb-util1
  [libxcb-glx.so.0]=libxcb-glx0 [libxcb-render.so.0]=libxcb-render0 [libxcb.so.1]=libxcb1
  [libxkbcommon-x11.so.0]=libxkbcommon-x11-0 [libxkbcommon.so.0]=libxkbcommon0
  [libX11-xcb.so.1]=libx11-xcb1 [libX11.so.6]=libx11-6 [libEGL.so.1]=libegl1 [libGL.so.1]=libgl1
  [libGLX.so.0]=libglx0 [libOpenGL.so.0]=libopengl0 [libfontconfig.so.1]=libfontconfig1
  [libfreetype.so.6]=libfreetype6 [libdbus-1.so.3]=libdbus-1-3 [libglib-2.0.so.0]=libglib2.0-0
)
packages=() unknown=()
for lib in $missing; do
  if [ -n "${package[$lib]:-}" ]; then packages+=("${package[$lib]}"); else unknown+=("$lib"); fi
done
if [ ${#unknown[@]} -gt 0 ]; then
  echo "Qt's window plugin also needs: ${unknown[*]} (find the package that provides it)" >&2
fi
if [ ${#packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing what Qt's window plugin needs: ${packages[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
  else
    echo "Qt needs these system packages to open windows:" >&2
    echo "  sudo apt-get install ${packages[*]}" >&2
    exit 1
  fi
fi
[ ${#unknown[@]} -eq 0 ]
