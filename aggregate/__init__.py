"""Stage 3 (planned): database, consolidated report, checks and search."""
