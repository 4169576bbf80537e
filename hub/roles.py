"""Who may do what: the network's role groups and each Technical Working Group's own groups.

Roles are Django groups, so the admin's Users and Groups screens show and change membership:

- **Secretariat editors**: everything in the library and collections (add, edit, publish, lock),
  documents and images, the taxonomy and network snippets, search vocabulary, workflows, users.
- **Executive Committee**: the admin, to review and approve network-level publications.
- **Members**: signing in shows members-only material; no editing.
- Per TWG, **"TWG members: <name>"** (drafts and edits in the TWG's section only; page privacy
  "this TWG only" names this group) and **"TWG chairs: <name>"** (the same, and the chair review
  step). Both are made when the TWG is saved and stripped of every right, renamed "closed",
  when it closes; reopening restores them.

The three role groups are created by a data migration (``create_role_groups``, written against an
``apps`` registry so the migration can call it) and kept in step after every ``migrate``.
"""

from __future__ import annotations

from django.apps import apps as global_apps
from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

SECRETARIAT = "Secretariat editors"
EXECUTIVE_COMMITTEE = "Executive Committee"
MEMBERS = "Members"
ROLE_GROUPS = (SECRETARIAT, EXECUTIVE_COMMITTEE, MEMBERS)
ROLE_DESCRIPTIONS = {
    SECRETARIAT: _("Everything in the library, collections, taxonomy, network and users."),
    EXECUTIVE_COMMITTEE: _("Reviews and approves network-level publications."),
    MEMBERS: _("Signs in to see members-only material; no editing."),
}

ACCESS_ADMIN = ("wagtailadmin", "access_admin")
# Model rights of the Secretariat: every action on these models.
SECRETARIAT_MODELS = (
    ("hub", "organisation"),
    ("hub", "workinggroup"),
    ("hub", "reviewtask"),
    ("library", "gcmobjective"),
    ("library", "guidingprinciple"),
    ("library", "place"),
    ("library", "language"),
    ("hub_search", None),  # the whole search app: synonyms, promotions, whatever comes next
    ("taggit", "tag"),
    ("auth", "user"),
    ("wagtailcore", "workflow"),
    ("wagtailcore", "task"),
    ("wagtailcore", "groupapprovaltask"),
    ("wagtailredirects", "redirect"),
)
PAGE_RIGHTS_SECRETARIAT = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
PAGE_RIGHTS_TWG = ("add_page", "change_page")
# Documents and images: (app, codename) on the root collection. Wagtail checks document rights
# against wagtaildocs.Document even with the hub's own document model.
MEDIA_RIGHTS_SECRETARIAT = (
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
)
# TWG members upload attachments to their TWG's own collection (never the root: the root's rights
# reach every file); Wagtail lets them edit only the files they uploaded.
MEDIA_RIGHTS_TWG = (
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
)


def _permissions(apps, pairs) -> list:
    permission_model = apps.get_model("auth", "Permission")
    query = Q(pk__in=[])
    for app_label, codename in pairs:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return list(permission_model.objects.filter(query))


def _model_permissions(apps, models) -> list:
    permission_model = apps.get_model("auth", "Permission")
    query = Q(pk__in=[])
    for app_label, model in models:
        if model is None:
            query |= Q(content_type__app_label=app_label)
        else:
            query |= Q(content_type__app_label=app_label, content_type__model=model)
    return list(permission_model.objects.filter(query))


def _page_permissions(apps, codenames) -> list:
    permission_model = apps.get_model("auth", "Permission")
    return list(
        permission_model.objects.filter(
            content_type__app_label="wagtailcore",
            content_type__model="page",
            codename__in=codenames,
        )
    )


def create_role_groups(apps=global_apps) -> None:
    """Create the three role groups and give them their rights; safe to run again."""
    group_model = apps.get_model("auth", "Group")
    page_model = apps.get_model("wagtailcore", "Page")
    collection_model = apps.get_model("wagtailcore", "Collection")
    page_permission = apps.get_model("wagtailcore", "GroupPagePermission")
    collection_permission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    secretariat, _ = group_model.objects.get_or_create(name=SECRETARIAT)
    committee, _ = group_model.objects.get_or_create(name=EXECUTIVE_COMMITTEE)
    group_model.objects.get_or_create(name=MEMBERS)

    secretariat.permissions.add(
        *_permissions(apps, [ACCESS_ADMIN]), *_model_permissions(apps, SECRETARIAT_MODELS)
    )
    committee.permissions.add(*_permissions(apps, [ACCESS_ADMIN]))

    # The tree's root: the library, collections and home page, whatever is created later.
    root = page_model.objects.filter(depth=1).first()
    if root is not None:
        for permission in _page_permissions(apps, PAGE_RIGHTS_SECRETARIAT):
            page_permission.objects.get_or_create(
                group=secretariat, page=root, permission=permission
            )
    root_collection = collection_model.objects.filter(depth=1).first()
    if root_collection is not None:
        for permission in _permissions(apps, MEDIA_RIGHTS_SECRETARIAT):
            collection_permission.objects.get_or_create(
                group=secretariat, collection=root_collection, permission=permission
            )


