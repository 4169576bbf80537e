"""The issue's story in a real browser: type a query, see suggestions, pick one, select two facet
values, see counts change, open a highlighted hit's PDF page link, page through results, and do
it all with the keyboard only. Fixtures (browser, seeded live server) are in conftest.py."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.django_db

# The home page has one search box (the header's is left out there and on the search page).
SEARCH_BOX = "main input[name=q]"


def filters(url: str) -> dict[str, list[str]]:
    params = parse_qs(urlsplit(url).query)
    return {key: value for key, value in params.items() if key not in ("q", "page", "sort")}


def facet_counts(page) -> list[str]:
    return page.locator("nav.facets a.facet-option").all_inner_texts()


def hit_links(page) -> list[str]:
    return [link.get_attribute("href") for link in page.locator("ol.hits li.hit h2 a").all()]


def test_suggestions_pick_one_with_the_arrow_keys(page):
    page.goto("/")
    box = page.locator(SEARCH_BOX)
    box.press_sequentially("remit", delay=30)
    options = page.get_by_role("option")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    label = options.first.locator("span").first.inner_text()
    assert label
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    with page.expect_navigation():
        box.press("Enter")
    assert "/search" not in page.url
    assert label in page.locator("h1").first.inner_text()


def test_two_facet_values_narrow_the_results_and_one_can_be_removed(page):
    page.goto("/search/?q=migration")
    assert page.locator("ol.hits mark").count() > 0
    summary = page.locator(".summary").inner_text()
    counts = facet_counts(page)
    total = int(re.match(r"\d+", summary).group())

    def narrowing_option(facet: str):
        options = page.locator(f"section[aria-labelledby=facet-{facet}] a.facet-option")
        for option in options.all():
            count = int(option.locator(".count").inner_text().split()[0])
            if 0 < count < total:
                return option, count
        raise AssertionError(f"no {facet} value narrows {total} results")

    option, count = narrowing_option("type")
    option.click()
    page.wait_for_url(lambda url: len(filters(url)) == 1)
    assert page.locator(".summary").inner_text() != summary
    total = count
    assert page.locator(".summary").inner_text().startswith(f"{total} ")

    option, count = narrowing_option("organisation")
    option.click()
    page.wait_for_url(lambda url: len(filters(url)) == 2)
    assert page.locator(".summary").inner_text().startswith(f"{count} ")
    assert facet_counts(page) != counts
    assert page.locator(".active-filters li").count() == 2

    page.locator(".active-filters li a").first.click()
    page.wait_for_url(lambda url: len(filters(url)) == 1)
    assert page.locator(".active-filters li").count() == 1


def test_a_highlighted_hit_opens_the_pdf_at_its_page_in_the_browser(page):
    page.goto("/search/?q=migration")
    link = page.locator("ol.hits a.page-link[href*='.pdf#page=']").first
    href = link.get_attribute("href")
    number = re.search(r"\.pdf#page=(\d+)&search=migration$", href)
    assert number, href
    assert link.locator("xpath=../span[@class='fragment']/mark").count() > 0
    response = page.request.get(href.split("#")[0])
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/pdf")
    assert response.headers["content-disposition"].startswith("inline")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "content-encoding" not in response.headers
    assert response.body().startswith(b"%PDF")
    # Chromium's own viewer opens the file (the security policy lets it) at the hit's page.
    link.click()
    page.wait_for_url(re.compile(r"\.pdf#page="))
    viewer = None
    for _ in range(40):  # the viewer's frame is attached once the file has arrived
        viewer = next((f for f in page.frames if f.url.startswith("chrome-extension://")), None)
        if viewer is not None:
            break
        page.wait_for_timeout(250)
    assert viewer is not None, [frame.url for frame in page.frames]
    page_box = viewer.locator("viewer-page-selector input")
    page_box.wait_for()
    for _ in range(20):
        if page_box.input_value() == number.group(1):
            break
        page.wait_for_timeout(250)
    assert page_box.input_value() == number.group(1)


def test_next_page_shows_other_results(page):
    page.goto("/search/?q=migration")
    first = hit_links(page)
    assert len(first) == 10
    page.locator("nav.pagination a[rel=next]").click()
    page.wait_for_url(lambda url: parse_qs(urlsplit(url).query).get("page") == ["2"])
    second = hit_links(page)
    assert second and not set(first) & set(second)
    assert page.locator("ol.hits").get_attribute("start") == "11"


def test_keyboard_only(page):
    page.goto("/")

    def focused(js: str) -> bool:
        return page.evaluate(f"() => {{ const e = document.activeElement; return !!({js}); }}")

    page.keyboard.press("Tab")
    assert focused("e.classList.contains('skip')"), "the skip link comes first"
    for _ in range(20):
        page.keyboard.press("Tab")
        if focused("e.matches('main input[name=q]')"):
            break
    else:
        raise AssertionError("Tab never reached the search box")
    page.keyboard.type("migration")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/search/" in page.url
    for _ in range(400):
        page.keyboard.press("Tab")
        if focused("e.matches('ol.hits li.hit h2 a')"):
            break
    else:
        raise AssertionError("Tab never reached the first result")
    target = page.evaluate("() => document.activeElement.textContent")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/search/" not in page.url
    assert target.strip() in page.locator("h1").first.inner_text()


def test_keyboard_only_through_a_filter_to_a_hits_page_link(page):
    page.goto("/search/?q=migration")

    def focused(js: str) -> bool:
        return page.evaluate(f"() => {{ const e = document.activeElement; return !!({js}); }}")

    def tab_to(selector: str, limit: int = 400) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if focused(f"e.matches({selector!r})"):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to("nav.facets a.facet-option")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert filters(page.url), page.url
    tab_to("ol.hits a.page-link")
    href = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert re.search(r"#page=\d+", href), href
