"""A reproducible synthetic library: resource specs, their index records and their database rows.

Resource `i` of a library is drawn from its own `random.Random(seed, i)`, so the first 10,000
resources of the 100,000 set are the 10,000 set, and any resource can be rebuilt alone. No PDF
file is made: attachment pages are text drawn from a vocabulary (migration words first, so the
query mix finds them) and go straight into `search.contract.ResourceRecord`s; the database gets
the same resources as live `ResourcePage` rows (bulk inserts through the ORM, ids equal to the
records' ids) so the search view can load the pages it shows.
"""

from __future__ import annotations

import dataclasses
import datetime
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

from search.contract import IndexedDocument, IndexedPage, ResourceRecord

# Words members search for: every query of bench.queries is built from these.
MIGRATION_WORDS = (
    "migration migrant migrants migratory refugee refugees asylum returnees return reintegration "
    "remittances diaspora border borders management labour labor mobility displacement displaced "
    "internally persons trafficking smuggling protection children unaccompanied women gender "
    "violence health climate disaster resilience livelihoods employment skills recruitment "
    "ethical workers decent work data statistics census survey evidence policy coherence "
    "governance integration inclusion social cohesion xenophobia discrimination consular "
    "assistance identity documents registration birth detention alternatives regular pathways "
    "visa residence permits family reunification students regional community cooperation "
    "partnership capacity training standard operating procedures referral mechanism case "
    "management counselling psychosocial support shelter emergency response preparedness "
    "environment drought floods landslides urban rural districts provinces kigali rubavu "
    "rusizi nyagatare musanze huye karongi gisagara transit corridor youth entrepreneurship "
    "financial inclusion cost transfer savings investment development sustainable goals"
).split()
# Ordinary report prose around them.
COMMON_WORDS = (
    "the of and to in a for on with by as is are was were be this that these those from at an "
    "or which their its it has have had not also more most other such between within across "
    "including through under while during after before about against among national local "
    "government ministry agency partners stakeholders programme project report study analysis "
    "findings recommendations results approach framework strategy implementation monitoring "
    "evaluation review assessment plan action year years period level levels number share "
    "percent increase decrease trend key main new current future further available relevant "
    "specific public private sector services access needs risks challenges opportunities "
    "system systems process processes information knowledge practice practices lessons learned"
).split()
FRENCH_WORDS = (
    "migrants déplacés réfugiés frontière travailleurs intégration retour protection santé "
    "données politique gouvernance communauté femmes enfants développement coopération"
).split()
SYLLABLES = "ba ka ri mu se to la vi no de ga pe zu ho ma ti re so wa ne ky fa lu".split()


def _vocabulary(size: int = 4000) -> tuple[list[str], list[float]]:
    """Domain words, common words and synthetic filler, with Zipf-like weights."""
    rng = random.Random(7)
    filler: list[str] = []
    seen = set(MIGRATION_WORDS) | set(COMMON_WORDS)
    while len(filler) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            filler.append(word)
    words = COMMON_WORDS + MIGRATION_WORDS + FRENCH_WORDS + filler
    weights = [1.0 / (rank + 8) for rank in range(len(words))]
    return words, weights


WORDS, WEIGHTS = _vocabulary()
# Cumulative weights once: random.choices would otherwise add them up on every call.
CUM_WEIGHTS = list(__import__("itertools").accumulate(WEIGHTS))
THEMES = (
    "climate",
    "returnees",
    "remittances",
    "labour migration",
    "border management",
    "trafficking",
    "children on the move",
    "health",
    "data",
    "diaspora",
    "gender",
    "reintegration",
)
# The resource types a ResourcePage may carry (library.pages.ResourceType values).
TYPES = (
    "policy-brief",
    "policy-paper",
    "report",
    "study",
    "dataset",
    "guidance",
    "training",
    "meeting-record",
    "news",
    "external-link",
)


