"""Live mode in the window: File > Share Live… / Join Live… / Leave Live Session, the
status-bar line (connection state, who is here), the others' selections, and Ctrl+Z.

In live mode, Edit > Undo and Redo (and their keys) are the shared document's: they undo
the user's own edits only, even after others edited since. The document's undo stack
still receives every local command (it runs them), but its actions are put away; on
leaving, its history is dropped, since it no longer describes the document (others'
edits are not in it). The modified mark means "the file does not hold what is shown":
set by any change, local or remote, cleared by saving.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox
from shiboken6 import isValid

from ...collab.client import DROPPED, Status
from ...collab.protocol import room_name
from ...collab.server import ServeError
from ...collab.session import Peer, User, taken_room
from ..menus import describe, make_action
from ..preferences import set_author_name, who_i_am
from ..settings import app_settings
from ..sharing import questions
from ..workbench import Workbench
from .binding import STATE_WORDS, LiveBinding
from .dialog import LiveDialog, LiveRequest, invitation_text
from .host import HostedServer
from .presence import PEER_COLOURS, PresenceLayer

Keys = QKeySequence.StandardKey
_COLOUR_KEY = "live/colour"
_SERVER_KEY = "live/server"
#: The file each room joined was saved to, by server and room: a rejoin keeps it there.
_FILES_KEY = "live/joinedFiles"
#: The most of a room's name the status line shows.
ROOM_SHOWN = 24


class LiveMode(QObject):
    def __init__(self, bench: Workbench, maybe_save: Callable[[], bool]) -> None:
        super().__init__(bench.frame)
        self._bench = bench
        self._maybe_save = maybe_save
        self._document = bench.document
        self.binding = LiveBinding(bench.document, bench.canvas.blueprint_scene, self)
        self.presence = PresenceLayer(bench.canvas.blueprint_scene)
        self.host: HostedServer | None = None
        self.dialog: LiveDialog | None = None
        self.invitation: QMessageBox | None = None
        #: the note of edits that did not stay, while it is open
        self.loss_notice: QMessageBox | None = None
        self._room = ""
        self._server = ""
        self._sharing = False  # the session shares the open blueprint (else joins a room)
        self._state = Status.CLOSED
        self._detail = ""
        self._peers: list[Peer] = []
        self.status_label = QLabel()
        self.status_label.setAccessibleName("Live session")
        self.status_label.hide()
        bench.frame.statusBar().addPermanentWidget(self.status_label)
        self._make_actions()
        self.binding.statusChanged.connect(self._on_status)
        self.binding.peersChanged.connect(self._on_peers)
        self.binding.told.connect(bench.show_status)
        self.binding.toldLoss.connect(self._told_loss)
        self.binding.refused.connect(self._on_refused)
        self.binding.ended.connect(self._on_ended)
        self._document.documentReset.connect(self._on_reset)
        self._document.pathChanged.connect(self._saved_elsewhere)

    def _make_actions(self) -> None:
        frame, menus = self._bench.frame, self._bench.menus
        self.share_action = make_action(
            frame, "Share &Live…", self.ask_share, None, "Edit this blueprint with others, live"
        )
        self.join_action = make_action(
            frame, "&Join Live…", self.ask_join, None, "Edit a blueprint someone shares live"
        )
        self.leave_action = make_action(
            frame, "L&eave Live Session", self.leave, None, "Stop sharing; keep your copy"
        )
        self.leave_action.setEnabled(False)
        # The address, room and token again: for a latecomer, or someone whose editor closed.
        self.invite_action = make_action(
            frame,
            "S&how Live Invitation…",
            self.show_invitation,
            None,
            "Show again the address, room and token to give the others",
        )
        self.invite_action.setEnabled(False)
        close = next((a for a in menus.file.actions() if a.text() == "&Close"), None)
        actions = (self.share_action, self.join_action, self.invite_action, self.leave_action)
        for action in actions:
            menus.file.insertAction(close, action)
        menus.file.insertSeparator(close)
        self.undo_action = make_action(
            frame, "&Undo", self.binding.undo, None, "Undo your last change (yours only)"
        )
        self.redo_action = make_action(
            frame, "&Redo", self.binding.redo, None, "Redo your change just undone"
        )
        # In the Edit menu in live mode only, in place of the undo stack's own actions.
        self._stack_keys = (menus.undo.shortcuts(), menus.redo.shortcuts())

    # --- the user's actions ---------------------------------------------------------------

    def ask_share(self) -> None:
        path = self._document.path
        # Lower case: names are told aloud and typed again, and a room's name is exact.
        room = room_name(path.stem if path else self._document.blueprint.title).lower()
        self._ask(share=True, room=room)

    def ask_join(self) -> None:
        self._ask(share=False, room=self._room)

    def _ask(self, share: bool, room: str) -> None:
        remembered = app_settings()
        name = who_i_am()
        colour = str(remembered.value(_COLOUR_KEY, ""))
        self.dialog = dialog = LiveDialog(
            self._bench.frame,
            share,
            room,
            name,
            colour if colour in PEER_COLOURS else colour_for(name),
            str(remembered.value(_SERVER_KEY, "")),
        )
        dialog.accepted.connect(lambda: self._start(dialog.request(), share))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _start(self, request: LiveRequest, share: bool) -> None:
        if not self.may_close("leaving it"):  # the session this window is in, if any
            return
        if not share and not self._maybe_save():
            return
        self.leave()
        self._remember(request)
        server, token = request.server, request.token
        if request.host_here:
            host = HostedServer(request.everyone_on_network)
            try:
                host.start()
            except ServeError as error:
                self._bench.show_error("Cannot host a live session", _sentence(str(error)))
                return
            self.host, server, token = host, host.local_url, host.token
        self._server = server
        try:
            self.binding.start(
                server,
                request.room,
                token,
                User(request.name, request.colour),
                share,
                None if share else _joined_file(server, request.room),
            )
        except ValueError as error:  # a room name the protocol refuses
            self._stop_host()
            self._bench.show_error("Cannot start the live session", _sentence(str(error)))
            return
        self._room = request.room
        self._sharing = share
        self._enter()
        if self.host is not None:
            self._invite(self.host, request.room)

    def _remember(self, request: LiveRequest) -> None:
        """The name (the same as on comments: Edit › Preferences), the colour and the server
        are offered again next time, in any window; never the token."""
        set_author_name(request.name)
        remembered = app_settings()
        if self.dialog is not None:
            remembered.setValue(_COLOUR_KEY, self.dialog.colour.currentText())
        if not request.host_here:
            remembered.setValue(_SERVER_KEY, request.server)

    def _invite(self, host: HostedServer, room: str) -> None:
        box = QMessageBox(self._bench.frame)
        box.setWindowTitle("Share Live")
        box.setIcon(QMessageBox.Icon.Information)
        what = invitation_text(host.shared_url, room, host.token)
        box.setText(
            "Give the others these three things (File › Join Live… in their editor; the text "
            f"copied here, pasted into its Server field, fills all three):\n\n{what}"
        )
        if host.host == "127.0.0.1":
            box.setInformativeText(
                "This address works on this computer only. To invite others on your network, "
                "leave the session and share again with 'Let others on this network join'."
            )
        box.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        copy = box.addButton("&Copy", QMessageBox.ButtonRole.ActionRole)
        copy.setToolTip("Copy the server, the room and the token, to paste in a message")
        # An action button would close the box: it copies, and the box stays open.
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: self._copied(what))
        box.addButton(QMessageBox.StandardButton.Ok)
        box.setAccessibleName("Share Live invitation")
        box.finished.connect(box.deleteLater)
        self.invitation = box
        box.open()

    def _copied(self, what: str) -> None:
        QGuiApplication.clipboard().setText(what)
        self._bench.show_status("Copied the server, the room and the token.")

    def show_invitation(self) -> None:
        if self.host is not None:
            self._invite(self.host, self._room)

    def leave(self) -> None:
        self._end("Left the live session; your copy stays open.")

    def may_close(self, doing: str = "closing") -> bool:
        """Before the window closes or its blueprint goes (``doing`` it): True unless that
        ends the room for others (hosted here) or drops edits that have not reached the
        room, and the user keeps it open."""
        session = self.binding.session
        if session is None:
            return True
        said = []
        others = len(self._peers)
        if self.host is not None and others:
            people = "1 other person is" if others == 1 else f"{others} others are"
            said.append(
                f"{people} in the room '{self._room}', hosted on this computer: {doing} ends "
                "it for them, and the room is not kept."
            )
        unsent = session.unsent_edits
        if unsent and self._state != Status.ONLINE:
            edits = (
                "1 edit of yours made while offline has"
                if unsent == 1
                else (f"{unsent} edits of yours made while offline have")
            )
            said.append(
                f"{edits} not reached the others: only this copy holds them (saving it keeps them)."
            )
        if not said:
            return True
        return ask_close_live(self._bench.frame, " ".join(said))

    def _end(self, said: str) -> None:
        if not self.binding.active:
            return
        self.binding.stop()
        self._stop_host()
        self._exit()
        self._bench.show_status(said)

    def _stop_host(self) -> None:
        host, self.host = self.host, None
        if host is not None:
            host.stop()

    # --- live mode on and off -------------------------------------------------------------

    def _enter(self) -> None:
        menus = self._bench.menus
        if self.undo_action not in menus.edit.actions():
            menus.edit.insertActions(menus.undo, [self.undo_action, self.redo_action])
        for stack_action in (menus.undo, menus.redo):
            stack_action.setShortcuts([])
            menus.edit.removeAction(stack_action)
        # The keys the Edit menu's own Undo and Redo had: Ctrl+Y too (it stopped working).
        self.undo_action.setShortcuts(self._stack_keys[0])
        self.redo_action.setShortcuts(self._stack_keys[1])
        describe(self.undo_action, "Undo your last change (yours only)")
        describe(self.redo_action, "Redo your change just undone")
        self.leave_action.setEnabled(True)
        self.invite_action.setEnabled(self.host is not None)
        self._state, self._peers = Status.CONNECTING, []
        self._show_state()

    def _exit(self) -> None:
        # What the user sees first: a failure below must not leave a window saying "live"
        # that no longer is, with Leave doing nothing (seen once, its Edit menu gone).
        self.leave_action.setEnabled(False)
        self.invite_action.setEnabled(False)
        self.presence.clear()
        self._peers = []
        self.status_label.hide()
        menus = self._bench.menus
        menus.edit.insertActions(self.undo_action, [menus.undo, menus.redo])
        for action in (self.undo_action, self.redo_action):
            action.setShortcuts([])
            menus.edit.removeAction(action)
        menus.undo.setShortcuts(self._stack_keys[0])
        menus.redo.setShortcuts(self._stack_keys[1])
        # The stack's steps were made among others' edits: undoing them now could undo
        # what is no longer there. The changes themselves stay unsaved if they were.
        self._document.forget_history()

    def _saved_elsewhere(self) -> None:
        """A joined room's blueprint saved to a file: the next join of the room keeps it
        there (each rejoin made the copy untitled, to be saved as again)."""
        path = self._document.path
        if self.binding.active and not self._sharing and path is not None:
            _remember_joined_file(self._server, self._room, path)

    def _on_reset(self) -> None:
        if self.binding.active and not self.binding.applying:
            self.leave()  # another blueprint was opened: it is not the room's

    # --- what the session tells -------------------------------------------------------------

    def _on_status(self, status: str, detail: str) -> None:
        self._state, self._detail = status, detail
        if status != Status.ONLINE:
            self._peers = []
            self.presence.clear()
        self._show_state()

    def _on_peers(self, peers: list[Peer]) -> None:
        self._peers = peers
        self.presence.show_peers(peers)
        self._show_state()

    def _on_refused(self, detail: str) -> None:
        doing = "share" if self._sharing else "join"
        self._end(f"Could not {doing} the live session: {detail}.")
        if self._sharing and detail == taken_room(self._room):
            hint = (
                "To bring this copy's work into that room: save it, join the room (File › "
                "Join Live…), then File › Merge With… the file saved."
            )
        else:
            hint = (
                "Check the server's address, the room and the token with whoever shares "
                "the blueprint."
            )
        self._bench.show_error(f"Cannot {doing} the live session", f"{_sentence(detail)} {hint}")

    def _on_ended(self, detail: str) -> None:
        self._end(f"Left the live session: {detail}.")
        self._notice(
            "The live session ended",
            f"{_sentence(detail)} This copy stays open with everything in it: save it to keep "
            "it, or join again when the session is shared again.",
        )

    def _told_loss(self, said: str) -> None:
        """Work of the user's that did not stay: on the status line, and in a note kept
        until closed (the status line's seconds, or a pointer over a menu, took the only
        copy of what had been typed)."""
        self._bench.show_status(said)
        box = self.loss_notice
        if box is not None and isValid(box) and box.isVisible():
            box.setText(f"{box.text()}\n\n{said}")
        else:
            self.loss_notice = self._notice("Your edit did not stay", said)

    def _notice(self, title: str, text: str) -> QMessageBox:
        """A note that stays until read, beside the window: not modal, and not taking the
        keys (a modal box took the next Enter typed, and was gone unread)."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            title,
            text,
            QMessageBox.StandardButton.Ok,
            self._bench.frame,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        box.finished.connect(box.deleteLater)
        box.show()
        return box

    def _show_state(self) -> None:
        words = STATE_WORDS.get(self._state, self._state)
        if self._state == Status.OFFLINE and self._detail not in ("", DROPPED):
            # Why, when it is not a dropped line: a wrong address ("cannot reach the server,
            # retrying…"), a server that answers with an error.
            words = self._detail.replace("; ", ", ") + "…"
        # Each person once, however many share a name (a room of machines named alike).
        counted = Counter(" ".join(p.name.split()) for p in self._peers)
        names = [n if k == 1 else f"{n} (×{k})" for n, k in sorted(counted.items())]
        with_whom = " · with " + ", ".join(names) if names else ""
        text = f"Live · {self._room}: {words}{with_whom}"
        # A long room name cut in the line (it took the status bar's width at 1280), whole
        # in the tooltip and for a screen reader.
        shown = self._room if len(self._room) <= ROOM_SHOWN else self._room[: ROOM_SHOWN - 1] + "…"
        self.status_label.setText(f"Live · {shown}: {words}{with_whom}")
        self.status_label.setToolTip(text)
        self.status_label.setAccessibleDescription(text)
        self.status_label.show()

    @property
    def state(self) -> str:
        return self._state


