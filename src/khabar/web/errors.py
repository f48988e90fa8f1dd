"""The one error shape, `{"error": {"code", "message"}}` (an HTML page with the same code and message for
browsers), and the security headers every response carries, errors included."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from khabar.errors import Errors, KhabarError

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
STATUS_CODES = {404: Errors.E803, 405: Errors.E804, 401: Errors.E805, 413: Errors.E806}
CLIENT_ERRORS = {Errors.E804, Errors.E809, Errors.E810}  # KhabarErrors a request causes (400), whatever raises them


class ApiError(Exception):
    """An error answer: HTTP status, error code and message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def api_error(status: int, code: str, what: str, **params: Any) -> ApiError:
    return ApiError(status, code, KhabarError(code, what=what, **params).message)


def found(value: Any, path: str, what: str) -> Any:
    """`value`, or a 404 (E803) when there is no such `what`."""
    if value is None:
        raise api_error(404, Errors.E803, path, detail=what)
    return value


def secure(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    return response


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    """The error as JSON, or as an HTML page for a browser asking for a page (not /api)."""
    if not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", ""):
        templates = request.app.state.templates
        response = templates.TemplateResponse(
            request, "error.html", {"code": code, "message": message}, status_code=status
        )
    else:
        response = JSONResponse(
            {"error": {"code": code, "message": message}},
            status_code=status,
            headers={"WWW-Authenticate": "Bearer"} if status == 401 else None,
        )
    return secure(response)


def install_error_handlers(app: FastAPI) -> None:
    """Every error, from the API, the pages, routing, validation or a bug, in the one shape."""

    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, exc: ApiError):
        return error_response(request, exc.status, exc.code, exc.message)

    @app.exception_handler(KhabarError)
    async def on_khabar_error(request: Request, exc: KhabarError):
        status = 400 if exc.code in CLIENT_ERRORS else 500
        return error_response(request, status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException):
        code = STATUS_CODES.get(exc.status_code, Errors.E808)
        detail = {404: "page", 405: f"method {request.method} not allowed here"}.get(exc.status_code, str(exc.detail))
        message = KhabarError(code, what=request.url.path, detail=detail).message
        return error_response(request, exc.status_code, code, message)

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return error_response(
            request, 400, Errors.E804, KhabarError(Errors.E804, what=request.url.path, detail=problems).message
        )

    @app.exception_handler(Exception)
    async def on_internal_error(request: Request, exc: Exception):
        return error_response(request, 500, Errors.E808, f"internal error: {type(exc).__name__}")
