"""Real git repositories in a temporary folder, set up as the README says: commits on two
branches merged through the merge driver, and `git diff`/`git log -p` through textconv and
the external diff driver."""

import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest

from blueprint.model import Stage, Touchpoint, document_problems
from blueprint.storage import load_blueprint, save_blueprint
from tests.changes.edits import remove_with_attached
from tests.conftest import ROOT
from tests.factories import small_blueprint

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BLUEPRINT = f"{shlex.quote(sys.executable)} -m blueprint"
PLAN = "plan.blueprint"


def readme_setup() -> tuple[str, list[tuple[str, str]]]:
    """The .gitattributes line and the `git config` lines of the README's Working with git."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Working with git") :]
    section = section[: section.index("\n## ")]
    attributes = re.search(r"echo '([^']+)' >> \.gitattributes", section).group(1)
    settings = []
    for line in section.splitlines():
        if line.startswith("git config "):
            _, _, name, value = shlex.split(line)
            settings.append((name, value))
    return attributes, settings


class Repo:
    def __init__(self, folder):
        self.folder = folder
        self.env = {
            **os.environ,
            "HOME": str(folder.parent),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_PAGER": "cat",
            "LC_ALL": "C",
        }
        folder.mkdir()
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Test Designer")
        self.git("config", "user.email", "designer@example.com")
        # The README's set-up, word for word, with the blueprint of this test run.
        attributes, settings = readme_setup()
        for name, value in settings:
            self.git("config", name, value.replace("blueprint ", f"{BLUEPRINT} ", 1))
        (folder / ".gitattributes").write_text(attributes + "\n", encoding="utf-8")

    def git(self, *args, check=True):
        done = subprocess.run(
            ["git", *args],
            cwd=self.folder,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if check and done.returncode != 0:
            raise AssertionError(
                f"git {' '.join(args)}: {done.returncode}\n{done.stdout}{done.stderr}"
            )
        return done

    def commit(self, bp, message):
        save_blueprint(bp, self.folder / PLAN)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def plan(self):
        return load_blueprint(self.folder / PLAN)


def two_branches(tmp_path, edit_ours, edit_theirs, base=None):
    """A repository whose main (ours) and theirs branches each edited the base."""
    repo = Repo(tmp_path / "repo")
    base = base or small_blueprint()
    repo.commit(base, "base")
    repo.git("checkout", "-q", "-b", "theirs")
    theirs = base.model_copy(deep=True)
    edit_theirs(theirs)
    repo.commit(theirs, "their edits")
    repo.git("checkout", "-q", "main")
    ours = base.model_copy(deep=True)
    edit_ours(ours)
    repo.commit(ours, "our edits")
    return repo


def merge(repo):
    return repo.git("merge", "theirs", "-m", "merge theirs", check=False)


def conflicted(repo):
    return repo.git("diff", "--name-only", "--diff-filter=U").stdout.split()


def test_the_readme_sets_up_both_drivers():
    attributes, settings = readme_setup()
    assert attributes == "*.blueprint diff=blueprint merge=blueprint"
    assert [name for name, _ in settings] == [
        "diff.blueprint.textconv",
        "merge.blueprint.name",
        "merge.blueprint.driver",
    ]


def test_edits_to_different_entities_and_fields_merge_cleanly(tmp_path):
    def ours(bp):
        bp.touchpoints[0].title = "Pay online"
        bp.frictions[0].severity = 4

    def theirs(bp):
        bp.touchpoints[0].emotion = -1
        bp.frictions[1].title = "Forty minutes on hold"

    repo = two_branches(tmp_path, ours, theirs)
    done = merge(repo)
    assert done.returncode == 0, done.stdout + done.stderr
    plan = repo.plan()
    assert (plan.touchpoints[0].title, plan.touchpoints[0].emotion) == ("Pay online", -1)
    assert (plan.frictions[0].severity, plan.frictions[1].title) == (4, "Forty minutes on hold")
    assert plan.conflicts == []
    assert repo.git("log", "-1", "--format=%s").stdout.strip() == "merge theirs"


def test_both_changing_a_field_is_a_conflict_recorded_in_a_valid_file(tmp_path):
    def ours(bp):
        bp.frictions[1].severity = 4

    def theirs(bp):
        bp.frictions[1].severity = 1

    repo = two_branches(tmp_path, ours, theirs)
    done = merge(repo)
    assert done.returncode != 0
    assert "CONFLICT" in done.stdout and conflicted(repo) == [PLAN]
    assert "Friction point 'Long hold': severity kept 4 (ours); theirs wanted 1" in done.stdout
    plan = repo.plan()  # a valid file: it loads
    assert plan.frictions[1].severity == 4
    assert [(c.kind, c.field, c.kept, c.other) for c in plan.conflicts] == [
        ("both changed", "severity", 4, 1)
    ]
    repo.git("add", PLAN)
    repo.git("commit", "-q", "--no-edit")
    assert repo.git("status", "--porcelain").stdout == ""


def test_deleting_what_the_other_branch_edited_keeps_it(tmp_path):
    def ours(bp):
        remove_with_attached(bp, {"t2"})

    def theirs(bp):
        bp.touchpoints[1].title = "Call about the delivery"

    repo = two_branches(tmp_path, ours, theirs)
    assert merge(repo).returncode != 0
    plan = repo.plan()
    assert [t.title for t in plan.touchpoints] == [
        "Checkout",
        "Call about the delivery",
        "Complain",
    ]
    assert {f.id for f in plan.frictions} == {"x1", "x2"}
    (conflict,) = plan.conflicts
    assert (conflict.kind, conflict.entity_id, conflict.other_from) == (
        "deleted and changed",
        "t2",
        "ours",
    )


def test_both_branches_adding_entities_merge_cleanly(tmp_path):
    def ours(bp):
        bp.stages.append(Stage(id="s3", name="Install"))
        bp.touchpoints.append(
            Touchpoint(id="t4", title="Engineer visit", stage_id="s3", channel_id="phone")
        )

    def theirs(bp):
        bp.touchpoints.append(
            Touchpoint(id="t5", title="Proactive SMS", stage_id="s2", channel_id="web")
        )

    repo = two_branches(tmp_path, ours, theirs)
    assert merge(repo).returncode == 0
    plan = repo.plan()
    assert [t.id for t in plan.touchpoints] == ["t1", "t2", "t3", "t4", "t5"]
    assert [s.name for s in plan.stages] == ["Purchase", "Support", "Install"]


def test_a_stage_renamed_on_one_branch_while_the_other_fills_it(tmp_path):
    def ours(bp):
        bp.stages[1].name = "Aftercare"

    def theirs(bp):
        bp.touchpoints.append(Touchpoint(id="t4", title="Chat", stage_id="s2", channel_id="web"))

    repo = two_branches(tmp_path, ours, theirs)
    assert merge(repo).returncode == 0
    plan = repo.plan()
    assert plan.stages[1].name == "Aftercare" and plan.touchpoints[-1].stage_id == "s2"


def test_a_stage_renamed_differently_on_both_branches(tmp_path):
    def ours(bp):
        bp.stages[1].name = "Aftercare"

    def theirs(bp):
        bp.stages[1].name = "Help"
        bp.stages.append(Stage(id="s3", name="Aftercare"))

    repo = two_branches(tmp_path, ours, theirs)
    assert merge(repo).returncode != 0
    plan = repo.plan()
    assert [s.name for s in plan.stages] == ["Purchase", "Aftercare", "Aftercare (2)"]
    assert [(c.entity_id, c.field, c.other) for c in plan.conflicts] == [
        ("s2", "name", "Help"),
        ("s3", "name", "Aftercare"),
    ]
    assert document_problems(plan) == []


def test_a_branch_with_a_newer_file_is_refused_and_ours_left_as_it_was(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.commit(small_blueprint(), "base")
    repo.git("checkout", "-q", "-b", "theirs")
    (repo.folder / PLAN).write_text('{"format": "blueprint", "schema_version": 99}\n')
    repo.git("commit", "-q", "-am", "from the future")
    repo.git("checkout", "-q", "main")
    ours = small_blueprint()
    ours.title = "Ours"
    repo.commit(ours, "ours")
    before = (repo.folder / PLAN).read_bytes()
    done = merge(repo)
    assert done.returncode != 0 and conflicted(repo) == [PLAN]
    assert f"cannot merge: {PLAN} (theirs): was made by a newer version of Blueprint" in done.stderr
    assert (repo.folder / PLAN).read_bytes() == before


def test_git_diff_and_log_read_as_entities_and_fields(tmp_path):
    repo = Repo(tmp_path / "repo")
    bp = small_blueprint()
    repo.commit(bp, "base")
    bp.frictions[1].severity = 4
    bp.touchpoints[0].channel_id = "phone"
    repo.commit(bp, "worse hold, checkout by phone")
    log = repo.git("log", "-p", "-1").stdout
    assert "-  severity: 3\n+  severity: 4\n" in log
    assert "-  channel: Website\n+  channel: Phone\n" in log
    assert " Friction point 'Long hold' (id x2)\n" in log  # as context: the entity changed
    repo.git("config", "diff.blueprint.command", f"{BLUEPRINT} git-diff")
    bp.frictions[0].title = "Slow checkout page"
    save_blueprint(bp, repo.folder / PLAN)
    diff = repo.git("diff").stdout
    assert diff.splitlines() == [
        f"diff --blueprint a/{PLAN} b/{PLAN}",
        "Friction point 'Slow checkout page': title 'Slow page' -> 'Slow checkout page'",
    ]
    ext = repo.git("log", "-p", "--ext-diff", "-1").stdout
    assert "Moved touchpoint 'Checkout' from Purchase / Website to Purchase / Phone" in ext
