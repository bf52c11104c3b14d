"""A live session keeps trying to reach its room whatever answers in the meantime, says why
it is offline in words that fit, and tells what went while it was away, in the message that
says it is back."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator

import pytest

from blueprint.collab.client import DROPPED, UNREACHABLE, Status, Timing
from blueprint.collab.primitives import InsertEntity, RemoveEntity, SetEntityField
from blueprint.collab.session import (
    GoneWithRemoval,
    LiveSession,
    OfflineEditsMerged,
    StatusChanged,
    User,
    ValueReplaced,
)
from blueprint.model import Comment
from tests.collab.conftest import TOKEN, WAIT, wait_until
from tests.factories import small_blueprint

QUICK = Timing(first_retry=0.05, longest_retry=0.2, awareness_timeout=2.0, open_timeout=5.0)


class Loopback:
    """A loopback port served by ``answer(connection)`` on a thread, for one test."""

    def __init__(self, answer: Callable[[socket.socket], None]) -> None:
        self._answer = answer
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            with connection:
                self._answer(connection)

    def close(self) -> None:
        self._listener.close()


class Relay:
    """A relay on loopback before the server: one laptop's network, cut and restored."""

    def __init__(self, target_port: int) -> None:
        self._target = target_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._open: list[socket.socket] = []
        self._lock = threading.Lock()
        self._up = True
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if not self._up:
                client.close()
                continue
            server = socket.create_connection(("127.0.0.1", self._target))
            with self._lock:
                self._open += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        """Every connection through it closed, and new ones refused until ``restore``."""
        self._up = False
        with self._lock:
            for end in self._open:
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()
            self._open.clear()

    def restore(self) -> None:
        self._up = True

    def close(self) -> None:
        self.cut()
        self._listener.close()


def says(answer: bytes) -> Callable[[socket.socket], None]:
    def reply(connection: socket.socket) -> None:
        connection.recv(4096)
        connection.sendall(answer)

    return reply


@pytest.fixture
def sessions() -> Iterator[Callable[..., tuple[LiveSession, list]]]:
    made: list[LiveSession] = []

    def start(server: str, name: str = "Ana", **kw) -> tuple[LiveSession, list]:
        events: list = []
        session = LiveSession(server, "workshop", TOKEN, User(name), events.append, **kw)
        session.start()
        made.append(session)
        return session, events

    yield start
    for session in made:
        session.close()


def offline_details(events: list) -> list[str]:
    return [e.detail for e in events if isinstance(e, StatusChanged) and e.status == Status.OFFLINE]


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (b"SSH-2.0-OpenSSH_9.2\r\n", UNREACHABLE),  # a mistyped port: another service
        (
            b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            "the server answers HTTP 502; retrying",
        ),
        (
            b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n",
            "the server answers HTTP 503; retrying",
        ),
    ],
    ids=["another-service", "proxy-502", "proxy-503"],
)
def test_what_answers_instead_of_the_server_is_tried_again_not_the_end(sessions, answer, said):
    """A handshake cut short ended the session's thread, which went on saying
    "connecting…" while edits stayed in one copy; a proxy's 502 before a restarting server
    ended the session with "check the token"."""
    port = Loopback(says(answer))
    try:
        session, events = sessions(
            f"ws://127.0.0.1:{port.port}", share=small_blueprint(), timing=QUICK
        )
        wait_until(lambda: len(offline_details(events)) >= 3, what="three tries")
        assert set(offline_details(events)) == {said}
        assert session.status in (Status.OFFLINE, Status.CONNECTING)
        assert not [e for e in events if getattr(e, "status", None) == Status.REFUSED]
    finally:
        port.close()


def test_once_reached_a_server_that_is_gone_is_a_dropped_line_not_a_wrong_address(live, sessions):
    """After a drop, "cannot reach the server" read as a set-up mistake."""
    server = live["server"]
    session, events = sessions(server.url, share=small_blueprint(), timing=QUICK)
    assert session.wait_synced(WAIT)
    server.kill()
    wait_until(lambda: len(offline_details(events)) >= 3, what="three tries")
    assert set(offline_details(events)) == {DROPPED}


@pytest.fixture
def ann_and_bob_offline(live, sessions):
    """Ann shares, Bob joins through a relay (his laptop's network), which is then cut:
    (ann, bob, what bob was told, the relay to restore)."""
    server = live["server"]
    ann, _ = sessions(server.url, name="Ann", share=small_blueprint(), timing=QUICK)
    assert ann.wait_synced(WAIT)
    relay = Relay(int(server.url.rsplit(":", 1)[1]))
    bob, told = sessions(f"ws://127.0.0.1:{relay.port}", name="Bob", timing=QUICK)
    assert bob.wait_synced(WAIT)
    relay.cut()
    wait_until(lambda: bob.status != Status.ONLINE, what="Bob offline")
    yield ann, bob, told, relay
    relay.close()


