"""The filter column stays short: long lists show their largest values, the rest behind
"Show all" (a <details>, no JavaScript), and objectives are named by number and short title."""

import re

from library.browse import Facet, Option, _objective_label
from library.templatetags.library_tags import SHOWN_OPTIONS, facet_panel


def option(n: int, count: int, selected: bool = False) -> Option:
    return Option(str(n), f"District {n}", count, selected, f"?place={n}")


def test_a_long_list_shows_its_largest_values_and_keeps_the_rest_behind_show_all():
    options = [option(n, count=n, selected=(n == 1)) for n in range(1, 31)]
    html = facet_panel([Facet("place", "Place", options)])
    shown, hidden = html.split('<details class="facet-more">')
    shown_labels = re.findall(r'facet-label">([^<]+)<', shown)
    # The six largest, and the chosen one however small, in the list's own order.
    assert shown_labels == ["District 1"] + [f"District {n}" for n in range(25, 31)]
    assert len(shown_labels) == SHOWN_OPTIONS + 1
    assert "<summary>Show all (30)" in hidden
    assert len(re.findall("facet-label", hidden)) == 30 - len(shown_labels)


def test_a_short_list_shows_everything():
    html = facet_panel([Facet("type", "Type", [option(n, 3) for n in range(1, 8)])])
    assert "<details" not in html and html.count("facet-label") == 7
    assert 'id="filters"' in html and 'href="#results"' in html


def test_objectives_are_named_by_number_and_short_title():
    label = _objective_label(6, "Facilitate fair and ethical recruitment and safeguard ...")
    assert label == "6. Fair recruitment, decent work"
    assert (
        _objective_label(99, "One two three four five six seven") == "99. One two three four five…"
    )
