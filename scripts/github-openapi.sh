#!/usr/bin/env bash
# Fetches GitHub's published OpenAPI descriptions at pinned versions, as the npm packages ship them, into a cache
# directory (never globally): ${VOXLOOP_GITHUB_OPENAPI_DIR:-~/.cache/voxloop/github-openapi}/<package>@<version>/.
#   @octokit/openapi          generated/api.github.com.json (the REST API, GitHub's own description)
#   @octokit/openapi-webhooks generated/api.github.com.json (the webhook payloads)
# The GitHub peer (module peers) validates every request and payload against them. Idempotent: a version already
# unpacked is left alone. Prints the directory on stdout.
set -euo pipefail
OPENAPI_VERSION=23.0.2
WEBHOOKS_VERSION=12.1.0
dir=${VOXLOOP_GITHUB_OPENAPI_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/voxloop/github-openapi}
fetch() { # package version
  local target="$dir/${1##*/}@$2"
  if [ -s "$target/generated/api.github.com.json" ]; then
    return 0
  fi
  command -v npm >/dev/null || { echo "scripts/github-openapi.sh: npm is missing (apt-get install npm)" >&2; exit 1; }
  echo "fetching $1@$2 into $target" >&2
  rm -rf "$target.tmp" && mkdir -p "$target.tmp"
  local tgz
  tgz=$(cd "$target.tmp" && npm pack --silent --loglevel=error "$1@$2" | tail -1)
  tar -xzf "$target.tmp/$tgz" -C "$target.tmp" --strip-components=1 package/generated/api.github.com.json \
    package/package.json package/LICENSE 2>/dev/null \
    || tar -xzf "$target.tmp/$tgz" -C "$target.tmp" --strip-components=1
  rm -f "$target.tmp/$tgz"
  [ -s "$target.tmp/generated/api.github.com.json" ] || { echo "$1@$2 has no generated/api.github.com.json" >&2; exit 1; }
  mkdir -p "$dir" && rm -rf "$target" && mv "$target.tmp" "$target"
}
fetch @octokit/openapi "$OPENAPI_VERSION"
fetch @octokit/openapi-webhooks "$WEBHOOKS_VERSION"
echo "$dir"
