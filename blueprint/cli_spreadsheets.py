"""The command line's spreadsheets: ``export-csv``, ``import-csv``, ``export-xlsx``,
``import-xlsx`` and ``import-metrics``, over the tables of ``storage.tables`` the editor's
spreadsheet commands use too."""

from __future__ import annotations

import argparse
from pathlib import Path

from .cli_common import EXIT_OK, UsageError, blueprint_counts, one_line, refuse_overwrite
from .model import Blueprint
from .report import formatting as fmt
from .storage import load_blueprint, save_blueprint
from .storage.csvio import export_csv, import_csv
from .storage.tables import export_xlsx, import_csv_folder, import_xlsx, unread_sentence
from .storage.tables.csv_codec import WINDOWS_1252, not_utf8, sheet_files
from .storage.tables.metrics import (
    BY_ID,
    BY_TITLE,
    MetricsMapping,
    apply_metrics,
    guess_mapping,
    open_metrics,
    read_metrics,
)

# --- subcommands ----------------------------------------------------------------------------


def cmd_export_csv(args: argparse.Namespace) -> int:
    bp = load_blueprint(args.file)
    for path in export_csv(bp, args.folder):
        print(f"Wrote {path}")
    return EXIT_OK


def cmd_import_csv(args: argparse.Namespace) -> int:
    output = Path(args.output)
    refuse_overwrite(output, reading=[args.touchpoints, args.frictions], force=args.force)
    if Path(args.touchpoints).is_dir():  # a folder written by export-csv: every sheet
        if args.frictions is not None:
            raise UsageError("give a folder of CSV files on its own, or the CSV files")
        unread: list[str] = []
        _created(output, import_csv_folder(args.touchpoints, unread), args.title)
        _said_read_as_windows_1252(sheet_files(args.touchpoints))  # the files read, no other
        _said_unread(unread)
        return EXIT_OK
    unread: list[str] = []
    bp = import_csv(args.touchpoints, args.frictions, unread)
    bp.title = args.title or output.stem.replace("-", " ").replace("_", " ").strip() or bp.title
    save_blueprint(bp, output)
    counts = blueprint_counts(bp)
    print(
        f"Created {output}: {counts['touchpoints']} touchpoints, {counts['frictions']} "
        f"friction points, {counts['stages']} stages, {counts['channels']} channels."
    )
    _said_read_as_windows_1252([Path(p) for p in (args.touchpoints, args.frictions) if p])
    _said_unread(unread)
    return EXIT_OK


def _said_read_as_windows_1252(paths: list[Path]) -> None:
    """A file saved by Excel as plain 'CSV' is not UTF-8: read as Windows-1252, and said."""
    for path in not_utf8(paths):
        print(
            f"Note: {path.name} is not UTF-8; it was read as {WINDOWS_1252} (Excel's plain "
            "'CSV'): check that accented names came out as typed."
        )


def _created(output: Path, bp: Blueprint, title: str | None) -> int:
    if title:
        bp.title = title
    save_blueprint(bp, output)
    counts = blueprint_counts(bp)
    listed = ", ".join(
        (
            fmt.plural(counts["touchpoints"], "touchpoint"),
            fmt.plural(counts["frictions"], "friction point"),
            fmt.plural(counts["improvements"], "improvement"),
            fmt.plural(len(bp.measures), "measure"),
        )
    )
    print(f"Created {output}: {listed}.")
    return EXIT_OK


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    refuse_overwrite(args.output, "workbook", reading=[args.file])  # the file read, a blueprint
    if Path(args.output).suffix.lower() != ".xlsx":
        # Written under any name, a PDF was replaced by a workbook.
        raise UsageError(f"{args.output}: an Excel workbook's name ends in .xlsx")
    # A workbook is edited by people: a second export threw a colleague's edits away.
    refuse_overwrite(args.output, "workbook", force=args.force)
    bp = load_blueprint(args.file)
    path = export_xlsx(bp, args.output)
    print(f"Wrote {path}: one sheet per kind of entity ({len(bp.touchpoints)} touchpoints).")
    return EXIT_OK


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    output = Path(args.output)
    refuse_overwrite(output, reading=[args.workbook], force=args.force)
    unread: list[str] = []
    _created(output, import_xlsx(args.workbook, unread), args.title)
    _said_unread(unread)
    return EXIT_OK


def _said_unread(unread: list[str]) -> None:
    """A designer's own columns and sheets: read by no one, and gone from the next export."""
    if unread:
        print(f"Note: {unread_sentence(unread)}")


