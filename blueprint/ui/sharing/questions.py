"""What the editor asks when a file is shared: someone else has it open, it changed on disk,
saving would replace changes made on disk, a sync tool left conflicting copies. Each is a
message box with buttons that say what they do; ``exec_box`` is the one place that shows
one (tests answer by clicking its buttons)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from ...storage.locks import Lock
from ...storage.sync_conflicts import ConflictedCopy
from ..preferences import who_i_am
from ..settings import APP_NAME
from ..tips import as_typed

Role = QMessageBox.ButtonRole
Icon = QMessageBox.Icon


class Choice(StrEnum):
    OPEN = "open"
    CANCEL = "cancel"
    RELOAD = "reload"
    MERGE = "merge"
    IGNORE = "ignore"
    REPLACE = "replace"
    LATER = "later"
    TRASH = "trash"
    RENAME = "rename"
    KEEP = "keep"


def exec_box(box: QMessageBox) -> QAbstractButton | None:
    """Show the box until the user answers; the button clicked (None: closed)."""
    box.exec()
    return box.clickedButton()


def _ask(
    parent: QWidget | None,
    icon: Icon,
    text: str,
    detail: str,
    buttons: list[tuple[str, Role, Choice]],
    default: Choice,
    escape: Choice,
) -> Choice:
    box = QMessageBox(icon, APP_NAME, as_typed(text), QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(as_typed(detail))
    made = {}
    for label, role, choice in buttons:
        made[choice] = box.addButton(label, role)
    box.setDefaultButton(made[default])  # type: ignore[arg-type]
    box.setEscapeButton(made[escape])
    try:
        clicked = exec_box(box)
    finally:
        box.deleteLater()
    return next((c for c, b in made.items() if b is clicked), escape)


def when(moment: datetime | None) -> str:
    """'since 10:15 today', 'since 3 Dec 2026, 18:40'."""
    if moment is None:
        return ""
    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return f"since {local:%H:%M} today"
    return f"since {local.day} {local:%b %Y, %H:%M}"


def ask_open_locked(parent: QWidget | None, path: Path, lock: Lock) -> Choice:
    since = when(lock.since_at())
    if lock.is_from_this_machine() and lock.user == who_i_am():
        # Yourself, in another window (a file double-clicked twice): said as such, not as
        # "open by <your login> on this computer".
        text = f"{path.name} is already open in another {APP_NAME} window here {since}."
        detail = (
            "Changes made in both windows would have to be merged when the second one is "
            "saved. Open it here too?"
        )
    else:
        where = "this computer" if lock.is_from_this_machine() else lock.machine
        text = f"{path.name} is open in {APP_NAME} by {lock.user} on {where} {since}."
        detail = (
            "If you both change it, whoever saves second will be asked to merge the other's "
            "changes in. Open it anyway?"
        )
    return _ask(
        parent,
        Icon.Warning,
        text,
        detail,
        [
            ("&Open Anyway", Role.AcceptRole, Choice.OPEN),
            ("Cancel", Role.RejectRole, Choice.CANCEL),
        ],
        Choice.OPEN,
        Choice.CANCEL,
    )


def ask_changed_on_disk(
    parent: QWidget | None, path: Path, modified: bool, can_merge: bool
) -> Choice:
    text = f"{path.name} was changed on disk by another program (or another person)."
    if modified:
        detail = (
            "You have changes that are not saved. Merge theirs into yours (Undo takes the "
            "merge back; where both changed the same thing, yours is kept and theirs marked "
            "for you to decide), reload theirs and drop yours, or ignore them for now "
            "(saving will ask before it replaces them)."
        )
    else:
        detail = "Reload it to see their changes, or ignore them for now (saving will ask first)."
    buttons = []
    if can_merge and modified:  # with nothing of yours to keep, merging is reloading
        buttons.append(("&Merge Theirs In", Role.AcceptRole, Choice.MERGE))
    buttons.append(
        ("&Reload", Role.DestructiveRole if modified else Role.AcceptRole, Choice.RELOAD)
    )
    buttons.append(("&Ignore", Role.RejectRole, Choice.IGNORE))
    default = Choice.MERGE if modified and can_merge else Choice.RELOAD
    return _ask(parent, Icon.Question, text, detail, buttons, default, Choice.IGNORE)


def ask_save_over_changes(parent: QWidget | None, path: Path, can_merge: bool) -> Choice:
    text = f"{path.name} was changed on disk since you opened or last saved it."
    detail = (
        "Saving now would replace those changes with yours. Merge them in first, so the file "
        "keeps both, or replace them?"
    )
    buttons = []
    if can_merge:
        buttons.append(("&Merge, Then Save", Role.AcceptRole, Choice.MERGE))
    buttons += [
        ("&Replace Their Changes", Role.DestructiveRole, Choice.REPLACE),
        ("Cancel", Role.RejectRole, Choice.CANCEL),
    ]
    default = Choice.MERGE if can_merge else Choice.CANCEL
    return _ask(parent, Icon.Warning, text, detail, buttons, default, Choice.CANCEL)


def ask_merge_copies(parent: QWidget | None, path: Path, copies: list[ConflictedCopy]) -> Choice:
    count = len(copies)
    noun = "a conflicting copy" if count == 1 else f"{count} conflicting copies"
    text = f"A sync tool left {noun} of {path.name} beside it."
    listed = "\n".join(
        f"• {c.path.name} ({c.tool}, changed {_day(c.modified)})" for c in copies[:6]
    )
    more = f"\n… and {count - 6} more" if count > 6 else ""
    detail = (
        f"{listed}{more}\n\nTwo computers changed the file at once. Merge "
        f"{'it' if count == 1 else 'them'} into the open blueprint? Undo takes a merge back; "
        "where both changed the same thing, yours is kept and theirs marked for you to decide."
    )
    buttons = [
        ("&Merge Into This Blueprint", Role.AcceptRole, Choice.MERGE),
        ("&Not Now", Role.RejectRole, Choice.LATER),
    ]
    return _ask(parent, Icon.Question, text, detail, buttons, Choice.MERGE, Choice.LATER)


def ask_done_with_copy(parent: QWidget | None, copy: ConflictedCopy) -> Choice:
    text = f"{copy.path.name} is merged in."
    detail = (
        "Move it to the trash, or rename it (adding .merged), so it is not offered again? "
        "Keep it as it is to be asked again next time."
    )
    buttons = [
        ("Move to &Trash", Role.AcceptRole, Choice.TRASH),
        ("Re&name", Role.ActionRole, Choice.RENAME),
        ("&Keep It", Role.RejectRole, Choice.KEEP),
    ]
    return _ask(parent, Icon.Question, text, detail, buttons, Choice.TRASH, Choice.KEEP)


def _day(seconds: float) -> str:
    moment = datetime.fromtimestamp(seconds).astimezone()
    return f"{moment.day} {moment:%b %Y, %H:%M}"
