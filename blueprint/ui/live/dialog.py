"""File > Share Live… and File > Join Live…: where the room is, and who you are in it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...collab.protocol import ROOM_PATTERN
from ..canvas.accessible import announce
from .host import typed_token
from .presence import PEER_COLOURS

#: The invitation a host gives, as ``invitation_text`` writes it: read back from a paste
#: whether its line breaks were kept, made spaces or dropped.
INVITATION = re.compile(
    r"Server:\s*(?P<server>wss?://\S+?)\s*Room:\s*(?P<room>\S+?)\s*Token:\s*(?P<token>\S+)"
)


def invitation_text(server: str, room: str, token: str) -> str:
    """What a host copies for the others: pasted into Join Live's address, it fills all three."""
    return f"Server: {server}\nRoom: {room}\nToken: {token}"


@dataclass(frozen=True)
class LiveRequest:
    #: host a server on this computer (Share only); then ``server`` and ``token`` are unused
    host_here: bool
    everyone_on_network: bool
    server: str
    room: str
    token: str
    name: str
    colour: str


class LiveDialog(QDialog):
    def __init__(
        self,
        parent: QWidget,
        share: bool,
        room: str,
        name: str,
        colour_name: str = "Blue",
        server: str = "",
    ) -> None:
        super().__init__(parent)
        self.share = share
        self.setWindowTitle("Share Live" if share else "Join Live")
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Others edit this blueprint with you, each in their own editor."
            if share
            else "Edit a blueprint someone shares, with them."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.host_here = QCheckBox("&Host on this computer", self)
        self.host_here.setAccessibleName("Host on this computer")
        self.network = QCheckBox("Let others on this &network join", self)
        self.network.setAccessibleName("Let others on this network join")
        self.server = QLineEdit(server)
        self.server.setPlaceholderText("ws://192.168.1.20:1234")
        self.server.setAccessibleName("Server address")
        # The invitation a host copies (Server, Room and Token lines) pasted in here fills
        # the three fields (it all landed in this one, refused as an address).
        self.server.textChanged.connect(self._take_invitation)
        self.room = QLineEdit(room)
        self.room.setAccessibleName("Room")
        self.token = QLineEdit()
        self.token.setAccessibleName("Token")
        # Shown as typed: it is read off a projector, where the invitation shows it anyway,
        # and a typo hidden behind dots was refused with no way to see it.
        self.token.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.user = QLineEdit(name)
        self.user.setAccessibleName("Your name")
        self.colour = QComboBox()
        self.colour.setAccessibleName("Your colour")
        self.colour.addItems(list(PEER_COLOURS))
        self.colour.setCurrentText(colour_name)
        if share:
            self.host_here.setChecked(True)
            form.addRow(self.host_here)
            form.addRow(self.network)
            self.host_here.toggled.connect(self._follow_hosting)
        else:
            self.host_here.hide()
            self.network.hide()
        self._add(form, "Ser&ver:", self.server)
        self._add(form, "&Room:", self.room)
        self._add(form, "&Token:", self.token)
        self._add(form, "Your na&me:", self.user)
        self._add(form, "Your co&lour:", self.colour)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Share" if share else "&Join")
        self.ok.setAccessibleName("Share" if share else "Join")
        buttons.accepted.connect(self._accept_if_complete)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._follow_hosting()

    def _add(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(field)
        form.addRow(label, field)

    def _take_invitation(self, text: str) -> None:
        found = INVITATION.search(text)
        if found is None:
            return
        self.server.setText(found["server"])
        self.room.setText(found["room"])
        self.token.setText(found["token"])

    def _follow_hosting(self) -> None:
        hosting = self.share and self.host_here.isChecked()
        self.server.setEnabled(not hosting)
        self.token.setEnabled(not hosting)
        self.network.setEnabled(hosting)

    def request(self) -> LiveRequest:
        return LiveRequest(
            host_here=self.share and self.host_here.isChecked(),
            everyone_on_network=self.network.isChecked(),
            server=self.server.text().strip(),
            room=self.room.text().strip(),
            token=typed_token(self.token.text()),
            name=" ".join(self.user.text().split())[:60],
            colour=PEER_COLOURS[self.colour.currentText()],
        )

    def _accept_if_complete(self) -> None:
        problem = self._problem(self.request())
        self.problem.setText(problem)
        if not problem:
            self.accept()
        else:
            announce(self.problem, problem)  # the keys stay on Join: said, not only shown

    @staticmethod
    def _problem(request: LiveRequest) -> str:
        if not request.host_here:
            if not request.server.startswith(("ws://", "wss://")):
                return "Give the server's address, starting with ws:// or wss://."
            if not request.token:
                return "Give the room's token (whoever runs the server has it)."
        if not ROOM_PATTERN.match(request.room):
            return "A room name is 1 to 100 letters, digits, '.', '_' or '-'."
        if not request.name:
            return "Give your name: the others see it beside what you select."
        return ""
