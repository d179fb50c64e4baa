"""Stage 2: canonical ids for what extraction tagged (awards, units, indicators, periods, people).

    >>> import normalize
    >>> normalized = normalize.report(extraction, normalize.load_registry())
"""
from domain.registry import load_registry
from normalize.report import report

__all__ = ["load_registry", "report"]
