"""Wagtail's own background tasks end cleanly when the object they were queued for is gone.

Saving a page (or an image, an attachment...) queues tasks that later load the object by its
primary key: Wagtail's reference-index update, its admin-search update (modelsearch) and, with
feature detection on, the image focal point. When an editor deletes the object before the worker
runs them, ``model.objects.get(pk=...)`` raises ``DoesNotExist`` and the admin's Reports →
Background tasks lists a failure with a traceback, for work that simply has nothing left to do
(deleting already removed the object's references and its search entry).

``tolerate_deleted_objects()`` (from the hub's ``AppConfig.ready``, so in web and worker alike)
swaps each of those tasks, at the import path the queue stores and the worker resolves, for the
same task whose function treats "the row is gone" as done. The task's path, and so every task
already queued, is unchanged; any other error still fails the task as before.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Callable
from importlib import import_module
from typing import Any

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist

from django_tasks.base import Task

logger = logging.getLogger(__name__)

# (module, attribute) of every task taking (app_label, model_name, pk) that loads the object.
OBJECT_TASKS = (
    ("wagtail.tasks", "update_reference_index_task"),
    ("modelsearch.tasks", "insert_or_update_object_task"),
    ("wagtail.images.tasks", "set_image_focal_point_task"),
)


def _object_is_gone(app_label: str, model_name: str, pk: Any) -> bool:
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return True
    # The base manager: a row a default manager hides is not "gone".
    return not model._base_manager.filter(pk=pk).exists()


def skipping_deleted_objects(func: Callable[..., Any]) -> Callable[..., Any]:
    """`func(app_label, model_name, pk)`, which does nothing when that row no longer exists."""

    @functools.wraps(func)  # same __module__ and __qualname__: the same task path
    def run(app_label: str, model_name: str, pk: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return func(app_label, model_name, pk, *args, **kwargs)
        except ObjectDoesNotExist:
            # Checked after the fact, so only a failure pays for it; a DoesNotExist about
            # anything but the vanished row itself still fails the task.
            if not _object_is_gone(app_label, model_name, pk):
                raise
        logger.info(
            "%s: %s.%s %s was deleted before the task ran; nothing to do",
            func.__name__,
            app_label,
            model_name,
            pk,
        )
        return None

    run.skips_deleted_objects = True  # type: ignore[attr-defined]
    return run


def tolerate_deleted_objects() -> None:
    """Replace each task in OBJECT_TASKS by one that skips deleted objects (idempotent)."""
    for module_name, attribute in OBJECT_TASKS:
        try:
            module = import_module(module_name)
        except ImportError:  # an app not installed: its tasks are never queued
            continue
        original = getattr(module, attribute, None)
        if not isinstance(original, Task) or getattr(original.func, "skips_deleted_objects", False):
            continue
        setattr(
            module,
            attribute,
            dataclasses.replace(original, func=skipping_deleted_objects(original.func)),
        )
