"""The command line's ``diff``, ``show``, ``git-diff``, ``merge`` and ``git-setup``: two
versions of a file in words, one version as lines for git, the three-way merge git can call
as a driver, and the set-up that makes git call them.

``merge`` has exit codes of its own, as git reads them from a merge driver: 0 merged
cleanly; 1 merged, with conflicts recorded in the file; 2 nothing written (an input is not a
blueprint, is of a newer version, is broken or missing, or the output cannot be written).
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

from .changes import (
    MergeError,
    blueprint_lines,
    diff_blueprints,
    diff_document,
    diff_lines,
    merge_blueprints,
)
from .changes.conflicts import conflict_lines
from .cli_common import (
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    UsageError,
    load_given,
    one_line,
    one_standard_input,
    visible,
    write_json,
    write_stdout,
)
from .git_setup import RUN_BY_GIT, GitSetupError, git_setup, merge_side_names
from .model import Blueprint
from .storage import (
    BlueprintFileError,
    EmptyFileError,
    LoadError,
    load_blueprint,
    save_blueprint,
)
from .storage.atomic import describe_os_error

MERGED, MERGED_WITH_CONFLICTS, NOT_MERGED = 0, 1, 2
#: What git passes for the side of a file that does not exist (added or deleted).
NO_FILE = "/dev/null"


def _print_lines(lines) -> None:
    """Lines as UTF-8, whatever the console's code page: git reads ``show`` (textconv) and
    the diff driver's lines as UTF-8 (in a cp1252 pipe an accented title reached it as a
    byte git takes for broken text)."""
    write_stdout("".join(visible(line) + "\n" for line in lines).encode("utf-8"))


# --- diff and show ----------------------------------------------------------------------------


def cmd_diff(args: argparse.Namespace) -> int:
    a, b = load_given([args.a, args.b])
    changes = diff_blueprints(a, b)
    if args.format == "json":
        write_json(diff_document(changes, args.a, args.b))
        return EXIT_OK
    _print_lines(diff_lines(changes) or ["No differences."])
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    try:
        # A pipe read once: git's textconv shows a broken file as it is, read again.
        bp = load_blueprint(args.file, pipes=not args.textconv)
    except LoadError as error:
        if not args.textconv:
            raise
        # git diffs what it is given: a broken file is still shown, as it is.
        _print_lines([f"(not a readable blueprint: {one_line(error.reason)})"])
        write_stdout(_raw_text(Path(args.file)).encode("utf-8"))
        return EXIT_OK
    _print_lines(blueprint_lines(bp))
    return EXIT_OK


def _raw_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", "replace")
    except OSError as error:
        return f"(cannot read it: {describe_os_error(error, reading=True)})\n"


def cmd_git_diff(args: argparse.Namespace) -> int:
    """git's external diff: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE, and
    NEW-PATH RENAME-INFO for a renamed file; PATH alone for an unmerged one."""
    given = args.arguments
    if len(given) == 1:
        _print_lines([f"* Unmerged path {given[0]}"])
        return EXIT_OK
    if len(given) not in (7, 9):
        print(
            f"{PROG}: error: git-diff takes the 7 arguments git passes an external diff (PATH "
            "OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE), or 9 for a renamed file",
            file=sys.stderr,
        )
        return EXIT_USAGE
    path, old_file, new_file = given[0], given[1], given[4]
    new_path = given[7] if len(given) == 9 else path
    _print_lines([f"diff --blueprint a/{path} b/{new_path}"])
    try:
        old, new = _side(old_file), _side(new_file)
    except LoadError as error:
        _print_lines([f"(not a readable blueprint: {one_line(error.message)}; the lines:)"])
        _print_lines(_text_diff(old_file, new_file, path, new_path))
        return EXIT_OK
    if old_file == NO_FILE:
        _print_lines([f"New blueprint '{one_line(new.title)}'"])
    elif new_file == NO_FILE:
        _print_lines([f"Deleted blueprint '{one_line(old.title)}'"])
    lines = diff_lines(diff_blueprints(old, new))
    _print_lines(lines or ["(the same content, written differently)"])
    return EXIT_OK


def _side(name: str) -> Blueprint:
    return Blueprint() if name == NO_FILE else load_blueprint(name)


def _text_diff(old_file: str, new_file: str, path: str, new_path: str) -> list[str]:
    def lines(name: str) -> list[str]:
        return [] if name == NO_FILE else _raw_text(Path(name)).splitlines()

    return list(
        difflib.unified_diff(
            lines(old_file), lines(new_file), f"a/{path}", f"b/{new_path}", lineterm=""
        )
    )


# --- merge ----------------------------------------------------------------------------------------


def cmd_merge(args: argparse.Namespace) -> int:
    names = {
        role: f"{args.name} ({role})" if args.name else str(path)
        for role, path in (("base", args.base), ("ours", args.ours), ("theirs", args.theirs))
    }
    one_standard_input([args.base, args.ours, args.theirs])
    try:
        base = _merge_input(args.base, names["base"], allow_empty=True)
        ours = _merge_input(args.ours, names["ours"])
        theirs = _merge_input(args.theirs, names["theirs"])
    except _Refused as refused:
        _refuse(str(refused), args)
        return NOT_MERGED
    try:
        result = merge_blueprints(base, ours, theirs, names=_side_names(args))
    except MergeError as error:
        _refuse(f"{args.name or args.ours}: {error}", args)
        return NOT_MERGED
    report = sys.stdout if args.output else sys.stderr
    try:
        if args.output:
            save_blueprint(result.blueprint, args.output)
        else:
            from .storage import dumps_blueprint

            write_stdout(dumps_blueprint(result.blueprint))
    except BlueprintFileError as error:
        _refuse(error.message, args)
        return NOT_MERGED
    where = args.name or args.output or "standard output"
    if result.clean:
        print(f"Merged {where}: no conflicts.", file=report)
        return MERGED
    count = len(result.conflicts)
    print(
        f"Merged {where} with {count} conflict{'s' if count != 1 else ''} recorded in the file "
        "(open it in blueprint to decide each):",
        file=report,
    )
    for line in conflict_lines(result.blueprint, result.conflicts):
        print("  " + visible(line), file=report)
    return MERGED_WITH_CONFLICTS


def _side_names(args: argparse.Namespace) -> tuple[str, str]:
    """What the conflicts call the two sides. Run by git: the names git gives (``%X`` and
    ``%Y``), else its branches, asked of the repository (git's temporary files' names say
    nothing, and a driver set up before names existed gives none). By hand: the names given,
    else each file's name ("" for a pipe or standard input, whose names say nothing)."""
    if RUN_BY_GIT in os.environ:
        return merge_side_names(args.ours_name or "", args.theirs_name or "")
    return (
        _given_or_file(args.ours_name, args.ours),
        _given_or_file(args.theirs_name, args.theirs),
    )


