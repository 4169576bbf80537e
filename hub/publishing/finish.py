"""What a review workflow's last approval does (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Wagtail imports this while its models load, so nothing here may import models at module level.
"""

from __future__ import annotations


def publish_approved(workflow_state, user=None) -> None:
    """Publish the approved revision, or schedule it when it has a "go live" date.

    Wagtail's default asks the last approver for the right to publish pages; here approving the
    last step *is* that right, so the Executive Committee approves network publications without
    any right to publish pages directly.
    """
    workflow_state.content_object.get_latest_revision().publish(
        user=user, skip_permission_checks=True
    )
