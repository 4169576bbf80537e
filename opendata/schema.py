"""The API's OpenAPI 3.1 description, written out by hand: the API is small, and a schema kept
beside the views says exactly what they answer (tests/opendata/test_api.py checks each path)."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

from library.browse import facet_specs
from search.contract import SORTS

MAX_PER_PAGE = 100


def _param(name: str, description: str, schema: dict, where: str = "query") -> dict:
    return {
        "name": name,
        "in": where,
        "required": where == "path",
        "description": description,
        "schema": schema,
    }


_ERROR = {
    "description": "An error, with a message for people.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}
_LIMITED = {
    "description": "Too many requests from this address; Retry-After says how many seconds to wait.",
    "headers": {"Retry-After": {"schema": {"type": "integer"}}},
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}


def _ok(ref: str, description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
    }


def _list_params() -> list[dict]:
    params = [
        _param(
            "q",
            'Words to search for, as on the search page: every word must match; "phrases" '
            "and -exclusions work; synonyms apply. Without q, the library is browsed newest first.",
            {"type": "string", "maxLength": 1000},
        ),
        _param("page", "Page of results, from 1.", {"type": "integer", "minimum": 1}),
        _param(
            "per_page",
            f"Results per page (default 20, at most {MAX_PER_PAGE}).",
            {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
        ),
        _param(
            "sort",
            "Order: relevance (with q), newest, oldest (with q), title.",
            {"type": "string", "enum": list(SORTS)},
        ),
    ]
    for spec in facet_specs():
        params.append(
            {
                **_param(
                    spec.name,
                    f"Filter by {str(spec.label).lower()}; repeat for several (any may match). "
                    "Unknown values are ignored with a notice.",
                    {"type": "array", "items": {"type": "string"}},
                ),
                "explode": True,
            }
        )
    return params


# The shapes several schemas share.
def _string_or_null() -> dict:
    return {"type": ["string", "null"]}


def _named() -> dict:
    """An organisation, working group or place: its slug and name."""
    return {
        "type": "object",
        "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
    }


def _link() -> dict:
    """Another resource a resource points to (a translation, an edition, a related one)."""
    return {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "url": {"type": "string"},
            "api_url": {"type": "string"},
        },
    }


def _attachment() -> dict:
    return {
        "type": "object",
        "properties": {
            "title": {"type": "string"},
            "label": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
            "format": {"type": "string"},
            "size": {"type": ["integer", "null"]},
            "page_count": {"type": ["integer", "null"]},
            "language": _string_or_null(),
        },
    }


def _resource() -> dict:
    """A resource as the list shows it (and as the detail starts)."""
    string_or_null = _string_or_null()
    named = _named()
    return {
        "type": "object",
        "required": ["id", "url", "title", "summary", "type"],
        "properties": {
            "id": {"type": "integer"},
            "url": {"type": "string", "format": "uri"},
            "api_url": {"type": "string", "format": "uri"},
            "title": {"type": "string"},
            "summary": {"type": "string"},
            "type": {
                "type": "object",
                "properties": {"value": {"type": "string"}, "label": {"type": "string"}},
            },
            "date": {"type": ["string", "null"], "format": "date"},
            "first_published_at": string_or_null,
            "last_published_at": string_or_null,
            "objectives": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "number": {"type": "integer"},
                        "title": {"type": "string"},
                        "primary": {"type": "boolean"},
                        "url": {"type": "string"},
                    },
                },
            },
            "organisations": {"type": "array", "items": named},
            "working_group": {"oneOf": [named, {"type": "null"}]},
            "languages": {"type": "array", "items": {"type": "object"}},
            "external_url": string_or_null,
            "attachments": {"type": "array", "items": _attachment()},
            "search": {
                "type": "object",
                "description": "With q only: escaped HTML highlights and the pages of files that matched.",
                "properties": {
                    "score": {"type": "number"},
                    "title_html": {"type": "string"},
                    "fragments_html": {"type": "array", "items": {"type": "string"}},
                    "documents": {"type": "array", "items": {"type": "object"}},
                },
            },
        },
    }


def _resource_detail() -> dict:
    """A resource with what only its own page lists: body, versions, related resources."""
    link = _link()
    listed_once = {
        "principles": {"type": "array", "items": {"type": "object"}},
        "themes": {"type": "array", "items": {"type": "string"}},
        "places": {"type": "array", "items": _named()},
    }
    return {
        "allOf": [
            {"$ref": "#/components/schemas/Resource"},
            {
                "type": "object",
                "properties": {
                    "body_html": {"type": "string"},
                    **listed_once,
                    "translation_of": {"oneOf": [link, {"type": "null"}]},
                    "new_edition_of": {"oneOf": [link, {"type": "null"}]},
                    "translations": {"type": "array", "items": link},
                    "newer_editions": {"type": "array", "items": link},
                    "related": {"type": "array", "items": link},
                },
            },
        ]
    }


def _resource_list() -> dict:
    """A page of resources, with paging links, notices and facet counts."""
    string_or_null = _string_or_null()
    facet_value = {
        "type": "object",
        "properties": {
            "value": {"type": "string"},
            "label": {"type": "string"},
            "count": {"type": "integer"},
            "selected": {"type": "boolean"},
        },
    }
    return {
        "type": "object",
        "properties": {
            "count": {"type": "integer"},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "page_count": {"type": "integer"},
            "next": string_or_null,
            "previous": string_or_null,
            "query": {"type": "string"},
            "sort": {"type": "string"},
            "notices": {"type": "array", "items": {"type": "string"}},
            "facets": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": facet_value},
            },
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Resource"}},
        },
    }


def _counted_list() -> dict:
    return {
        "type": "object",
        "properties": {
            "count": {"type": "integer"},
            "results": {"type": "array", "items": {"type": "object"}},
        },
    }


def _collection() -> dict:
    return {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "introduction": {"type": "string"},
            "url": {"type": "string"},
            "count": {"type": "integer"},
            "resources": {"type": "array", "items": {"$ref": "#/components/schemas/Resource"}},
        },
    }


def _error() -> dict:
    return {
        "type": "object",
        "properties": {
            "error": {
                "type": "object",
                "properties": {"status": {"type": "integer"}, "message": {"type": "string"}},
            }
        },
    }


def _schemas() -> dict:
    """The components the paths refer to by name (#/components/schemas/...)."""
    return {
        "Resource": _resource(),
        "ResourceDetail": _resource_detail(),
        "ResourceList": _resource_list(),
        "CountedList": _counted_list(),
        "Collection": _collection(),
        "Error": _error(),
    }


def openapi_schema(absolute: Callable[[str], str]) -> dict:
    """The schema, with the server's own address."""
    base = reverse("api_root").rstrip("/")
    responses = {"400": _ERROR, "404": _ERROR, "429": _LIMITED}

    def get(summary: str, ok: dict, params: list | None = None) -> dict:
        return {
            "get": {
                "summary": summary,
                "parameters": params or [],
                "responses": {"200": ok, **responses},
            }
        }

    id_param = [_param("id", "The identifier.", {"type": "integer"}, "path")]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Knowledge Hub API",
            "version": "1",
            "description": "The public library of the UN Network on Migration in Rwanda: "
            "resources, GCM objectives, organisations, working groups and collections. "
            "Public material only; read-only; rate-limited per address.",
        },
        "servers": [{"url": absolute(base)}],
        "paths": {
            "/resources/": get(
                "Search or browse resources",
                _ok("ResourceList", "A page of resources."),
                _list_params(),
            ),
            "/resources/{id}/": get(
                "One resource, with its files, versions and related resources",
                _ok("ResourceDetail", "The resource."),
                id_param,
            ),
            "/objectives/": get(
                "The 23 GCM objectives, with resource counts",
                _ok("CountedList", "The objectives."),
            ),
            "/organisations/": get(
                "Organisations, with resource counts", _ok("CountedList", "The organisations.")
            ),
            "/working-groups/": get(
                "Technical Working Groups, with resource counts",
                _ok("CountedList", "The groups."),
            ),
            "/collections/": get("Collections", _ok("CountedList", "The collections.")),
            "/collections/{id}/": get(
                "One collection, its resources in the editors' order",
                _ok("Collection", "The collection."),
                id_param,
            ),
        },
        "components": {"schemas": _schemas()},
    }
