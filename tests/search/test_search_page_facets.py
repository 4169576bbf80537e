"""The search page's facet panel, sort switch, active filters and deep-linked pages."""

import re
from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from search.contract import MAX_PAGE_SIZE

from .records import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(search_backend, library):
    """Twelve briefs: odd ones objective 1, reports by UNICEF in English; even ones objective 2,
    studies in French; the first six in Musanze. Published one a month in 2024."""
    from hub.organisations import Organisation
    from library.models import ResourcePage

    Organisation.objects.create(name="UNICEF Rwanda", acronym="UNICEF", slug="unicef")
    pages, records = [], []
    for n in range(1, 13):
        page = ResourcePage(title=f"Migration brief {n:02d}", slug=f"brief-{n}", summary="A brief.")
        library.add_child(instance=page)
        pages.append(page)
        odd = n % 2 == 1
        records.append(
            record(
                page.pk,
                page.title,
                objectives=(1,) if odd else (2,),
                published=f"2024-{n:02d}-01",
                facets={
                    "type": ("report",) if odd else ("study",),
                    "organisation": ("unicef",) if odd else (),
                    "language": ("en",) if odd else ("fr",),
                    "place": ("musanze",) if n <= 6 else (),
                    "year": ("2024",),
                },
            )
        )
    search_backend.index(records)
    return pages


def objective_label(number: int) -> str:
    """How the filter names an objective: its number and short title."""
    from library.models import GcmObjective

    return f"{number}. {GcmObjective.objects.get(number=number).short_title}"


def get(client, **params):
    params.setdefault("q", "migration")
    return client.get("/search/", params)


def options(html: str) -> dict[str, tuple[int, bool, str]]:
    """Facet panel options: label -> (count, selected, toggle URL)."""
    found = {}
    for match in re.finditer(r'<a class="facet-option[^"]*" href="([^"]*)"[^>]*>(.*?)</a>', html):
        href, inner = match.groups()
        label = unescape(re.search(r'<span class="facet-label">(.*?)</span>', inner).group(1))
        count = int(re.search(r'<span class="count">(\d+)', inner).group(1))
        found[label] = (count, "aria-current" in match.group(0), unescape(href))
    return found


def titles(html: str) -> list[str]:
    return re.findall(r"Migration brief (\d\d)", re.sub(r"</?mark>", "", html))


def test_the_panel_shows_labels_from_the_database_with_counts(client, indexed):

    html = get(client).content.decode()
    found = options(html)
    assert found[objective_label(1)][:2] == (6, False)
    assert found[objective_label(2)][:2] == (6, False)
    assert found["Report"][:2] == (6, False)
    assert found["Study or assessment"][:2] == (6, False)
    assert found["UNICEF – UNICEF Rwanda"][:2] == (6, False)
    assert found["French"][:2] == (6, False)
    assert found["Musanze"][:2] == (6, False)
    assert found["2024"][:2] == (12, False)


def test_choosing_a_value_keeps_its_siblings_and_narrows_the_others(client, indexed):
    html = get(client, objective="1").content.decode()
    assert "6 resources found" in html
    found = options(html)
    objective_1, objective_2 = (o for label, o in found.items() if re.match(r"[12]\. ", label))
    assert objective_1[:2] == (6, True) and objective_2[:2] == (6, False)
    assert found["Report"][:2] == (6, False)
    assert "Study or assessment" not in found
    assert found["Musanze"][:2] == (3, False)
    # Ticking the sibling too: either objective (OR), back to page 1, the words kept.
    html = client.get(objective_2[2]).content.decode()
    assert "12 resources found" in html
    # The chosen one's link unticks it.
    assert "objective=" not in objective_1[2] and "q=migration" in objective_1[2]


def test_filters_across_facets_must_all_match(client, indexed):
    html = get(client, objective=["1", "2"], place="musanze", language="fr").content.decode()
    assert "3 resources found" in html
    assert sorted(titles(html)) == ["02", "04", "06"]


def test_chosen_values_stay_visible_at_zero(client, indexed):
    html = get(client, type="report", language="fr").content.decode()
    assert "0 resources found" in html and "Search again without filters" in html
    found = options(html)
    assert found["Report"][:2] == (0, True)  # no French report; still listed, still untickable
    assert found["French"][:2] == (0, True)
    assert found["English"][:2] == (6, False)  # what choosing English instead would give
    assert found["Study or assessment"][:2] == (6, False)


def test_active_filters_have_remove_links_and_a_clear_all(client, indexed):

    html = get(client, objective="1", place="musanze", sort="title").content.decode()
    remove = {
        unescape(label): unescape(href)
        for label, href in re.findall(
            r"<strong>([^<]*)</strong> <a href=\"([^\"]*)\"[^>]*>remove", html
        )
    }
    objective = objective_label(1)
    assert set(remove) == {objective, "Musanze"}
    assert remove["Musanze"] == "/search/?q=migration&objective=1&sort=title"
    assert remove[objective] == "/search/?q=migration&place=musanze&sort=title"
    clear = unescape(re.search(r'class="clear-all" href="([^"]*)"', html).group(1))
    assert clear == "/search/?q=migration&sort=title"