@dataclass(frozen=True)
class Taxonomy:
    """The vocabularies resources are tagged from: (value, label) pairs as the database has them."""

    objectives: tuple[tuple[int, str], ...]
    principles: tuple[tuple[int, str], ...]
    organisations: tuple[tuple[str, str], ...]
    working_groups: tuple[tuple[str, str], ...]
    languages: tuple[str, ...]
    places: tuple[tuple[str, str], ...]
    # Database ids, for inserting pages (empty when the taxonomy was not read from a database).
    ids: dict[str, dict[str, int]] = field(default_factory=dict)

    @classmethod
    def from_db(cls) -> Taxonomy:
        from foundation.organisations import Organisation, WorkingGroup
        from library.models import GcmObjective, GuidingPrinciple, Language, Place

        objectives = list(GcmObjective.objects.order_by("number"))
        principles = list(GuidingPrinciple.objects.order_by("number"))
        organisations = list(Organisation.objects.order_by("slug"))
        groups = list(WorkingGroup.objects.order_by("slug"))
        languages = list(Language.objects.order_by("code"))
        places = list(Place.objects.order_by("slug"))
        if not (objectives and principles and organisations and languages and places):
            raise RuntimeError(
                "the taxonomy is incomplete: migrate and load the demo organisations first"
            )
        return cls(
            objectives=tuple((o.number, o.title) for o in objectives),
            principles=tuple((p.number, p.title) for p in principles),
            organisations=tuple((o.slug, o.label) for o in organisations),
            working_groups=tuple((g.slug, g.name) for g in groups),
            languages=tuple(language.code for language in languages),
            places=tuple((p.slug, p.name) for p in places),
            ids={
                "objective": {str(o.number): o.pk for o in objectives},
                "principle": {str(p.number): p.pk for p in principles},
                "organisation": {o.slug: o.pk for o in organisations},
                "twg": {g.slug: g.pk for g in groups},
                "language": {language.code: language.pk for language in languages},
                "place": {p.slug: p.pk for p in places},
            },
        )


@dataclass(frozen=True)
class Spec:
    """One synthetic resource, before it becomes a record or a row."""

    resource_id: int
    slug: str
    title: str
    summary: str
    body: str
    type: str
    objectives: tuple[int, ...]
    principles: tuple[int, ...]
    organisations: tuple[str, ...]
    twg: str | None
    published: datetime.date
    languages: tuple[str, ...]
    places: tuple[str, ...]
    themes: tuple[str, ...]
    documents: tuple[tuple[str, str, tuple[str, ...]], ...]  # (title, kind, page texts)


@dataclass(frozen=True)
class Sizes:
    """Field sizes in words (ranges), attachments per resource and pages per attachment."""

    title: tuple[int, int] = (5, 14)
    summary: tuple[int, int] = (35, 80)
    body: tuple[int, int] = (150, 450)
    documents: tuple[int, int] = (0, 2)
    pages: tuple[int, int] = (2, 6)
    page_words: tuple[int, int] = (120, 320)


def _text(rng: random.Random, low: int, high: int) -> str:
    words = rng.choices(WORDS, cum_weights=CUM_WEIGHTS, k=rng.randint(low, high))
    sentences = []
    for start in range(0, len(words), 14):
        sentence = " ".join(words[start : start + 14])
        sentences.append(sentence[:1].upper() + sentence[1:] + ".")
    return " ".join(sentences)


def _pick(rng: random.Random, values, low: int, high: int) -> list:
    return rng.sample(list(values), min(len(values), rng.randint(low, high)))


