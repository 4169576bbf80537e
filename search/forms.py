"""The search page's parameters, checked before any engine sees them."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.translation import gettext as _

from .contract import DEFAULT_PAGE_SIZE, SearchRequest
from .query import InvalidQuery, parse_query


class BadSearch(ValueError):
    """Parameters no search can be made from; the message is shown with a 400."""


@dataclass
class ReadSearch:
    request: SearchRequest
    notices: list[str] = field(default_factory=list)


def read_search(params: QueryDict, known_objectives: set[int]) -> ReadSearch:
    """Turn GET parameters into a SearchRequest; unknown filter values are dropped with a notice."""
    try:
        query = parse_query(params.get("q", ""))
    except InvalidQuery as error:
        raise BadSearch(str(error)) from error
    raw_page = params.get("page", "1")
    if not raw_page.isdigit() or int(raw_page) < 1 or len(raw_page) > 6:
        raise BadSearch(_("The page number must be a whole number from 1."))
    notices: list[str] = []
    objectives: list[int] = []
    for value in params.getlist("objective"):
        if value.isdigit() and int(value) in known_objectives:
            objectives.append(int(value))
        else:
            notices.append(
                _("There is no GCM objective “%(value)s”; that filter was ignored.")
                % {"value": value[:40]}
            )
    if query.notice:
        notices.append(query.notice)
    return ReadSearch(
        request=SearchRequest(
            query=query,
            objectives=tuple(sorted(set(objectives))),
            page=int(raw_page),
            page_size=DEFAULT_PAGE_SIZE,
        ),
        notices=notices,
    )
