"""Search analytics: anonymous logging, signed click redirects, the editors' report and CSV."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth.models import Permission
from django.utils import timezone

import pytest

from search.analytics import click_url, record_search
from search.models import SearchClick, SearchEvent

from .records import record

pytestmark = pytest.mark.django_db

ADMIN_URL = "/admin/search-analytics/"


@pytest.fixture
def embedded(settings, tmp_path):
    from search.backends import get_backend

    settings.HUB_SEARCH_BACKEND = "embedded"
    settings.HUB_SEARCH_EMBEDDED_PATH = tmp_path / "s.sqlite3"
    get_backend.cache_clear()
    backend = get_backend()
    backend.reset()
    yield backend
    get_backend.cache_clear()


@pytest.fixture
def indexed(embedded, library):
    from library.models import ResourcePage

    pages = []
    for n in range(1, 13):
        page = ResourcePage(title=f"Migration brief {n}", slug=f"brief-{n}", summary="A brief.")
        library.add_child(instance=page)
        pages.append(page)
    embedded.index([record(page.pk, page.title) for page in pages])
    return pages


def _event(query="migration", total=5, page=1, days_ago=1, **extra) -> SearchEvent:
    created = timezone.now() - timedelta(days=days_ago)
    return SearchEvent.objects.create(
        query=query, total=total, page=page, created_at=created, **extra
    )


def _click(event, position, resource_id=1) -> SearchClick:
    return SearchClick.objects.create(event=event, resource_id=resource_id, position=position)


# --- Recording --------------------------------------------------------------------------------


def test_models_store_no_reader_identity():
    forbidden = {"user", "session", "ip", "agent", "address", "email", "cookie", "referer"}
    for model in (SearchEvent, SearchClick):
        names = {field.name.lower() for field in model._meta.get_fields()}
        assert not {n for n in names for word in forbidden if word in n}, model
    assert {f.name for f in SearchClick._meta.get_fields()} >= {"resource_id", "position"}
    assert not SearchClick._meta.get_field("resource_id").is_relation


def test_search_page_records_the_search_and_links_results_through_click(client, indexed):
    response = client.get("/search/", {"q": "  Migration   BRIEF "})
    assert response.status_code == 200
    event = SearchEvent.objects.get()
    assert (event.query, event.total, event.page) == ("migration brief", 12, 1)
    rows = response.context["rows"]
    assert len(rows) == 10
    params = parse_qs(urlsplit(rows[2]["click_url"]).query)
    assert params["e"] == [str(event.pk)]
    assert params["p"] == ["3"]
    assert params["r"] == [str(rows[2]["hit"].resource_id)]
    assert params["to"] == [rows[2]["page"].url]


def test_positions_continue_on_later_pages(client, indexed):
    response = client.get("/search/", {"q": "migration", "page": "2"})
    rows = response.context["rows"]
    positions = [parse_qs(urlsplit(row["click_url"]).query)["p"][0] for row in rows]
    assert positions == ["11", "12"]
    assert SearchEvent.objects.get().page == 2


def test_zero_results_are_recorded_and_empty_queries_and_robots_are_not(client, indexed):
    client.get("/search/", {"q": "zzzyx"})
    assert SearchEvent.objects.get().total == 0
    client.get("/search/")
    client.get(
        "/search/", {"q": "migration"}, HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot)"
    )
    client.get("/search/", {"q": "migration"}, HTTP_USER_AGENT="SomeSpider/1.0")
    assert SearchEvent.objects.count() == 1


def test_query_is_normalised_and_cut(rf):
    from search.contract import SearchRequest, SearchResults
    from search.query import parse_query

    request = rf.get("/search/")
    long_query = "Word " * 300
    event_id = record_search(
        request, SearchRequest(query=parse_query(long_query[:1000])), SearchResults(3, [], 1, 10)
    )
    event = SearchEvent.objects.get(pk=event_id)
    assert len(event.query) <= 1000 and event.query.startswith("word word")
    assert "  " not in event.query


def test_a_database_failure_never_breaks_search(client, indexed, monkeypatch):
    from django.db import DatabaseError

    def broken(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(SearchEvent.objects, "create", broken)
    response = client.get("/search/", {"q": "migration"})
    assert response.status_code == 200
    assert "12 resources found" in response.content.decode()
    assert "click_url" not in response.context["rows"][0]


# --- Clicks -----------------------------------------------------------------------------------


def test_click_redirects_and_is_recorded(client):
    event = _event(days_ago=0)
    response = client.get(click_url(event.pk, 42, 3, "/library/brief-3/"))
    assert response.status_code == 302
    assert response["Location"] == "/library/brief-3/"
    click = SearchClick.objects.get()
    assert (click.event_id, click.resource_id, click.position) == (event.pk, 42, 3)


def test_clicking_a_search_result_end_to_end(client, indexed):
    response = client.get("/search/", {"q": "migration"})
    row = response.context["rows"][0]
    followed = client.get(row["click_url"])
    assert followed.status_code == 302 and followed["Location"] == row["page"].url
    assert SearchClick.objects.get().position == 1


def _tampered(url: str, **changes) -> dict:
    params = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    params.update(changes)
    return params


@pytest.mark.parametrize(
    "changes",
    [
        {"p": "1"},
        {"r": "7"},
        {"e": "999"},
        {"s": "forged"},
        {"to": "/library/other/"},
    ],
)
def test_tampered_clicks_are_not_recorded_but_still_go_to_a_local_page(client, changes):
    event = _event(days_ago=0)
    params = _tampered(click_url(event.pk, 42, 3, "/library/brief-3/"), **changes)
    response = client.get("/search/click", params)
    assert response.status_code == 302
    assert response["Location"] == params["to"]
    assert not SearchClick.objects.exists()


@pytest.mark.parametrize(
    "to",
    [
        "//evil.example",
        "https://evil.example",
        "/\\evil.example",
        "http:/evil.example",
        "javascript:alert(1)",
        "evil.example",
        "/library/\r\nSet-Cookie: x=1",
        "",
    ],
)
def test_clicks_never_leave_the_site(client, to):
    event = _event(days_ago=0)
    # Forged signature with a hostile target.
    response = client.get("/search/click", {"e": event.pk, "r": 1, "p": 1, "to": to, "s": "x"})
    assert response.status_code == 302 and response["Location"] == "/search/"
    # Even a correctly signed hostile target is refused (click_url is never given one).
    response = client.get(click_url(event.pk, 1, 1, to))
    assert response.status_code == 302 and response["Location"] == "/search/"
    assert not SearchClick.objects.exists()


def test_click_with_missing_or_junk_parameters_is_not_an_error(client):
    for params in ({}, {"e": "abc", "r": "1", "p": "1", "to": "/x/"}, {"e": "1" * 40}):
        response = client.get("/search/click", params)
        assert response.status_code == 302
        assert response["Location"] in {"/search/", "/x/"}
    assert not SearchClick.objects.exists()


def test_click_for_a_deleted_event_redirects_without_recording(client):
    url = click_url(123456, 1, 1, "/library/brief-1/")
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == "/library/brief-1/"
    assert not SearchClick.objects.exists()


# --- The admin report -------------------------------------------------------------------------


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"),
        Permission.objects.get(codename="view_searchevent", content_type__app_label="hub_search"),
    )
    return user


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")
    client.force_login(user)
    return client


def test_report_needs_login_and_permission(client, django_user_model, editor):
    response = client.get(ADMIN_URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]

    reader = django_user_model.objects.create_user("reader", password="pw")
    client.force_login(reader)
    assert client.get(ADMIN_URL).status_code == 302
    assert client.get(ADMIN_URL, {"export": "top"}).status_code == 302

    # Admin access without the analytics permission is refused too.
    other = django_user_model.objects.create_user("other", password="pw")
    other.user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    )
    client.force_login(other)
    response = client.get(ADMIN_URL)
    assert response.status_code in {302, 403}
    assert b"Top queries" not in response.content

    client.force_login(editor)
    response = client.get(ADMIN_URL)
    assert response.status_code == 200
    assert "Top queries" in response.content.decode()


def test_menu_item_under_reports_only_for_permitted_users(client, editor, django_user_model):
    client.force_login(editor)
    assert ADMIN_URL in client.get("/admin/").content.decode()
    other = django_user_model.objects.create_user("other", password="pw")
    other.user_permissions.add(
        Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    )
    client.force_login(other)
    assert ADMIN_URL not in client.get("/admin/").content.decode()


@pytest.fixture
def history():
    """Searches over 100 days: three recent, one 20 days ago, one 60 days ago."""
    recent = [
        _event("migration", total=12, days_ago=1),
        _event("migration", total=8, days_ago=2),
        _event("remittances", total=0, days_ago=3),
    ]
    page_two = _event("migration", total=12, page=2, days_ago=1)
    older = _event("returns", total=0, days_ago=20)
    oldest = _event("migration", total=4, days_ago=60)
    _click(recent[0], 1)
    _click(recent[0], 3)
    _click(recent[1], 1)
    _click(page_two, 12)
    _click(older, 1)  # impossible in life (no results), but shows period filtering
    _click(oldest, 2)
    return {"recent": recent, "page_two": page_two, "older": older, "oldest": oldest}


def test_numbers_over_the_last_7_days(admin_client, history):
    response = admin_client.get(ADMIN_URL, {"period": "7"})
    assert response.status_code == 200
    context = response.context
    assert context["totals"] == {
        "searches": 3,
        "zero": 1,
        "queries": 2,
        "pages": 4,
        "clicks": 4,
        "zero_rate": pytest.approx(1 / 3),
    }
    assert [(r["query"], r["searches"], r["average_results"]) for r in context["top"]] == [
        ("migration", 2, 10.0),
        ("remittances", 1, 0.0),
    ]
    assert [(r["query"], r["searches"]) for r in context["zero"]] == [("remittances", 1)]
    positions = {row["position"]: row for row in context["positions"]}
    assert list(positions) == [str(n) for n in range(1, 11)] + ["11+"]
    # Position 1 was shown on both first pages with results; 9 and 10 only on the 12-result one.
    assert (positions["1"]["clicks"], positions["1"]["shown"]) == (2, 2)
    assert positions["1"]["ctr"] == 1.0 and positions["1"]["share"] == 0.5
    assert (positions["3"]["clicks"], positions["3"]["shown"]) == (1, 2)
    assert positions["9"]["shown"] == 1 and positions["9"]["ctr"] == 0.0
    # 11+: page two of a 12-result search shows positions 11 and 12.
    assert (positions["11+"]["clicks"], positions["11+"]["shown"]) == (1, 2)
    assert positions["11+"]["ctr"] == 0.5


def test_numbers_over_30_and_90_days_and_chosen_dates(admin_client, history):
    top = admin_client.get(ADMIN_URL, {"period": "30"}).context["totals"]
    assert (top["searches"], top["zero"], top["clicks"]) == (4, 2, 5)
    top = admin_client.get(ADMIN_URL, {"period": "90"}).context["totals"]
    assert (top["searches"], top["zero"], top["clicks"]) == (5, 2, 6)
    # Default (no parameters): the last 30 days.
    assert admin_client.get(ADMIN_URL).context["totals"]["searches"] == 4

    day = timezone.localdate() - timedelta(days=20)
    response = admin_client.get(
        ADMIN_URL, {"period": "custom", "start": day.isoformat(), "end": day.isoformat()}
    )
    assert response.status_code == 200
    assert [(r["query"], r["searches"]) for r in response.context["zero"]] == [("returns", 1)]


def test_chosen_dates_include_whole_local_days(admin_client):
    zone = timezone.get_current_timezone()
    SearchEvent.objects.create(
        query="edge", total=1, created_at=datetime(2025, 3, 2, 23, 59, tzinfo=zone)
    )
    SearchEvent.objects.create(
        query="after", total=1, created_at=datetime(2025, 3, 3, 0, 0, tzinfo=zone)
    )
    response = admin_client.get(
        ADMIN_URL, {"period": "custom", "start": "2025-03-01", "end": "2025-03-02"}
    )
    assert [r["query"] for r in response.context["top"]] == ["edge"]


@pytest.mark.parametrize(
    "params",
    [
        {"period": "custom", "start": "2025-13-45", "end": "2025-01-01"},
        {"period": "custom", "start": "2025-02-01", "end": "2025-01-01"},
        {"period": "custom", "start": "2025-01-01"},
        {"period": "custom", "start": "0001-01-01", "end": "9999-12-31"},
        {"period": "42"},
        {"start": "yesterday", "end": "today"},
    ],
)
def test_bad_dates_are_a_form_error_not_a_crash(admin_client, params):
    response = admin_client.get(ADMIN_URL, params)
    assert response.status_code == 400
    assert response.context["form"].errors
    assert 'role="alert"' in response.content.decode()
    export = admin_client.get(ADMIN_URL, {**params, "export": "top"})
    assert export.status_code == 400


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="search-')
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_csv_exports(admin_client, history):
    rows = _csv(admin_client.get(ADMIN_URL, {"period": "7", "export": "top"}))
    assert rows == [
        ["query", "searches", "average_results"],
        ["migration", "2", "10.00"],
        ["remittances", "1", "0.00"],
    ]
    rows = _csv(admin_client.get(ADMIN_URL, {"period": "30", "export": "zero"}))
    assert rows == [["query", "searches"], ["remittances", "1"], ["returns", "1"]]
    rows = _csv(admin_client.get(ADMIN_URL, {"period": "7", "export": "positions"}))
    assert rows[0] == ["position", "clicks", "shown", "ctr", "share_of_clicks"]
    assert rows[1] == ["1", "2", "2", "1.0000", "0.5000"]
    assert rows[-1] == ["11+", "1", "2", "0.5000", "0.2500"]
    assert admin_client.get(ADMIN_URL, {"export": "everything"}).status_code == 400


def test_csv_escapes_formulas_and_quotes(admin_client):
    for query in ('=hyperlink("http://evil")', "+1", "-refugees", "@sum(a1)", 'a "quoted", b'):
        _event(query, total=0, days_ago=1)
    rows = _csv(admin_client.get(ADMIN_URL, {"period": "7", "export": "zero"}))
    queries = sorted(row[0] for row in rows[1:])
    assert queries == sorted(
        ['\'=hyperlink("http://evil")', "'+1", "'-refugees", "'@sum(a1)", 'a "quoted", b']
    )
    # The page itself escapes HTML as usual.
    _event("<script>alert(1)</script>", days_ago=1)
    html = admin_client.get(ADMIN_URL, {"period": "7"}).content.decode()
    assert "<script>alert(1)</script>" not in html
