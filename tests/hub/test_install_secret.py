"""`make run`'s settings use a secret key made once per installation, never a fixed one."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _key(var_dir: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "HUB_"))}
    env.update({"DJANGO_SETTINGS_MODULE": "hub.settings.dev", "HUB_VAR_DIR": str(var_dir)})
    script = "from django.conf import settings; print(settings.SECRET_KEY)"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return result.stdout.strip().splitlines()[-1]


def test_each_installation_makes_its_own_key_once(tmp_path):
    first = _key(tmp_path / "one")
    assert len(first) >= 50 and "not-secret" not in first
    assert _key(tmp_path / "one") == first  # kept: sessions survive a restart
    assert _key(tmp_path / "two") != first
    kept = tmp_path / "one" / "secret-key.txt"
    assert kept.read_text().strip() == first
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
