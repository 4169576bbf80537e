"""Who may fetch a file: the one decision behind `/documents/<id>/<name>` (and its tests).

A file is never more visible than the pages it belongs to. Someone may download it when:

- they may see a live page holding it (a resource's attachment, a meeting's minutes: the holders
  registered in library.access), or
- they hold editing rights on its collection in the admin (choose or change, Wagtail's
  collection permissions, owners included): the Secretariat on the root collection, i.e. every
  file; each TWG on its own collection of working files (hub.roles.ensure_twg_collection); or
- they are a superuser.

Admin access alone is not enough: a TWG member or an Executive Committee member signed in to the
admin gets another group's file only through a page they may see. The admin's chooser, listing
and usage pages follow the same collection rights (Wagtail's permission policy), so what an editor
can choose is a subset of what they may download.
"""

from __future__ import annotations

from wagtail.documents import get_document_model
from wagtail.permissions import policy_registry

from .access import document_holders, visible_pages

# Collection rights that let an editor see a file in the admin (and so fetch it).
EDITING_RIGHTS = ("choose", "change")


def may_edit_file(document, user) -> bool:
    """The admin shows this file to this editor (rights on its collection, or their own upload)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission_for_instance(user, list(EDITING_RIGHTS), document)


def may_download(document, user) -> bool:
    """May this user fetch this file? (see the module's docstring)"""
    if may_edit_file(document, user):
        return True
    return any(
        visible_pages(holders(document).live(), user).exists() for holders in document_holders()
    )
