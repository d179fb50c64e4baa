"""What a web app instance runs on: its database, where the original files are kept, the registry."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WebConfig:
    db_url: str | None = None  # None: TDKT_DATABASE_URL or sqlite:///tdkt.db
    files: Path = Path(os.environ.get("TDKT_FILES", "tdkt-files"))  # originals and page images
    registry: Path | None = None  # the district's registry of units (YAML); None: the bundled one
    max_upload_mb: int = int(os.environ.get("TDKT_UPLOAD_MB", "50"))  # per file, a ZIP's members too
    secure_cookies: bool = False  # True behind HTTPS: the session cookie is never sent in clear
