"""Reading the demo's data files: the content of the demo is text in hub/demo/data/, not Python.

The files are read from beside this module, so the demo seeds the same whether the code runs from
the source tree (`make run`, the Docker image's /app) or from an editable install.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"

# libyaml's safe loader when PyYAML was built with it: the same safe subset of YAML (no Python
# objects), ten times faster than the pure-Python one on the resources file.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read(name: str) -> Any:
    """The parsed content of the data file `name` (e.g. "resources.yaml")."""
    with (DATA_DIR / name).open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=_SafeLoader)
