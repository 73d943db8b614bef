"""Marsad on the web: a JSON API (OpenAPI at ``/api/openapi.json``) and Arabic pages.

``create_app(WebConfig(db=..., token=...))`` builds the app; ``marsad serve`` runs it.
"""

from .app import WebConfig, create_app

__all__ = ["WebConfig", "create_app"]
