"""Browser tests: Debian's Chromium driven by Playwright against a live server holding the demo.

The demo takes ~15 s to seed, so one live server and one seeded database serve a whole module
(pytest-django's own `live_server` forces `transactional_db`, which flushes the database after
every test). The tests carry a plain `django_db` mark: it makes pytest-django create the test
database, and wraps each test in a transaction that undoes what the server wrote (search
analytics). At the end the database is put back as the migrations left it.

Without /usr/bin/chromium (or the playwright package) the tests skip locally and fail in CI:
CI=true, REQUIRE_BROWSER=1 or REQUIRE_ELASTICSEARCH=1 make a missing browser an error.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("HUB_CHROMIUM", "/usr/bin/chromium"))
# We run as root (no sandbox) on a machine with no network: Chromium must not try to phone home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REQUIRE_BROWSER = (
    os.environ.get("REQUIRE_BROWSER") == "1"
    or os.environ.get("REQUIRE_ELASTICSEARCH") == "1"
    or os.environ.get("CI", "").lower() == "true"
)

# Playwright's sync API keeps an asyncio loop in this thread; Django then refuses ORM calls made
# here (the module fixture's teardown) as "async unsafe". The loop never runs Django code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _unavailable(reason: str):
    if REQUIRE_BROWSER:
        pytest.fail(f"browser tests are required here (CI/REQUIRE_BROWSER) but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium, or `make test` as root)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is missing (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def demo_server(browser, django_db_setup, django_db_blocker, tmp_path_factory):
    """A live server over the seeded demo (54 resources with PDF and Word files), indexed by the
    embedded search backend. Yields the server's base URL."""
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings

    from pytest_django.live_server_helper import LiveServer

    from search.backends import get_backend

    folder = tmp_path_factory.mktemp("e2e")
    overrides = override_settings(
        HUB_SEARCH_BACKEND="embedded",
        HUB_SEARCH_EMBEDDED_PATH=folder / "search.sqlite3",
        MEDIA_ROOT=folder / "media",
        STATIC_URL="/static/",
    )
    with django_db_blocker.unblock():
        snapshot = connection.creation.serialize_db_to_string()
        overrides.enable()
        get_backend.cache_clear()
        server = None
        try:
            from hub.demo.seed import seed
            from library.models import ResourcePage
            from search.indexing import sync_resources

            get_backend().reset()
            seed()
            sync_resources(list(ResourcePage.objects.live().values_list("pk", flat=True)))
            server = LiveServer("localhost")
            yield server.url
        finally:
            if server is not None:
                server.stop()
            get_backend.cache_clear()
            overrides.disable()
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(snapshot)


@pytest.fixture
def page(browser, demo_server):
    context = browser.new_context(base_url=demo_server)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()
