"""Computations over stored reports: district totals, TĐKT statistics, period comparison."""
