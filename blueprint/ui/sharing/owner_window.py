"""A file opened while another Blueprint of this computer has it open (a file double-clicked
twice, or once more from the file manager later) brings that editor's window to the front,
rather than opening the file a second time and asking whether to.

Each editor listens on a local socket named by its process id, the id its lock files carry.
A second start on a file whose lock names a live editor of this computer asks that editor to
show the file's window: one line, the file's path, answered ``shown`` or ``not here``. When
nobody answers (an editor of an older version, a socket that cannot be made), the user is
asked as before.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from ...storage.locks import Lock, read_lock
from ..preferences import system_user_name

SHOWN = b"shown\n"
NOT_HERE = b"not here\n"
#: How long a second start waits for the other editor, at each step, before asking as before.
ANSWER_MS = 2000
#: The longest path a call may name (a call is one line).
_MOST_BYTES = 8192


def server_name(pid: int) -> str:
    """The local socket of the editor with process id ``pid``, for this user."""
    return f"blueprint-{system_user_name() or 'user'}-{pid}"


def bring_to_front(window: QWidget) -> None:
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


class OwnerCalls(QObject):
    """This editor's side: shows the window of a file another start asks for."""

    #: the window brought to the front for another start
    shown = Signal(object)

    def __init__(self, parent: QObject, window_of: Callable[[Path], QWidget | None]) -> None:
        super().__init__(parent)
        self._window_of = window_of
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(os.getpid())
        QLocalServer.removeServer(name)  # left by a crashed editor that had this process id
        self._server.newConnection.connect(self._take_calls)
        #: False when no socket could be made: other starts then ask as before
        self.listening = self._server.listen(name)

    def close(self) -> None:
        self._server.close()

    def _take_calls(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._answer(s))
            socket.disconnected.connect(socket.deleteLater)
            self._answer(socket)

    def _answer(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > _MOST_BYTES:
                socket.abort()
            return
        line = bytes(socket.readLine(_MOST_BYTES).data()).rstrip(b"\n")
        window = self._window_of(Path(os.fsdecode(line)))
        socket.write(NOT_HERE if window is None else SHOWN)
        socket.flush()
        socket.disconnectFromServer()
        if window is not None:
            bring_to_front(window)
            self.shown.emit(window)


def shown_by_owner(path: Path, lock: Lock | None = None) -> bool:
    """Whether another live editor of this computer has ``path`` open and showed its window
    when asked; False when none does or it does not answer."""
    lock = read_lock(path) if lock is None else lock
    if lock is None or lock.is_mine() or not lock.is_from_this_machine():
        return False
    if lock.stale_because() is not None:
        return False
    socket = QLocalSocket()
    try:
        socket.connectToServer(server_name(lock.pid))
        if not socket.waitForConnected(ANSWER_MS):
            return False
        socket.write(os.fsencode(str(path.absolute())) + b"\n")
        if not socket.waitForBytesWritten(ANSWER_MS):
            return False
        while not socket.canReadLine():
            if not socket.waitForReadyRead(ANSWER_MS):
                return False
        return bytes(socket.readLine(_MOST_BYTES).data()) == SHOWN
    finally:
        socket.abort()