class Library:
    """A synthetic library of `size` resources, ids starting at `first_id`."""

    def __init__(
        self,
        taxonomy: Taxonomy,
        size: int,
        *,
        seed: int = 2026,
        first_id: int = 100_000,
        sizes: Sizes | None = None,
    ) -> None:
        self.taxonomy = taxonomy
        self.size = size
        self.seed = seed
        self.first_id = first_id
        self.sizes = sizes or Sizes()

    def spec(self, i: int, *, documents: bool = True) -> Spec:
        if not 0 <= i < self.size:
            raise IndexError(i)
        rng = random.Random(self.seed * 1_000_003 + i)
        tax = self.taxonomy
        sizes = self.sizes
        # Objectives follow a skewed spread (some are far more common), like a real archive.
        objective_numbers = [number for number, _title in tax.objectives]
        objective_weights = [1.0 / (1 + (n * 7) % 23) for n in objective_numbers]
        objectives = sorted(set(rng.choices(objective_numbers, objective_weights, k=3)))[
            : rng.randint(1, 3)
        ]
        title_words = _text(rng, *sizes.title).rstrip(".").split()
        # Every title names a domain word, as real titles do.
        title_words.insert(rng.randint(0, len(title_words)), rng.choice(MIGRATION_WORDS))
        year = min(2026, 2005 + int(rng.triangular(0, 22, 19)))
        spec = Spec(
            resource_id=self.first_id + i,
            slug=f"bench-resource-{i}",
            title=" ".join(title_words)[:250].capitalize(),
            summary=_text(rng, *sizes.summary),
            body=_text(rng, *sizes.body),
            type=rng.choice(TYPES),
            objectives=tuple(objectives),
            principles=tuple(sorted(n for n, _t in _pick(rng, tax.principles, 0, 3))),
            organisations=tuple(s for s, _l in _pick(rng, tax.organisations, 1, 3)),
            twg=rng.choice(tax.working_groups)[0]
            if tax.working_groups and rng.random() < 0.6
            else None,
            published=datetime.date(year, rng.randint(1, 12), rng.randint(1, 28)),
            languages=tuple(_pick(rng, tax.languages, 1, 2)),
            places=tuple(s for s, _n in _pick(rng, tax.places, 0, 3)),
            themes=tuple(_pick(rng, THEMES, 0, 3)),
            documents=(),
        )
        if not documents:  # the database rows need no attachment text: skip the costly part
            return spec
        # Drawn last, so a spec without documents has the same fields as one with them.
        drawn = []
        for number in range(rng.randint(*sizes.documents)):
            kind = rng.choice(("pdf", "pdf", "pdf", "docx"))
            pages = tuple(_text(rng, *sizes.page_words) for _ in range(rng.randint(*sizes.pages)))
            drawn.append((f"Annex {number + 1}", kind, pages))
        return dataclasses.replace(spec, documents=tuple(drawn))

    def specs(
        self, start: int = 0, stop: int | None = None, *, documents: bool = True
    ) -> Iterator[Spec]:
        for i in range(start, self.size if stop is None else min(stop, self.size)):
            yield self.spec(i, documents=documents)

    def record(self, spec: Spec) -> ResourceRecord:
        return to_record(spec, self.taxonomy)

    def batches(self, batch_size: int, start: int = 0, stop: int | None = None):
        """Records in lists of batch_size, generated lazily (the 100k set never sits in memory)."""
        batch: list[ResourceRecord] = []
        for spec in self.specs(start, stop):
            batch.append(self.record(spec))
            if len(batch) == batch_size:
                yield batch
                batch = []
        if batch:
            yield batch


def _public() -> dict:
    """Records are public: pass the access label where the contract has one."""
    names = {f.name for f in dataclasses.fields(ResourceRecord)}
    if "access" not in names:
        return {}
    from library.access import PUBLIC

    return {"access": (PUBLIC,)}


def to_record(spec: Spec, taxonomy: Taxonomy) -> ResourceRecord:
    """The record search.records.build_record would make of this resource's page."""
    objective_titles = dict(taxonomy.objectives)
    principle_titles = dict(taxonomy.principles)
    org_labels = dict(taxonomy.organisations)
    group_names = dict(taxonomy.working_groups)
    place_names = dict(taxonomy.places)
    documents = tuple(
        IndexedDocument(
            document_id=spec.resource_id * 10 + number,
            title=title,
            url=f"/documents/{spec.resource_id * 10 + number}/{spec.slug}-{number}.{kind}",
            kind=kind,
            pages=tuple(IndexedPage(n, text) for n, text in enumerate(pages, start=1)),
        )
        for number, (title, kind, pages) in enumerate(spec.documents)
    )
    return ResourceRecord(
        resource_id=spec.resource_id,
        url=f"/library/{spec.slug}/",
        title=spec.title,
        summary=spec.summary,
        body=spec.body,
        objectives=spec.objectives,
        labels=(
            *(objective_titles[n] for n in spec.objectives),
            *(principle_titles[n] for n in spec.principles),
            *(org_labels[s] for s in spec.organisations),
            *([group_names[spec.twg]] if spec.twg else []),
            *spec.themes,
            *(place_names[s] for s in spec.places),
        ),
        published=spec.published.isoformat(),
        documents=documents,
        facets={
            "objective": tuple(str(n) for n in spec.objectives),
            "principle": tuple(str(n) for n in spec.principles),
            "type": (spec.type,),
            "organisation": spec.organisations,
            "twg": (spec.twg,) if spec.twg else (),
            "year": (str(spec.published.year),),
            "language": spec.languages,
            "place": spec.places,
        },
        **_public(),
    )


