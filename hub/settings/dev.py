"""Laptop settings for `make run`: debug on, SQLite, embedded search, console email."""

import os
import secrets
from pathlib import Path

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool


def install_secret_key(var_dir: Path) -> str:
    """This installation's own secret key: made once and kept in var/secret-key.txt (readable by
    its owner only), as the demo admin's password is. A key shared by every checkout would let
    anyone forge what the hub signs (sessions, calendar links, preview links)."""
    path = Path(var_dir) / "secret-key.txt"
    try:
        key = path.read_text().strip()
    except FileNotFoundError:
        key = ""
    if not key:
        key = secrets.token_urlsafe(50)
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(key + "\n")
    return key


DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = SECRET_KEY or install_secret_key(VAR_DIR)  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["*"]  # noqa: F405
