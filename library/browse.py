"""Faceted browsing of the library: filters from GET parameters, true counts, shareable URLs.

Plain ORM, no search engine: the library index and every collection page browse the same way,
and the number of queries stays the same however many resources or facet options there are
(one aggregate query per facet, one for the results, two prefetches for the cards).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Page, Paginator
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, ExtractYear, Lower
from django.db.models.signals import post_delete, post_save
from django.http import Http404, HttpRequest, QueryDict
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page as WagtailPage

from foundation.organisations import Organisation, WorkingGroup

from .access import visible_pages
from .gcm import short_title
from .pages import ResourcePage, ResourceType
from .taxonomy import GcmObjective, GuidingPrinciple, Language, Place, PlaceLevel
from .views import rows_of

PER_PAGE = 24
# A hand-edited URL with hundreds of values would only build a huge SQL IN list; nobody needs it.
MAX_VALUES_PER_FACET = 50

SORT_NEWEST = "newest"
SORT_TITLE = "title"
SORT_CURATED = "curated"
SORT_LABELS = {
    SORT_CURATED: _("Editor's order"),
    SORT_NEWEST: _("Newest first"),
    SORT_TITLE: _("Title A–Z"),
}
LIBRARY_SORTS = (SORT_NEWEST, SORT_TITLE)
COLLECTION_SORTS = (SORT_CURATED, SORT_NEWEST, SORT_TITLE)

_YEAR = re.compile(r"^\d{4}$")
_NUMBER = re.compile(r"^\d{1,3}$")


# ---------------------------------------------------------------------------------------------
# What the templates get


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool
    toggle_url: str
    group: str = ""  # the place level, for the place facet only


@dataclass(frozen=True)
class OptionGroup:
    label: str
    options: list[Option]


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: list[Option]
    grouped: bool = False

    @property
    def selected(self) -> list[Option]:
        return [option for option in self.options if option.selected]

    @property
    def groups(self) -> list[OptionGroup]:
        """Options under a heading per group (place level), in the options' own order."""
        groups: dict[str, list[Option]] = {}
        for option in self.options:
            groups.setdefault(option.group, []).append(option)
        return [OptionGroup(label, options) for label, options in groups.items()]


@dataclass(frozen=True)
class SortLink:
    value: str
    label: str
    url: str
    selected: bool


@dataclass(frozen=True)
class ActiveFilter:
    facet_label: str
    label: str
    remove_url: str


