"""Storage: the database schema and migrations, storing a report, the batch ingest."""
