"""Wagtail hooks of hub.security (imported by hub/wagtail_hooks.py)."""

from wagtail import hooks

from .security import check_document_access, check_page_access


@hooks.register("before_serve_document", order=100)
def documents_follow_their_pages(document, request):
    # Runs after Wagtail's own collection-privacy hook (order 0).
    return check_document_access(document, request)


@hooks.register("before_serve_page", order=100)
def members_only_means_members(page, request, serve_args, serve_kwargs):
    # Before Wagtail's view-restriction check (on_serve_page): a page the viewer may not see is
    # 404, exactly as an unknown address.
    return check_page_access(page, request)
