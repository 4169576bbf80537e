"""The search page: parameters in, a backend's results out, live pages loaded by id."""

from __future__ import annotations

import logging
from dataclasses import replace
from urllib.parse import urlencode

from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page

from library.access import viewer_labels, visible_pages
from library.browse import ActiveFilter, Facet, Option, SortLink, facet_specs, known_labels

from .analytics import track_search
from .backends import get_backend
from .contract import (
    DEFAULT_PAGE_SIZE,
    FACETS,
    SORT_RELEVANCE,
    SORTS,
    Hit,
    SearchRequest,
    SearchResults,
    SearchUnavailable,
)
from .forms import BadSearch, ReadSearch, read_search
from .promotions import promoted_pages
from .query import InvalidQuery, parse_query
from .spelling import (
    FEW_RESULTS,
    did_you_mean,
    rewrite,
    spelling_context,
    unknown_word_corrections,
)
from .synonyms import with_synonyms

logger = logging.getLogger(__name__)


def search_view(request: HttpRequest) -> HttpResponse:
    context: dict = {"query": request.GET.get("q", "")[:1000]}
    try:
        read = read_search(request.GET)
    except BadSearch as error:
        context.update(error=str(error), query="")
        return render(request, "search/search.html", context, status=400)
    # The viewer's labels come from their groups now: leaving a TWG counts from the next search.
    search_request = replace(
        read.request,
        query=with_synonyms(read.request.query),
        access=viewer_labels(request.user),
    )
    links = _Links(request.path, search_request)
    context.update(
        notices=read.notices,
        query=search_request.query.raw,
        hidden_params=links.hidden_params(),
    )
    if search_request.query.is_empty:
        return render(request, "search/search.html", context)
    backend = get_backend()
    try:
        results = backend.search(search_request)
        if not request.GET.get(AS_TYPED):
            corrected = None
            if results.total < FEW_RESULTS:
                corrected = corrected_search(backend, search_request, results.total)
            if corrected is None:
                corrected = unknown_words_search(backend, search_request)
            if corrected is not None:
                # Nothing found (or a word no resource holds), and a spelling correction finds
                # something: show those at once, and offer the query as typed (as large search
                # engines do).
                search_request, results = corrected
                context.update(
                    showing_results_for=search_request.query.raw,
                    search_instead_url=links.url() + f"&{AS_TYPED}=1",
                    typed_query=links.query,
                )
                links = _Links(request.path, search_request)
    except SearchUnavailable as error:
        logger.warning("Search unavailable: %s", error)
        context["unavailable"] = _(
            "Search is not available right now. Please try again in a few minutes; "
            "you can still browse the library."
        )
        return render(request, "search/search.html", context, status=503)
    if search_request.page > results.page_count:
        raise Http404(_("There is no page %(page)s of results.") % {"page": search_request.page})
    facets, active_filters = _facets(read, results, links)
    context.update(
        results=results,
        rows=_rows(results, search_request, request.user),
        pagination=_pagination(links, results),
        facet_panel={"facets": facets},
        active_filters=active_filters,
        clear_url=links.url(filters={}),
        sorts=[
            SortLink(value, str(SORT_LABELS[value]), links.url(sort=value), value == links.sort)
            for value in SORTS
        ],
    )
    context.update(
        spelling_context(
            backend,
            search_request.query,
            results.total,
            params=request.GET,
            search_request=search_request,
        )
    )
    loose = loose_phrase_search(backend, search_request, results)
    if loose is not None:
        context.update(
            loose_results=loose,
            loose_rows=_rows(loose, search_request, request.user, promoted_first=False),
        )
    track_search(request, search_request, results, context["rows"])
    # An unmatched quote or bracket is the reader's error: say so (400) but still show results.
    status = 400 if search_request.query.degraded else 200
    return render(request, "search/search.html", context, status=status)


SORT_LABELS = {
    "relevance": gettext_lazy("Best match"),
    "newest": gettext_lazy("Newest first"),
    "oldest": gettext_lazy("Oldest first"),
    "title": gettext_lazy("Title A–Z"),
}


