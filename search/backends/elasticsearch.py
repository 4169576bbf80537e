"""The Elasticsearch backend: queries built with elasticsearch.dsl, writes through the bulk helper.

Readers search an alias; a rebuild fills a new index and moves the alias, so there is never a
moment of empty or partial results.
"""

from __future__ import annotations

import html
import re
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch import ConnectionError as EsConnectionError
from elasticsearch.dsl import Q, Search
from elasticsearch.helpers import BulkIndexError, bulk

from ..contract import (
    FACET_SIZE,
    FACETS,
    PAGES_PER_DOCUMENT,
    PUBLIC,
    DocumentMatch,
    FacetCount,
    Hit,
    PageMatch,
    ResourceRecord,
    SearchRequest,
    SearchResults,
    SearchUnavailable,
)
from ..places import name_places
from ..query import ParsedQuery, Unit, searchable
from .elasticsearch_index import FOLDED_FIELDS, build_index, to_source
from .elasticsearch_operations import OPERATIONS, ElasticsearchOperations

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
# What search() reads of a response; the rest (shard counts, nested offsets, max scores...)
# is left on the node.
_RESPONSE_PARTS = [
    "took",
    "hits.total.value",
    "hits.hits._id",
    "hits.hits._score",
    "hits.hits._source",
    "hits.hits.highlight",
    "hits.hits.inner_hits.*.hits.hits._source",
    "hits.hits.inner_hits.*.hits.hits._score",
    "hits.hits.inner_hits.*.hits.hits.highlight",
    "aggregations.*.values.buckets.key",
    "aggregations.*.values.buckets.doc_count",
]
# The same parts of each answer to a multi-search (search() asks the page's two requests at once).
_MSEARCH_PARTS = ["took", "responses.error", *(f"responses.{part}" for part in _RESPONSE_PARTS)]
# The fields a hit shows with marks, and their accent-folded twins.
_SHOWN = ["title", "summary", "body"]
_SHOWN_FOLDED = [FOLDED_FIELDS[name] for name in _SHOWN]
_PAGE_RESPONSE_PARTS = [
    "took",
    "hits.hits._id",
    "hits.hits.inner_hits.*.hits.hits._source",
    "hits.hits.inner_hits.*.hits.hits._score",
    "hits.hits.inner_hits.*.hits.hits.highlight",
]
_HIGHLIGHT = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}
_UNAVAILABLE = (EsConnectionError, TransportError)


@contextmanager
def _asked() -> Iterator[None]:
    """A query's failures as the contract's one error: a refused query and an unreachable
    node both leave the search page to say that search is unavailable."""
    try:
        yield
    except ApiError as error:
        raise SearchUnavailable(f"Elasticsearch refused the query: {error}") from error
    except _UNAVAILABLE as error:
        raise SearchUnavailable(str(error)) from error