@dataclass
class BrowseResult:
    """Everything a browse page renders; build it with `browse()`."""

    page: Page
    facets: list[Facet]
    notices: list[str]
    sort: str
    sorts: list[SortLink]
    active_filters: list[ActiveFilter]
    clear_url: str
    _path: str = ""
    _state: dict[str, list[str]] = field(default_factory=dict)
    _default_sort: str = SORT_NEWEST

    @property
    def total(self) -> int:
        return self.page.paginator.count

    @property
    def results(self) -> list[ResourcePage]:
        return self.page.object_list

    def url(self, *, page: int | None = None, sort: str | None = None) -> str:
        """The current URL with every filter kept: the shareable address of this view."""
        return _build_url(self._path, self._state, sort or self.sort, self._default_sort, page=page)

    @property
    def current_url(self) -> str:
        return self.url(page=self.page.number)

    @property
    def previous_url(self) -> str:
        return self.url(page=self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_url(self) -> str:
        return self.url(page=self.page.next_page_number()) if self.page.has_next() else ""


# ---------------------------------------------------------------------------------------------
# The facets


@dataclass(frozen=True)
class FacetSpec:
    """How one GET parameter filters resources, counts its options and names them.

    `filter` builds the Q for a list of clean values (OR within the facet); `count_values` are
    one aggregate query yielding (value, label, group, sort key, count) per option; `known` checks
    cleaned values against the vocabulary in one query: {value: (label, group, sort key)}.
    """

    name: str
    label: str
    clean: Callable[[str], str | None]
    filter: Callable[[list[str]], Q]
    count: Callable[[QuerySet], Iterable[tuple[str, str, str, tuple, int]]]
    known: Callable[[list[str]], dict[str, tuple[str, str, tuple]]]
    unknown_notice: str
    grouped: bool = False


def _subquery(**lookup) -> Q:
    # Filtering a many-to-many through a subquery keeps the outer query free of joins, so
    # results need no DISTINCT and several facets never multiply each other's rows.
    return Q(pk__in=ResourcePage.objects.filter(**lookup).values("pk"))


def _aggregate(queryset: QuerySet, *columns: str, **annotations) -> list[dict]:
    """Per value of a column (or a to-one relation's fields) of the resources, how many carry it.

    The resources are named by an `IN` subquery, so the count runs on a plain table however
    the queryset was narrowed: no DISTINCT (a per-group sort on a 10,000-row library cost a
    tenth of a second per facet)."""
    resources = ResourcePage.objects.filter(pk__in=queryset.order_by().values("pk"))
    if annotations:
        resources = resources.annotate(**annotations)
    return list(
        resources.order_by()
        .values(*columns)
        .annotate(n=Count("pk"))
        .filter(**{f"{columns[0]}__isnull": False})
    )


def _linked(queryset: QuerySet, relation: str, *columns: str) -> list[dict]:
    """Per related value of a many-to-many `relation`, how many of the resources carry it, in
    _aggregate's shape (keys `relation__column`). Counted on the link table, which holds one row
    per resource and value: joining it to the resources would repeat each resource once per
    value and need COUNT(DISTINCT)."""
    field = ResourcePage._meta.get_field(relation)
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    rows = (
        field.remote_field.through.objects.filter(
            **{f"{source}__in": queryset.order_by().values("pk")}
        )
        .order_by()
        .values(*(f"{target}__{column}" for column in columns))
        .annotate(n=Count("pk"))
    )
    return [
        {
            **{f"{relation}__{column}": row[f"{target}__{column}"] for column in columns},
            "n": row["n"],
        }
        for row in rows
    ]


def _clean_number(raw: str) -> str | None:
    return str(int(raw)) if _NUMBER.match(raw) else None


def _clean_slug(raw: str) -> str | None:
    return raw if re.match(r"^[-\w]{1,100}$", raw) else None


def _clean_year(raw: str) -> str | None:
    return raw if _YEAR.match(raw) else None


def _objective_count(qs: QuerySet):
    for row in _linked(qs, "objectives", "number", "title"):
        number = row["objectives__number"]
        yield (
            str(number),
            _objective_label(number, row["objectives__title"]),
            "",
            (number,),
            row["n"],
        )


def _objective_label(number: int, title: str) -> str:
    # Number and short title: the full titles made the filter column thousands of pixels long.
    return f"{number}. {short_title(number, title)}"


def _objective_known(values: list[str]):
    return {
        str(o.number): (_objective_label(o.number, o.title), "", (o.number,))
        for o in GcmObjective.objects.filter(number__in=[int(v) for v in values])
    }


def _principle_count(qs: QuerySet):
    for row in _linked(qs, "principles", "number", "title"):
        number = row["principles__number"]
        yield str(number), row["principles__title"], "", (number,), row["n"]


def _principle_known(values: list[str]):
    return {
        str(p.number): (p.title, "", (p.number,))
        for p in GuidingPrinciple.objects.filter(number__in=[int(v) for v in values])
    }


_TYPE_ORDER = {value: index for index, value in enumerate(ResourceType.values)}


def _type_count(qs: QuerySet):
    labels = dict(ResourceType.choices)
    for row in _aggregate(qs, "resource_type"):
        value = row["resource_type"]
        if value in labels:
            yield value, str(labels[value]), "", (_TYPE_ORDER[value],), row["n"]


# Types of other records search finds (meetings, decisions), registered by their apps; listed
# after the resource types.
_OTHER_TYPES: dict[str, object] = {}


def register_type_label(value: str, label) -> None:
    _OTHER_TYPES[value] = label


def _type_known(values: list[str]):
    # No query: the types are a fixed list in code.
    labels = dict(ResourceType.choices)
    known = {v: (str(labels[v]), "", (_TYPE_ORDER[v],)) for v in values if v in labels}
    others = list(_OTHER_TYPES)
    known.update(
        {
            v: (str(_OTHER_TYPES[v]), "", (len(_TYPE_ORDER) + others.index(v),))
            for v in values
            if v in _OTHER_TYPES
        }
    )
    return known


def _organisation_label(name: str, acronym: str) -> str:
    return f"{acronym} – {name}" if acronym else name


def _organisation_sort(name: str, acronym: str) -> tuple:
    return ((acronym or name).lower(),)


def _organisation_count(qs: QuerySet):
    for row in _linked(qs, "organisations", "slug", "name", "acronym"):
        name, acronym = row["organisations__name"], row["organisations__acronym"]
        yield (
            row["organisations__slug"],
            _organisation_label(name, acronym),
            "",
            _organisation_sort(name, acronym),
            row["n"],
        )


def _organisation_known(values: list[str]):
    return {
        o.slug: (_organisation_label(o.name, o.acronym), "", _organisation_sort(o.name, o.acronym))
        for o in Organisation.objects.filter(slug__in=values)
    }


def _twg_count(qs: QuerySet):
    for row in _aggregate(qs, "working_group__slug", "working_group__name"):
        name = row["working_group__name"]
        yield row["working_group__slug"], name, "", (name.lower(),), row["n"]


def _twg_known(values: list[str]):
    return {
        g.slug: (g.name, "", (g.name.lower(),))
        for g in WorkingGroup.objects.filter(slug__in=values)
    }


class _DateYear(ExtractYear):
    """The year of a date column. SQLite keeps a date as ISO text ("2024-05-31"): its first
    four characters, rather than Django's Python function called once per row."""

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(substr({sql}, 1, 4) AS integer)", params


def _year_count(qs: QuerySet):
    # The year a reader expects is the publication date's; undated resources fall back on the
    # day they went online, as ResourcePage.year does.
    year = Coalesce(_DateYear("publication_date"), ExtractYear("first_published_at"))
    for row in _aggregate(qs, "browse_year", browse_year=year):
        year = row["browse_year"]
        yield str(year), str(year), "", (-year,), row["n"]


def _year_filter(values: list[str]) -> Q:
    years = [int(v) for v in values]
    return Q(publication_date__year__in=years) | Q(
        publication_date__isnull=True, first_published_at__year__in=years
    )


def _year_known(values: list[str]):
    # Any four-digit year is a fair question; a year with nothing in it just counts zero.
    return {v: (v, "", (-int(v),)) for v in values}


_LANGUAGE_ORDER = "languages__pk"


def _language_count(qs: QuerySet):
    for row in _linked(qs, "languages", "code", "name", "pk"):
        yield row["languages__code"], row["languages__name"], "", (row[_LANGUAGE_ORDER],), row["n"]


def _language_known(values: list[str]):
    return {
        lang.code: (lang.name, "", (lang.pk,)) for lang in Language.objects.filter(code__in=values)
    }


_LEVEL_ORDER = {value: index for index, value in enumerate(PlaceLevel.values)}
_LEVEL_LABELS = dict(PlaceLevel.choices)


def _place_count(qs: QuerySet):
    for row in _linked(qs, "places", "slug", "name", "level"):
        level = row["places__level"]
        yield (
            row["places__slug"],
            row["places__name"],
            str(_LEVEL_LABELS.get(level, level)),
            (_LEVEL_ORDER.get(level, 99), row["places__name"].lower()),
            row["n"],
        )


def _place_known(values: list[str]):
    return {
        p.slug: (
            p.name,
            str(_LEVEL_LABELS.get(p.level, p.level)),
            (_LEVEL_ORDER.get(p.level, 99), p.name.lower()),
        )
        for p in Place.objects.filter(slug__in=values)
    }


def facet_specs() -> list[FacetSpec]:
    """The library's facets, in the order the panel shows them."""
    return [
        FacetSpec(
            name="objective",
            label=_("GCM objective"),
            clean=_clean_number,
            filter=lambda values: _subquery(objectives__number__in=[int(v) for v in values]),
            count=_objective_count,
            known=_objective_known,
            unknown_notice=_("There is no GCM objective “%(value)s”; that filter was ignored."),
        ),
        FacetSpec(
            name="principle",
            label=_("Guiding principle"),
            clean=_clean_number,
            filter=lambda values: _subquery(principles__number__in=[int(v) for v in values]),
            count=_principle_count,
            known=_principle_known,
            unknown_notice=_("There is no guiding principle “%(value)s”; that filter was ignored."),
        ),
        FacetSpec(
            name="type",
            label=_("Type of resource"),
            clean=_clean_slug,
            filter=lambda values: Q(resource_type__in=values),
            count=_type_count,
            known=_type_known,
            unknown_notice=_("There is no resource type “%(value)s”; that filter was ignored."),
        ),
        FacetSpec(
            name="organisation",
            label=_("Organisation"),
            clean=_clean_slug,
            filter=lambda values: _subquery(organisations__slug__in=values),
            count=_organisation_count,
            known=_organisation_known,
            unknown_notice=_("There is no organisation “%(value)s”; that filter was ignored."),
        ),
        FacetSpec(
            name="twg",
            label=_("Technical working group"),
            clean=_clean_slug,
            filter=lambda values: Q(working_group__slug__in=values),
            count=_twg_count,
            known=_twg_known,
            unknown_notice=_(
                "There is no technical working group “%(value)s”; that filter was ignored."
            ),
        ),
        FacetSpec(
            name="year",
            label=_("Year"),
            clean=_clean_year,
            filter=_year_filter,
            count=_year_count,
            known=_year_known,
            unknown_notice=_("“%(value)s” is not a year; that filter was ignored."),
        ),
        FacetSpec(
            name="language",
            label=_("Language"),
            clean=_clean_slug,
            filter=lambda values: _subquery(languages__code__in=values),
            count=_language_count,
            known=_language_known,
            unknown_notice=_("There is no language “%(value)s”; that filter was ignored."),
        ),
        FacetSpec(
            name="place",
            label=_("Place"),
            clean=_clean_slug,
            filter=lambda values: _subquery(places__slug__in=values),
            count=_place_count,
            known=_place_known,
            unknown_notice=_("There is no place “%(value)s”; that filter was ignored."),
            grouped=True,
        ),
    ]


# ---------------------------------------------------------------------------------------------
# URLs


def _build_url(
    path: str,
    state: dict[str, list[str]],
    sort: str,
    default_sort: str,
    *,
    page: int | None = None,
) -> str:
    """A canonical URL: facets in panel order, the default sort and page 1 left out.

    Canonical so that the same selection always has the same address, whichever order the
    reader clicked in: links can be shared, bookmarked and cached.
    """
    params: list[tuple[str, str]] = [
        (name, value) for name, values in state.items() for value in values
    ]
    if sort != default_sort:
        params.append(("sort", sort))
    if page and page > 1:
        params.append(("page", str(page)))
    return f"{path}?{urlencode(params)}" if params else path


def _toggled(state: dict[str, list[str]], name: str, value: str) -> dict[str, list[str]]:
    values = state.get(name, [])
    new_values = [v for v in values if v != value] if value in values else [*values, value]
    new_state = {key: list(vals) for key, vals in state.items() if key != name}
    if new_values:
        new_state[name] = new_values
    # Keep panel order whatever was toggled last.
    order = [spec_name for spec_name in _FACET_NAMES if spec_name in new_state]
    return {key: new_state[key] for key in order}


_FACET_NAMES = [spec.name for spec in facet_specs()]


# ---------------------------------------------------------------------------------------------
# Browsing


def read_facet_selection(
    params: QueryDict, specs: Sequence[FacetSpec]
) -> tuple[dict[str, list[str]], dict[str, dict[str, tuple]], list[str]]:
    """The valid selection per facet, what is known of each selected value, and notices.

    Shared by the library's browse pages and the search page, so both read filters alike.
    """
    state: dict[str, list[str]] = {}
    known_by_facet: dict[str, dict[str, tuple]] = {}
    notices: list[str] = []
    for spec in specs:
        raws = [raw.strip() for raw in params.getlist(spec.name)]
        raws = list(dict.fromkeys(raw for raw in raws if raw))  # drop blanks and repeats
        if not raws:
            continue
        if len(raws) > MAX_VALUES_PER_FACET:
            notices.append(
                gettext("Only the first %(max)s %(facet)s filters were used.")
                % {"max": MAX_VALUES_PER_FACET, "facet": str(spec.label).lower()}
            )
            raws = raws[:MAX_VALUES_PER_FACET]
        cleaned = {raw: spec.clean(raw) for raw in raws}
        candidates = list(dict.fromkeys(v for v in cleaned.values() if v is not None))
        known = spec.known(candidates) if candidates else {}
        values = []
        for raw, value in cleaned.items():
            if value is None or value not in known:
                notices.append(str(spec.unknown_notice) % {"value": raw[:40]})
            elif value not in values:
                values.append(value)
        if values:
            state[spec.name] = values
            known_by_facet[spec.name] = known
    return state, known_by_facet, notices


def _order(queryset: QuerySet, sort: str, curated_ids: Sequence[int] | None) -> QuerySet:
    if sort == SORT_TITLE:
        return queryset.order_by(Lower("title"), "pk")
    if sort == SORT_CURATED and curated_ids:
        # The editor's order, as a CASE over the (short) list of the collection's resources.
        position = Case(
            *[When(pk=pk, then=Value(index)) for index, pk in enumerate(curated_ids)],
            output_field=IntegerField(),
        )
        return queryset.order_by(position, "pk")
    return queryset.order_by(
        F("publication_date").desc(nulls_last=True),
        F("first_published_at").desc(nulls_last=True),
        "-pk",  # a stable tie-break, so a resource never shows on two pages
    )


def _page_number(request: HttpRequest) -> int:
    raw = request.GET.get("page", "1").strip() or "1"
    if not raw.isdigit() or int(raw) < 1:
        raise Http404(gettext("There is no page “%(page)s” of results.") % {"page": raw[:20]})
    return int(raw)


def browse(
    request: HttpRequest,
    *,
    within: WagtailPage | None = None,
    resource_ids: Sequence[int] | None = None,
    sorts: Sequence[str] = LIBRARY_SORTS,
    per_page: int = PER_PAGE,
) -> BrowseResult:
    """Filter, count and paginate the live resources the viewer may see below `within` or in
    `resource_ids`.

    `resource_ids` keeps its order for the "curated" sort (a collection's editor's order).
    Raises Http404 for a page number that is not a number or lies past the last page.
    """
    specs = facet_specs()
    default_sort = sorts[0]
    notices: list[str] = []

    # visible_pages reads the view restrictions once here; every query below reuses it.
    base = visible_pages(ResourcePage.objects.live(), getattr(request, "user", None))
    if within is not None:
        base = base.descendant_of(within)
    if resource_ids is not None:
        base = base.filter(pk__in=list(resource_ids))

    state, known_by_facet, state_notices = read_facet_selection(request.GET, specs)
    notices.extend(state_notices)

    raw_sort = request.GET.get("sort", "").strip()
    sort = raw_sort if raw_sort in sorts else default_sort
    if raw_sort and raw_sort not in sorts:
        notices.append(
            gettext("There is no sort order “%(value)s”; that was ignored.")
            % {"value": raw_sort[:40]}
        )

    filters = {spec.name: spec.filter(state[spec.name]) for spec in specs if spec.name in state}

    def filtered_except(name: str | None) -> QuerySet:
        queryset = base
        for facet_name, q in filters.items():
            if facet_name != name:
                queryset = queryset.filter(q)
        return queryset

    # Results.
    results = _order(filtered_except(None), sort, resource_ids).prefetch_related(
        "objectives", "organisations", "languages"
    )
    paginator = Paginator(results, per_page)
    number = _page_number(request)
    try:
        # Page 1 always exists, even empty: "nothing matches" is an answer, not a 404.
        page = paginator.page(number)
    except EmptyPage as error:
        raise Http404(
            gettext("There is no page %(page)s of results.") % {"page": number}
        ) from error
    # A list, so callers (collections) can hang their own attributes on each result.
    page.object_list = list(rows_of(page.object_list))

    path = request.path

    # Facets: each counted over every other facet's filter, so choosing an option never hides
    # its siblings and each count says what ticking that option would add.
    facets: list[Facet] = []
    active_filters: list[ActiveFilter] = []
    for spec in specs:
        selected = state.get(spec.name, [])
        rows: dict[str, tuple[str, str, tuple, int]] = {}
        for value, label, group, order, count in spec.count(filtered_except(spec.name)):
            rows[value] = (label, group, order, count)
        for value in selected:
            if value not in rows:  # selected but nothing matches: keep it visible, to untick
                label, group, order = known_by_facet[spec.name][value]
                rows[value] = (label, group, order, 0)
        ordered = sorted(rows.items(), key=lambda item: item[1][2])
        options = [
            Option(
                value=value,
                label=label,
                count=count,
                selected=value in selected,
                toggle_url=_build_url(path, _toggled(state, spec.name, value), sort, default_sort),
                group=group,
            )
            for value, (label, group, _order_key, count) in ordered
        ]
        facets.append(Facet(spec.name, str(spec.label), options, grouped=spec.grouped))
        for value in selected:
            label = rows[value][0]
            active_filters.append(
                ActiveFilter(
                    facet_label=str(spec.label),
                    label=label,
                    remove_url=_build_url(
                        path, _toggled(state, spec.name, value), sort, default_sort
                    ),
                )
            )

    sort_links = [
        SortLink(
            value=value,
            label=str(SORT_LABELS[value]),
            url=_build_url(path, state, value, default_sort),
            selected=value == sort,
        )
        for value in sorts
    ]
    return BrowseResult(
        page=page,
        facets=facets,
        notices=notices,
        sort=sort,
        sorts=sort_links,
        active_filters=active_filters,
        clear_url=_build_url(path, {}, sort, default_sort),
        _path=path,
        _state=state,
        _default_sort=default_sort,
    )


__all__ = [
    "COLLECTION_SORTS",
    "LIBRARY_SORTS",
    "PER_PAGE",
    "ActiveFilter",
    "BrowseResult",
    "Facet",
    "Option",
    "SortLink",
    "browse",
    "facet_specs",
]


# -- labels of facet values the search engine returns ------------------------------------------

# The search page labels the engine's raw values (ids, slugs) with one query per vocabulary;
# the vocabularies are small and rarely edited, so each process keeps what it has read, per
# facet and interface language, for KNOWN_LABELS_SECONDS. An edit clears this process's copy at
# once (signals below); other processes see it within that time. A value not held is read.
KNOWN_LABELS_SECONDS = 60.0
_known_labels: dict[tuple[str, str], tuple[float, dict[str, tuple]]] = {}


def known_labels(spec: FacetSpec, values: Iterable[str]) -> dict[str, tuple]:
    """spec.known(values), from this process's recent reads where it can."""
    key = (spec.name, get_language() or "")
    now = time.monotonic()
    read_at, held = _known_labels.get(key, (0.0, {}))
    if now - read_at > KNOWN_LABELS_SECONDS:
        read_at, held = now, {}
        _known_labels[key] = (read_at, held)
    values = list(values)
    missing = [value for value in values if value not in held]
    if missing:
        held.update(spec.known(missing))
    return {value: held[value] for value in values if value in held}


def _forget_known_labels(**_kwargs) -> None:
    _known_labels.clear()


for _vocabulary in (GcmObjective, GuidingPrinciple, Organisation, WorkingGroup, Language, Place):
    post_save.connect(_forget_known_labels, sender=_vocabulary, dispatch_uid=f"known-{_vocabulary}")
    post_delete.connect(
        _forget_known_labels, sender=_vocabulary, dispatch_uid=f"known-del-{_vocabulary}"
    )
