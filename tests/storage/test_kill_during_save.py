"""A save killed at any moment leaves the old file or the new one, loadable, never a mix."""

import os
import random
import signal
import subprocess
import sys
import time

from blueprint.model import Touchpoint
from blueprint.model.templates import new_blueprint
from blueprint.storage import (
    atomic_write_bytes,
    dumps_blueprint,
    loads_blueprint,
    remove_stale_temporaries,
)
from blueprint.storage.atomic import STALE_AFTER_SECONDS

TRIALS = 120

# A spawner process imports the storage code once, then for each trial forks a child that
# saves version B and version A alternately until it is killed. The test kills the child
# with SIGKILL at a random moment; the spawner reaps it and reports how it ended.
SPAWNER = r"""
import os, sys
from blueprint.storage import atomic_write_bytes
a, b = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
for line in sys.stdin:
    target = line.strip()
    pid = os.fork()
    if pid == 0:
        atomic_write_bytes(target, b)
        print("ready", os.getpid(), flush=True)
        while True:
            atomic_write_bytes(target, a)
            atomic_write_bytes(target, b)
    _, status = os.waitpid(pid, 0)
    print("ended", os.WTERMSIG(status) if os.WIFSIGNALED(status) else -1, flush=True)
"""


def version(label: str) -> bytes:
    bp = new_blueprint()
    bp.title = f"Version {label}"
    stage, channel = bp.stages[0].id, bp.channels[0].id
    bp.touchpoints = [
        Touchpoint(
            title=f"{label} step {i}", stage_id=stage, channel_id=channel, notes=f"{label} " * 150
        )
        for i in range(400)
    ]
    return dumps_blueprint(bp)


def test_killed_saves_leave_the_old_or_the_new_file(tmp_path):
    a, b = version("A"), version("B")
    (tmp_path / "a").write_bytes(a)
    (tmp_path / "b").write_bytes(b)
    rng = random.Random(20261123)
    seen = {a: 0, b: 0}
    spawner = subprocess.Popen(
        [sys.executable, "-c", SPAWNER, str(tmp_path / "a"), str(tmp_path / "b")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        for n in range(TRIALS):
            target = tmp_path / f"trial-{n}.blueprint"
            target.write_bytes(a)
            spawner.stdin.write(f"{target}\n")
            spawner.stdin.flush()
            word, pid = spawner.stdout.readline().split()
            assert word == "ready"
            time.sleep(rng.uniform(0, 0.02))
            os.kill(int(pid), signal.SIGKILL)
            assert spawner.stdout.readline().split() == ["ended", str(int(signal.SIGKILL))]
            data = target.read_bytes()
            assert data in (a, b), f"{target.name} holds a mix of versions"
            seen[data] += 1
            assert loads_blueprint(data).title in ("Version A", "Version B")
    finally:
        spawner.stdin.close()
        spawner.wait(timeout=30)
        spawner.stdout.close()
    assert seen[a] and seen[b], f"kills should land at different moments: {seen}"
    # Kills during a write leave its temporary file; the next save of each file removes them.
    assert leftovers(tmp_path), "some kill should have landed in the middle of a write"
    for n in range(TRIALS):
        atomic_write_bytes(tmp_path / f"trial-{n}.blueprint", a)
    assert leftovers(tmp_path) == []


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_save_under_way_elsewhere_keeps_its_temporary_file(tmp_path):
    target = tmp_path / "journey.blueprint"
    target.write_bytes(b"{}")
    ours = tmp_path / f".journey.blueprint.x-{os.getpid()}.abcd.tmp"  # not this machine's
    legacy_fresh = tmp_path / ".journey.blueprint.k2j4h5g6.tmp"
    legacy_old = tmp_path / ".journey.blueprint.a1b2c3d4.tmp"
    other_file = tmp_path / ".other.blueprint.a1b2c3d4.tmp"
    for path in (ours, legacy_fresh, legacy_old, other_file):
        path.write_bytes(b"partial")
    long_ago = time.time() - STALE_AFTER_SECONDS - 60
    for path in (legacy_old, other_file):
        os.utime(path, (long_ago, long_ago))
    assert remove_stale_temporaries(target) == 1
    assert leftovers(tmp_path) == sorted(p.name for p in (ours, legacy_fresh, other_file))


def test_a_dead_process_temporary_file_on_this_machine_goes_at_once(tmp_path):
    from blueprint.storage.atomic import _HOST

    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    target = tmp_path / "journey.blueprint"
    target.write_bytes(version("A"))
    dead = tmp_path / f".journey.blueprint.{_HOST}-{int(ended.stdout)}.abcd1234.tmp"
    dead.write_bytes(b"partial")
    assert remove_stale_temporaries(target) == 1
    assert leftovers(tmp_path) == []
