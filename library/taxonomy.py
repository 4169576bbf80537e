"""The GCM taxonomy: the 23 objectives and the 10 guiding principles, loaded by a data migration."""

from django.db import models
from django.urls import reverse
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

    @property
    def short_label(self) -> str:
        return _("Objective %(number)s") % {"number": self.number}

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
