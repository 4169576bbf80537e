"""The library's vocabularies: GCM objectives and guiding principles, places and languages."""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class GcmObjective(models.Model):
    """One of the 23 objectives of the Global Compact for Safe, Orderly and Regular Migration."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=255)

    class Meta:
        ordering = ["number"]
        verbose_name = _("GCM objective")
        verbose_name_plural = _("GCM objectives")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("objective", args=[self.number, self.slug])

    @property
    def short_label(self) -> str:
        return _("Objective %(number)s") % {"number": self.number}

    @property
    def short_title(self) -> str:
        from .gcm import short_title

        return short_title(self.number, self.title)

    @property
    def slug(self) -> str:
        return slugify(" ".join(self.title.split()[:6]))

    def get_search_url(self) -> str:
        return f"{reverse('search')}?objective={self.number}"


class GuidingPrinciple(models.Model):
    """One of the GCM's 10 cross-cutting and interdependent guiding principles."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=100)

    class Meta:
        ordering = ["number"]
        verbose_name = _("guiding principle")
        verbose_name_plural = _("guiding principles")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("principle", args=[self.number, self.slug])

    @property
    def slug(self) -> str:
        return slugify(self.title)


class PlaceLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District")


class Place(models.Model):
    """Where a resource applies: the country, a province or a district (Rwanda's 5 and 30)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    level = models.CharField(_("level"), max_length=10, choices=PlaceLevel.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        ordering = ["level", "name"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self) -> str:
        return self.name


class Language(models.Model):
    """A language a resource or file is written in."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=50)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return self.name
