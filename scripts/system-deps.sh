#!/usr/bin/env bash
# Installs the Debian packages the test suites need when they are missing: PostgreSQL (database suite),
# Chromium + ChromeDriver (browser suite), ffmpeg (MP3/FLAC/M4A decoding), git, PocketSphinx and its US English
# model (the offline speech engine), the text-to-speech voices the speech tests and `bench speech` use
# (flite, festival with the HTS voice, espeak-ng), and bubblewrap + socat (the agent sandbox and the bridge to
# its egress proxy). Needs root (apt-get); without root it names what is missing and fails.
set -euo pipefail
want=(postgresql chromium chromium-driver ffmpeg git libpocketsphinx3 pocketsphinx-en-us
      flite festival festvox-us-slt-hts espeak-ng bubblewrap socat)
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "scripts/system-deps.sh: missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