def _given_or_file(name: str | None, path: str) -> str:
    if name is not None:
        return name
    return Path(path).name if Path(path).is_file() else ""


class _Refused(Exception):
    pass


def _merge_input(path: str, name: str, allow_empty: bool = False) -> Blueprint:
    try:
        return load_blueprint(path, pipes=True)  # git's stages: <(git show :2:plan.blueprint)
    except EmptyFileError:
        if allow_empty:  # git's base of two files added on both branches: empty
            return Blueprint()
        raise _Refused(f"{name}: is empty: there is no blueprint in it") from None
    except LoadError as error:
        raise _Refused(f"{name}: {error.reason}") from None


def _refuse(message: str, args: argparse.Namespace) -> None:
    kept = f"; {args.name or args.ours} is left as it was" if args.output == args.ours else ""
    print(f"{PROG}: error: cannot merge: {one_line(message)}{kept}", file=sys.stderr)


# --- git-setup ------------------------------------------------------------------------------


def cmd_git_setup(args: argparse.Namespace) -> int:
    try:
        done = git_setup(Path(args.folder), every_repository=args.every, words=args.words)
    except GitSetupError as error:
        raise UsageError(f"cannot set up git: {error}") from None
    lines = [f"Set up git for blueprints in {done.top} ({done.scope}):"]
    for name in (".gitattributes", ".gitignore"):
        state = "added" if name in done.added_to else "already there"
        what = "which files are blueprints" if name == ".gitattributes" else "the lock files"
        lines.append(f"  {name}: {what} ({state})")
    lines += [f"  git config {name} {value}" for name, value in done.settings]
    lines.append(
        "Commit .gitattributes and .gitignore; each colleague runs "
        f"'{PROG} git-setup' once in their clone."
    )
    _print_lines(lines)
    return EXIT_OK


# --- parsers ----------------------------------------------------------------------------------


def add_change_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("diff", help="what changed from A to B, entity by entity and field by field")
    p.add_argument("a", metavar="A.blueprint", help="a file, a pipe (<(git show …)) or - (stdin)")
    p.add_argument("b", metavar="B.blueprint", help="a file, a pipe or - (standard input)")
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="text (default) or json"
    )
    p.set_defaults(run=cmd_diff)

    p = sub.add_parser("show", help="a blueprint as readable lines (for git's textconv)")
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--textconv",
        action="store_true",
        help="for git: print a file that is not a readable blueprint as it is, instead of failing",
    )
    p.set_defaults(run=cmd_show)

    p = sub.add_parser(
        "git-diff",
        help="git's external diff driver (diff.blueprint.command): what changed, in words",
    )
    p.add_argument("arguments", nargs="+", metavar="ARG", help="the arguments git passes")
    p.set_defaults(run=cmd_git_diff)

    p = sub.add_parser(
        "merge",
        help="three-way merge by id (a git merge driver): exit 0 clean, 1 conflicts recorded, "
        "2 nothing written",
    )
    p.add_argument("base", metavar="BASE", help="the common ancestor (git's %%O)")
    p.add_argument("ours", metavar="OURS", help="our version (git's %%A); its values win conflicts")
    p.add_argument("theirs", metavar="THEIRS", help="their version (git's %%B)")
    p.add_argument(
        "-o", "--output", metavar="OUT", help="where to write the result (git: %%A); default stdout"
    )
    p.add_argument(
        "--name", metavar="PATH", help="the file's name in messages (git passes it as %%P)"
    )
    p.add_argument(
        "--ours-name",
        metavar="NAME",
        help="who OURS is, as each conflict names it (git's %%X, the branch merged into; "
        "default: the file's name)",
    )
    p.add_argument(
        "--theirs-name",
        metavar="NAME",
        help="who THEIRS is (git's %%Y, the branch merged in; default: the file's name)",
    )
    p.set_defaults(run=cmd_merge)

    p = sub.add_parser(
        "git-setup",
        help="make git diff and merge blueprints by name and id (the drivers, "
        ".gitattributes, .gitignore)",
    )
    p.add_argument(
        "folder",
        nargs="?",
        default=".",
        metavar="FOLDER",
        help="in the git repository (default: .)",
    )
    p.add_argument(
        "--global",
        dest="every",
        action="store_true",
        help="set the drivers for every repository of this user (git config --global)",
    )
    p.add_argument(
        "--words",
        action="store_true",
        help="git diff in the words of 'blueprint diff' (diff.blueprint.command)",
    )
    p.set_defaults(run=cmd_git_setup)
