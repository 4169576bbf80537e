"""manage.py seed_demo: load the demo network (idempotent) and say how to sign in."""

import logging

from django.conf import settings
from django.core.management.base import BaseCommand

from hub.demo.seed import ADMIN_USERNAME, seed


class Command(BaseCommand):
    help = "Load the demo network: organisations, TWGs, resources with PDF and Word files, collections, an administrator."

    def handle(self, *args, **options) -> None:
        # Hundreds of "page published" and task log lines would bury the login details.
        for name in ("wagtail", "django_tasks"):
            logging.getLogger(name).setLevel(logging.WARNING)
        report = seed()
        if report.created:
            self.stdout.write(f"Created {len(report.created)} items: " + "; ".join(report.created))
        else:
            self.stdout.write("Demo content already loaded; nothing created.")
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/"
        password = report.admin_password or report.admin_password_note
        self.stdout.write(
            self.style.SUCCESS(
                f"\nThe hub: {settings.WAGTAILADMIN_BASE_URL}\n"
                f"Admin:   {admin_url}\n"
                f"User:    {ADMIN_USERNAME}\nPassword: {password}\n"
            )
        )
        if report.demo_users:
            users = "\n".join(f"  {name:<12} {role}" for name, role in report.demo_users)
            shared = report.demo_users_password or "unchanged (var/demo-users-password.txt)"
            self.stdout.write(
                f"Publishing roles to try (one password for all: {shared}):\n{users}\n"
            )
