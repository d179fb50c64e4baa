"""The officer's web app (`tdkt serve`): upload, review every fact against its source, correct,
report, search. Server-rendered pages (FastAPI + Jinja2), no JavaScript build step."""