def cmd_import_metrics(args: argparse.Namespace) -> int:
    target = Path(args.into)
    bp = load_blueprint(target)
    source = Path(args.file)
    mapping = _metrics_mapping(args, source)
    result = read_metrics(bp, source, mapping, args.sheet)
    if result.changes_anything and not args.dry_run:
        apply_metrics(bp, result)
        save_blueprint(bp, target)
    verb = "Would import" if args.dry_run else "Imported"
    print(f"{verb} {result.summary()}.")
    if result.unplaced:
        print("Not placed:")
        for row in result.unplaced:
            print(f"  {one_line(str(row))}")
    return EXIT_OK


def _metrics_mapping(args: argparse.Namespace, source: Path) -> MetricsMapping:
    """The columns the options name; those they leave out, guessed from the header."""
    given = {
        "touchpoint": args.touchpoint,
        "value": args.value,
        "measure": args.measure,
        "date": args.date,
        "unit": args.unit,
        "period": args.period,
        "source": args.source,
    }
    header: list[str] = []
    if not all(given.values()):
        with open_metrics(source, args.sheet) as table:
            header = table.header
        guessed = guess_mapping(header)
        given = {role: name or guessed.get(role) for role, name in given.items()}
    columns = "its columns: " + (", ".join(repr(h) for h in header if h) or "none")
    for role, option in (("touchpoint", "--touchpoint"), ("value", "--value")):
        if not given[role]:
            raise UsageError(
                f"cannot tell which column holds the {role} ({columns}); say it with "
                f"{option} COLUMN"
            )
    if args.name:
        given["measure"] = None
    elif not given["measure"]:
        raise UsageError(
            f"cannot tell which column names the measure ({columns}); say it with --measure "
            "COLUMN, or give every row one name with --name NAME"
        )
    return MetricsMapping(
        **given,  # type: ignore[arg-type]
        match=args.match,
        name=args.name,
        origin=args.origin,
    )


# --- parsers --------------------------------------------------------------------------------


def add_spreadsheet_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export-csv", help="write touchpoints, frictions and improvements as CSV files"
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("folder", metavar="DIR", help="folder to write the CSV files into")
    p.set_defaults(run=cmd_export_csv)

    p = sub.add_parser(
        "import-csv",
        help="build a blueprint from spreadsheet rows, or from a folder written by export-csv",
    )
    p.add_argument("touchpoints", metavar="TOUCHPOINTS.csv|DIR")
    p.add_argument("frictions", metavar="FRICTIONS.csv", nargs="?")
    _creates_a_blueprint(p, "from FILE's name")
    p.set_defaults(run=cmd_import_csv)

    p = sub.add_parser(
        "export-xlsx", help="write the blueprint as an Excel workbook, one sheet per entity kind"
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("output", metavar="OUT.xlsx", help="the workbook to write")
    p.add_argument("--force", action="store_true", help="replace OUT.xlsx if it exists")
    p.set_defaults(run=cmd_export_xlsx)

    p = sub.add_parser("import-xlsx", help="build a blueprint from a workbook made by export-xlsx")
    p.add_argument("workbook", metavar="WORKBOOK.xlsx")
    _creates_a_blueprint(p, "the workbook's")
    p.set_defaults(run=cmd_import_xlsx)

    p = sub.add_parser(
        "import-metrics",
        help="add or update measures of touchpoints from a CSV or XLSX export of metrics",
    )
    p.add_argument("file", metavar="FILE.xlsx|csv")
    p.add_argument(
        "--into", metavar="BLUEPRINT", required=True, help="the blueprint to add them to"
    )
    p.add_argument("--sheet", help="the sheet of a workbook (default: its first)")
    p.add_argument("--touchpoint", metavar="COLUMN", help="the column naming the touchpoint")
    p.add_argument(
        "--match",
        choices=(BY_ID, BY_TITLE),
        default=BY_ID,
        help="the touchpoint column holds its id (default) or its title",
    )
    p.add_argument("--measure", metavar="COLUMN", help="the column holding the measure's name")
    p.add_argument("--name", help="one measure name for every row (instead of --measure)")
    p.add_argument("--value", metavar="COLUMN", help="the column holding the value")
    p.add_argument("--date", metavar="COLUMN", help="the column holding the date")
    p.add_argument("--unit", metavar="COLUMN", help="the column holding the unit")
    p.add_argument("--period", metavar="COLUMN", help="the column holding the period (counts)")
    p.add_argument(
        "--source", metavar="COLUMN", help="the column saying measured, estimated or unknown"
    )
    p.add_argument(
        "--origin", metavar="COLUMN", help="the column naming where it comes from (default: FILE)"
    )
    p.add_argument(
        "--dry-run", action="store_true", help="say what would change, and change nothing"
    )
    p.set_defaults(run=cmd_import_metrics)


def _creates_a_blueprint(p: argparse.ArgumentParser, default_title: str) -> None:
    """The options of an import that creates a blueprint file: where, its title, --force."""
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="blueprint to create")
    p.add_argument("--title", help=f"title of the new blueprint (default: {default_title})")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
