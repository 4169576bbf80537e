"""Addresses of the open formats: the API, feeds, OAI-PMH and citation downloads."""

from django.urls import path, re_path

from . import api, citations, feeds, oai


def _feeds(prefix: str, channel, name: str) -> list:
    """An Atom feed at prefix and its RSS 2.0 twin at prefix + rss/."""
    return [
        path(prefix, feeds.feed_view(channel, feeds.ATOM), name=name),
        path(f"{prefix}rss/", feeds.feed_view(channel, feeds.RSS), name=f"{name}_rss"),
    ]


urlpatterns = [
    *_feeds("search/feed/", feeds.search_channel, "search_feed"),
    *_feeds("feeds/latest/", feeds.latest_channel, "latest_feed"),
    *_feeds("feeds/objectives/<int:number>/", feeds.objective_channel, "objective_feed"),
    *_feeds("feeds/organisations/<slug:slug>/", feeds.organisation_channel, "organisation_feed"),
    *_feeds("feeds/working-groups/<slug:slug>/", feeds.working_group_channel, "twg_feed"),
    *_feeds("feeds/collections/<int:collection_id>/", feeds.collection_channel, "collection_feed"),
    path("oai/", oai.oai_view, name="oai"),
    path("api/", api.api_docs, name="api_docs"),
    path("api/v1/", api.api_root, name="api_root"),
    path("api/v1/schema/", api.schema_view, name="api_schema"),
    path("api/v1/resources/", api.resource_list, name="api_resources"),
    path("api/v1/resources/<int:resource_id>/", api.resource_detail, name="api_resource"),
    path("api/v1/objectives/", api.objective_list, name="api_objectives"),
    path("api/v1/organisations/", api.organisation_list, name="api_organisations"),
    path("api/v1/working-groups/", api.working_group_list, name="api_working_groups"),
    path("api/v1/collections/", api.collection_list, name="api_collections"),
    path("api/v1/collections/<int:collection_id>/", api.collection_detail, name="api_collection"),
    # A resource's or collection's address followed by cite.bib, cite.ris or cite.json.
    re_path(
        r"^(?P<path>[-\w/]+)/cite\.(?P<fmt>bib|ris|json)$", citations.cite_download, name="cite"
    ),
]
