#!/usr/bin/env bash
# Before the tests: the browser journeys drive the system's Chromium. Installs it where this user
# can (root with apt), and otherwise stops, naming the command that does.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests (apt-get install -y chromium fonts-noto-core)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at /usr/bin/chromium. Install it, then run npm test again:" >&2
echo "  sudo apt-get install -y chromium fonts-noto-core" >&2
exit 1
