#!/usr/bin/env bash
# `make run` on a fresh clone: seconds from its start to the first 200 of /_stcore/health,
# and the venv's size then and after a first page load (bytecode of what the app imported).
#
#   bench/install.sh [--installer uv|pip] [--cache cold|warm] [--uv-on-path DIR] [--repeat N]
#
# cold: empty pip and uv caches made for the run; warm: the caches under $BENCH_CACHE
# (default /tmp/genai-impact-install-cache), filled by the first warm run. Without
# --uv-on-path, uv is not on PATH and the Makefile installs it into .tools/ (a new machine).
# The clone comes from this repository's committed HEAD. Needs curl; the page load also
# needs /usr/bin/chromium (skipped without it). PYTHONDONTWRITEBYTECODE is unset, as on a
# developer's machine, so the first run writes its bytecode into the venv.
set -euo pipefail

installer=uv cache=cold uv_dir="" repeat=1 port=8593
while (($#)); do
  case $1 in
    --installer) installer=$2; shift 2 ;;
    --cache) cache=$2; shift 2 ;;
    --uv-on-path) uv_dir=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
warm_cache=${BENCH_CACHE:-/tmp/genai-impact-install-cache}
path=$PATH
# uv must not be found on PATH unless asked for
for dir in ${PATH//:/ }; do [ -x "$dir/uv" ] && path=${path//$dir:/} && path=${path//:$dir/}; done
[ -n "$uv_dir" ] && path=$uv_dir:$path

mb() { du -sm "$1" | cut -f1; }

for ((i = 1; i <= repeat; i++)); do
  work=$(mktemp -d /tmp/genai-impact-install.XXXXXX)
  git clone -q "$repo" "$work/repo"
  if [ "$cache" = cold ]; then caches=$work/cache; else caches=$warm_cache; fi
  mkdir -p "$caches"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s.%N)
  set -m  # the job gets a process group of its own, stopped as a whole below
  (cd "$work/repo" && exec env -u PYTHONDONTWRITEBYTECODE PATH="$path" \
    PIP_CACHE_DIR="$caches/pip" UV_CACHE_DIR="$caches/uv" \
    make run INSTALLER="$installer" PORT="$port" >"$work/make.log" 2>&1) &
  pid=$!
  set +m
  until curl -fs "http://127.0.0.1:$port/_stcore/health" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then cat "$work/make.log" >&2; exit 1; fi
    sleep 0.1
  done
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  at_health=$(mb "$work/repo/.venv")
  after_page=-
  if [ -x /usr/bin/chromium ]; then
    sleep 5  # serve.py's warm-up imports the pages' modules meanwhile
    timeout 60 /usr/bin/chromium --headless --no-sandbox --disable-gpu --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$work/chromium" --virtual-time-budget=20000 \
      --dump-dom "http://127.0.0.1:$port/" >/dev/null 2>&1 || true
    after_page=$(mb "$work/repo/.venv")
  fi
  kill -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  printf 'installer=%s uv_on_path=%s cache=%s load=%s health_s=%.1f venv_mb_at_health=%s venv_mb_after_page=%s\n' \
    "$installer" "$([ -n "$uv_dir" ] && echo yes || echo no)" "$cache" "$load" "$seconds" "$at_health" "$after_page"
  if [ -n "${KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
done
