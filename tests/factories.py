"""Test factories (wagtail-factories, on factory_boy) for the library's pages.

    ResourcePageFactory(parent=library, title="Main report")

makes a resource below ``parent`` (the site's library when not given, the page the ``library``
fixture gives), its slug from its title, its summary "About <title>.", and publishes it through a
revision as an editor would. Any field of ResourcePage may be given; besides them:

- ``live=False``: a draft row, never published and with no revision.
- ``revision=False``: the row alone, saved with its ``live`` flag as given and no revision (so no
  ``first_published_at``): the pages ``library.browse`` lists are read from rows, not revisions.
- ``objectives``, ``principles``, ``organisations``, ``languages``, ``places``: objects, or the
  numbers (objectives, principles), codes (languages) or slugs (places, organisations) naming
  them; set after the page is added below its parent and before it is published (or saved again).
- ``restricted=True``: a password restriction (password "secret") once the page is published.
- ``documents``: files attached in that order once the page is published, so the live revision
  does not hold the attachments (as an upload attached straight to the page).

ShelfResourceFactory is the same resource as the browse and collection tests shelve it: dated
1 January 2024 unless told, saved without a revision.
"""

from __future__ import annotations

import datetime

from django.db.models import Model, QuerySet

from wagtail.models import PageViewRestriction

import factory
import wagtail_factories

from hub.organisations import Organisation
from library.models import (
    GcmObjective,
    GuidingPrinciple,
    Language,
    Place,
    ResourceAttachment,
    ResourcePage,
)

# The many-to-many fields the factory sets after adding the page: (model, the key that names one).
TERMS: dict[str, tuple[type[Model], str]] = {
    "objectives": (GcmObjective, "number"),
    "principles": (GuidingPrinciple, "number"),
    "organisations": (Organisation, "slug"),
    "languages": (Language, "code"),
    "places": (Place, "slug"),
}
# Declared on the factory, never passed to the page.
OPTIONS = ("revision", "restricted", "documents")


def site_library():
    """The site's library, made as the demo makes it when missing (as the ``library`` fixture)."""
    from hub.demo.seed import ensure_site

    _home, library, _created = ensure_site()
    return library


def terms(name: str, values) -> list[Model] | QuerySet:
    """The objects ``values`` name for the many-to-many field ``name`` (unknown names: none)."""
    model, key = TERMS[name]
    if isinstance(values, QuerySet):
        return values
    values = list(values)
    objects = [value for value in values if isinstance(value, model)]
    keys = [value for value in values if not isinstance(value, model)]
    if keys:
        objects += model.objects.filter(**{f"{key}__in": keys})
    return objects


class ResourcePageFactory(wagtail_factories.PageFactory):
    """A resource below ``parent``, published through a revision unless told (see the module)."""

    class Meta:
        model = ResourcePage
        skip_postgeneration_save = True

    parent = factory.LazyFunction(site_library)
    title = factory.Sequence(lambda n: f"Resource {n}")
    summary = factory.LazyAttribute(lambda page: f"About {page.title}.")
    live = True
    revision = True
    restricted = False
    documents = ()

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        for name in OPTIONS:
            kwargs.pop(name)
        return super()._build(model_class, *args, **kwargs)

    @classmethod
    def _create(cls, model_class, *args, parent, revision, restricted, documents, **kwargs):
        given = {name: kwargs.pop(name) for name in TERMS if name in kwargs}
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        for name, values in given.items():
            getattr(page, name).set(terms(name, values))
        if page.live and revision:
            page.save_revision().publish()
        elif given:
            page.save()  # the many-to-many values, held by the page until saved
        if restricted:
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
            )
        for position, document in enumerate(documents):
            ResourceAttachment.objects.create(page=page, document=document, sort_order=position)
        return page


class ShelfResourceFactory(ResourcePageFactory):
    """A resource as the browse and collection tests shelve it: dated 1 January 2024 unless told,
    its row saved (live unless told) without a revision."""

    publication_date = datetime.date(2024, 1, 1)
    revision = False
