"""The editor's path in a real browser: "Add resource" opens the form under the Library, and the
primary objective offers only the objectives ticked beside it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_add_resource_and_choose_the_primary_among_ticked_objectives(page):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("e2e-editor", "e2e@example.org", "e2e-Password-1")
    page.goto("/admin/login/")
    page.fill("#id_username", "e2e-editor")
    page.fill("#id_password", "e2e-Password-1")
    with page.expect_navigation():
        page.locator("form button[type=submit]").last.click()
    page.get_by_role("link", name="Add resource").first.click()
    page.wait_for_url("**/admin/pages/add/library/resourcepage/**")
    assert page.locator("select[name=resource_type]").input_value() == ""
    objectives = page.locator('input[name="objectives"]')
    objectives.nth(5).check()  # objective 6
    objectives.nth(9).check()  # objective 10

    def offered() -> list[str]:
        radios = page.locator('input[name="primary_objective"]').all()
        return [radio.get_attribute("value") for radio in radios if radio.is_visible()]

    assert sorted(v for v in offered() if v) == sorted(
        [objectives.nth(5).get_attribute("value"), objectives.nth(9).get_attribute("value")]
    )
    objectives.nth(9).uncheck()
    assert [v for v in offered() if v] == [objectives.nth(5).get_attribute("value")]

    # Related resources: a search by title, not a list of every resource.
    related = page.locator('input[name="related_resources"]')
    assert related.count() > 10
    assert not any(box.is_visible() for box in related.all())
    finder = page.get_by_placeholder("Type words of a title to find it…")
    finder.fill("trafficking")
    shown = [box for box in related.all() if box.is_visible()]
    assert shown and len(shown) < related.count()
    # Places: every district, with a box that narrows them.
    page.get_by_role("searchbox", name="Filter the places").fill("musanze")
    visible = [b for b in page.locator('input[name="places"]').all() if b.is_visible()]
    assert len(visible) == 1
