"""search_index check / --fix / rebuild against the database, on both engines."""

from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from hub.organisations import Organisation
from library.models import ResourcePage
from search import consistency
from search.contract import SearchRequest
from search.management.commands.search_index import rebuild
from search.query import parse_query

from .records import record

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("search_index", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def pages(search_backend, library):
    iom = Organisation.objects.create(name="International Organization for Migration", slug="iom")
    made = []
    for n in range(1, 5):
        page = ResourcePage(
            title=f"Migration brief {n}", slug=f"brief-{n}", summary="A brief on migration."
        )
        library.add_child(instance=page)
        page.organisations.add(iom)
        page.save_revision().publish()
        made.append(ResourcePage.objects.get(pk=page.pk))
    run("rebuild")
    return made


def found(backend, text="migration") -> int:
    return backend.search(SearchRequest(query=parse_query(text))).total


def test_a_fresh_rebuild_has_no_drift(pages, search_backend):
    output = run("check")
    assert "Checked 4 records" in output and "0 differ" in output
    assert search_backend.indexed_ids() == {p.pk for p in pages}


def test_check_reports_missing_extra_and_stale_and_fix_repairs_them(pages, search_backend):
    first, second, third, _fourth = pages
    search_backend.delete([first.pk])  # missing
    search_backend.index([record(987_654, "A resource deleted long ago")])  # extra
    # Changes that bypass the signals (a raw SQL fix, a lost task): stale.
    ResourcePage.objects.filter(pk=second.pk).update(title="Renamed quietly")
    Organisation.objects.filter(slug="iom").update(name="Renamed organisation")

    with pytest.raises(CommandError, match="drifted"):
        run("check")
    drift = consistency.check(search_backend)
    assert drift.missing == [first.pk]
    assert drift.extra == [987_654]
    # Every page names the organisation: all of them are stale, as their labels changed.
    assert drift.stale == sorted(p.pk for p in pages[1:])

    output = run("check", "--fix")
    assert f"missing: 1 ({first.pk})" in output and "extra: 1 (987654)" in output
    assert "Repaired 5 records" in output
    assert consistency.check(search_backend).total == 0
    assert found(search_backend, '"renamed quietly"') == 1
    assert found(search_backend, '"renamed organisation"') == 4
    assert 987_654 not in search_backend.indexed_ids()


def test_an_unpublished_page_left_in_the_index_is_extra(pages, search_backend):
    ResourcePage.objects.filter(pk=pages[0].pk).update(live=False)
    drift = consistency.check(search_backend)
    assert drift.extra == [pages[0].pk] and not drift.missing and not drift.stale


def test_a_failed_rebuild_leaves_the_old_index_serving(pages, search_backend):
    before = search_backend.indexed_ids()
    indices_before = (
        set(search_backend.client.indices.get(index=f"{search_backend.alias}-*"))
        if search_backend.name == "elasticsearch"
        else None
    )

    def failing_records():
        yield from consistency.expected_records()
        raise RuntimeError("a record builder fails mid-rebuild")

    with pytest.raises(RuntimeError):
        rebuild(search_backend, failing_records())
    assert search_backend.indexed_ids() == before
    assert found(search_backend) == 4
    assert consistency.check(search_backend).total == 0
    if indices_before is not None:
        # The half-built index was dropped; the alias still names the old one.
        after = set(search_backend.client.indices.get(index=f"{search_backend.alias}-*"))
        assert after == indices_before


def test_rebuild_picks_up_what_changed_and_drops_what_left(pages, search_backend):
    ResourcePage.objects.filter(pk=pages[0].pk).update(title="Changed title")
    ResourcePage.objects.filter(pk=pages[1].pk).update(live=False)
    output = run("rebuild")
    assert "Indexed 3 resources" in output
    assert consistency.check(search_backend).total == 0
    assert found(search_backend, "changed title") == 1


def test_check_against_an_unreachable_engine_says_so(library, settings):
    from search.backends import get_backend

    settings.HUB_SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.ELASTICSEARCH_TIMEOUT_SECONDS = 1
    get_backend.cache_clear()
    try:
        with pytest.raises(CommandError, match="unavailable"):
            run("check")
    finally:
        get_backend.cache_clear()


def test_edits_and_deletions_during_an_elasticsearch_rebuild_are_caught_up(pages, search_backend):
    from django.utils import timezone

    if search_backend.name != "elasticsearch":
        pytest.skip("the embedded rebuild is one transaction; writes wait for it")
    first, second, *_ = pages

    def records_while_editors_work():
        for n, item in enumerate(consistency.expected_records()):
            yield item
            if n == 1:
                # Both pages were already read into the new index when these land.
                ResourcePage.objects.filter(pk=first.pk).delete()
                ResourcePage.objects.filter(pk=second.pk).update(
                    title="Edited during the rebuild", last_published_at=timezone.now()
                )

    rebuild(search_backend, records_while_editors_work(), catch_up=True)
    assert first.pk not in search_backend.indexed_ids()
    assert found(search_backend, "edited during the rebuild") == 1
    assert consistency.check(search_backend).total == 0


def test_renaming_a_place_reindexes_the_resources_tagged_with_it(
    library, search_backend, django_capture_on_commit_callbacks
):
    from library.models import Place
    from search.indexing import sync_resources

    place = Place.objects.order_by("pk").first()
    page = ResourcePage(title="District survey", slug="district-survey", summary="A survey.")
    library.add_child(instance=page)
    page.places = [place]
    page.save_revision().publish()
    sync_resources([page.pk])
    assert found(search_backend, "Zebrawood") == 0

    with django_capture_on_commit_callbacks(execute=True):
        place.name = "Zebrawood"
        place.save()

    assert found(search_backend, "Zebrawood") == 1
