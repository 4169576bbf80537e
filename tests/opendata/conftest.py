"""A small public library with something restricted and something draft beside it: every open
format must show the first and never name the others."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.text import slugify

from wagtail.models import PageViewRestriction

import pytest

from hub.organisations import Organisation
from library.models import CollectionEntry, CollectionIndexPage, CollectionPage
from library.pages import ResourceAttachment, ResourcePage
from library.taxonomy import GcmObjective, Language, Place
from tests.search.access_world import make_document

SECRET = "Heronsecret"  # a word only the restricted and draft resources hold


@dataclass
class Network:
    public: dict[str, ResourcePage] = field(default_factory=dict)
    restricted: ResourcePage | None = None
    draft: ResourcePage | None = None
    collection: CollectionPage | None = None
    organisation: Organisation | None = None

    @property
    def hidden_titles(self) -> set[str]:
        return {self.restricted.title, self.draft.title}


def publish(
    parent,
    title: str,
    *,
    summary: str = "",
    type: str = "report",
    date: datetime.date | None = None,
    objectives=(),
    organisations=(),
    languages=(),
    places=(),
    document=None,
    live: bool = True,
    restriction: str = "",
) -> ResourcePage:
    page = ResourcePage(
        title=title,
        slug=slugify(title),
        summary=summary or f"About {title}.",
        resource_type=type,
        publication_date=date,
        live=False,
    )
    parent.add_child(instance=page)
    page.objectives = list(GcmObjective.objects.filter(number__in=objectives))
    page.organisations = list(organisations)
    page.languages = list(Language.objects.filter(code__in=languages))
    page.places = list(Place.objects.filter(slug__in=places))
    if restriction:  # restricted before it is ever published: the public never saw it
        PageViewRestriction.objects.create(page=page, restriction_type=restriction)
    revision = page.save_revision()
    if live:
        revision.publish()
    if document is not None:
        ResourceAttachment.objects.create(
            page=page, document=document, sort_order=0, label="Full report"
        )
    return ResourcePage.objects.get(pk=page.pk)


@pytest.fixture
def network(library) -> Network:
    iom = Organisation.objects.create(
        name="International Organization for Migration", acronym="IOM", slug="iom"
    )
    net = Network(organisation=iom)
    baseline_file = make_document(
        "Labour baseline file",
        ["Cover page of the baseline.", "Remittances sent home by workers in Kigali."],
    )
    net.public["baseline"] = publish(
        library,
        "Labour migration baseline",
        summary="A baseline of labour migration & wages <in> Rwanda.",
        type="study",
        date=datetime.date(2020, 3, 15),
        objectives=(6,),
        organisations=[iom],
        languages=("en",),
        document=baseline_file,
    )
    net.public["corridors"] = publish(
        library,
        "Remittance corridors",
        type="report",
        date=datetime.date(2024, 6, 1),
        objectives=(20,),
        organisations=[iom],
    )
    net.public["dataset"] = publish(
        library,
        "Border crossings dataset",
        type="dataset",
        date=datetime.date(2023, 1, 1),
        objectives=(6,),
    )
    net.restricted = publish(
        library,
        f"{SECRET} members plan",
        summary=f"The {SECRET} plan on remittances.",
        objectives=(6,),
        organisations=[iom],
        restriction="login",
    )
    net.draft = publish(
        library,
        f"{SECRET} draft note",
        summary=f"A {SECRET} draft on remittances.",
        objectives=(6,),
        organisations=[iom],
        live=False,
    )
    home = library.get_parent()
    index = home.add_child(
        instance=CollectionIndexPage(title="Collections", slug="collections", intro="Packs.")
    )
    net.collection = index.add_child(
        instance=CollectionPage(title="Labour pack", slug="labour-pack", introduction="Why.")
    )
    for position, page in enumerate(
        [net.public["baseline"], net.restricted, net.draft, net.public["corridors"]]
    ):
        CollectionEntry.objects.create(
            collection=net.collection, resource=page, note=f"note {position}", sort_order=position
        )
    net.collection.save_revision().publish()
    return net


@pytest.fixture
def indexed_network(network, search_backend) -> Network:
    from search.indexing import sync_resources

    sync_resources(
        [p.pk for p in network.public.values()] + [network.restricted.pk, network.draft.pk]
    )
    return network
