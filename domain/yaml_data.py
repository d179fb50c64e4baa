"""The project's YAML data files, parsed with libyaml when PyYAML has it (about ten times faster
than the pure-Python parser: the taxonomy, the registry and the lexicons are read at every start)."""
from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """`yaml.safe_load`, faster: the same safe subset of YAML (no Python objects)."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader, C or Python
