"""``blueprint git-setup``: the set-up of "Working with git" (README) in one command.

It tells git which files are blueprints (``.gitattributes``), keeps the editor's lock files
out of commits (``.gitignore``), and points the drivers at this very blueprint by its full
path. Typed by hand, a driver named ``blueprint`` that is not on the PATH (run as ``uv run
blueprint`` from a clone) made every merge fail with one "not found" line: git left our
file as it was, with no conflict recorded, and the other branch's work was lost at the
commit.

At merge time, ``merge_side_names`` names the two sides the driver merges (the branch merged
into and the branch merged in), so that a conflict says whose each value is to whoever
opens the file, where "mine" and "theirs" were only right for the one who merged (and the
wrong way round in a rebase).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .storage.locks import LOCK_PREFIX, LOCK_SUFFIX

ATTRIBUTES = "*.blueprint diff=blueprint merge=blueprint"
LOCK_FILES = f"{LOCK_PREFIX}*.blueprint{LOCK_SUFFIX}"
#: Each driver's setting, with the place of blueprint's own command.
SETTINGS = (
    ("diff.blueprint.textconv", "{blueprint} show --textconv"),
    ("merge.blueprint.name", "blueprint: three-way merge by id"),
    (
        "merge.blueprint.driver",
        "{blueprint} merge %O %A %B -o %A --name %P --ours-name %X --theirs-name %Y",
    ),
)
WORDS_SETTING = ("diff.blueprint.command", "{blueprint} git-diff")
GIT_TIMEOUT_S = 30


class GitSetupError(Exception):
    """The set-up could not be made; the message says why, in words."""


@dataclass(frozen=True)
class SetUp:
    top: Path
    #: the files a line was added to (the others held it already)
    added_to: tuple[str, ...]
    settings: tuple[tuple[str, str], ...]
    scope: str  # "this repository" or "every repository of this user"


def own_command() -> str:
    """This blueprint as git's shell runs it: by full path, whatever the PATH holds."""
    if getattr(sys, "frozen", False):  # the bundle: its own executable
        return shlex.quote(sys.executable)
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.stem == "blueprint" and script.is_file():
        return shlex.quote(str(script.resolve()))  # the installed entry point
    return f"{shlex.quote(sys.executable)} -m blueprint"  # python -m blueprint


def _git(folder: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT_S,
        )
    except FileNotFoundError:
        raise GitSetupError("git is not installed, or not on the PATH") from None
    except subprocess.TimeoutExpired:
        raise GitSetupError(f"git did not answer within {GIT_TIMEOUT_S} s") from None
    if done.returncode != 0:
        said = " ".join(done.stderr.split()) or f"exit status {done.returncode}"
        raise GitSetupError(f"git {args[0]} failed: {said}")
    return done.stdout


def _add_line(path: Path, line: str) -> bool:
    """Add ``line`` to the text file ``path`` unless it holds it; True when added."""
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as error:
        raise GitSetupError(f"cannot read {path.name}: {error}") from None
    if line in (existing.strip() for existing in text.splitlines()):
        return False
    ending = "" if not text or text.endswith("\n") else "\n"
    try:
        with open(path, "a", encoding="utf-8", newline="\n") as handle:
            handle.write(f"{ending}{line}\n")
    except OSError as error:
        raise GitSetupError(f"cannot write {path.name}: {error.strerror or error}") from None
    return True


def git_setup(folder: Path, every_repository: bool = False, words: bool = False) -> SetUp:
    """Set up the repository holding ``folder`` for blueprints; GitSetupError when it
    cannot (no git, not a repository, a file that cannot be written)."""
    folder = folder.resolve()
    if not folder.is_dir():
        raise GitSetupError(f"{folder} is not a folder")
    try:
        top = Path(_git(folder, "rev-parse", "--show-toplevel").strip())
    except GitSetupError as error:
        if "not a git repository" in str(error).lower():
            raise GitSetupError(
                f"{folder} is not in a git repository (run git init first, or give the "
                "repository's folder)"
            ) from None
        raise
    added = tuple(
        name
        for name, line in ((".gitattributes", ATTRIBUTES), (".gitignore", LOCK_FILES))
        if _add_line(top / name, line)
    )
    command = own_command()
    wanted = SETTINGS + ((WORDS_SETTING,) if words else ())
    settings = tuple((name, value.format(blueprint=command)) for name, value in wanted)
    scope = ("--global",) if every_repository else ("--local",)
    for name, value in settings:
        _git(top, "config", *scope, name, value)
    where = "every repository of this user" if every_repository else "this repository"
    return SetUp(top, added, settings, where)