def test_work_a_removal_took_while_offline_is_said_with_the_merge(ann_and_bob_offline):
    """Bob, offline, comments on a card Ann removes meanwhile: "Back online: your edits
    made offline were merged" was said just after "Someone removed…", and hid it."""
    ann, bob, told, relay = ann_and_bob_offline
    comment = Comment(
        id="c-bob",
        about_id="t3",
        author="Bob",
        at="2026-12-07T10:00:00+00:00",
        text="Still needed?",
    )
    bob.edit([InsertEntity("comments", 0, comment)])
    bob.edit([SetEntityField("touchpoints", "t1", "notes", "Bob, offline")])
    ann.edit([RemoveEntity("touchpoints", "t3")])
    relay.restore()
    wait_until(lambda: any(isinstance(e, OfflineEditsMerged) for e in told), what="Bob merged")
    [merged] = [e for e in told if isinstance(e, OfflineEditsMerged)]
    assert merged.gone == (("comments", "c-bob", "Still needed?"),)
    assert not [e for e in told if isinstance(e, GoneWithRemoval)]  # one message, not two


def test_a_field_both_changed_offline_tells_the_one_whose_value_did_not_stay(live, sessions):
    """Two people renamed one card offline: one title stayed, by the shared document's own
    rule, and the other person was told their edits were merged, without a word of it."""
    server = live["server"]
    port = int(server.url.rsplit(":", 1)[1])
    relays = [Relay(port), Relay(port)]

    def t1_title(session: LiveSession) -> str:
        return next(t.title for t in session.blueprint.touchpoints if t.id == "t1")

    try:
        ann, ann_told = sessions(
            f"ws://127.0.0.1:{relays[0].port}", name="Ann", share=small_blueprint(), timing=QUICK
        )
        assert ann.wait_synced(WAIT)
        bob, bob_told = sessions(f"ws://127.0.0.1:{relays[1].port}", name="Bob", timing=QUICK)
        assert bob.wait_synced(WAIT)
        for relay in relays:
            relay.cut()
        wait_until(lambda: Status.ONLINE not in (ann.status, bob.status), what="both offline")
        ann.edit([SetEntityField("touchpoints", "t1", "title", "Ann's title")])
        bob.edit([SetEntityField("touchpoints", "t1", "title", "Bob's title")])
        bob.edit([SetEntityField("touchpoints", "t2", "notes", "Bob's note")])  # his alone
        for relay in relays:
            relay.restore()
        for told in (ann_told, bob_told):
            wait_until(lambda told=told: any(isinstance(e, OfflineEditsMerged) for e in told))
        wait_until(lambda: t1_title(ann) == t1_title(bob), what="one title at both")
    finally:
        for relay in relays:
            relay.close()
    stayed = t1_title(ann)
    assert stayed in ("Ann's title", "Bob's title")

    def replaced(told: list) -> list:
        """Said with the merge, or after it when the other came back second."""
        return [
            r for e in told if isinstance(e, OfflineEditsMerged | ValueReplaced) for r in e.replaced
        ]

    loser, winner = (bob_told, ann_told) if stayed == "Ann's title" else (ann_told, bob_told)
    wait_until(lambda: replaced(loser), what="the one whose title went to be told")
    lost = "Bob's title" if stayed == "Ann's title" else "Ann's title"
    assert replaced(loser) == [("touchpoints", "t1", stayed, "title", lost)]  # what was set
    assert replaced(winner) == []


def test_an_offline_edit_undone_once_back_is_not_blamed_on_someone_else(ann_and_bob_offline):
    """Bob took back, online, the note he typed offline; Ann then renamed the card: Bob was
    told someone else had changed what he changed offline."""
    ann, bob, told, relay = ann_and_bob_offline
    bob.edit([SetEntityField("touchpoints", "t1", "notes", "Bob, offline")])
    relay.restore()
    wait_until(lambda: any(isinstance(e, OfflineEditsMerged) for e in told), what="merged")
    assert bob.undo()
    ann.edit([SetEntityField("touchpoints", "t1", "title", "Ann renames")])
    wait_until(
        lambda: any(t.title == "Ann renames" for t in bob.blueprint.touchpoints),
        what="Ann's title at Bob's",
    )
    assert not [e for e in told if isinstance(e, ValueReplaced)]