def _step(number: int) -> str:
    """Treebeard's 4-character base-36 path step for the number-th child."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        out = alphabet[digit] + out
    return out


def _page_row(spec: Spec, parent, number: int, content_type_id: int, locale_id: int, now):
    """The Page row add_child would write for the spec as the parent's number-th child."""
    from wagtail.models import Page

    return Page(
        id=spec.resource_id,
        title=spec.title,
        draft_title=spec.title,
        slug=spec.slug,
        content_type_id=content_type_id,
        path=parent.path + _step(number),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{spec.slug}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        locale_id=locale_id,
        translation_key=uuid.UUID(int=spec.resource_id),
    )


def _resource_row(spec: Spec, taxonomy: Taxonomy):
    """The ResourcePage row (the page's own table) for the spec, its Page row apart."""
    from library.models import ResourcePage

    return ResourcePage(
        page_ptr_id=spec.resource_id,
        id=spec.resource_id,
        summary=spec.summary,
        body=[("paragraph", f"<p>{spec.body}</p>")],
        resource_type=spec.type,
        primary_objective_id=taxonomy.ids["objective"][str(spec.objectives[0])],
        working_group_id=taxonomy.ids["twg"].get(spec.twg) if spec.twg else None,
        publication_date=spec.published,
        external_url="",
    )


def _theme_tags() -> dict:
    """The theme tags by name, created where missing."""
    from taggit.models import Tag

    tags = {}
    for name in THEMES:
        tags[name], _created = Tag.objects.get_or_create(name=name, defaults={"slug": name})
    return tags


def _insert_facets(specs: list[Spec], taxonomy: Taxonomy, tags: dict) -> None:
    """The specs' facet rows: the many-to-many through rows and the theme tags, in bulk."""
    from library.models import ResourcePage, ResourceTheme

    m2m = {
        "objective": ResourcePage.objectives,
        "principle": ResourcePage.principles,
        "organisation": ResourcePage.organisations,
        "language": ResourcePage.languages,
        "place": ResourcePage.places,
    }
    for facet, descriptor in m2m.items():
        relation = descriptor.field
        through = relation.remote_field.through
        source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        rows = [
            through(**{f"{source}_id": spec.resource_id, f"{target}_id": ids[str(value)]})
            for spec in specs
            for value in getattr(spec, f"{facet}s")
            for ids in [taxonomy.ids[facet]]
        ]
        through.objects.bulk_create(rows, batch_size=1000)
    ResourceTheme.objects.bulk_create(
        [
            ResourceTheme(content_object_id=spec.resource_id, tag=tags[name])
            for spec in specs
            for name in spec.themes
        ],
        batch_size=1000,
    )


def insert_pages(library_page, specs: list[Spec], taxonomy: Taxonomy) -> int:
    """Live ResourcePages for these specs below the library page, inserted in bulk.

    Wagtail's add_child saves one page (and its tree bookkeeping) at a time, which takes hours
    for 100,000 pages; here the tree rows are written as add_child would (materialised path,
    depth, url_path, the parent's numchild), page by page table. No revisions: pages are live.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Locale, Page

    from library.models import ResourcePage

    content_type = ContentType.objects.get_for_model(ResourcePage)
    locale = Locale.get_default()
    now = timezone.now()
    tags = _theme_tags()
    with transaction.atomic():
        parent = Page.objects.select_for_update().get(pk=library_page.pk)
        # After the last child's step, as treebeard's add_child counts (numchild may be stale).
        last = parent.get_last_child()
        start = int(last.path[-4:], 36) if last else 0
        pages = [
            _page_row(spec, parent, start + offset, content_type.pk, locale.pk, now)
            for offset, spec in enumerate(specs, start=1)
        ]
        resources = [_resource_row(spec, taxonomy) for spec in specs]
        Page.objects.bulk_create(pages, batch_size=500)
        local = [f for f in ResourcePage._meta.local_concrete_fields]
        for first in range(0, len(resources), 500):
            ResourcePage.objects._insert(resources[first : first + 500], fields=local, raw=True)
        _insert_facets(specs, taxonomy, tags)
        children = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        Page.objects.filter(pk=parent.pk).update(numchild=children.count())
    return len(specs)