# --- naming the sides of a merge ----------------------------------------------------------------

#: Set by git in the environment of every command it runs, a merge driver's included.
RUN_BY_GIT = "GIT_EXEC_PATH"
#: What git gives for a placeholder it does not know (``%X`` and ``%Y`` before git 2.44), and
#: what names no branch.
_NOT_A_NAME = ("", "%X", "%Y", "HEAD")


def merge_side_names(
    ours: str = "", theirs: str = "", folder: Path | None = None, environ: dict | None = None
) -> tuple[str, str]:
    """The branch merged into and the branch merged in, as git's conflict markers name them:
    ``ours`` and ``theirs`` as git passed them (``%X``, ``%Y``) where they name a branch,
    else what the repository says: the branch checked out, or in a rebase the branch rebased
    onto (HEAD is a commit replayed there), and the branch being merged (``GITHEAD_*``,
    which ``git merge`` sets) or rebased. A commit is named by a branch that holds it where
    one does (``git pull`` merges a commit: ``origin/main``). "" for a side git does not
    say."""
    folder = folder or Path.cwd()
    environ = os.environ if environ is None else environ
    rebase = _rebase_state(folder)
    if not _names_a_branch(ours):
        ours = _quiet_git(folder, "symbolic-ref", "--short", "-q", "HEAD")
        if not ours:
            onto = _state_file(rebase, "onto") if rebase else ""
            ours = _commit_name(folder, onto or "HEAD")
    if not _names_a_branch(theirs):
        merged = [value for key, value in environ.items() if key.startswith("GITHEAD_")]
        if len(merged) == 1:
            theirs = merged[0]
        else:
            head = _state_file(rebase, "head-name") if rebase else ""
            theirs = "" if head in ("", "detached HEAD") else head
    return _readable(folder, ours), _readable(folder, theirs)


#: git's label of a commit replayed or picked (git 2.44 and after): ``abc1234 (Subject)``.
_COMMIT_LABEL = re.compile(r"[0-9a-f]{7,40} \(.*\)")
_COMMIT_ID = re.compile(r"[0-9a-f]{40}")


def _names_a_branch(label: str) -> bool:
    return label not in _NOT_A_NAME and not _COMMIT_LABEL.fullmatch(label)


def _readable(folder: Path, name: str) -> str:
    """A branch as a person calls it: ``feature``, ``origin/main``; a commit id by a branch
    that holds it."""
    if _COMMIT_ID.fullmatch(name):
        name = _commit_name(folder, name) or name[:7]
    return name.removeprefix("refs/heads/").removeprefix("remotes/")


def _commit_name(folder: Path, commit: str) -> str:
    """The branch (or tag) a commit is on, as ``git name-rev`` says it; "" when none is."""
    named = _quiet_git(
        folder, "name-rev", "--name-only", "--no-undefined", "--exclude=*/HEAD", commit
    )
    return named.removeprefix("tags/")


def _rebase_state(folder: Path) -> Path | None:
    """The folder of the rebase in progress, if one is."""
    git_dir = _quiet_git(folder, "rev-parse", "--absolute-git-dir")
    if not git_dir:
        return None
    for state in ("rebase-merge", "rebase-apply"):
        if (Path(git_dir) / state).is_dir():
            return Path(git_dir) / state
    return None


def _state_file(state: Path, name: str) -> str:
    try:
        return (state / name).read_text("utf-8").strip()
    except (OSError, UnicodeDecodeError, ValueError):
        return ""


def _quiet_git(folder: Path, *args: str) -> str:
    """git's answer on one line, or "" for any failure: a side's name is a courtesy."""
    try:
        return _git(folder, *args).strip()
    except GitSetupError:
        return ""
