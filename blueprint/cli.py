"""The ``blueprint`` command line, over the same functions the editor uses.

``blueprint`` alone opens the editor on its start page; ``blueprint FILE`` opens FILE.

Exit codes: 0 success; 1 a file is invalid, unreadable or could not be written;
2 wrong usage; 3 an internal error (a bug: please report it).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime
import io
import json
import math
import os
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path

from . import __version__
from .analysis import DEFAULT_TOP, Plan, build_plan, plan_certainty
from .analysis.certainty import DEFAULT_K, DEFAULT_SEED
from .analysis.records import (
    PLAN_COLUMNS,
    json_bytes,
    persona_channel_records,
    plan_document,
    plan_rows,
)
from .changes import (
    ComparisonError,
    State,
    compare_files,
    compare_states,
    comparison_document,
    has_future_state,
)
from .cli_changes import add_change_commands
from .cli_common import (
    EXIT_INTERNAL,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    UsageError,
    blueprint_counts,
    load_given,
    one_line,
    print_error,
    refuse_overwrite,
    write_json,
    write_stdout,
)
from .cli_spreadsheets import add_spreadsheet_commands
from .model import Blueprint
from .model.templates import DEFAULT_TEMPLATE, TEMPLATES, new_blueprint
from .report import formatting as fmt
from .report.undrawn import undrawn_words
from .storage import (
    EXTENSION,
    BlueprintFileError,
    atomic_write_bytes,
    load_blueprint,
    save_blueprint,
)
from .storage.csvio import LIST_SEPARATOR, neutralise
from .storage.schema import file_schema
from .storage.tables.csv_codec import UTF8_BOM

#: The largest zoom of ``render``: four times actual size, as in the editor.
MAX_RENDER_ZOOM = 4.0


def _report_file_error(error: BlueprintFileError) -> None:
    """One line per problem, each starting with the file it is about (like a compiler)."""
    problems = getattr(error, "problems", None)
    if not problems:
        print(one_line(error.message), file=sys.stderr)
        return
    prefix = f"{error.path}: " if error.path else ""
    for problem in problems:
        print(one_line(f"{prefix}{problem}"), file=sys.stderr)


# --- subcommands ----------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    path = Path(args.file)
    refuse_overwrite(path, force=args.force)
    blueprint = new_blueprint(args.template)
    if args.title:
        blueprint.title = args.title
    save_blueprint(blueprint, path)
    print(f"Created {path} from the '{args.template}' template.")
    return EXIT_OK


def cmd_templates(args: argparse.Namespace) -> int:
    for template in TEMPLATES.values():
        default = " (default)" if template.name == DEFAULT_TEMPLATE else ""
        print(f"{template.name}{default}: {template.summary}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for name in args.files:
        try:
            load_blueprint(name)
        except BlueprintFileError as error:
            _report_file_error(error)
            status = EXIT_INVALID
        else:
            if not args.quiet:
                print(f"{name}: valid")
    return status


def cmd_info(args: argparse.Namespace) -> int:
    bp = load_blueprint(args.file)
    counts = blueprint_counts(bp)
    channels = persona_channel_records(bp)
    if args.json:
        document = {"title": bp.title, "organisation": bp.organisation, **counts}
        write_json({**document, "persona_channels": channels})
        return EXIT_OK
    print(one_line(bp.title))
    if bp.organisation.strip():
        print(one_line(bp.organisation))
    width = max(len(k) for k in counts) + 1
    for key, value in counts.items():
        print(f"  {key.replace('_', ' ') + ':':<{width + 1}} {value}")
    for line in _persona_channel_lines(channels):
        print(line)
    return EXIT_OK


def _percent(share: float | None) -> str:
    return "none" if share is None else fmt.percent(share)


def _persona_channel_lines(records: list[dict]) -> Iterator[str]:
    """Each persona's channel fit, then one line per stage where it prefers a channel."""
    if records:
        yield "preferred channels (fit: share of the persona's touchpoints there in it):"
    for record in records:
        yield f"  {one_line(record['persona'])}: channel fit {_percent(record['channel_fit'])}"
        for stage in record["stages"]:
            used = ", ".join(stage["channels_used"]) or "no touchpoint for this persona"
            mark = "  MISMATCH" if stage["mismatch"] else ""
            yield "    " + one_line(
                f"{stage['stage']}: prefers {stage['preferred_channel']}; fit "
                f"{_percent(stage['fit'])}; uses {used}; pushed off "
                f"{stage['pushed_off_per_month']:.0f} a month{mark}"
            )


