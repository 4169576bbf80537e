"""Fixtures shared by the whole suite: the site, and the search backends every search test runs on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"
ELASTICSEARCH_URL = os.environ.get("HUB_TEST_ELASTICSEARCH_URL", "http://127.0.0.1:9200")
REQUIRE_ELASTICSEARCH = os.environ.get("REQUIRE_ELASTICSEARCH") == "1"


# The PostgreSQL pass of `make test` (HUB_TEST_DATABASE_URL set, see hub/settings/test.py): only
# the tests that touch the database, once each (the search engine's side was covered by the first
# pass: the embedded engine only), without the browser and benchmark tests.
ON_POSTGRES = os.environ.get("HUB_TEST_DATABASE_URL", "").startswith("postgres")
_NOT_ON_POSTGRES = ("tests/e2e/", "tests/bench/", "tests/deploy/")
_DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "admin_client", "admin_user"}
# These run django_tasks_db's worker inside the test's own transaction; the worker closes its
# connection after each task (close_old_connections), which SQLite's in-memory database ignores
# and PostgreSQL does not (the test's transaction is gone). The same code runs on PostgreSQL in
# production, in its own process; the subprocess worker tests (tests/hub/test_worker_health.py)
# cover the worker against a real database.
_IN_PROCESS_WORKER = (
    "tests/hub/test_publishing_schedule.py::test_an_approved_paper_with_a_date_goes_live_when",
    "tests/hub/test_publishing_schedule.py::test_old_finished_runs_are_pruned",
    "tests/hub/test_wagtail_tasks.py::",
    "tests/library/test_worker.py::test_the_worker_reads_an_upload_and_indexes",
    "tests/search/test_faults.py::test_elasticsearch_down_while_editors_publish",
    "tests/search/test_faults.py::test_retries_give_up_after_the_limit",
    "tests/search/test_faults.py::test_tasks_for_objects_deleted_meanwhile",
    "tests/alerts/test_delivery.py::test_the_worker_runs_digests_every_minute",
    "tests/library/test_reading.py::test_a_full_disk_leaves_the_document_waiting",
    "tests/suggestions/test_reading.py::test_texts_stored_by_the_worker_are_read_later_in_one",
    # A live server inside the test's transaction: its thread shares SQLite's in-memory
    # connection, while on PostgreSQL it would open its own and not see the test's rows.
    "tests/opendata/test_oai.py::test_a_real_harvester_reads_everything",
)


def _touches_the_database(item) -> bool:
    return item.get_closest_marker("django_db") is not None or bool(
        _DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def _postgres_selection(item) -> bool:
    path = item.nodeid.replace("\\", "/")
    if path.startswith(_NOT_ON_POSTGRES) or path.startswith(_IN_PROCESS_WORKER):
        return False
    callspec = getattr(item, "callspec", None)
    if callspec is not None and callspec.params.get("search_backend") == "elasticsearch":
        return False
    return _touches_the_database(item)


def pytest_collection_modifyitems(config, items) -> None:
    if not ON_POSTGRES:
        return
    kept = [item for item in items if _postgres_selection(item)]
    config.hook.pytest_deselected(items=[item for item in items if item not in kept])
    items[:] = kept


@pytest.fixture(scope="session", autouse=True)
def postgres_reachable() -> None:
    """The PostgreSQL pass fails at once (and clearly) when the cluster is not there."""
    if not ON_POSTGRES:
        return
    import psycopg

    try:
        psycopg.connect(os.environ["HUB_TEST_DATABASE_URL"], connect_timeout=5).close()
    except psycopg.Error as error:
        pytest.fail(f"HUB_TEST_DATABASE_URL is set but PostgreSQL does not answer: {error}")


def _elasticsearch_problem() -> str | None:
    from elasticsearch import Elasticsearch

    try:
        client = Elasticsearch(ELASTICSEARCH_URL, request_timeout=5, max_retries=0)
        client.cluster.health(wait_for_status="yellow", timeout="5s")
    except Exception as error:  # noqa: BLE001 - any failure means "no usable node"
        return f"no Elasticsearch node at {ELASTICSEARCH_URL}: {error.__class__.__name__}"
    return None


@pytest.fixture(scope="session")
def elasticsearch_node() -> str:
    """The real node the Makefile starts; absent locally means skip, absent in CI means fail."""
    problem = _elasticsearch_problem()
    if problem:
        if REQUIRE_ELASTICSEARCH:
            pytest.fail(f"REQUIRE_ELASTICSEARCH=1 but {problem}")
        pytest.skip(problem)
    return ELASTICSEARCH_URL


@pytest.fixture(params=["embedded", "elasticsearch"])
def search_backend(request, settings, tmp_path):
    """Run the test once per search backend, each starting from an empty index."""
    from search.backends import get_backend

    settings.HUB_SEARCH_BACKEND = request.param
    if request.param == "elasticsearch":
        settings.ELASTICSEARCH_URL = request.getfixturevalue("elasticsearch_node")
    else:
        settings.HUB_SEARCH_EMBEDDED_PATH = tmp_path / "search.sqlite3"
    get_backend.cache_clear()
    backend = get_backend()
    backend.reset()
    yield backend
    if request.param == "elasticsearch":
        backend.drop()
    get_backend.cache_clear()


@pytest.fixture
def library(db):
    """The site as the demo builds it: home page at the root, the library below it."""
    from hub.demo.seed import ensure_site

    _home, library, _created = ensure_site()
    return library


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared test corpus is not beside the repository ({CORPUS})")
    return CORPUS
