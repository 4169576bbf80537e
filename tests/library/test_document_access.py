"""Files in the admin and at /documents/: only for those who may see a live page holding them,
or editors with rights on the file's collection (each TWG its own; the Secretariat all).

The property test draws random collections, attachments, page restrictions and users; the oracle
is written here from the rules (Wagtail's own serving check for pages, the groups' collections
for editors), not from library.document_access.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.base import ContentFile
from django.test import Client, RequestFactory
from django.utils.text import slugify

from wagtail.models import Collection, PageViewRestriction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hub import roles
from hub.demo.files import make_pdf
from library.documents import HubDocument
from library.pages import ResourceAttachment, ResourcePage
from tests.hub.publishing import make_user, network_fixture  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db

CHOOSER = "/admin/documents/chooser/results/"
LISTING = "/admin/documents/"


def _file(title: str, collection: Collection | None = None) -> HubDocument:
    document = HubDocument(title=title, collection=collection or Collection.get_first_root_node())
    document.file.save(f"{slugify(title)}.pdf", ContentFile(make_pdf(title, "IOM", ["a"])), False)
    document._set_document_file_metadata()
    document.save()
    return document


def _resource(library, title: str, document: HubDocument, *groups: Group) -> ResourcePage:
    page = library.add_child(instance=ResourcePage(title=title, slug=slugify(title), summary="s"))
    page.save_revision().publish()
    ResourceAttachment.objects.create(page=page, document=document)
    if groups:
        restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
        restriction.groups.set(groups)
    return page


def _client(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _chooser_titles(client: Client, titles) -> set[str]:
    response = client.get(CHOOSER, {"q": ""})
    if response.status_code != 200:
        return set()
    # Each row's link holds the title alone, between whitespace.
    html = " ".join(response.content.decode().split())
    return {title for title in titles if f"> {title} </a>" in html}


# -- the findings ---------------------------------------------------------------------------------


def test_a_twg_member_cannot_choose_or_fetch_files_of_the_committee_or_another_twg(network):
    committee = roles.role_group(roles.EXECUTIVE_COMMITTEE)
    minutes = _file("Committee minutes zebra")
    _resource(network.library, "Committee record", minutes, committee)
    protection_file = _file("Protection working file zebra", network.protection.collection)
    labour_file = _file("Labour working file zebra", network.labour.collection)

    author = _client(network.author)
    titles = _chooser_titles(author, ["Committee minutes zebra", "Protection working file zebra"])
    assert titles == set()
    assert "Labour working file zebra" in author.get(CHOOSER, {"q": "zebra"}).content.decode()
    assert "Committee minutes zebra" not in author.get(CHOOSER, {"q": "zebra"}).content.decode()
    assert "Committee minutes" not in author.get(LISTING).content.decode()
    assert author.get(minutes.url).status_code == 404
    assert author.get(protection_file.url).status_code == 404
    assert author.get(labour_file.url).status_code == 200
    # The committee, in the admin too, gets no TWG's working files.
    committee_client = _client(network.committee)
    assert committee_client.get(labour_file.url).status_code == 404
    assert committee_client.get(minutes.url).status_code == 200
    # The Secretariat chooses and fetches everything.
    secretariat = _client(network.secretariat)
    html = secretariat.get(CHOOSER, {"q": "zebra"}).content.decode()
    assert "Committee minutes zebra" in html and "Protection working file zebra" in html
    assert secretariat.get(protection_file.url).status_code == 200


def test_a_twg_file_once_published_on_a_public_page_is_for_everyone(network):
    labour_file = _file("Labour brief", network.labour.collection)
    _resource(network.library, "Labour brief page", labour_file)
    for user in (None, network.other_author, network.committee, network.member):
        assert _client(user).get(labour_file.url).status_code == 200, user


def test_each_twg_gets_its_own_collection_and_no_right_on_the_root(network):
    root = Collection.get_first_root_node()
    for working_group in (network.labour, network.protection):
        assert working_group.collection is not None
        assert working_group.collection.get_parent() == root
        for group in (working_group.group, working_group.chairs_group):
            rights = group.collection_permissions.all()
            assert {r.collection_id for r in rights} == {working_group.collection_id}
            assert {r.permission.codename for r in rights} >= {"add_document", "choose_document"}
    assert network.labour.collection != network.protection.collection


def test_usage_pages_follow_the_collection(network):
    committee_file = _file("Committee file")
    response = _client(network.author).get(f"/admin/documents/usage/{committee_file.pk}/")
    assert response.status_code in (302, 403, 404)


# -- the property -----------------------------------------------------------------------------------

ROLES = ("members", "labour", "protection", "committee", "secretariat")
COLLECTIONS = ("root", "labour", "protection")
PAGE_RESTRICTIONS = st.sampled_from(("none", "login", "labour", "protection", "committee"))
FILE = st.tuples(
    st.sampled_from(COLLECTIONS),
    # The pages holding it: (live?, restriction)
    st.lists(st.tuples(st.booleans(), PAGE_RESTRICTIONS), max_size=2),
)
WORLD = st.fixed_dictionaries(
    {
        "files": st.lists(FILE, min_size=1, max_size=5),
        "users": st.lists(st.sets(st.sampled_from(ROLES), max_size=2), min_size=1, max_size=3),
    }
)


def _serves(user, page) -> bool:
    """Would Wagtail serve this live page to this user (plus the hub's "members means members")?"""
    request = RequestFactory().get("/")
    request.user = user if user is not None else AnonymousUser()
    request.session = SessionStore()
    restrictions = list(page.get_view_restrictions())
    if not all(restriction.accept_request(request) for restriction in restrictions):
        return False
    admitted = user is not None and (user.is_superuser or user.groups.exists())
    return admitted or not restrictions


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(world=WORLD)
def test_what_a_user_can_choose_or_fetch_is_what_they_may_see(network, world):
    groups = {
        "members": roles.role_group(roles.MEMBERS),
        "labour": network.labour.group,
        "protection": network.protection.group,
        "committee": roles.role_group(roles.EXECUTIVE_COMMITTEE),
        "secretariat": roles.role_group(roles.SECRETARIAT),
    }
    collections = {
        "root": Collection.get_first_root_node(),
        "labour": network.labour.collection,
        "protection": network.protection.collection,
    }
    files = []
    try:
        for n, (collection, holders) in enumerate(world["files"]):
            document = _file(f"Prop file {n}", collections[collection])
            pages = []
            for m, (live, restriction) in enumerate(holders):
                page = network.library.add_child(
                    instance=ResourcePage(
                        title=f"Prop page {n}-{m}", slug=f"prop-{n}-{m}", summary="s", live=live
                    )
                )
                if live:
                    page.save_revision().publish()
                ResourceAttachment.objects.create(page=page, document=document)
                if restriction == "login":
                    PageViewRestriction.objects.create(page=page, restriction_type="login")
                elif restriction != "none":
                    made = PageViewRestriction.objects.create(page=page, restriction_type="groups")
                    made.groups.set([groups[restriction]])
                pages.append(page)
            files.append((document, collection, pages))
        users: list = [None, make_user("prop-nobody")]
        for n, memberships in enumerate(world["users"]):
            users.append(make_user(f"prop-user-{n}", *[groups[r] for r in sorted(memberships)]))

        titles = [document.title for document, _c, _p in files]
        for user in users:
            held = set(user.groups.all()) if user is not None else set()
            may_edit = set()
            if groups["secretariat"] in held:
                may_edit = set(COLLECTIONS)
            may_edit |= {twg for twg in ("labour", "protection") if groups[twg] in held}
            client = _client(user)
            choosable = _chooser_titles(client, titles)
            for document, collection, pages in files:
                may_see = collection in may_edit or any(
                    page.live and _serves(user, page) for page in pages
                )
                status = client.get(document.url).status_code
                assert status == (200 if may_see else 404), (user, collection, world)
                # The chooser offers exactly the files of the collections the editor works in.
                assert (document.title in choosable) == (collection in may_edit), (user, world)
    finally:
        for document, _c, pages in files:
            for page in pages:
                page.delete()
            document.delete()
        from django.contrib.auth import get_user_model

        get_user_model().objects.filter(username__startswith="prop-").delete()
