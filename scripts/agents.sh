#!/usr/bin/env bash
# Installs the coding-agent CLIs the slow suite runs for real, at pinned versions, into a cache directory
# (never globally): ${VOXLOOP_AGENTS_DIR:-~/.cache/voxloop/agents}/<cli package>@<version>/node_modules/.bin/<cli>.
# Idempotent: a version already installed is left alone. Prints the directory on stdout.
set -euo pipefail
CLAUDE_CODE_VERSION=2.1.332
CODEX_VERSION=0.171.0
dir=${VOXLOOP_AGENTS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/voxloop/agents}
install() { # package version cli
  local target="$dir/${1##*/}@$2"
  if [ -x "$target/node_modules/.bin/$3" ] && "$target/node_modules/.bin/$3" --version >/dev/null 2>&1; then
    return 0
  fi
  if ! command -v npm >/dev/null; then
    [ "$(id -u)" -eq 0 ] || { echo "scripts/agents.sh: npm is missing (sudo apt-get install nodejs npm)" >&2; exit 1; }
    echo "installing nodejs and npm" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  echo "installing $1@$2 into $target" >&2
  rm -rf "$target.tmp" && mkdir -p "$target.tmp"
  (cd "$target.tmp" && echo '{"private":true}' > package.json \
    && npm install --no-audit --no-fund --loglevel=error --save-exact "$1@$2" >&2)
  rm -rf "$target" && mv "$target.tmp" "$target"
  "$target/node_modules/.bin/$3" --version >/dev/null
}
install @anthropic-ai/claude-code "$CLAUDE_CODE_VERSION" claude
install @openai/codex "$CODEX_VERSION" codex
echo "$dir"
