"""The production shape: settings that pass Django's deploy checks, a compose file that runs the
documented services, and every environment variable the code reads listed in the README."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def _production_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="hub.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="hub.example.org",
        DATABASE_URL="sqlite:////tmp/hub-check-deploy.sqlite3",
        **extra,
    )
    return env


def test_production_settings_pass_the_deploy_checks():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = _production_env()
    del env["DJANGO_SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_compose_runs_web_worker_database_and_elasticsearch_with_health_checks():
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"web", "worker", "db", "elasticsearch"} <= set(services)
    for name in ("web", "db", "elasticsearch"):
        assert "healthcheck" in services[name], name
    assert "gunicorn" in (REPO / "Dockerfile").read_text() + str(services["web"])
    assert "run_worker" in str(services["worker"]["command"])
    elasticsearch = services["elasticsearch"]
    assert elasticsearch["image"].endswith(":9.2.4")  # the version the tests run
    assert any("config/hunspell" in volume for volume in elasticsearch["volumes"])
    assert {"pgdata", "esdata", "media"} <= set(compose["volumes"])


def test_every_environment_variable_the_code_reads_is_in_the_readme():
    readme = (REPO / "README.md").read_text()
    names: set[str] = set()
    for path in [*(REPO / "hub" / "settings").glob("*.py"), REPO / "docker-compose.yml"]:
        text = path.read_text()
        names |= set(re.findall(r"""env(?:_bool|_list)?\(\s*["']([A-Z][A-Z0-9_]+)""", text))
        names |= set(re.findall(r"""environ(?:\.get)?\(\s*["']([A-Z][A-Z0-9_]+)""", text))
        names |= set(re.findall(r"\$\{([A-Z][A-Z0-9_]+)", text))
    assert names, "found no variables: the pattern is wrong"
    missing = sorted(name for name in names if f"`{name}`" not in readme)
    assert not missing, f"not in the README's table: {missing}"


def test_the_proxy_sees_only_image_renditions_of_the_media_volume():
    services = yaml.safe_load((REPO / "docker-compose.yml").read_text())["services"]
    media_mounts = [
        volume
        for volume in services["proxy"]["volumes"]
        if isinstance(volume, dict) and volume.get("source") == "media"
    ]
    # Wagtail writes renditions to MEDIA_ROOT/images/; documents/ and original_images/ stay out.
    assert media_mounts == [
        {
            "type": "volume",
            "source": "media",
            "target": "/srv/media/images",
            "read_only": True,
            "volume": {"subpath": "images"},
        }
    ]
    assert not any(str(volume).startswith("media:") for volume in services["proxy"]["volumes"])
    # A volume subpath must exist before the proxy starts: the migrate step makes it.
    assert 'mkdir -p "$$DJANGO_MEDIA_ROOT/images"' in str(services["migrate"]["command"])


def test_the_migrate_step_creates_the_shared_cache_table():
    services = yaml.safe_load((REPO / "docker-compose.yml").read_text())["services"]
    command = " ".join(services["migrate"]["command"])
    assert command.index("manage.py migrate") < command.index("manage.py createcachetable")
