"""One error shape for the whole web app, JSON or page (after datasette's ``handle_exception``).

Every error of a JSON path (``/api/...``) answers::

    {"error": {"status": 404, "code": "not_found", "message": "...", "detail": null}}

``detail`` lists the problems of an invalid request (``[{"loc": [...], "message": "..."}]``) and
is null otherwise. Pages answer the same status with a page saying the same message. A test pins
the envelope (``tests/test_web_errors.py``); nothing else may answer an error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from ..errors import MarsadError, RecordError, StoreError

__all__ = [
    "CODES",
    "ApiError",
    "ErrorBody",
    "ErrorResponse",
    "error_payload",
    "install_error_handlers",
    "wants_json",
]

_log = logging.getLogger("marsad.web")

#: The ``code`` of each status the app answers.
CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
    503: "archive_unavailable",
}


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    detail: list[dict[str, Any]] | None = None


class ErrorResponse(BaseModel):
    """The one error envelope."""

    error: ErrorBody


class ApiError(Exception):
    """An error the app answers on purpose, with its status and code."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        detail: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.detail = detail


def error_payload(
    status: int, message: str, code: str | None = None, detail: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    body = ErrorBody(
        status=status, code=code or CODES.get(status, "error"), message=message, detail=detail
    )
    return {"error": body.model_dump()}


def wants_json(request: Request) -> bool:
    """JSON for the API and feeds; a page for everything else."""
    path = request.url.path
    return path.startswith("/api/") or path == "/api" or path.endswith((".json", ".atom"))


#: What renders an error page: (request, status, message) -> response.
PageRenderer = Callable[[Request, int, str], Response]


def install_error_handlers(app: FastAPI, page: PageRenderer) -> None:
    """Answer every error, raised on purpose or not, in the one shape."""

    def answer(request: Request, error: ApiError) -> Response:
        if wants_json(request):
            return JSONResponse(
                error_payload(error.status, error.message, error.code, error.detail),
                status_code=error.status,
                headers={"WWW-Authenticate": "Bearer"} if error.status == 401 else None,
            )
        return page(request, error.status, error.message)

    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return answer(request, exc)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "")
        if exc.status_code == 404:
            message = "no such page or resource"
        return answer(request, ApiError(exc.status_code, message))

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        detail = [
            {"loc": [str(p) for p in e.get("loc", ())], "message": str(e.get("msg", ""))}
            for e in exc.errors()
        ]
        first = detail[0] if detail else {"loc": [], "message": "invalid request"}
        where = ".".join(first["loc"][1:] or first["loc"])
        message = f"invalid request: {where}: {first['message']}" if where else "invalid request"
        return answer(request, ApiError(422, message, detail=detail))

    async def marsad_error(request: Request, exc: Exception) -> Response:
        if isinstance(exc, StoreError):
            return answer(request, ApiError(503, f"the archive cannot answer: {exc.message}"))
        status = 422 if isinstance(exc, RecordError) else 400
        return answer(request, ApiError(status, str(exc)))

    async def unexpected(request: Request, exc: Exception) -> Response:
        _log.exception("unexpected error on %s", request.url.path, exc_info=exc)
        return answer(request, ApiError(500, "the server failed on this request"))

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(MarsadError, marsad_error)
    app.add_exception_handler(Exception, unexpected)
