"""Marsad on the web: a JSON API (OpenAPI at ``/api/openapi.json``) and Arabic pages.

``create_app(WebConfig(db=..., token=...))`` builds the app; ``marsad serve`` runs it.
FastAPI and the archive are imported on first use, so ``marsad serve --help`` answers at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_attribute

if TYPE_CHECKING:
    from .app import WebConfig, create_app

__all__ = ["WebConfig", "create_app"]


def __getattr__(name: str) -> object:
    return lazy_attribute(__name__, globals(), dict.fromkeys(__all__, "app"), name)
