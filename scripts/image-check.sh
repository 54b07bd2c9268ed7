#!/usr/bin/env bash
# Build the Docker image and check it as a deployment would see it: the container becomes
# healthy (HEALTHCHECK on /_stcore/health), runs as a non-root user, has the Japanese font,
# serves every page, and holds no dev tools. Prints the image size. Needs a Docker engine.
#   scripts/image-check.sh                 # FROM python:3.11-slim (the default BASE)
#   BASE=my/bookworm-python scripts/image-check.sh   # another Debian base with python3-venv
set -euo pipefail
cd "$(dirname "$0")/.."

TAG=${TAG:-genai-impact:check}
NAME=genai-impact-check-$$
PORT=${PORT:-18501}
build_args=()
[ -n "${BASE:-}" ] && build_args+=(--build-arg "BASE=$BASE")

docker build --network host "${build_args[@]}" -t "$TAG" .
cleanup() { docker rm -f "$NAME" >/dev/null 2>&1 || true; }
trap cleanup EXIT
docker run -d --name "$NAME" -p "127.0.0.1:$PORT:8501" "$TAG" >/dev/null

echo "waiting for the health check..."
for _ in $(seq 1 60); do
  status=$(docker inspect -f '{{.State.Health.Status}}' "$NAME")
  [ "$status" = healthy ] && break
  [ "$status" = unhealthy ] && { docker logs "$NAME"; echo "FAIL: unhealthy" >&2; exit 1; }
  sleep 2
done
[ "$status" = healthy ] || { docker logs "$NAME"; echo "FAIL: not healthy after 120 s" >&2; exit 1; }
echo "ok: container healthy"

[ "$(curl -fsS "http://127.0.0.1:$PORT/_stcore/health")" = ok ] && echo "ok: /_stcore/health from the host"
user=$(docker exec "$NAME" id -u)
[ "$user" != 0 ] && echo "ok: runs as uid $user" || { echo "FAIL: runs as root" >&2; exit 1; }
# the check the app's exports use: vl-convert draws a kanji with a real glyph, not tofu
docker exec "$NAME" python -c 'import sys; from genai_impact.exports import render; sys.exit(not render.font_available())' \
  && echo "ok: exports draw Japanese with a CJK font" || { echo "FAIL: no Japanese font" >&2; exit 1; }
for tool in pytest playwright ruff hypothesis chromium; do
  if docker exec "$NAME" sh -c "command -v $tool || python -c 'import $tool' 2>/dev/null"; then
    echo "FAIL: $tool in the image" >&2; exit 1
  fi
done
echo "ok: no dev tools"
docker exec "$NAME" genai-impact validate >/dev/null && echo "ok: bundled data validates"
# every page answers (Streamlit serves the same shell; the pages run in the browser session)
for path in / /map /industries /sources; do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT$path" && echo "ok: GET $path"
done
docker image inspect "$TAG" -f 'image size: {{.Size}} bytes' | awk '{printf "image size: %.0f MB\n", $3/1e6}'
echo "image-check: all checks passed"
