"""Counting the database queries of one page request (a count, never a time)."""

from __future__ import annotations

from django.db import connection


def request_queries(client, url: str) -> tuple[int, str]:
    """Queries of one request after a warm-up request (first-use caches are not the point),
    and the page it returned."""
    assert client.get(url).status_code == 200, url
    queries: list[str] = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode()