def ask_close_live(parent, message: str) -> bool:
    """Close anyway (True) or keep the window open; Escape keeps it."""
    box = QMessageBox(parent)
    box.setWindowTitle("Close the live session?")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setText(message)
    close = box.addButton("&Close Anyway", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("&Keep Open", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    return questions.exec_box(box) is close


def _joined_files() -> dict[str, str]:
    try:
        files = json.loads(str(app_settings().value(_FILES_KEY, "{}")))
    except ValueError:
        return {}
    return files if isinstance(files, dict) else {}


def _joined_file(server: str, room: str) -> Path | None:
    name = _joined_files().get(f"{server} {room}")
    return Path(name) if isinstance(name, str) and Path(name).parent.is_dir() else None


def _remember_joined_file(server: str, room: str, path: Path) -> None:
    files = _joined_files()
    files[f"{server} {room}"] = str(path)
    app_settings().setValue(_FILES_KEY, json.dumps(files))


def colour_for(name: str) -> str:
    """A first session's colour, from the person's name: everyone started Blue, and a room
    of newcomers all looked alike (chosen once, it is remembered)."""
    colours = list(PEER_COLOURS)
    return colours[zlib.crc32(" ".join(name.split()).casefold().encode("utf-8")) % len(colours)]


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def install_live(bench: Workbench, maybe_save: Callable[[], bool]) -> LiveMode:
    return LiveMode(bench, maybe_save)


__all__ = ["LiveMode", "install_live"]
