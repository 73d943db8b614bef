"""Marsad on the web: a JSON API (OpenAPI at ``/api/openapi.json``) and Arabic pages.

``create_app(WebConfig(db=..., token=...))`` builds the app; ``marsad serve`` runs it.
FastAPI and the archive are imported on first use, so ``marsad serve --help`` answers at once.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .app import WebConfig, create_app

__all__ = ["WebConfig", "create_app"]


def __getattr__(name: str) -> object:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(".app", __name__), name)
    globals()[name] = value
    return value