def cmd_schema(args: argparse.Namespace) -> int:
    data = (json.dumps(file_schema(), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if args.output:
        refuse_overwrite(args.output, "schema")
        atomic_write_bytes(args.output, data)
    else:
        write_stdout(data)
    return EXIT_OK


def _persona_id(bp: Blueprint, wanted: str | None) -> str | None:
    if wanted is None:
        return None
    for persona in bp.personas:
        if wanted in (persona.id, persona.name) or persona.name.casefold() == wanted.casefold():
            return persona.id
    known = ", ".join(p.name for p in bp.personas) or "none"
    raise UsageError(f"no persona named {wanted!r} in the blueprint (personas: {known})")


class _Progress:
    """Reports export stages on stderr, but only once the export takes more than a moment."""

    def __init__(self, quiet_for: float = 1.0) -> None:
        self._start = time.monotonic()
        self._quiet_for = quiet_for

    def __call__(self, stage: str, fraction: float) -> None:
        if time.monotonic() - self._start >= self._quiet_for:
            print(f"{PROG}: {stage} ({fraction:.0%})", file=sys.stderr, flush=True)


def cmd_plan(args: argparse.Namespace) -> int:
    if args.top < 1:
        raise UsageError("--top must be at least 1")
    if args.top_k < 1:
        raise UsageError("--top-k must be at least 1")
    if args.seed < 0:
        raise UsageError("--seed must be 0 or more")
    if args.output:
        refuse_overwrite(args.output, "plan", reading=[args.file])
    kind = _plan_format(args)
    if args.comments and kind != "pdf":
        raise UsageError("--comments adds the open comment threads to the PDF plan only")
    bp = load_blueprint(args.file)
    persona_id = _persona_id(bp, args.persona)
    # Ranked on today's journey; the future state has its own figures (compare_states).
    plan = build_plan(bp, persona_id=persona_id, top=args.top)
    if kind in ("csv", "json"):
        return _plan_table(args, kind, bp, plan, persona_id)
    if kind == "pptx":
        return _plan_deck(args, bp, plan)
    # Imported here: reportlab takes a moment to load, and only this command needs it.
    from .report import ReportError, render_plan_pdf

    try:
        result = render_plan_pdf(
            bp,
            plan,
            Path(args.output),
            certainty=plan_certainty(bp, plan, k=args.top_k, seed=args.seed),
            paper=args.paper,
            reproducible=args.reproducible,
            date=args.date,
            progress=_Progress(),
            comments=args.comments,
        )
    except ReportError as error:
        print_error(f"cannot make the plan: {error}")
        return EXIT_INVALID
    improvements = fmt.plural(len(plan.improvements), "improvement")
    print(f"Wrote {args.output}: {fmt.plural(result.pages, 'page')}, {improvements}.")
    _warn_missing(bp, result.missing_characters)
    return EXIT_OK


#: What ``plan`` writes, by the extension of ``-o``; and each as a message names it.
PLAN_OUTPUTS = {".pdf": "pdf", ".pptx": "pptx", ".csv": "csv", ".json": "json"}
PLAN_OUTPUT_NAMES = {"pdf": "PDF", "pptx": "deck", "csv": "CSV table", "json": "JSON plan"}


def _plan_format(args: argparse.Namespace) -> str:
    """What to write: as --format says, else as the extension of -o says, else a PDF.

    A name whose extension names no output is refused unless --format says what to write
    under it (``-o plan --format pdf``): a PDF named ``.docx`` is never made by accident.
    """
    by_name = PLAN_OUTPUTS.get(Path(args.output).suffix.lower()) if args.output else None
    if args.output and by_name is None and args.format is None:
        *others, last = PLAN_OUTPUTS
        raise UsageError(
            f"cannot tell what to write to {args.output}: name it {', '.join(others)} or "
            f"{last}, or say which with --format"
        )
    kind = args.format or by_name or "pdf"
    if not args.output and kind in ("pdf", "pptx"):
        example = "PLAN.pptx" if kind == "pptx" else "PLAN.pdf"
        raise UsageError(
            f"say where to write the {PLAN_OUTPUT_NAMES[kind]} with -o {example} "
            "(or use --format csv|json)"
        )
    if by_name is not None and by_name != kind:
        raise UsageError(
            f"{args.output} is named as a {PLAN_OUTPUT_NAMES[by_name]} but --format is "
            f"{kind}: name it .{kind}, or leave --format out"
        )
    return kind


def _plan_table(
    args: argparse.Namespace, kind: str, bp: Blueprint, plan: Plan, persona_id: str | None
) -> int:
    """The ranked plan with every term, as CSV or JSON: to standard output, or to -o."""
    if kind == "json":
        certainty = plan_certainty(bp, plan, k=args.top_k, seed=args.seed)
        document = plan_document(bp, plan, certainty)
        if has_future_state(bp):
            document["future_state"] = comparison_document(compare_states(bp, persona_id))
        data = json_bytes(document) + b"\n"
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(PLAN_COLUMNS)
        for row in plan_rows(bp, plan):
            writer.writerow(_csv_cell(row[column]) for column in PLAN_COLUMNS)
        data = buffer.getvalue().encode("utf-8")
    to_stdout = not args.output or args.output == "-"  # "-o -": as Unix tools read it
    if kind == "csv" and not to_stdout:
        # A file a manager opens in a spreadsheet; standard output stays as scripts read it,
        # whether piped or redirected.
        data = UTF8_BOM + data
    if to_stdout:
        write_stdout(data)
        return EXIT_OK
    atomic_write_bytes(args.output, data)  # as every other output is written: atomically
    print(f"Wrote {args.output}: {fmt.plural(len(plan.improvements), 'improvement')}.")
    return EXIT_OK


def _plan_deck(args: argparse.Namespace, bp: Blueprint, plan: Plan) -> int:
    """The plan as a PowerPoint deck. Without Qt the command line has no picture of the
    canvas: the deck's picture of the blueprint is the grid as the plan's heat map draws it."""
    from .report import ReportError, render_plan_pptx

    try:
        result = render_plan_pptx(
            bp,
            plan,
            Path(args.output),
            certainty=plan_certainty(bp, plan, k=args.top_k, seed=args.seed),
            date=args.date,
            progress=_Progress(),
        )
    except ReportError as error:
        print_error(f"cannot make the deck: {error}")
        return EXIT_INVALID
    improvements = fmt.plural(len(plan.improvements), "improvement")
    print(f"Wrote {args.output}: {fmt.plural(result.slides, 'slide')}, {improvements}.")
    _warn_missing(bp, result.missing_characters)
    return EXIT_OK


def _warn_missing(bp: Blueprint, missing: tuple[str, ...]) -> None:
    if missing:
        count = fmt.plural(len(missing), "character")
        print(
            f"{PROG}: warning: no installed font can draw {count}: "
            f"{undrawn_words(bp, missing)}; a placeholder was drawn instead",
            file=sys.stderr,
        )


def cmd_compare(args: argparse.Namespace) -> int:
    if len(args.files) > 2:
        raise UsageError("compare takes one file (today against tomorrow) or two (A against B)")
    if len(args.files) == 1 and args.state is not None:
        raise UsageError("--state chooses the state of two files; one file is compared with itself")
    # A version through a pipe too: compare <(git show HEAD:plan.blueprint) plan.blueprint.
    blueprints = load_given(args.files)
    if len(blueprints) == 1:
        bp = blueprints[0]
        comparison = compare_states(bp, _persona_id(bp, args.persona))
        title = bp.title
        note = (
            None
            if has_future_state(bp)
            else (f"{args.files[0]} draws no future state: tomorrow is today")
        )
    else:
        a, b = blueprints
        names = (str(args.files[0]), str(args.files[1]))
        comparison = compare_files(
            a, b, _persona_id(b, args.persona), State(args.state or "current"), names
        )
        title, note = f"{b.title} ({args.state or 'current'} state)", None
    if args.format == "json":
        write_json(comparison_document(comparison))
        return EXIT_OK
    from .report.comparison_text import comparison_lines

    if note:
        print(one_line(note))
    for line in comparison_lines(comparison, title, name=one_line):
        print(line)
    return EXIT_OK


PICTURE_FORMATS = (".png", ".svg")


def cmd_render(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.suffix.lower() not in PICTURE_FORMATS:
        raise UsageError(f"cannot tell the format of {output}: name it .png or .svg")
    refuse_overwrite(output, "picture", reading=[args.file])
    bp = load_blueprint(args.file)
    # Imported here, as for the editor: Qt is large, and only the pictures need it.
    with _qt_platform_for_pictures():
        from .ui.export import export_headless

        width, height = export_headless(bp, output, zoom=args.zoom)
    print(f"Wrote {output}: {width} x {height} pixels.")
    return EXIT_OK


@contextlib.contextmanager
def _qt_platform_for_pictures() -> Iterator[None]:
    """Paint off screen, unless the user chose a Qt platform: a picture needs no display,
    and with an unreachable one Qt would abort the process."""
    chosen = os.environ.get("QT_QPA_PLATFORM")
    if chosen:
        yield
        return
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        yield
    finally:
        os.environ.pop("QT_QPA_PLATFORM", None)


def _zoom(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0.01 <= value <= MAX_RENDER_ZOOM:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a zoom from 0.01 to {MAX_RENDER_ZOOM:g} (1 is actual size)"
        )
    return value


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return neutralise(LIST_SEPARATOR.join(str(v) for v in value))
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, float):
        return plain_number(value)
    return str(value)


def plain_number(value: float) -> str:
    """A number as a spreadsheet cell reads it: 179402.4, not 179402.40000000002 (the binary
    noise of a sum), and every digit of 2214844413876 with no exponent."""
    text = format(Decimal(repr(round(value, 9))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-23") from None


def cmd_serve(args: argparse.Namespace) -> int:
    """The live-collaboration server (imported here: only this command needs the network)."""
    import asyncio
    import logging

    from .collab.server import CollabServer, ServeError, new_token_file, read_token_file

    store = Path(args.store)
    try:
        if args.token_file:
            token = read_token_file(args.token_file)
            told = f"the token in {args.token_file}"
        elif (token_path := store / "token").exists():
            token = read_token_file(token_path)
            told = f"the token in {token_path} (give it to the participants)"
        else:
            token = new_token_file(token_path)
            told = f"the token in {token_path} (made for you; give it to the participants)"
    except ServeError as error:
        raise UsageError(str(error)) from None
    except OSError as error:  # the store cannot be made or written (a file, a read-only place)
        reason = error.strerror or str(error)
        raise UsageError(f"cannot use {store} as the store of rooms: {reason}") from None
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    logging.getLogger("websockets").setLevel(logging.WARNING)
    server = CollabServer(store, token, host=args.host, port=args.port)

    async def run() -> None:
        async with server:
            print(
                f"Serving blueprint rooms on ws://{args.host}:{server.port}/ROOM?token=…, "
                f"{told}; the rooms are kept in {store}. Ctrl+C stops.",
                flush=True,
            )
            await asyncio.Event().wait()

    try:
        asyncio.run(run())
    except ServeError as error:
        print_error(str(error))
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("Stopped.")
    return EXIT_OK


# --- parser ---------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        raise UsageError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Service blueprints: map friction and EPIC scores across lifecycle stages "
        "and channels, and turn them into a prioritised stairway-of-service plan.",
        epilog="Exit codes: 0 success, 1 invalid or unreadable file (or a failed write), "
        "2 wrong usage, 3 internal error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("new", help="create a new blueprint file from a template")
    p.add_argument("file", metavar="FILE", help=f"the file to create (*{EXTENSION})")
    p.add_argument(
        "--template",
        default=DEFAULT_TEMPLATE,
        choices=sorted(TEMPLATES),
        help=f"starting point (default: {DEFAULT_TEMPLATE}; 'blueprint templates' lists them)",
    )
    p.add_argument("--title", help="title of the new blueprint")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(run=cmd_new)

    p = sub.add_parser("templates", help="list the templates 'new' can start from")
    p.set_defaults(run=cmd_templates)

    p = sub.add_parser(
        "validate", help="check blueprint files: exit 0 if all are valid, 1 otherwise"
    )
    p.add_argument("files", metavar="FILE", nargs="+")
    p.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser(
        "plan",
        help="the prioritised improvement plan: a PDF or a PowerPoint deck for managers, or "
        "CSV/JSON with every term",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "-o",
        "--output",
        metavar="PLAN.pdf",
        help="write the plan here: a PDF, a PowerPoint deck (.pptx), or the ranked plan as "
        ".csv or .json; its extension says which, unless --format does",
    )
    p.add_argument(
        "--format",
        choices=("pdf", "pptx", "csv", "json"),
        help="pdf or pptx (need -o), or csv/json of the ranked plan (to stdout, or to -o); "
        "by default the extension of -o chooses, else pdf; with --format, -o may have any "
        "extension but another format's",
    )
    p.add_argument(
        "--persona", metavar="NAME", help="the plan for one persona: only its touchpoints"
    )
    p.add_argument(
        "--top",
        type=int,
        default=DEFAULT_TOP,
        metavar="N",
        help=f"top improvements on the summary and staircase (default {DEFAULT_TOP})",
    )
    p.add_argument(
        "--top-k",
        type=int,
        default=DEFAULT_K,
        metavar="K",
        help=f"how sure the plan is of its top K: P(top K) and stability (default {DEFAULT_K})",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help="another seed draws other plausible cases (default: a fixed one)",
    )
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size of the PDF")
    p.add_argument(
        "--reproducible",
        action="store_true",
        help="byte-identical PDF for identical input (fixed metadata dates); a deck is "
        "always the same for the same input and --date",
    )
    p.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="date on the cover (default: today)"
    )
    p.add_argument(
        "--comments",
        action="store_true",
        help="list the open comment threads at the end of the PDF (left out by default)",
    )
    p.set_defaults(run=cmd_plan)

    p = sub.add_parser(
        "compare",
        help="what the future state changes (one file), or what B changes from A (two files)",
    )
    p.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="one file: today against tomorrow; two files: A against B, matched by id",
    )
    p.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) or json, to standard output",
    )
    p.add_argument("--persona", metavar="NAME", help="the figures for one persona only")
    p.add_argument(
        "--state",
        choices=("current", "future"),
        help="with two files: compare this state of each (default current)",
    )
    p.set_defaults(run=cmd_compare)

    p = sub.add_parser(
        "render", help="draw the canvas as a PNG image or an SVG drawing, without a display"
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "-o", "--output", metavar="OUT.png", required=True, help="the picture: .png or .svg"
    )
    p.add_argument(
        "--zoom",
        type=_zoom,
        default=1.0,
        metavar="Z",
        help=f"scale of the picture, 1 being actual size (default 1, at most {MAX_RENDER_ZOOM:g})",
    )
    p.set_defaults(run=cmd_render)

    p = sub.add_parser("info", help="count what a blueprint holds")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(run=cmd_info)

    p = sub.add_parser("schema", help="print the JSON Schema of the file format")
    p.add_argument("-o", "--output", metavar="FILE", help="write it to FILE instead")
    p.set_defaults(run=cmd_schema)

    add_spreadsheet_commands(sub)
    add_change_commands(sub)

    p = sub.add_parser(
        "serve",
        help="run the live-collaboration server (y-websocket rooms, kept on disk)",
        description="Rooms are named by blueprint: ws://HOST:PORT/ROOM?token=SECRET. "
        "See docs/collaboration.md for LAN and TLS set-ups.",
    )
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: this computer only; 0.0.0.0 for the local network)",
    )
    p.add_argument("--port", type=_port, default=1234, help="port (default 1234)")
    p.add_argument(
        "--store",
        metavar="DIR",
        default="blueprint-live",
        help="folder keeping the rooms (default ./blueprint-live)",
    )
    p.add_argument(
        "--token-file",
        metavar="F",
        help="the shared secret, on the file's first line (default: DIR/token, made if missing)",
    )
    p.set_defaults(run=cmd_serve)
    return parser


