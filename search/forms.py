"""The search page's parameters, checked before any engine sees them."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.translation import gettext as _

from library.browse import facet_specs, read_facet_selection

from .contract import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SORT_RELEVANCE, SORTS, SearchRequest
from .query import MAX_MATCHED_UNITS, InvalidQuery, parse_query


class BadSearch(ValueError):
    """Parameters no search can be made from; the message is shown with a 400."""


@dataclass
class ReadSearch:
    request: SearchRequest
    notices: list[str] = field(default_factory=list)
    # Facet name -> {selected value: (label, group, sort key)}, as the vocabulary check found it.
    known: dict[str, dict[str, tuple]] = field(default_factory=dict)


def _positive(params: QueryDict, name: str, default: int, message: str) -> int:
    raw = params.get(name, "").strip() or str(default)
    if not raw.isdigit() or int(raw) < 1 or len(raw) > 6:
        raise BadSearch(message)
    return int(raw)


def read_search(params: QueryDict) -> ReadSearch:
    """Turn GET parameters into a SearchRequest.

    Unknown filter names, facet values and sort orders are dropped with a notice; a query no engine should
    see, a page that is not a number, or a page size outside 1..MAX_PAGE_SIZE raise BadSearch.
    Each vocabulary is checked in one query, and only when its parameter is present.
    """
    try:
        query = parse_query(params.get("q", ""))
    except InvalidQuery as error:
        raise BadSearch(str(error)) from error
    page = _positive(params, "page", 1, _("The page number must be a whole number from 1."))
    page_size = _positive(
        params,
        "per_page",
        DEFAULT_PAGE_SIZE,
        _("The number of results per page must be a whole number from 1 to %(max)s.")
        % {"max": MAX_PAGE_SIZE},
    )
    if page_size > MAX_PAGE_SIZE:
        # Refused rather than capped: a deep link's page N must always mean the same results.
        raise BadSearch(
            _("The number of results per page must be a whole number from 1 to %(max)s.")
            % {"max": MAX_PAGE_SIZE}
        )

    specs = facet_specs()
    selection, known_by_facet, notices = read_facet_selection(params, specs)
    known_names = {"q", "page", "per_page", "sort", "as_typed", *(spec.name for spec in specs)}
    for name in sorted(set(params) - known_names):
        if any(value.strip() for value in params.getlist(name)):
            notices.append(
                _("There is no filter “%(name)s”; it was ignored.") % {"name": name[:40]}
            )
    filters = {name: tuple(values) for name, values in selection.items()}

    raw_sort = params.get("sort", "").strip()
    sort = raw_sort or SORT_RELEVANCE
    if sort not in SORTS:
        notices.append(
            _("There is no sort order “%(value)s”; results are sorted by relevance.")
            % {"value": raw_sort[:40]}
        )
        sort = SORT_RELEVANCE

    if query.notice:
        notices.append(query.notice)
    if query.unmatched_units:
        left_out = " ".join(" ".join(unit) for unit in query.unmatched_units)
        notices.append(
            _("Only the first %(count)s words were searched; these were left out: %(words)s")
            % {"count": MAX_MATCHED_UNITS, "words": left_out[:200]}
        )
    return ReadSearch(
        request=SearchRequest(
            query=query, filters=filters, sort=sort, page=page, page_size=page_size
        ),
        notices=notices,
        known=known_by_facet,
    )
