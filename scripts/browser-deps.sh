#!/usr/bin/env bash
# Installs what the console's browser tests (@Tag("browser"), mvn -Pbrowser) need: Debian's chromium and
# chromium-driver. Does nothing when both are already there. Needs root (or passwordless sudo) to install.
set -euo pipefail

have() { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; }

if have; then
  echo "browser-deps: $(/usr/bin/chromium --version 2>/dev/null | head -1); $(/usr/bin/chromedriver --version 2>/dev/null | head -1)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "browser-deps: chromium/chromedriver missing and not root; run: apt-get install -y chromium chromium-driver" >&2
    exit 1
  fi
fi

echo "browser-deps: installing chromium and chromium-driver from the distribution's packages"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver

if ! have; then
  echo "browser-deps: install finished but /usr/bin/chromium or /usr/bin/chromedriver is missing" >&2
  exit 1
fi
echo "browser-deps: $(/usr/bin/chromium --version | head -1)"