def _port(text: str) -> int:
    """A port number for ``serve --port``, said plainly when it is not one."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port: give a number from 0 to 65535")
    return port


def _wants_editor(argv: list[str], parser: argparse.ArgumentParser) -> bool:
    """No arguments, or one that is neither an option nor a command: a file to edit. A bare
    word naming no file ('frobnicate') is a mistyped command, said as one: it opened the
    editor on an empty blueprint, or said the editor needed a display."""
    commands = next(a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if not argv:
        return True
    if len(argv) != 1 or argv[0].startswith("-") or argv[0] in commands:
        return False
    word = argv[0]
    return Path(word).exists() or os.sep in word or "/" in word or "." in word


def _no_display() -> bool:
    # Without a display Qt aborts the process from C++; say so in words instead.
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_editor(argv: list[str]) -> int:
    if _no_display():
        raise UsageError(
            "the editor needs a graphical display, and none is available here (DISPLAY is "
            "not set); the commands work without one: see 'blueprint --help'"
        )
    # Imported here: Qt is large, and only the editor needs it.
    from .ui.app import run_app

    return run_app([PROG, *argv])


def _unencodable_shown() -> None:
    """Text the console's code page cannot write (a Chinese title in a Windows shell's
    redirect) printed as ``\\u`` escapes rather than ending the command in an error. What is
    read by programs (JSON, CSV, a blueprint) is written as UTF-8 bytes instead."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    _unencodable_shown()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if _wants_editor(argv, parser):
            return open_editor(argv)
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return EXIT_OK
        return args.run(args)
    except UsageError as error:
        print_error(str(error))
        return EXIT_USAGE
    except BlueprintFileError as error:
        _report_file_error(error)
        return EXIT_INVALID
    except ComparisonError as error:
        print_error(f"cannot compare: {error}")
        return EXIT_INVALID
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_INVALID
    except KeyboardInterrupt:
        print_error("interrupted")
        return 130
    except Exception as error:  # the last line of defence: no traceback reaches a user
        if os.environ.get("BLUEPRINT_DEBUG"):
            traceback.print_exc()
        print_error(
            f"internal error: {type(error).__name__}: {error}. This is a bug; please report it "
            "(set BLUEPRINT_DEBUG=1 to see the details)."
        )
        return EXIT_INTERNAL
