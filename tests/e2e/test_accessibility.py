"""Every main page passes axe-core's WCAG 2.2 A and AA rules, on a desktop and on a phone, never
scrolls sideways, and on a phone shows the first result before the filters."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP, PHONE = 1366, 390


def first_link(page, path: str, selector: str) -> str:
    page.goto(path)
    return page.locator(selector).first.get_attribute("href")


@pytest.fixture(scope="module")
def addresses(browser, demo_server) -> dict[str, str]:
    """The pages of the audit; a resource and a collection are read off the demo's lists."""
    context = browser.new_context(base_url=demo_server)
    page = context.new_page()
    try:
        resource = first_link(page, "/library/", "ol.browse-results h3 a")
        collection = first_link(page, "/collections/", "main a[href^='/collections/']")
    finally:
        context.close()
    return {
        "home": "/",
        "library": "/library/",
        "search results": "/search/?q=migration",
        "search page": "/search/",
        "resource": resource,
        "objective": "/objectives/6/",
        "collection": collection,
        "meetings": "/meetings/",
        "coverage": "/governance/coverage/",
        "sign-in": "/sign-in/",
        # The rest of the site: same rules, and never wider than a phone.
        "objectives": "/objectives/",
        "organisations": "/organisations/",
        "working groups": "/working-groups/",
        "decisions": "/governance/decisions/",
        "workplans": "/workplans/",
        "report": "/governance/report/",
        "about": "/about/",
        "privacy": "/privacy/",
        "not found": "/no-such-page/",
    }


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def screen(request, browser, demo_server):
    context = browser.new_context(
        base_url=demo_server, viewport={"width": request.param, "height": 844}
    )
    context.set_default_timeout(15_000)
    yield request.param, context.new_page()
    context.close()


def test_no_wcag_violations_and_no_sideways_scrolling(screen, addresses):
    from axe_playwright_python.sync_playwright import Axe

    width, page = screen
    axe = Axe()
    problems = {}
    for name, path in addresses.items():
        page.goto(path)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"][:3]]
            problems.setdefault(name, []).append((violation["id"], violation["help"], targets))
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            problems.setdefault(name, []).append(("overflow", f"{overflow}px too wide", []))
    assert not problems, (width, problems)


@pytest.mark.parametrize("path", ["/search/?q=migration", "/library/"])
def test_on_a_phone_the_first_result_shows_before_the_filters(browser, demo_server, path):
    context = browser.new_context(base_url=demo_server, viewport={"width": PHONE, "height": 844})
    page = context.new_page()
    try:
        page.goto(path)
        first = page.locator("ol.hits > li, ol.browse-results > li").first.bounding_box()
        filters = page.locator("nav.facets").bounding_box()
        assert first["y"] < 844, first  # on the first screen, no scrolling
        assert filters["y"] > first["y"]
        # The "Filter" link takes a thumb to the filters, and back.
        page.get_by_role("link", name="Filter", exact=False).first.click()
        assert page.url.endswith("#filters")
    finally:
        context.close()


def test_on_a_desktop_long_filter_lists_fold_behind_show_all(page):
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    page.goto("/library/")
    more = page.locator("nav.facets details.facet-more").first
    assert more.count() == 1
    assert not more.locator("a.facet-option").first.is_visible()
    more.locator("summary").click()
    assert more.locator("a.facet-option").first.is_visible()
    # Objectives are named by number and short title, not their full sentence.
    labels = page.locator("#facet-objective ~ ul .facet-label").all_inner_texts()
    assert labels and all(len(label) < 45 for label in labels), labels
