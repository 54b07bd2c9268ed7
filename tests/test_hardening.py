"""Settings for a public deployment: Streamlit's config, and what the image ships.

Response headers Streamlit cannot set come from the reverse proxy (docs/deploy.md);
tests/e2e/test_proxy.py checks them through a real nginx.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from streamlit import config as st_config

REPO = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def flat(table: dict, prefix: str = "") -> dict[str, object]:
    """{"server": {"port": 1}} -> {"server.port": 1}."""
    out: dict[str, object] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            out |= flat(value, f"{prefix}{key}.")
        else:
            out[f"{prefix}{key}"] = value
    return out


SETTINGS = flat(CONFIG)


def test_every_setting_is_an_option_of_this_streamlit():
    # A misspelt key is silently ignored by Streamlit; the pinned version must know each one.
    known = st_config.get_config_options()
    assert sorted(set(SETTINGS) - set(known)) == []


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ("browser.gatherUsageStats", False),  # no usage statistics leave the server
        ("server.enableXsrfProtection", True),  # uploads need the XSRF cookie's token
        ("server.enableCORS", True),  # no Access-Control-Allow-Origin: * ...
        ("client.showErrorDetails", "none"),  # no traceback or exception text on screen
        ("client.showErrorLinks", False),  # no "ask Google/ChatGPT" links on errors
        ("client.toolbarMode", "minimal"),  # no deploy button or developer menu
        ("server.enableStaticServing", False),
        ("server.enableAgentApi", False),
        ("server.headless", True),
        ("server.fileWatcherType", "none"),  # a deployment never reloads code from disk
        ("server.runOnSave", False),
        # no full collection after every run: it made every click wait on the whole heap
        ("runner.postScriptGC", False),
        ("server.disconnectedSessionTTL", 60),  # a closed session goes after a minute
    ],
)
def test_public_deployment_setting(option, expected):
    assert SETTINGS.get(option) == expected, f"{option} = {SETTINGS.get(option)!r}"


def test_cors_allows_no_other_origin():
    # ...and no list of other origins that may call the server.
    assert SETTINGS.get("server.corsAllowedOrigins", []) == []


def test_upload_and_message_sizes_are_small():
    assert 0 < SETTINGS["server.maxUploadSize"] <= 1  # MB: agenda files are a few kB
    assert 0 < SETTINGS["server.maxMessageSize"] <= 50  # MB (Streamlit's default is 200)


def test_no_secret_or_tls_material_in_the_repository_config():
    # A cookie secret shared by replicas comes from the environment, never from git.
    assert not {"server.cookieSecret", "server.sslCertFile", "server.sslKeyFile"} & set(SETTINGS)
