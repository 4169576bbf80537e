"""How the Elasticsearch backend asks: a SearchRequest as elasticsearch.dsl queries.

The ranking (per-field weights, analyses, neighbouring-word bonus, alternatives), the access
filter, the facet aggregations, the sort and what the highlighter marks are all decided here;
sending the request and reading the answer are the backend's (search.backends.elasticsearch).
"""

from __future__ import annotations

from elasticsearch.dsl import Q, Search

from ..contract import FACET_SIZE, FACETS, PUBLIC, SearchRequest
from ..query import ParsedQuery, Unit, searchable
from .elasticsearch_index import FOLDED_FIELDS

# The resource is ranked as one document (BM25F, `combined_fields`): title over summary over
# taxonomy labels over the body and the text of its files, per analysis: English stems, French
# stems, and the hub's searchable copy (accents folded, elisions removed: exact words).
WEIGHTS = {"title": 10, "summary": 4, "labels": 3, "body": 1, "files": 1}
ANALYSED = {
    "english": [f"{name}^{weight}" for name, weight in WEIGHTS.items()],
    "french": [f"{name}.fr^{weight}" for name, weight in WEIGHTS.items()],
    "exact": [f"{FOLDED_FIELDS[name]}^{weight}" for name, weight in WEIGHTS.items()],
}
# What two neighbouring words typed add when a resource holds them side by side (a constant:
# see _pair_nearby). Measured on ../shared/relevance (nDCG@10, Elasticsearch): none 0.873;
# 1.0 0.879 (topic 0.799 -> 0.810, phrase 0.924 -> 0.960, French 0.940 -> 0.951); 3.0 0.878;
# scored by how often the pair occurs (a phrase clause, boost 0.2-2) 0.866-0.879 but keyword
# queries fell below plain BM25 (a resource repeating "military service" outranked the answer).
# With a third of a long query's words required (query.required_units) and alternatives at
# half (ALTERNATIVE_BOOST): pair 1.0 0.882; pair 1.5 0.887 (deep 0.923, plain BM25 0.924).
# Tie breaker 0.5 reached 0.888 with deep 0.926 but ranked a title holding one word above a
# file holding both (tests/search/test_query_model.py), so it stays 0.3.
PAIR_BONUS = 1.5
# How much an analysis that is not the best one for a word still adds (dis_max tie breaker).
TIE_BREAKER = 0.3
PAGE_FIELDS = ["pages.text", "pages.text.fr^0.8"]
PAGE_FOLDED = ["pages.text_folded"]
# A synonym's multi-word form may have its words this far apart ("displaced persons" ~
# "persons displaced internally"): an alternative, never a required phrase.
ALTERNATIVE_SLOP = 4
# What an alternative scores beside the word typed: found as well, never outranking the
# reader's own word (see the measurements above PAIR_BONUS).
ALTERNATIVE_BOOST = 0.5
PAGE_BOOST = 0.8
MAX_PAGES_PER_HIT = 30
# The fields a hit shows with marks, and their accent-folded twins.
_SHOWN = ["title", "summary", "body"]
_SHOWN_FOLDED = [FOLDED_FIELDS[name] for name in _SHOWN]
HIGHLIGHT = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}
# Elasticsearch refuses from + size beyond index.max_result_window; past it, ask for no hits
# (the total still comes back, and the view answers 404 for a page past the end).
MAX_RESULT_WINDOW = 10_000
# Sort clauses per contract.SORTS; every order ends on the resource id, as the embedded one does.
SORTS = {
    "relevance": ["_score", {"published": {"order": "desc", "missing": "_last"}}],
    "newest": [
        {"published": {"order": "desc", "missing": "_last"}},
        {"resource_id": {"order": "desc"}},
    ],
    "oldest": [
        {"published": {"order": "asc", "missing": "_last"}},
        {"resource_id": {"order": "asc"}},
    ],
    "title": [
        {"title_sort": {"order": "asc", "missing": "_last"}},
        {"resource_id": {"order": "asc"}},
    ],
}