class _Links:
    """Canonical addresses of this search: the query, filters in panel order, the sort and page
    size when not the defaults, the page when past the first. Every link keeps them all."""

    def __init__(self, path: str, search_request: SearchRequest) -> None:
        self.path = path
        self.query = search_request.query.raw
        self.filters = search_request.filters
        self.sort = search_request.sort
        self.page_size = search_request.page_size
        self._pairs: dict[tuple[str, str], str] = {}

    def params(self, filters=None, sort: str | None = None) -> list[tuple[str, str]]:
        filters = self.filters if filters is None else filters
        params = [("q", self.query)]
        params += [(name, value) for name in FACETS for value in filters.get(name, ())]
        sort = sort or self.sort
        if sort != SORT_RELEVANCE:
            params.append(("sort", sort))
        if self.page_size != DEFAULT_PAGE_SIZE:
            params.append(("per_page", str(self.page_size)))
        return params

    def url(self, *, filters=None, sort: str | None = None, page: int = 1) -> str:
        params = self.params(filters, sort)
        if page > 1:
            params.append(("page", str(page)))
        # urlencode's own encoding (quote_plus), each pair encoded once per request: the facet
        # panel builds a link per option, over a hundred per page.
        return f"{self.path}?{'&'.join(self._encoded(pair) for pair in params)}"

    def _encoded(self, pair: tuple[str, str]) -> str:
        encoded = self._pairs.get(pair)
        if encoded is None:
            encoded = self._pairs[pair] = urlencode([pair])
        return encoded

    def toggled(self, facet: str, value: str) -> str:
        """This search with `value` of `facet` chosen, or no longer chosen; back to page 1."""
        values = self.filters.get(facet, ())
        new = tuple(v for v in values if v != value) if value in values else (*values, value)
        return self.url(filters={**self.filters, facet: new})

    def hidden_params(self) -> list[tuple[str, str]]:
        """What the search form carries besides the words, so a new query keeps the filters."""
        return self.params()[1:]


# A correction replaces a query that found a few results when it finds this many times more.
CORRECTED_BY = 3
# ?as_typed=1: search exactly what was typed, with no correction ("Search instead for ...").
AS_TYPED = "as_typed"


def corrected_search(
    backend, search_request: SearchRequest, total: int
) -> tuple[SearchRequest, SearchResults] | None:
    """The search for the spelling correction of a query that found nothing or next to nothing
    (`total` results), if the correction finds several times more; never raises for want of a
    correction."""
    corrected = _correction(
        did_you_mean, backend, search_request.query, total, search_request=search_request
    )
    if not corrected:
        return None
    return _search_instead(backend, search_request, corrected, CORRECTED_BY * max(total, 1))


def unknown_words_search(
    backend, search_request: SearchRequest
) -> tuple[SearchRequest, SearchResults] | None:
    """The search with every word no resource holds replaced by its correction, when that finds
    anything: the results as typed came from the other words alone."""
    corrections = _correction(unknown_word_corrections, backend, search_request.query)
    if not corrections:
        return None
    return _search_instead(backend, search_request, rewrite(search_request.query.raw, corrections))


def _correction(find, *args, **kwargs):
    """What `find` proposes, or None when it fails: a correction is a nicety, never a reason
    for a 500 (an engine that is down is, and says so)."""
    try:
        return find(*args, **kwargs)
    except SearchUnavailable:
        raise
    except Exception:  # noqa: BLE001
        logger.exception("No spelling correction")
        return None


def _search_instead(
    backend, search_request: SearchRequest, text: str, at_least: int = 1
) -> tuple[SearchRequest, SearchResults] | None:
    """The same search (filters, page, order) for `text`, when it finds at least `at_least`."""
    try:
        query = with_synonyms(parse_query(text))
    except InvalidQuery:
        return None
    corrected_request = replace(search_request, query=query)
    results = backend.search(corrected_request)
    return (corrected_request, results) if results.total >= at_least else None


# A quoted phrase found in fewer resources than this also shows, below, the best resources with
# its words not as the exact phrase ("free to leave any country" for "right to leave any country").
PHRASE_FEW = 10


