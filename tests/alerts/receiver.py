"""A real HTTP receiver on 127.0.0.1 (http.server in a thread) that can be stopped and restarted."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from marsad.alerts.webhook import IDEMPOTENCY_HEADER, SIGNATURE_HEADER, verify


class Receiver:
    """Records every POST; dedupes by Idempotency-Key as a well-behaved receiver would.

    `fail_next` answers that many requests with `fail_status` AFTER handling them (the "our answer
    was lost" case: the sender must retry, the key must let us drop the second copy).
    """

    def __init__(self, secret: str) -> None:
        self.secret = secret
        self.posts: list[dict[str, Any]] = []  # every request that reached us
        self.accepted: dict[str, dict[str, Any]] = {}  # idempotency key -> first body
        self.duplicates = 0
        self.fail_next = 0
        self.fail_status = 503
        self.delay = 0.0  # seconds each request takes (a slow receiver)
        self.port = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                time.sleep(receiver.delay)
                key = self.headers.get(IDEMPOTENCY_HEADER, "")
                signed = verify(receiver.secret, body, self.headers.get(SIGNATURE_HEADER, ""))
                with receiver._lock:
                    receiver.posts.append({"key": key, "signed": signed})
                    if signed:
                        if key in receiver.accepted:
                            receiver.duplicates += 1
                        else:
                            receiver.accepted[key] = json.loads(body)
                    status = 200 if signed else 401
                    if receiver.fail_next > 0:
                        receiver.fail_next -= 1
                        status = receiver.fail_status
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"