def results_search(search: Search, request: SearchRequest) -> Search:
    """`search` (the alias, on the backend's client) narrowed to the results page `request`
    asks: the ranked hits of the page, the exact total, highlights and the facet counts."""
    query = request.query
    start = request.offset
    end = start + request.page_size
    if end > MAX_RESULT_WINDOW:
        start = end = 0
    search = (
        search.query(_ranking_query(request))
        .source(["resource_id", "title", "summary", "body"])
        .sort(*SORTS[request.sort])
        .highlight_options(**HIGHLIGHT, highlight_query=_marks_query(query).to_dict())
        .highlight("title", number_of_fragments=0)
        .highlight("summary", fragment_size=200, number_of_fragments=1)
        .highlight("body", fragment_size=200, number_of_fragments=2)
        .highlight("title_folded", number_of_fragments=0)
        .highlight("summary_folded", fragment_size=200, number_of_fragments=1)
        .highlight("body_folded", fragment_size=200, number_of_fragments=2)
        .extra(track_total_hits=True)[start:end]
    )
    return _with_facets(search, request)


def _ranking_query(request: SearchRequest) -> Q:
    """Which resources match the query and how they rank, among those the viewer may read."""
    query = request.query
    access = list(request.access)
    # Files stricter than their resource are read through their pages, and only for a
    # viewer who may read some restricted file at all (the public never may).
    restricted_pages = access if set(access) - {PUBLIC} else None
    must = [_unit_anywhere(query, unit, restricted_pages) for unit in query.strict_units]
    soft = [_unit_anywhere(query, unit, restricted_pages) for unit in query.soft_units]
    if soft:
        must.append(Q("bool", should=soft, minimum_should_match=query.required))
    # Neighbouring words typed found side by side add a bonus; they never decide a match.
    should = [_pair_nearby(*pair) for pair in query.word_pairs]
    must_not = [_unit_anywhere(query, unit, restricted_pages) for unit in query.excluded]
    # The access filter sits in the query itself, not in post_filter: totals, facet counts
    # and highlights only ever see what the viewer may see.
    return Q(
        "bool",
        must=must,
        should=should,
        must_not=must_not,
        filter=[_readable(access)],
    )


def _with_facets(search: Search, request: SearchRequest) -> Search:
    """The chosen filters and one aggregation per facet."""
    # Filters go in post_filter: they narrow the hits but not the aggregations, which each
    # apply every filter but their own facet's, so a chosen value's siblings keep counts.
    if request.filters:
        search = search.post_filter(_filters_query(request.filters))
    for facet in FACETS:
        terms = {"field": f"facets.{facet}", "size": FACET_SIZE}
        if facet == "year":
            terms["order"] = {"_key": "desc"}
        search.aggs.bucket(
            f"facet_{facet}", "filter", filter=_filters_query(request.filters_except(facet))
        ).bucket("values", "terms", **terms)
    return search


def pages_request(request: SearchRequest, resource_ids: list[int]) -> dict:
    """The request for the pages of `resource_ids` that hold the query's words."""
    query = request.query
    options = [option for unit in query.matching_units for option in query.options(unit)]
    readable = Q(
        "bool",
        should=[_page_clause(query, option) for option in dict.fromkeys(options)],
        minimum_should_match=1,
        filter=[_readable_pages(list(request.access))],
    )
    nested = Q(
        "nested",
        path="pages",
        query=readable,
        score_mode="max",
        inner_hits=_page_hits("pages", None),
    )
    return {
        "query": Q(
            "bool", filter=[Q("ids", values=[str(i) for i in resource_ids])], must=[nested]
        ).to_dict(),
        "size": len(resource_ids),
        "_source": False,
        "track_total_hits": False,
    }


def _readable(access: list[str]) -> Q:
    """One clause, whatever the number of restricted resources or groups."""
    return Q("terms", access=access)


def _readable_pages(access: list[str]) -> Q:
    return Q("terms", **{"pages.access": access})


def _filters_query(filters: dict[str, tuple[str, ...]]) -> Q:
    """Any value within a facet (terms), every facet (bool filter); no filters match all."""
    if not filters:
        return Q("match_all")
    return Q(
        "bool",
        filter=[Q("terms", **{f"facets.{name}": list(values)}) for name, values in filters.items()],
    )


def _pair_nearby(first: str, second: str, gap: int) -> Q:
    """Two neighbouring words typed, found side by side (the stop words typed between them
    allowed): a fixed bonus (PAIR_BONUS), however often, so a resource repeating a common pair
    does not outrank one that answers."""
    phrase = Q(
        "multi_match",
        query=f"{first} {second}",
        fields=ANALYSED["english"],
        type="phrase",
        slop=gap,
    )
    return Q("constant_score", filter=phrase, boost=PAIR_BONUS)


