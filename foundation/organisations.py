"""Who publishes: the network's member agencies and partners, and its Technical Working Groups.

Every app names them (a resource's authors, a meeting's chair, a TWG's section), so they sit in
the bottom layer. Their tables stay the hub app's (app_label "hub"): moving the code moved no
data and no migration."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.search import index


class OrganisationKind(models.TextChoices):
    UN = "un", _("UN agency")
    GOVERNMENT = "government", _("Government")
    CIVIL_SOCIETY = "civil-society", _("Civil society")
    ACADEMIC = "academic", _("Academia")
    OTHER = "other", _("Other partner")


class Organisation(index.Indexed, models.Model):
    """A member agency of the network or a partner; joint products credit every one of them."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.UN
    )
    member = models.BooleanField(_("member of the network"), default=False)
    executive_committee = models.BooleanField(_("on the Executive Committee"), default=False)
    website = models.URLField(_("website"), blank=True)

    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]

    class Meta:
        app_label = "hub"
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.acronym or self.name

    def get_absolute_url(self) -> str:
        return reverse("organisation", args=[self.slug])

    @property
    def label(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class WorkingGroupStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed")


class WorkingGroup(index.Indexed, models.Model):
    """A Technical Working Group: created and closed by the network as needs change."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    acronym = models.CharField(_("short name"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=WorkingGroupStatus.choices,
        default=WorkingGroupStatus.ACTIVE,
    )
    chairs = models.ManyToManyField(
        Organisation, blank=True, related_name="chaired_groups", verbose_name=_("(co-)chairs")
    )
    members = models.ManyToManyField(
        Organisation, blank=True, related_name="working_groups", verbose_name=_("members")
    )
    # The people: who drafts in the TWG's section, and who approves its chair step. Page privacy
    # "this TWG only" restricts to ``group`` (library.access labels groups by id). Made and kept
    # in step by hub.roles when the TWG is saved; renamed and stripped of rights when it closes.
    group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="working_group",
        verbose_name=_("members' user group"),
    )
    chairs_group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="chaired_working_group",
        verbose_name=_("chairs' user group"),
    )
    # The TWG's own collection of working files: the only one its groups may upload to and choose
    # from (hub.roles.ensure_twg_collection).
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("collection of working files"),
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        app_label = "hub"
        ordering = ["name"]
        verbose_name = _("technical working group")
        verbose_name_plural = _("technical working groups")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("working_group", args=[self.slug])

    @property
    def is_active(self) -> bool:
        return self.status == WorkingGroupStatus.ACTIVE
