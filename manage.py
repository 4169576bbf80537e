#!/usr/bin/env python
"""Django's command-line entry point for the Knowledge Hub."""

import os
import sys

#: Commands that read files and use none of the project's apps run without loading them:
#: Wagtail and the apps take a second or more to load, longer than reading most files, and an
#: operator runs ``extract_text`` on one file after another from a shell.
WITHOUT_APPS = {"extract_text": "library.management.commands.extract_text"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")
    if len(sys.argv) > 1 and sys.argv[1] in WITHOUT_APPS:
        from importlib import import_module

        import_module(WITHOUT_APPS[sys.argv[1]]).Command().run_from_argv(sys.argv)
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
