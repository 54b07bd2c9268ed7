# genai-impact: the dashboard on the bundled data (see docs/deploy.md).
# Not built by CI (too slow for it); tests/test_deploy.py checks its key properties and
# `make image-check` builds it, runs it and checks health, user, fonts and pages.
# BASE: any Debian-based image with Python 3.11 and its venv module (default: the official one).
ARG BASE=python:3.11-slim
FROM ${BASE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false \
    STREAMLIT_SERVER_HEADLESS=true \
    GENAI_IMPACT_DATA_DIR=/app/data \
    GENAI_IMPACT_DECK_DIR=/decks \
    PATH=/opt/venv/bin:$PATH

# Japanese fonts for PNG/SVG exports drawn on the server (vl-convert); nothing else.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Runtime dependencies only (no pytest, Playwright, ruff, hypothesis, Chromium), in a venv:
# the same on the official image and on Debian's python3 (which refuses system-wide pip).
# The lock pins every package with its hashes: pip refuses any other file.
COPY requirements/run.txt requirements/
RUN python3 -m venv /opt/venv && pip install --require-hashes -r requirements/run.txt

COPY pyproject.toml README.md ./
COPY src/ src/
RUN pip install --no-deps . && rm -rf build src/*.egg-info

COPY app.py serve.py ./
COPY pages/ pages/
COPY data/ data/
COPY .streamlit/ .streamlit/

# The code and data stay root-owned and read-only to the user that runs the app.
# Decks are the one thing the app writes: a SQLite file in /decks, a volume, so that they
# outlive the container (or set [connections.decks] in secrets.toml to share a database).
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin app \
    && mkdir /decks && chown app /decks
VOLUME ["/decks"]
USER app

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"]

CMD ["python", "serve.py", "--server.port=8501", "--server.address=0.0.0.0"]
