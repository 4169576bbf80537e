"""The document admin's reading status: a listing column, and "retry extraction"."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.documents import get_document_model
from wagtail.documents.views.documents import IndexView
from wagtail.permissions import policy_registry

from .documents import ExtractionStatus, HubDocument


class ExtractionStatusColumn(Column):
    """The status an editor reads: "Text extracted: 12 pages, 30,120 characters, French"."""

    def get_value(self, instance: HubDocument) -> str:
        return instance.status_summary


class HubDocumentIndexView(IndexView):
    """Wagtail's document listing with a column saying whether each file's text was read."""

    @cached_property
    def columns(self) -> list[Column]:
        columns = list(super().columns)
        columns.insert(
            3,
            ExtractionStatusColumn(
                "extraction_status",
                label=gettext_lazy("Text for search"),
                sort_key="extraction_status",
            ),
        )
        return columns


@require_POST
def retry_extraction(request: HttpRequest, document_id: int) -> HttpResponse:
    """Read the document's file again in the worker, even if it has not changed."""
    document = get_object_or_404(HubDocument, pk=document_id)
    policy = policy_registry.get_by_type(get_document_model())
    if not policy.user_has_permission_for_instance(request.user, "change", document):
        raise PermissionDenied
    from .tasks import read_document_task

    with transaction.atomic():
        HubDocument.objects.filter(pk=document.pk).update(
            extraction_status=ExtractionStatus.PENDING, extraction_error=""
        )
        transaction.on_commit(lambda: read_document_task.enqueue(document.pk, force=True))
    messages.success(
        request,
        _("The text of “%(title)s” will be read again in a moment.") % {"title": document.title},
    )
    next_url = request.POST.get("next") or ""
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect("wagtaildocs:edit", document.pk)