def test_every_sort_order_through_the_page(client, indexed):
    assert titles(get(client, sort="newest").content.decode())[:3] == ["12", "11", "10"]
    assert titles(get(client, sort="oldest").content.decode())[:3] == ["01", "02", "03"]
    assert titles(get(client, sort="title").content.decode())[:3] == ["01", "02", "03"]
    html = get(client, objective="2").content.decode()
    assert re.search(r'<strong aria-current="true">Best match</strong>', html)
    newest = unescape(re.search(r'<a href="([^"]*)"[^>]*>Newest first</a>', html).group(1))
    assert newest == "/search/?q=migration&objective=2&sort=newest"


def test_unknown_sort_falls_back_to_relevance_with_a_notice(client, indexed):
    response = get(client, sort="random")
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is no sort order “random”" in html
    assert '<strong aria-current="true">Best match</strong>' in html


def test_pages_are_deep_links_that_keep_every_parameter(client, indexed):
    html = get(client, type="report", sort="oldest", per_page="4").content.decode()
    assert "6 resources found" in html and titles(html) == ["01", "03", "05", "07"]
    next_url = unescape(re.search(r'<a rel="next" href="([^"]*)"', html).group(1))
    assert next_url == "/search/?q=migration&type=report&sort=oldest&per_page=4&page=2"
    html = client.get(next_url).content.decode()
    assert titles(html) == ["09", "11"]
    assert "Page 2 of 2" in html
    # The form carries the filters, so new words keep them.
    assert '<input type="hidden" name="type" value="report">' in html
    assert '<input type="hidden" name="per_page" value="4">' in html
    # The panel's links go back to page 1.
    assert all("page=" not in href.replace("per_page", "") for *_, href in options(html).values())


@pytest.mark.parametrize("per_page", [str(MAX_PAGE_SIZE + 1), "500", "0", "ten", "-5"])
def test_page_size_outside_the_cap_is_a_400(client, indexed, per_page):
    response = get(client, per_page=per_page)
    assert response.status_code == 400
    assert f"from 1 to {MAX_PAGE_SIZE}" in response.content.decode()


def test_page_size_up_to_the_cap_is_accepted(client, indexed):
    html = get(client, per_page=str(MAX_PAGE_SIZE)).content.decode()
    assert html.count('class="hit"') == 12


def test_unknown_filter_values_are_ignored_with_notices(client, indexed):
    response = get(
        client,
        objective=["1", "99"],
        principle="77",
        type="novel",
        organisation="nobody",
        twg="no-such-group",
        year="20x4",
        language="xx",
        place="<script>",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "6 resources found" in html  # objective 1 kept
    for notice in [
        "There is no GCM objective “99”",
        "There is no guiding principle “77”",
        "There is no resource type “novel”",
        "There is no organisation “nobody”",
        "There is no technical working group “no-such-group”",
        "“20x4” is not a year",
        "There is no language “xx”",
        "There is no place “&lt;script&gt;”",
    ]:
        assert notice in html, notice


def test_the_number_of_database_queries_does_not_grow(client, indexed, search_backend):
    def queries(**params) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert get(client, **params).status_code == 200
        return len(captured)

    few = queries(q="brief 01")
    every_filter = queries(
        objective=["1", "2"], type=["report", "study"], language=["en", "fr"], place="musanze"
    )
    assert every_filter <= few + 6  # at most one vocabulary check per chosen facet
    assert every_filter <= 20


def test_a_renamed_organisation_shows_its_new_name_at_once(client, indexed):
    """Facet labels are kept per process for a minute (library.browse.known_labels); an edit
    clears them, so the panel never shows the old name after a rename in this process."""
    from hub.organisations import Organisation

    assert "UNICEF – UNICEF Rwanda" in options(get(client).content.decode())
    organisation = Organisation.objects.get(slug="unicef")
    organisation.name = "UNICEF Rwanda Country Office"
    organisation.save()
    found = options(get(client).content.decode())
    assert "UNICEF – UNICEF Rwanda Country Office" in found
    assert "UNICEF – UNICEF Rwanda" not in found


def test_facet_labels_are_read_once_per_process_not_per_search(client, indexed):
    get(client)
    with CaptureQueriesContext(connection) as first:
        get(client)
    from library.browse import _known_labels

    _known_labels.clear()
    with CaptureQueriesContext(connection) as cold:
        get(client)

    def label_queries(queries) -> list:
        # The facet labels' queries; the hits' own organisations (their facts) are a prefetch.
        return [
            q
            for q in queries
            if "hub_organisation" in q["sql"] and "_prefetch_related" not in q["sql"]
        ]

    assert label_queries(cold.captured_queries), "a cold cache reads the organisations"
    assert not label_queries(first.captured_queries)
