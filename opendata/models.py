"""What the open formats must remember: resources the public could once see and no longer can."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WithdrawnResource(models.Model):
    """A tombstone: a resource that was public, then unpublished, deleted or restricted.

    Harvesters (OAI-PMH) are told it is deleted, so they drop their copy; only resources the
    public could see are recorded, so nothing restricted is ever named. A resource that becomes
    public again is served live; its tombstone is then ignored.
    """

    resource_id = models.PositiveIntegerField(_("resource id"), unique=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), db_index=True)
    # The OAI sets it was in when withdrawn, so a selective harvest by set still hears of it.
    sets = models.JSONField(_("sets"), default=list)

    class Meta:
        verbose_name = _("withdrawn resource")
        verbose_name_plural = _("withdrawn resources")

    def __str__(self) -> str:
        return f"resource {self.resource_id} withdrawn {self.withdrawn_at:%Y-%m-%d}"
