"""Send the digests that are due now, as the worker does every minute (or only say what would go)."""

from django.core.management.base import BaseCommand

from alerts.digest import run


class Command(BaseCommand):
    help = "Send every alert digest that is due now (the worker does this every minute)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Work out what would be sent, print it, send and record nothing.",
        )

    def handle(self, *args, dry_run: bool = False, **options):
        summary = run(dry_run=dry_run)
        if dry_run:
            for address, sections in summary.would_send:
                parts = ", ".join(f"“{name}”: {count}" for name, count in sections)
                self.stdout.write(f"{address}: {parts}")
            self.stdout.write(
                f"Dry run: {summary.due} alerts due, {summary.sent} e-mails would be sent "
                f"({summary.alerts_sent} alerts), {summary.nothing_new} with nothing new."
            )
            return
        self.stdout.write(
            f"{summary.due} alerts due: {summary.sent} e-mails sent ({summary.alerts_sent} "
            f"alerts), {summary.nothing_new} with nothing new, {summary.failed} failed "
            f"(tried again later), {summary.bounced} bounced, {summary.skipped} skipped."
        )
