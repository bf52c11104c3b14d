"""Leaving a live session never hangs on the network: a server that never answers the
handshake, or one that stops answering, lets the editor go at once (File > Leave Live, and
closing the window, wait for the session on the UI thread)."""

from __future__ import annotations

import signal
import socket
from collections.abc import Iterator

import pytest

from blueprint.collab.client import Status, Timing
from blueprint.collab.session import LiveSession, User
from tests.collab.conftest import TOKEN, WAIT, wait_until
from tests.factories import small_blueprint

#: Far longer than the test waits for the session to end: a session that waited for the
#: network instead of leaving would still be running when the test looks.
PATIENT = Timing(open_timeout=600.0, first_retry=600.0, longest_retry=600.0)
GRACE = 30.0


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A loopback port that takes TCP connections (the kernel's backlog) and never answers
    the websocket handshake."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"ws://127.0.0.1:{listener.getsockname()[1]}"


def test_leaving_while_the_server_never_answers_ends_the_session(silent_server):
    events = []
    session = LiveSession(
        silent_server, "room", "token", User("Ana"), events.append, timing=PATIENT
    )
    session.start()
    wait_until(lambda: session.status == Status.CONNECTING, what="connecting")

    session.close(timeout=GRACE)

    assert session.status == Status.CLOSED
    with pytest.raises(RuntimeError, match="not running"):
        session.set_selection(["t1"])  # the session's thread has ended


def test_sharing_to_a_server_that_never_answers_can_be_left_too(silent_server):
    session = LiveSession(
        silent_server,
        "room",
        "token",
        User("Ana"),
        share=small_blueprint(),
        timing=PATIENT,
    )
    session.start()
    wait_until(lambda: session.status == Status.CONNECTING, what="connecting")
    session.close(timeout=GRACE)
    assert session.status == Status.CLOSED
    assert session.blueprint is not None  # what was shared is still the editor's


def test_leaving_a_server_that_stopped_answering_ends_the_session(live):
    """Connected, then the server freezes (a laptop lid closed on the host): the goodbye
    cannot be delivered, and the editor leaves all the same, its blueprint kept."""
    server = live["server"]
    session = LiveSession(
        server.url,
        "workshop",
        TOKEN,
        User("Ana"),
        share=small_blueprint(),
        timing=PATIENT,
    )
    session.start()
    assert session.wait_synced(WAIT)
    server.process.send_signal(signal.SIGSTOP)
    try:
        session.set_selection(["t1"])  # presence the frozen server will never read
        session.close(timeout=GRACE)
        assert session.status == Status.CLOSED
        assert session.blueprint is not None
    finally:
        server.process.send_signal(signal.SIGCONT)