def role_group(name: str) -> Group:
    """One of the role groups (made on the spot if a database predates the migration's run)."""
    group = Group.objects.filter(name=name).first()
    if group is None:
        create_role_groups()
        group = Group.objects.get(name=name)
    return group


# ---------------------------------------------------------------------------------------------
# One pair of groups per TWG

GROUP_NAME_LENGTH = 150


def twg_group_names(working_group) -> tuple[str, str]:
    """The members' and chairs' group names; closed TWGs keep theirs, marked as closed."""
    name = working_group.name
    if working_group.is_active:
        members, chairs = f"TWG members: {name}", f"TWG chairs: {name}"
    else:
        members, chairs = f"Closed TWG members: {name}", f"Closed TWG chairs: {name}"
    return members[:GROUP_NAME_LENGTH], chairs[:GROUP_NAME_LENGTH]


def free_group_name(name: str, slug: str, group: Group | None) -> str:
    """The name, unless another group holds it (a hand-made group, a cut-off long name)."""
    taken = Group.objects.filter(name=name)
    if group is not None:
        taken = taken.exclude(pk=group.pk)
    if not taken.exists():
        return name
    suffix = f" ({slug})"
    return name[: GROUP_NAME_LENGTH - len(suffix)] + suffix


def _named_group(group: Group | None, name: str, slug: str) -> Group:
    name = free_group_name(name, slug, group)
    if group is None:
        group = Group.objects.create(name=name)
    elif group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    return group


def sync_twg_groups(working_group) -> tuple[Group, Group]:
    """Make (or rename) the TWG's two groups and link them to it; rights are set by sync_twg."""
    members_name, chairs_name = twg_group_names(working_group)
    members = _named_group(working_group.group, members_name, working_group.slug)
    chairs = _named_group(working_group.chairs_group, chairs_name, working_group.slug)
    if working_group.group_id != members.pk or working_group.chairs_group_id != chairs.pk:
        type(working_group).objects.filter(pk=working_group.pk).update(
            group=members, chairs_group=chairs
        )
        working_group.group, working_group.chairs_group = members, chairs
    return members, chairs


def twg_collection_name(working_group) -> str:
    return f"TWG working files: {working_group.name}"[:255]


def ensure_twg_collection(working_group):
    """The TWG's own collection of working files (made once, renamed with the TWG).

    Its members upload and choose files there and nowhere else: a TWG never sees, in the admin,
    the files of another TWG or of the Executive Committee. The collection carries no view
    restriction of its own: once a file is attached to a published page, whoever may see that
    page may download it (hub.document_access).
    """
    from wagtail.models import Collection

    collection = working_group.collection
    name = twg_collection_name(working_group)
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=name)
        type(working_group).objects.filter(pk=working_group.pk).update(collection=collection)
        working_group.collection = collection
    elif collection.name != name:
        collection.name = name
        collection.save(update_fields=["name"])
    return collection


def grant_twg_rights(group: Group, section, collection=None) -> None:
    """Admin access, uploads to the TWG's own collection, and add/edit in its own section only."""
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    group.permissions.add(*_permissions(global_apps, [ACCESS_ADMIN]))
    # Rights on any other collection (the root's, given before TWGs had their own) go: they would
    # list every file of the hub in the TWG's chooser.
    GroupCollectionPermission.objects.filter(group=group).exclude(collection=collection).delete()
    if collection is not None:
        for permission in _permissions(global_apps, MEDIA_RIGHTS_TWG):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )
    if section is not None:
        for permission in _page_permissions(global_apps, PAGE_RIGHTS_TWG):
            GroupPagePermission.objects.get_or_create(
                group=group, page=section, permission=permission
            )


def revoke_all_rights(group: Group) -> None:
    """A closed TWG's groups keep their people (for the record) but may no longer do anything."""
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    group.permissions.clear()
    GroupPagePermission.objects.filter(group=group).delete()
    GroupCollectionPermission.objects.filter(group=group).delete()


__all__ = [
    "EXECUTIVE_COMMITTEE",
    "MEMBERS",
    "ROLE_GROUPS",
    "SECRETARIAT",
    "create_role_groups",
    "ensure_twg_collection",
    "grant_twg_rights",
    "revoke_all_rights",
    "role_group",
    "sync_twg_groups",
]
