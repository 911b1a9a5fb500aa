"""Fetching an article from an http or https URL (core layer; no Qt; standard library only).

Only http and https; the whole fetch (connecting, redirects, reading) stops after
``TIMEOUT`` seconds and at ``MAX_BYTES``; at most ``MAX_REDIRECTS`` redirects are followed
and a redirect back to a URL already visited is a loop. Every failure is a
``DocumentError`` naming the URL with a sentence a reader understands.
"""

from __future__ import annotations

import http.client
import re
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from viewer import __version__
from viewer.core.documents import DOCX, HTML, MAX_BYTES, PDF, PLAIN
from viewer.core.errors import DocumentError

TIMEOUT = 10.0
MAX_REDIRECTS = 5
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+\Z")
_TYPES = {
    "text/html": HTML,
    "application/xhtml+xml": HTML,
    "text/plain": PLAIN,
    "application/pdf": PDF,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": DOCX,
}


def is_url(text: str) -> bool:
    """Whether ``text`` (stripped) is one URL with a scheme ("https://…", "ftp://…")."""
    return bool(_URL.match(text.strip()))


@dataclass(frozen=True)
class Fetched:
    """What a URL gave: the final URL after redirects, the body and its format."""

    url: str
    data: bytes
    format: str


def _check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"'{scheme}:'" if scheme else "no scheme"
        raise DocumentError(url, f"cannot be fetched ({shown}); only http and https URLs")


def _connection(url: str, timeout: float) -> tuple[http.client.HTTPConnection, str]:
    parts = urlsplit(url)
    if not parts.hostname:
        raise DocumentError(url, "has no host name")
    try:
        port = parts.port
    except ValueError:
        raise DocumentError(url, "has an invalid port") from None
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    if parts.scheme.lower() == "https":
        context = ssl.create_default_context()
        return http.client.HTTPSConnection(
            parts.hostname, port, timeout=timeout, context=context
        ), target
    return http.client.HTTPConnection(parts.hostname, port, timeout=timeout), target


def fetch(
    url: str,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    should_cancel: Callable[[], bool] | None = None,
) -> Fetched:
    """GET ``url`` within the limits; ``DocumentError`` naming ``url`` otherwise."""
    original = url = url.strip()
    deadline = time.monotonic() + timeout
    seen = {url}
    for _ in range(max_redirects + 1):
        _check_scheme(url)
        left = deadline - time.monotonic()
        if left <= 0:
            raise DocumentError(original, f"did not answer within {timeout:g} s")
        connection, target = _connection(url, left)
        try:
            try:
                connection.request(
                    "GET",
                    target,
                    headers={
                        "User-Agent": f"article-viewer/{__version__}",
                        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5",
                        "Accept-Encoding": "identity",
                    },
                )
                response = connection.getresponse()
                if response.status in (301, 302, 303, 307, 308):
                    location = response.getheader("Location")
                    if not location:
                        raise DocumentError(original, "redirects without saying where to")
                    url = urljoin(url, location.strip())
                    if url in seen:
                        raise DocumentError(original, "redirects in a loop")
                    seen.add(url)
                    continue
                if response.status >= 400:
                    reason = response.reason or ""
                    missing = " (the page does not exist)" if response.status in (404, 410) else ""
                    raise DocumentError(
                        original, f"the server answered {response.status} {reason}{missing}"
                    )
                return _body(
                    original, url, response, connection, deadline, timeout, max_bytes, should_cancel
                )
            except TimeoutError:
                raise DocumentError(original, f"did not answer within {timeout:g} s") from None
            except ssl.SSLError as exc:
                raise DocumentError(original, f"secure connection failed ({exc.reason})") from None
            except (OSError, http.client.HTTPException) as exc:
                raise DocumentError(original, f"could not be fetched ({exc})") from None
        finally:
            connection.close()
    raise DocumentError(original, f"redirects more than {max_redirects} times")


def _body(
    original: str,
    url: str,
    response: http.client.HTTPResponse,
    connection: http.client.HTTPConnection,
    deadline: float,
    timeout: float,
    max_bytes: int,
    should_cancel: Callable[[], bool] | None,
) -> Fetched:
    kind = (response.getheader("Content-Type") or "text/html").split(";")[0].strip().lower()
    format = _TYPES.get(kind)
    if format is None:
        raise DocumentError(original, f"is not a web page or article (it is {kind})")
    limit = f"{max_bytes / 1e6:g} MB"
    length = response.getheader("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        size_mb = f"{int(length) / 1e6:.1f} MB"
        raise DocumentError(original, f"is too large ({size_mb}; the limit is {limit})")
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise DocumentError(original, f"did not finish within {timeout:g} s")
        if should_cancel is not None and should_cancel():
            raise DocumentError(original, "fetching was cancelled")
        if connection.sock is not None:  # no single read may outlast the whole fetch
            connection.sock.settimeout(max(0.01, deadline - time.monotonic()))
        chunk = response.read1(65536) if hasattr(response, "read1") else response.read(65536)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise DocumentError(original, f"is too large (more than {limit})")
    return Fetched(url, b"".join(chunks), format)
