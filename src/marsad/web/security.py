"""Security headers on every response, a cap on request bodies, and the write token.

Article text is untrusted: templates escape everything (Jinja autoescape, and
:mod:`marsad.web.highlight` for the marked-up article text), and the Content-Security-Policy
below allows scripts, styles and fonts only from this server, no inline script or style, no
plugins, no framing, forms posting only here. Reading is open; every write (ingest, watchlists)
needs the token set in the configuration, compared in constant time.
"""

from __future__ import annotations

import hmac

from starlette.datastructures import MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import ApiError, error_payload

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "SECURITY_HEADERS",
    "BodyTooLarge",
    "SecurityMiddleware",
    "check_token",
]

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'; object-src 'none'"
)

SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)


class BodyTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over the {limit:,} byte limit")


class SecurityMiddleware:
    """Adds :data:`SECURITY_HEADERS`; refuses bodies over ``max_body`` bytes (declared or sent)."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS:
                    if name not in headers:
                        headers.append(name, value)
            await send(message)

        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            refused = BodyTooLarge(self.max_body)
            response = JSONResponse(error_payload(413, refused.message), status_code=413)
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, limited, send_with_headers)


def check_token(configured: str | None, given: str | None) -> None:
    """Raise unless ``given`` is the configured write token."""
    if not configured:
        raise ApiError(403, "writing is disabled: no token is set in this server's configuration")
    if not given:
        raise ApiError(401, "writing needs the token (Authorization: Bearer TOKEN)")
    if not hmac.compare_digest(given.encode(), configured.encode()):
        raise ApiError(401, "wrong token")
