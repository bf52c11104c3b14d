"""What every benchmark group shares: result rows, timing, the machine description, tables.

A group is a module ``benchmarks.bench_<name>`` with a function ``run(config) -> list[Row]``
(see ``benchmarks/run.py``). Timings are the median of ``config.repeats`` runs measured with
``time.perf_counter`` after one unmeasured warm-up run, with a garbage collection before each
run so that one run does not pay for the garbage of the previous one. Measurements that are
compared with each other are interleaved (``measure_interleaved``).
"""

from __future__ import annotations

import gc
import os
import platform
import statistics
import sys
import textwrap
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Config:
    """Settings shared by all groups."""

    repeats: int = 11
    #: Keyword arguments for ``benchmarks.generate.generate_blueprint`` (empty: its defaults).
    blueprint: dict[str, int] = field(default_factory=dict)


@dataclass
class Row:
    """One measured value. Timings are in seconds; ``passed`` is None when there is no target."""

    group: str
    name: str
    value: float
    unit: str  # "s", "x" (a ratio), "MiB", ...
    note: str = ""
    repeats: int | None = None
    min: float | None = None
    max: float | None = None
    target: str | None = None
    passed: bool | None = None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Timing:
    median: float
    min: float
    max: float
    times: tuple[float, ...]

    @classmethod
    def of(cls, times: Sequence[float]) -> Timing:
        return cls(statistics.median(times), min(times), max(times), tuple(times))


def measure(fn: Callable[[], object], repeats: int, warmup: int = 1) -> Timing:
    """Median, min and max wall-clock seconds of ``fn()`` over ``repeats`` runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(max(1, repeats)):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return Timing.of(times)


def measure_interleaved(
    fns: dict[str, Callable[[], object]],
    repeats: int,
    warmup: int = 1,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, Timing]:
    """Like ``measure`` for several functions, run in turn within each repeat.

    Round-robin order means a burst of other work on the machine hits every function alike,
    so ratios between them stay meaningful on a busy machine. ``clock``: wall-clock time by
    default; ``time.process_time`` counts the CPU time of this process only, which other
    work on a shared machine disturbs far less (for runs of many seconds).
    """
    for _ in range(warmup):
        for fn in fns.values():
            fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(max(1, repeats)):
        for name, fn in fns.items():
            gc.collect()
            start = clock()
            fn()
            times[name].append(clock() - start)
    return {name: Timing.of(ts) for name, ts in times.items()}


def paired_ratio(numerator: Timing, denominator: Timing) -> float:
    """The median of the per-repeat ratios of two interleaved timings."""
    return statistics.median(
        n / d for n, d in zip(numerator.times, denominator.times, strict=True) if d > 0
    )


def timing_row(group: str, name: str, timing: Timing, note: str = "", **target) -> Row:
    return Row(
        group,
        name,
        timing.median,
        "s",
        note=note,
        repeats=len(timing.times),
        min=timing.min,
        max=timing.max,
        **target,
    )


def cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return platform.processor() or "unknown"
    for line in text.splitlines():
        if line.startswith("model name"):
            return line.partition(":")[2].strip()
    return platform.processor() or "unknown"


def load_average() -> tuple[float, float, float] | None:
    """The 1, 5 and 15 minute load averages: other work on the machine skews the timings."""
    try:
        return os.getloadavg()
    except (AttributeError, OSError):  # not on a Unix
        return None


def machine() -> dict[str, object]:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = os.cpu_count()
    try:
        import pydantic

        pydantic_version = pydantic.VERSION
    except ImportError:  # pragma: no cover
        pydantic_version = "unknown"
    return {
        "nproc": usable,
        "cpu_model": cpu_model(),
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "pydantic": pydantic_version,
    }


def _format_value(row: Row, value: float | None) -> str:
    if value is None:
        return ""
    if row.unit == "s":
        return f"{value * 1000:.1f} ms" if value < 10 else f"{value:.2f} s"
    if row.unit == "x":
        return f"{value:.2f}x"
    return f"{value:.2f} {row.unit}"


def format_table(rows: Sequence[Row]) -> str:
    header = ("group", "measure", "median / value", "min", "max", "n", "target", "result")
    lines = [header]
    for row in rows:
        result = "" if row.passed is None else ("PASS" if row.passed else "FAIL")
        lines.append(
            (
                row.group,
                row.name,
                _format_value(row, row.value),
                _format_value(row, row.min),
                _format_value(row, row.max),
                "" if row.repeats is None else str(row.repeats),
                row.target or "",
                result,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    right = {2, 3, 4, 5}
    out = []
    for n, line in enumerate(lines):
        cells = [
            cell.rjust(width) if i in right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * width for width in widths))
    notes = [f"  {row.name}: {row.note}" for row in rows if row.note]
    if notes:
        out += ["", "notes:", *notes]
    return "\n".join(out)


_FORK_THEN_MEASURE = """
if hasattr(os, "fork"):
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            measure()
            code = 0
        finally:
            os._exit(code)
    sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
else:
    measure()
"""


def fresh_process_script(body: str) -> str:
    """A child script that runs its ``measure()`` in a process forked before any import.

    ru_maxrss is a process high-water mark that Linux carries across exec, so a child of
    the (large) runner would report the runner's peak; forking first gives a clean one.
    ``body`` must import os and sys and define ``measure()``.
    """
    return textwrap.dedent(body) + _FORK_THEN_MEASURE
