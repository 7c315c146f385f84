"""The fetcher's on-disk cache: one JSON record and one body file per URL, written atomically.

A page fetched less than ``max_age`` seconds ago is served from here without a request; an older
one is revalidated with the ``ETag``/``Last-Modified`` kept beside it (see :class:`Fetcher`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from summarize.inputs.web.page import Page

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Cached:
    page: Page
    age: float
    etag: str | None
    last_modified: str | None


class _Cache:
    """One JSON record and one body file per URL, written atomically."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()
        return self.root / f"{key}.json", self.root / f"{key}.body"

    def load(self, url: str) -> _Cached | None:
        record_path, body_path = self._paths(url)
        try:
            record = json.loads(record_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
            page = Page(
                url=url,
                final_url=str(record["final_url"]),
                status=int(record["status"]),
                content_type=str(record["content_type"]),
                body=body,
                fetched_at=str(record["fetched_at"]),
                from_cache=True,
            )
            age = time.time() - float(record["stored"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            logger.warning("Ignoring a damaged cache entry for %s in %s", url, self.root)
            return None
        return _Cached(page, age, record.get("etag"), record.get("last_modified"))

    def store(self, page: Page, *, etag: str | None, last_modified: str | None) -> None:
        record_path, body_path = self._paths(page.url)
        record = {
            "url": page.url,
            "final_url": page.final_url,
            "status": page.status,
            "content_type": page.content_type,
            "fetched_at": page.fetched_at,
            "stored": time.time(),
            "etag": etag,
            "last_modified": last_modified,
        }
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            _write_atomic(body_path, page.body)
            _write_atomic(record_path, json.dumps(record).encode("utf-8"))
        except OSError as error:
            logger.warning("Could not cache %s in %s: %s", page.url, self.root, error)

    def touch(self, url: str) -> None:
        """Mark a revalidated (304) entry as fresh again."""
        record_path, _ = self._paths(url)
        try:
            record = json.loads(record_path.read_text(encoding="utf-8"))
            record["stored"] = time.time()
            _write_atomic(record_path, json.dumps(record).encode("utf-8"))
        except (OSError, ValueError):
            pass


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