_MARKED = re.compile(r"(<mark>.*?</mark>)", re.S)
# Elasticsearch refuses from + size beyond index.max_result_window; past it, ask for no hits
# (the total still comes back, and the view answers 404 for a page past the end).
MAX_RESULT_WINDOW = 10_000
# Sort clauses per contract.SORTS; every order ends on the resource id, as the embedded one does.
_SORTS = {
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


class ElasticsearchBackend(ElasticsearchOperations):
    name = "elasticsearch"
    capabilities = frozenset(
        {
            "phrases",
            "exclusions",
            "highlights",
            "page_numbers",
            "english_stemming",
            "french_stemming",
        }
    )
    capabilities |= OPERATIONS  # spelling, suggestions, related, drift check, rebuild

    def __init__(
        self, url: str, prefix: str, *, timeout: float = 10.0, refresh: bool = False
    ) -> None:
        self.client = Elasticsearch(url, request_timeout=timeout, max_retries=1)
        self.alias = f"{prefix}-resources"
        # Tests ask every write to be visible at once; production lets the node batch refreshes.
        self.refresh = refresh
        self._ready = False

    # -- the index ---------------------------------------------------------------------------

    def setup(self) -> None:
        """Create the first index behind the alias if there is none."""
        if self._ready:
            return
        try:
            if not self.client.indices.exists_alias(name=self.alias):
                self.create_index(make_live=True)
            else:
                self._add_new_fields()
        except _UNAVAILABLE as error:
            raise SearchUnavailable(str(error)) from error
        self._ready = True

    def _add_new_fields(self) -> None:
        """Map fields added since the live index was built (title_sort), so sorting works at
        once; resources indexed before get their values at the next write or rebuild."""
        try:
            folded = {"type": "text", "analyzer": "hub_plain"}
            self.client.indices.put_mapping(
                index=self.alias,
                properties={
                    "title_sort": {"type": "keyword"},
                    "access": {"type": "keyword"},
                    **{name: folded for name in FOLDED_FIELDS.values()},
                    "pages": {
                        "type": "nested",
                        "properties": {
                            "text_folded": folded,
                            "access": {"type": "keyword"},
                            "stricter": {"type": "boolean"},
                        },
                    },
                },
            )
        except ApiError:
            pass  # mapped otherwise already: a rebuild (search_index rebuild) sets it right

    def create_index(self, *, make_live: bool) -> str:
        name = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 1_000_000:06d}"
        build_index(name).create(using=self.client)
        if make_live:
            self.client.indices.put_alias(index=name, name=self.alias)
        return name

    def live_indices(self) -> list[str]:
        try:
            return sorted(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            return []

    def swap_alias(self, new_index: str) -> None:
        """Point the alias at new_index in one atomic step, then drop the old indices."""
        old = self.live_indices()
        actions = [{"add": {"index": new_index, "alias": self.alias}}]
        actions += [{"remove": {"index": name, "alias": self.alias}} for name in old]
        self.client.indices.update_aliases(actions=actions)
        for name in old:
            if name != new_index:
                self.client.indices.delete(index=name, ignore_unavailable=True)

    def reset(self) -> None:
        for name in self.live_indices():
            self.client.indices.delete(index=name, ignore_unavailable=True)
        self._ready = False
        self.setup()

    def drop(self) -> None:
        """Remove every index behind the alias (tests clean up after themselves)."""
        for name in self.live_indices():
            self.client.indices.delete(index=name, ignore_unavailable=True)
        self._ready = False

    # -- writing -----------------------------------------------------------------------------

    def index(self, records: list[ResourceRecord], *, index_name: str | None = None) -> None:
        self.setup()
        target = index_name or self.alias
        actions = (
            {"_index": target, "_id": record.resource_id, "_source": to_source(record)}
            for record in records
        )
        try:
            bulk(self.client, actions, refresh="wait_for" if self.refresh else False)
        except BulkIndexError as error:
            raise SearchUnavailable(f"{len(error.errors)} records were refused") from error
        except _UNAVAILABLE as error:
            raise SearchUnavailable(str(error)) from error

    def delete(self, resource_ids: list[int]) -> None:
        self.setup()
        actions = ({"_op_type": "delete", "_index": self.alias, "_id": rid} for rid in resource_ids)
        try:
            bulk(
                self.client,
                actions,
                refresh="wait_for" if self.refresh else False,
                raise_on_error=False,
            )
        except _UNAVAILABLE as error:
            raise SearchUnavailable(str(error)) from error

    def indexed_ids(self) -> set[int]:
        self.setup()
        search = Search(using=self.client, index=self.alias).source(False)
        return {int(hit.meta.id) for hit in search.params(size=1000).scan()}

    # -- reading -----------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResults:
        query = request.query
        if query.is_empty:
            return SearchResults(total=0, hits=[], page=request.page, page_size=request.page_size)
        self.setup()
        *ranked, counted = self._answers(self.request_bodies(request))
        found = ranked[0].get("hits", {}) if ranked else {}
        hits = [self._hit(raw) for raw in found.get("hits", [])]
        if hits:
            self._add_pages(request, hits)
        return SearchResults(
            total=counted.get("hits", {}).get("total", {}).get("value", 0),
            hits=hits,
            page=request.page,
            page_size=request.page_size,
            facets=_facet_counts(counted),
        )

    def _answers(self, bodies: list[dict]) -> list[dict]:
        """The node's answers to `bodies`, asked in one round trip and run side by side."""
        searches = [part for body in bodies for part in ({}, body)]
        with _asked():
            # The plain response body: elasticsearch.dsl's Response wraps every hit, highlight
            # and bucket in attribute dictionaries, a cost per request for nothing read twice.
            answers = self.client.msearch(
                index=self.alias, searches=searches, filter_path=_MSEARCH_PARTS
            ).body.get("responses", [])
        refused = [answer["error"] for answer in answers if "error" in answer]
        if refused or len(answers) != len(bodies):
            raise SearchUnavailable(f"Elasticsearch refused the query: {refused}")
        return answers

    def _add_pages(self, request: SearchRequest, hits: list[Hit]) -> None:
        """The matching pages of the hits shown, read in a second small request filtered to
        their ids: ranking never walks the pages of every match."""
        body = self.pages_body(request, [hit.resource_id for hit in hits])
        with _asked():
            response = self.client.search(
                index=self.alias, body=body, filter_path=_PAGE_RESPONSE_PARTS
            ).body
        by_id = {hit.resource_id: hit for hit in hits}
        for raw in response.get("hits", {}).get("hits", []):
            hit = by_id.get(int(raw["_id"]))
            pages = _pages_found(raw.get("inner_hits", {}))
            if hit is not None and pages:
                hit.documents = _documents(pages)

    def pages_body(self, request: SearchRequest, resource_ids: list[int]) -> dict:
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

    def request_body(self, request: SearchRequest) -> dict:
        """The whole results page as one request: hits, exact total and facet counts (what
        request_bodies splits; bench.floor cuts its smaller requests from it)."""
        return self._build(request).to_dict()

    def request_bodies(self, request: SearchRequest) -> list[dict]:
        """What search() sends for `request`: the ranked hits of the page shown, then the exact
        total with the facet counts. Apart, each costs the node less than together: the
        ranking skips what cannot reach the page (no total to count), and the counting scores
        nothing (the query in filter context). A page past MAX_RESULT_WINDOW asks counts only."""
        body = self.request_body(request)
        post_filter = body.pop("post_filter", None)
        aggs = body.pop("aggs", {})
        counted = {
            "size": 0,
            "track_total_hits": True,
            "query": {"bool": {"filter": [body["query"]]}},
            "aggs": aggs,
            **({"post_filter": post_filter} if post_filter else {}),
        }
        if not body.get("size"):
            return [counted]
        ranked = {**body, "track_total_hits": False}
        if post_filter:
            # Without aggregations to spare from it, the chosen values simply narrow the query.
            ranked["query"] = {"bool": {"must": [body["query"]], "filter": [post_filter]}}
        return [ranked, counted]

    def _build(self, request: SearchRequest) -> Search:
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
        bool_query = Q(
            "bool",
            must=must,
            should=should,
            must_not=must_not,
            filter=[_readable(access)],
        )
        start = request.offset
        end = start + request.page_size
        if end > MAX_RESULT_WINDOW:
            start = end = 0
        search = (
            Search(using=self.client, index=self.alias)
            .query(bool_query)
            .source(["resource_id", "title", "summary", "body"])
            .sort(*_SORTS[request.sort])
            .highlight_options(**_HIGHLIGHT, highlight_query=_marks_query(query).to_dict())
            .highlight("title", number_of_fragments=0)
            .highlight("summary", fragment_size=200, number_of_fragments=1)
            .highlight("body", fragment_size=200, number_of_fragments=2)
            .highlight("title_folded", number_of_fragments=0)
            .highlight("summary_folded", fragment_size=200, number_of_fragments=1)
            .highlight("body_folded", fragment_size=200, number_of_fragments=2)
            .extra(track_total_hits=True)[start:end]
        )
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

    def _hit(self, raw: dict) -> Hit:
        marked = raw.get("highlight")
        hit = Hit(resource_id=int(raw["_id"]), score=raw.get("_score") or 0.0)
        if marked:
            source = raw.get("_source", {})
            titles = _with_folded(marked, "title", source.get("title", ""), 1)
            hit.title_html = titles[0] if titles else ""
            for field, limit in (("summary", 1), ("body", 2)):
                hit.fragments_html += _with_folded(marked, field, source.get(field, ""), limit)
        pages = _pages_found(raw.get("inner_hits", {}))
        if pages:
            hit.documents = _documents(pages)
        return hit


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


def _facet_counts(response: dict) -> dict[str, list[FacetCount]]:
    aggregations = response.get("aggregations", {})
    return {
        facet: [
            FacetCount(value=str(bucket["key"]), count=bucket["doc_count"])
            for bucket in aggregations.get(f"facet_{facet}", {})
            .get("values", {})
            .get("buckets", [])
        ]
        for facet in FACETS
    }


def _marked_spans(fragment_html: str) -> tuple[str, list[tuple[int, int]]]:
    """An engine fragment as plain text and the (start, end) of each <mark> in it."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    for piece in _MARKED.split(fragment_html):
        marked = piece.startswith("<mark>") and piece.endswith("</mark>")
        text = html.unescape(piece[6:-7] if marked else piece)
        if marked:
            spans.append((position, position + len(text)))
        plain.append(text)
        position += len(text)
    return "".join(plain), spans


def _render(text: str, window: tuple[int, int], spans: list[tuple[int, int]]) -> str:
    """text[window] escaped, with <mark> around every span (merged where they overlap)."""
    start, end = window
    merged: list[list[int]] = []
    for a, b in sorted((max(a, start), min(b, end)) for a, b in spans if a < end and b > start):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out: list[str] = []
    position = start
    for a, b in merged:
        out.append(html.escape(text[position:a], quote=True))
        out.append("<mark>" + html.escape(text[a:b], quote=True) + "</mark>")
        position = b
    out.append(html.escape(text[position:end], quote=True))
    return "".join(out)


def _with_folded(marked: dict, field: str, original: str, limit: int) -> list[str]:
    """The field's fragments with the marks its folded sibling found added: query.fold keeps
    the length, so an offset in the folded text is the same offset in the original."""
    fragments = marked.get(field, [])
    folded_fragments = marked.get(FOLDED_FIELDS[field], [])
    if not folded_fragments or not original:
        return fragments
    folded = searchable(original)
    windows: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    for found, haystack in ((fragments, original), (folded_fragments, folded)):
        for fragment in found:
            plain, marks = _marked_spans(fragment)
            start = haystack.find(plain)
            if start < 0:
                if haystack is original:
                    return fragments  # cannot place the engine's own fragment: keep it as is
                continue
            spans += [(start + a, start + b) for a, b in marks]
            end = start + len(plain)
            if not any(a < end and start < b for a, b in windows):
                windows.append((start, end))
    windows = sorted(windows)[:limit]
    return [_render(original, window, spans) for window in windows]


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
        **_HIGHLIGHT,
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


def _pages_found(inner_hits: dict) -> list[dict]:
    """The pages every unit found, each once, best first: a page's weight is the sum of what
    each unit scored on it (as one query over all the words would add them up), at most
    MAX_PAGES_PER_HIT of them."""
    pages: dict[tuple, dict] = {}
    weights: dict[tuple, float] = defaultdict(float)
    for found in inner_hits.values():
        for page in found.get("hits", {}).get("hits", []):
            source = page.get("_source", {})
            key = (source.get("document_id"), source.get("number"))
            pages.setdefault(key, page)
            weights[key] += page.get("_score") or 0.0
    order = sorted(pages, key=lambda key: (-weights[key], key[0] or 0, key[1] or 0))
    return [pages[key] for key in order[:MAX_PAGES_PER_HIT]]


def _documents(page_hits: list[dict]) -> list[DocumentMatch]:
    documents: dict[int, DocumentMatch] = {}
    found: dict[int, int] = defaultdict(int)
    for page in page_hits:
        source = page.get("_source", {})
        document_id = source["document_id"]
        found[document_id] += 1
        match = documents.get(document_id)
        if match is None:
            match = documents[document_id] = DocumentMatch(
                document_id=document_id,
                title=source["document_title"],
                url=source["document_url"],
                kind=source["kind"],
            )
        if len(match.pages) < PAGES_PER_DOCUMENT:
            fragments = page.get("highlight", {}).get("pages.text", [""])
            match.pages.append(PageMatch(number=source["number"], fragment_html=fragments[0]))
    for document_id, match in documents.items():
        match.more_pages = found[document_id] - len(match.pages)
    name_places(list(documents.values()))
    return list(documents.values())
