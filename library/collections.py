"""Curated collections: an editor's ordered selection of resources for a purpose."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from modelcluster.fields import ParentalKey


class CollectionIndexPage(Page):
    """Lists every collection."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["library.CollectionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("collections")

    def get_context(self, request, *args, **kwargs):
        from django.db.models import Count, Prefetch, Q

        from wagtail.images import get_image_model

        from .access import visible_pages
        from .pages import ResourcePage

        context = super().get_context(request, *args, **kwargs)
        # Count only the entries this visitor will see: live resources they may read.
        user = getattr(request, "user", None)
        visible = visible_pages(ResourcePage.objects.live(), user).values("pk")
        context["collections"] = (
            visible_pages(CollectionPage.objects.live(), user)
            .child_of(self)
            .annotate(
                entry_count=Count("entries", filter=Q(entries__resource__in=visible), distinct=True)
            )
            .prefetch_related(
                # One query for every cover's rendition instead of one per collection.
                Prefetch(
                    "cover_image",
                    queryset=get_image_model().objects.prefetch_renditions("fill-400x225"),
                )
            )
        )
        return context


class CollectionPage(Page):
    """A review pack, a training kit, a campaign: resources in the order an editor chose."""

    introduction = models.TextField(_("introduction"))
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cover image"),
    )
    featured = models.BooleanField(_("featured on the home page"), default=False)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("cover_image"),
        FieldPanel("featured"),
        InlinePanel("entries", label=_("Resources, in order"), min_num=1),
    ]
    parent_page_types = ["library.CollectionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("collection")

    def get_context(self, request, *args, **kwargs):
        from .browse import COLLECTION_SORTS, browse

        context = super().get_context(request, *args, **kwargs)
        # The editor's order; a resource listed twice keeps its first place and note.
        notes: dict[int, str] = {}
        for resource_id, note in self.entries.order_by("sort_order", "pk").values_list(
            "resource_id", "note"
        ):
            notes.setdefault(resource_id, note)
        result = browse(request, resource_ids=list(notes), sorts=COLLECTION_SORTS)
        for resource in result.results:
            resource.collection_note = notes.get(resource.pk, "")
        context["browse"] = result
        return context

    def live_entries(self):
        """The entries whose resource is live and public, in the editor's order."""
        return [
            entry
            for entry in self.entries.select_related("resource").order_by("sort_order")
            if entry.resource.live and not entry.resource.get_view_restrictions().exists()
        ]


class CollectionEntry(Orderable):
    collection = ParentalKey(CollectionPage, on_delete=models.CASCADE, related_name="entries")
    resource = models.ForeignKey(
        "library.ResourcePage", on_delete=models.CASCADE, related_name="collection_entries"
    )
    note = models.TextField(_("editor's note"), blank=True)

    panels = [FieldPanel("resource"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("collection entry")