def loose_phrase_search(
    backend, search_request: SearchRequest, results: SearchResults
) -> SearchResults | None:
    """The resources that hold a phrase's words but not the phrase, best first, for a phrase
    query that found few: the exact matches stay above, and alone in the count and facets."""
    query = search_request.query
    if not query.strict_units or results.total >= PHRASE_FEW or search_request.page != 1:
        return None
    try:
        loose_query = with_synonyms(parse_query(query.raw.replace('"', " ")))
    except InvalidQuery:
        return None
    if loose_query.is_empty or loose_query.strict_units:
        return None
    shown = {hit.resource_id for hit in results.hits}
    try:
        loose = backend.search(
            replace(search_request, query=loose_query, page=1, page_size=PHRASE_FEW + len(shown))
        )
    except SearchUnavailable:
        return None  # the exact matches are shown already: the extra section is a nicety
    hits = [hit for hit in loose.hits if hit.resource_id not in shown][:PHRASE_FEW]
    if not hits:
        return None
    return replace(loose, hits=hits, total=len(hits), facets={})


def _facets(
    read: ReadSearch, results: SearchResults, links: _Links
) -> tuple[list[Facet], list[ActiveFilter]]:
    """Label the engine's raw values from the database: one query per vocabulary at most.

    Chosen values stay listed even at zero, so they can be unticked; values the database no
    longer knows (a stale index) are left out.
    """
    facets: list[Facet] = []
    active: list[ActiveFilter] = []
    for spec in facet_specs():
        counts = {c.value: c.count for c in results.facets.get(spec.name, [])}
        selected = read.request.filters.get(spec.name, ())
        known = dict(read.known.get(spec.name, {}))
        missing = [value for value in counts if value not in known and spec.clean(value) == value]
        if missing:
            known.update(known_labels(spec, missing))
        values = [value for value in counts if value in known]
        values += [value for value in selected if value not in counts]
        values.sort(key=lambda value: known[value][2])
        options = [
            Option(
                value=value,
                label=known[value][0],
                count=counts.get(value, 0),
                selected=value in selected,
                toggle_url=links.toggled(spec.name, value),
                group=known[value][1],
            )
            for value in values
        ]
        facets.append(Facet(spec.name, str(spec.label), options, grouped=spec.grouped))
        active += [
            ActiveFilter(str(spec.label), known[value][0], links.toggled(spec.name, value))
            for value in selected
        ]
    return facets, active


def _rows(
    results: SearchResults, search_request: SearchRequest, user, *, promoted_first: bool = True
) -> list[dict]:
    """The hits as live pages the viewer may see (the database has the last word over the index);
    resources promoted for this exact query first on page 1, marked "Recommended", and never
    repeated further down (on any page, nor in the loose-phrase section)."""
    promoted = promoted_pages(search_request.query.raw, user)
    promoted_ids = {page.pk for page, _note in promoted}
    ids = [hit.resource_id for hit in results.hits]
    pages = {
        page.pk: page
        for page in visible_pages(Page.objects.live().filter(pk__in=ids), user).specific()
    }
    # The facts each hit shows (organisations, languages) in two queries, not two per hit.
    prefetch_related_objects(
        [p for p in [*pages.values(), *(p for p, _n in promoted)] if hasattr(p, "resource_type")],
        "organisations",
        "languages",
    )
    rows = []
    if search_request.page == 1 and promoted_first:
        hits = {hit.resource_id: hit for hit in results.hits}
        for page, note in promoted:
            hit = hits.get(page.pk) or Hit(resource_id=page.pk, score=0.0)
            rows.append({"hit": hit, "page": page, "promoted": True, "note": note})
    for hit in results.hits:
        page = pages.get(hit.resource_id)
        if page is None or hit.resource_id in promoted_ids:  # left the site, or shown above
            continue
        rows.append({"hit": hit, "page": page})
    return rows


def _pagination(links: _Links, results: SearchResults) -> dict:
    return {
        "previous": links.url(page=results.page - 1) if results.page > 1 else None,
        "next": links.url(page=results.page + 1) if results.page < results.page_count else None,
        "page": results.page,
        "page_count": results.page_count,
        "first_number": (results.page - 1) * results.page_size + 1,
    }
