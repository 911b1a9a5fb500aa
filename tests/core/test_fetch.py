"""Articles from URLs, against a web server on 127.0.0.1 that the tests start (issue 10)."""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from viewer.core.articles import article_document, read_article
from viewer.core.errors import DocumentError
from viewer.core.fetch import fetch, is_url
from viewer.core.sources import load_document

from .test_formats import ARTICLE, page


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        # The client stops reading past the size limit, as it should.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.answer()

    def answer(self) -> None:
        if self.path == "/article":
            self.send(200, page().encode())
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
        elif self.path.startswith("/loop"):
            self.send_response(301)
            self.send_header("Location", "/loop2" if self.path == "/loop1" else "/loop1")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(1.5)
            self.send(200, page().encode())
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no length: the cap must stop the reading
            for _ in range(100):
                self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
        elif self.path == "/zip":
            self.send(200, b"PK\x03\x04", "application/zip")
        else:
            self.send(404, b"<html><body>Not found</body></html>")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def test_a_url_opens_as_its_article_with_its_metadata(server: str) -> None:
    document = load_document(f"{server}/moved")
    assert ARTICLE[0] in document.text and "Related articles" not in document.text
    assert (document.title, document.outlet, document.url) == (
        "Troops stay near the border",
        "Daily Planet",
        f"{server}/article",
    )


def test_a_fetched_article_is_kept_in_the_session_and_can_be_saved(server: str) -> None:
    article, document = read_article(f"{server}/article")
    assert article.pasted  # kept whole in the session: there is no file to read again
    assert article.text.startswith("---\n")  # Markdown with its metadata: what Save writes
    again = article_document(article)
    assert (again.text, again.url) == (document.text, f"{server}/article")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "answered 404 Not Found"),
        ("/loop1", "redirects in a loop"),
        ("/zip", "not a web page or article (it is application/zip)"),
        ("/huge", "too large"),
    ],
)
def test_each_failure_gets_a_clear_message(server: str, path: str, message: str) -> None:
    with pytest.raises(DocumentError, match=re.escape(message)) as caught:
        fetch(f"{server}{path}", max_bytes=1_000_000)
    assert str(caught.value).startswith(f"{server}{path}: ")


def test_a_slow_server_times_out(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(DocumentError, match=r"did not answer within 0\.3 s"):
        fetch(f"{server}/slow", timeout=0.3)
    assert time.monotonic() - started < 1.2


def test_redirects_are_limited(server: str) -> None:
    with pytest.raises(DocumentError, match="redirects more than 0 times"):
        fetch(f"{server}/moved", max_redirects=0)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/a.html", "javascript://x"])
def test_only_http_and_https(url: str) -> None:
    assert is_url(url)
    with pytest.raises(DocumentError, match="only http and https"):
        load_document(url)
