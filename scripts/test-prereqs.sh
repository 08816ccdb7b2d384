#!/usr/bin/env bash
# What the test suite needs from the system besides Node: Debian's Chromium for Playwright
# (it cannot download its own browser here) and ffmpeg (the npm-shipped one is the fallback).
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "test-prereqs: installing ${missing[*]} from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
if [[ " ${missing[*]} " == *" chromium "* ]]; then
  echo "test-prereqs: Chromium not found at $chromium; install it (apt-get install chromium) or set CHROMIUM_PATH" >&2
  exit 1
fi