def _option_clause(option: Unit, fields: list[str], *, typed: bool) -> Q:
    """One word or phrase against one analysis's fields. A word is ranked across the fields
    as one document (combined_fields); a typed phrase stays a strict phrase; a synonym's
    multi-word form is matched with its words near each other."""
    text = " ".join(option)
    if len(option) == 1:
        return Q("combined_fields", query=text, fields=fields)
    slop = 0 if typed else ALTERNATIVE_SLOP
    return Q("multi_match", query=text, fields=fields, type="phrase", slop=slop)


def _option_anywhere(option: Unit, *, typed: bool) -> Q:
    """An option in any analysis, scored by the best one (others add a little); an
    alternative (a synonym, an acronym's long form) at ALTERNATIVE_BOOST."""
    exact = tuple(searchable(word).strip() for word in option)
    return Q(
        "dis_max",
        tie_breaker=TIE_BREAKER,
        boost=1.0 if typed else ALTERNATIVE_BOOST,
        queries=[
            _option_clause(option, ANALYSED["english"], typed=typed),
            _option_clause(option, ANALYSED["french"], typed=typed),
            _option_clause(exact, ANALYSED["exact"], typed=typed),
        ],
    )


def _page_clause(query: ParsedQuery, option: Unit) -> Q:
    """An option on a page of a file (the page lists and restricted files)."""
    return _marks(option, PAGE_FIELDS, PAGE_FOLDED, slop=0)


def _marks(option: Unit, fields: list[str], folded: list[str], *, slop: int) -> Q:
    """An option as written, on `fields` (as analysed) or accents folded, on `folded`."""
    text = " ".join(option)
    folded_text = " ".join(searchable(word).strip() for word in option)
    kind = {"type": "phrase", "slop": slop} if len(option) > 1 else {"type": "best_fields"}
    return Q(
        "bool",
        should=[
            Q("multi_match", query=text, fields=fields, **kind),
            Q("multi_match", query=folded_text, fields=folded, **kind),
        ],
    )


def _marks_query(query: ParsedQuery) -> Q:
    """What the highlighter marks in the hits shown: each word or phrase and its alternatives
    on the fields shown. The ranking query would mark the same words, but the highlighter
    would rewrite its combined fields, analyses and pairs for every hit (half the cost of the
    ranked page at 30,000 resources, bench/floor.py)."""
    marks = []
    for unit in query.matching_units:
        for n, option in enumerate(query.options(unit)):
            slop = 0 if n == 0 else ALTERNATIVE_SLOP
            marks.append(_marks(option, _SHOWN, _SHOWN_FOLDED, slop=slop))
    return Q("bool", should=marks)


def _unit_anywhere(query: ParsedQuery, unit: Unit, restricted_pages: list[str] | None) -> Q:
    """A unit matches a resource when it, or any of its alternatives (synonyms), occurs in the
    resource as one document: its fields and the text of its files. With `restricted_pages`
    (the viewer's labels), the pages of files stricter than their resource count too, where
    the viewer may read them."""
    options = query.options(unit)
    should = [_option_anywhere(option, typed=i == 0) for i, option in enumerate(options)]
    if restricted_pages:
        readable = Q(
            "bool",
            should=[_page_clause(query, option) for option in options],
            minimum_should_match=1,
            filter=[Q("term", **{"pages.stricter": True}), _readable_pages(restricted_pages)],
        )
        should.append(Q("nested", path="pages", query=readable, score_mode="max"))
    if len(should) == 1:
        return should[0]
    return Q("bool", should=should, minimum_should_match=1)


def _page_hits(name: str, marks: Q | None) -> dict:
    highlight: dict = {
        **HIGHLIGHT,
        "fields": {
            "pages.text": {"fragment_size": 160, "number_of_fragments": 1, "no_match_size": 160}
        },
    }
    if marks is not None:
        highlight["highlight_query"] = marks.to_dict()
    return {
        "name": name,
        "size": MAX_PAGES_PER_HIT,
        "_source": [
            "pages.document_id",
            "pages.document_title",
            "pages.document_url",
            "pages.kind",
            "pages.number",
        ],
        "highlight": highlight,
    }
