"""The worker runs tasks side by side: threads reading in parallel, taking turns at the database."""

from __future__ import annotations

import sys
import threading
from io import StringIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.management import call_command

import pytest

from hub.demo.files import make_pdf
from library.database_turns import database_turn, take_turns, turn_given_up
from library.models import HubDocument

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def turns():
    take_turns(True)
    yield
    take_turns(False)


def test_a_thread_reading_lets_another_store_meanwhile(turns):
    reading, stored = threading.Event(), threading.Event()
    order: list[str] = []

    def first() -> None:
        with database_turn():
            with turn_given_up():
                reading.set()
                # Only possible if the other thread could take the turn while this one reads.
                order.append("first read" if stored.wait(10) else "first read alone")
            order.append("first stored")

    def second() -> None:
        assert reading.wait(10)
        with database_turn():
            order.append("second stored")
        stored.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert order == ["second stored", "first read", "first stored"]


def test_threads_wait_for_each_other_outside_reading(turns):
    entered = threading.Event()
    order: list[str] = []

    def other() -> None:
        entered.set()
        with database_turn():
            order.append("other")

    with database_turn():
        thread = threading.Thread(target=other)
        thread.start()
        assert entered.wait(10)
        thread.join(0.2)  # it cannot get in while this thread holds the turn
        order.append("holder")
    thread.join(10)
    assert order == ["holder", "other"]


# The real reader (library.extraction.child serve), except that a file titled "crash" kills it
# and a file titled "waits" is read only once another reader has read the file titled
# "releases": reading one after the other, the waiting reader gives up and dies.
_READER = """
import os, signal, sys, time
sys.path.insert(0, {root!r})
import library.extraction.child as child

flag = os.environ["HUB_TEST_RELEASED_FLAG"]
real_run = child.run

def run(kind, path, out, **options):
    with open(path, "rb") as handle:
        data = handle.read()
    if b"/Title (crash)" in data:
        os.kill(os.getpid(), signal.SIGSEGV)
    if b"/Title (waits)" in data:
        for _ in range(1500):
            if os.path.exists(flag):
                break
            time.sleep(0.01)
        else:
            os._exit(3)
    result = real_run(kind, path, out, **options)
    if b"/Title (releases)" in data:
        open(flag, "w").close()
    return result

child.run = run
sys.exit(child.main(sys.argv[-2:]))
"""


@pytest.fixture
def readers(tmp_path, monkeypatch):
    """The reader above in place of the interpreter, in a fresh pool; closed afterwards."""
    from library.extraction.sandbox import close_pools

    close_pools()
    script = tmp_path / "reader"
    root = str(Path(__file__).resolve().parents[2])
    script.write_text(f"#!{sys.executable}\n{_READER.format(root=root)}")
    script.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(script))
    monkeypatch.setenv("HUB_TEST_RELEASED_FLAG", str(tmp_path / "released"))
    yield
    close_pools()


def _upload(name: str, text: str) -> HubDocument:
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Collection

    # A transactional test run before this one may leave the database flushed: the root
    # collection gone, and content type ids cached in memory that no longer exist.
    if Collection.get_first_root_node() is None:
        ContentType.objects.clear_cache()
        Collection.add_root(name="Root")
    document = HubDocument(title=name)
    pdf = make_pdf(name, "IOM", [text, f"second page of {name}"])
    document.file.save(f"{name}.pdf", ContentFile(pdf), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


@pytest.mark.django_db(transaction=True)
def test_the_worker_reads_side_by_side_stores_every_text_and_a_crash_fails_alone(settings, readers):
    settings.TASKS = DATABASE_TASKS  # django-tasks resets its backends when TASKS changes
    settings.HUB_EXTRACTION_READERS = 1
    names = ["waits", "releases", "crash", "plain-1", "plain-2", "plain-3"]
    documents = {name: _upload(name, f"Return and reintegration in {name}") for name in names}

    call_command(
        "run_worker", "--batch", "--no-startup-delay", "--concurrency", "2", stdout=StringIO()
    )

    from library.extraction.sandbox import reader_pool

    assert reader_pool(settings.HUB_EXTRACTION_MEMORY_MB).size == 2
    for name, document in documents.items():
        document.refresh_from_db()
        if name == "crash":
            assert document.extraction_status == "damaged"
            assert "the reader crashed (SIGSEGV)" in document.extraction_error
            assert not document.text_pages.exists()
            continue
        # "waits" was read only because "releases" was read by another reader meanwhile.
        assert (document.extraction_status, document.page_count) == ("extracted", 2), name
        first, second = (text for _number, text in document.page_texts())
        assert f"Return and reintegration in {name}" in first
        assert f"second page of {name}" in second
    from django_tasks_db.models import DBTaskResult

    assert not DBTaskResult.objects.failed().exists()
    assert not DBTaskResult.objects.ready().exists()
