"""deploy/nginx.conf under a real nginx: image renditions come from the media volume, documents and
original images never do (documents reach the application, which checks who may see them).

Skipped where nginx is not installed (`apt-get install nginx-light`).
"""

from __future__ import annotations

import http.client
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or next(
    (path for path in ("/usr/sbin/nginx",) if os.access(path, os.X_OK)), None
)

pytestmark = pytest.mark.skipif(
    NGINX is None, reason="nginx is not installed (`make test` installs Debian's nginx)"
)

RENDITION = b"\xff\xd8\xff\xe0 a rendition"
DOCUMENT = b"%PDF-1.7 confidential"
ORIGINAL = b"\xff\xd8\xff\xe0 the original upload"


class _Application(BaseHTTPRequestHandler):
    """Stands in for gunicorn: says which path reached it."""

    def do_GET(self) -> None:
        body = f"application:{self.path}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        """Quiet: a request log per case would only bury pytest's own report."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def proxy() -> Iterator[int]:
    """nginx running deploy/nginx.conf on a free port; the port."""
    # Not pytest's tmp_path: nginx's workers run unprivileged and must read the files.
    root = Path(tempfile.mkdtemp(prefix="hub-nginx-"))
    root.chmod(0o755)
    # The whole media volume where the config expects only its renditions: even if all of it
    # were mounted, the config alone must keep documents and originals unreachable.
    media = root / "srv" / "media"
    for folder, name, content in (
        ("images", "cover.fill-480x270.jpg", RENDITION),
        ("documents", "3f2a9c.pdf", DOCUMENT),
        ("original_images", "cover.jpg", ORIGINAL),
    ):
        (media / folder).mkdir(parents=True)
        (media / folder / name).write_bytes(content)
    (root / "srv" / "static").mkdir()
    for directory, _dirs, files in os.walk(root):
        os.chmod(directory, 0o755)
        for name in files:
            os.chmod(Path(directory) / name, 0o644)

    application = ThreadingHTTPServer(("127.0.0.1", 0), _Application)
    threading.Thread(target=application.serve_forever, daemon=True).start()
    port = _free_port()
    server = (
        (REPO / "deploy" / "nginx.conf")
        .read_text()
        .replace("listen 80;", f"listen 127.0.0.1:{port};")
        .replace("/srv/", f"{root}/srv/")
        .replace("http://web:8000", f"http://127.0.0.1:{application.server_address[1]}")
    )
    (root / "default.conf").write_text(server)
    temp = root / "temp"
    temp.mkdir()
    (root / "nginx.conf").write_text(
        f"""
        user {pwd.getpwuid(os.getuid()).pw_name};
        worker_processes 1;
        daemon off;
        pid {root}/nginx.pid;
        error_log {root}/error.log;
        events {{ worker_connections 64; }}
        http {{
            types {{ image/jpeg jpg; application/pdf pdf; }}
            access_log off;
            client_body_temp_path {temp}/body;
            proxy_temp_path {temp}/proxy;
            fastcgi_temp_path {temp}/fastcgi;
            uwsgi_temp_path {temp}/uwsgi;
            scgi_temp_path {temp}/scgi;
            include {root}/default.conf;
        }}
        """
    )
    command = [NGINX, "-p", f"{root}/", "-e", f"{root}/error.log", "-c", f"{root}/nginx.conf"]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, process.stderr.read().decode()
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
        application.shutdown()
        shutil.rmtree(root, ignore_errors=True)


def _get(port: int, path: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": "hub.example.org"})  # sent as written
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_image_renditions_are_served_from_the_media_volume(proxy):
    response = _get(proxy, "/media/images/cover.fill-480x270.jpg")
    assert response.status == 200
    assert response.body == RENDITION
    assert response.getheader("Content-Type") == "image/jpeg"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Cache-Control") == "max-age=3600"


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/3f2a9c.pdf",
        "/media/original_images/cover.jpg",
        "/media/images/../documents/3f2a9c.pdf",
        "/media/images/%2e%2e/documents/3f2a9c.pdf",
        "/media/images/..%2foriginal_images/cover.jpg",
        "/media/images/",
        "/media/images/missing.jpg",
        "/media/",
    ],
)
def test_documents_and_original_images_are_never_served_from_disk(proxy, path):
    response = _get(proxy, path)
    assert response.status == 404
    assert DOCUMENT not in response.body and ORIGINAL not in response.body


def test_documents_are_asked_of_the_application(proxy):
    response = _get(proxy, "/documents/12/report.pdf")
    assert response.status == 200
    assert response.body == b"application:/documents/12/report.pdf"
