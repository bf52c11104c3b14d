"""Real git repositories in a temporary folder, set up as the README says: commits on two
branches merged through the merge driver, and `git diff`/`git log -p` through textconv and
the external diff driver."""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest

from blueprint import git_setup
from blueprint.model import Stage, Touchpoint, document_problems
from blueprint.storage import load_blueprint, save_blueprint
from tests.changes.edits import remove_with_attached
from tests.conftest import ROOT
from tests.factories import small_blueprint

GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="git is not installed")

BLUEPRINT = f"{shlex.quote(sys.executable)} -m blueprint"
PLAN = "plan.blueprint"
#: The branch merged in
THEIRS = "phone"


def readme_setup() -> tuple[str, list[tuple[str, str]]]:
    """The set-up command and the `git config` lines of the README's Working with git."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### Working with git") :]
    section = section[: section.index("\n## ")]
    command = re.search(r"```sh\n(blueprint [^\n]+)\n```", section).group(1)
    settings = []
    for line in section.splitlines():
        if line.startswith("git config "):
            _, _, name, value = shlex.split(line)
            settings.append((name, value))
    return command, settings


def blueprint_command(*args, cwd, env, stdin=None):
    """This test run's blueprint, as a user runs it in a shell."""
    return subprocess.run(
        [sys.executable, "-m", "blueprint", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def in_bash(repo, command: str):
    """A command line run by bash in the repository (for its ``<(…)``)."""
    return subprocess.run(
        ["bash", "-c", command],
        cwd=repo.folder,
        env=repo.env,
        capture_output=True,
        text=True,
        timeout=120,
    )


class Repo:
    def __init__(self, folder, words=False):
        self.folder = folder
        self.env = {
            **os.environ,
            "HOME": str(folder.parent),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_PAGER": "cat",
            "LC_ALL": "C",
            # No blueprint on the PATH: the drivers name it by its full path.
            "PATH": os.pathsep.join(dict.fromkeys((os.path.dirname(GIT), "/bin"))),
        }
        folder.mkdir()
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Test Designer")
        self.git("config", "user.email", "designer@example.com")
        # The README's set-up: its one command.
        command, _ = readme_setup()
        args = shlex.split(command)[1:] + (["--words"] if words else [])
        self.setup = blueprint_command(*args, cwd=folder, env=self.env)
        assert self.setup.returncode == 0, self.setup.stderr

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
    """A repository whose main (ours) and phone (theirs) branches each edited the base."""
    repo = Repo(tmp_path / "repo")
    base = base or small_blueprint()
    repo.commit(base, "base")
    repo.git("checkout", "-q", "-b", THEIRS)
    theirs = base.model_copy(deep=True)
    edit_theirs(theirs)
    repo.commit(theirs, "their edits")
    repo.git("checkout", "-q", "main")
    ours = base.model_copy(deep=True)
    edit_ours(ours)
    repo.commit(ours, "our edits")
    return repo


def merge(repo):
    return repo.git("merge", THEIRS, "-m", "merge theirs", check=False)


def conflicted(repo):
    return repo.git("diff", "--name-only", "--diff-filter=U").stdout.split()


def test_the_readme_sets_up_both_drivers():
    command, settings = readme_setup()
    assert command == "blueprint git-setup"
    assert settings == [
        (name, value.format(blueprint="/path/to/blueprint")) for name, value in git_setup.SETTINGS
    ]


def test_git_setup_writes_the_attributes_ignores_locks_and_names_blueprint_by_path(tmp_path):
    repo = Repo(tmp_path / "repo")
    assert "Set up git for blueprints in" in repo.setup.stdout
    attributes = (repo.folder / ".gitattributes").read_text(encoding="utf-8")
    assert attributes.splitlines() == ["*.blueprint diff=blueprint merge=blueprint"]
    driver = repo.git("config", "merge.blueprint.driver").stdout.strip()
    assert driver == f"{BLUEPRINT} merge %O %A %B -o %A --name %P --ours-name %X --theirs-name %Y"
    # The editor's lock file beside an open blueprint stays out of `git add -A`.
    (repo.folder / PLAN).write_bytes(b"{}")
    (repo.folder / f".~lock.{PLAN}#").write_text("Ana", encoding="utf-8")
    untracked = repo.git("status", "--porcelain", "--untracked-files=all").stdout
    assert f"?? {PLAN}" in untracked and ".~lock" not in untracked
    # Run again, it adds nothing twice.
    again = blueprint_command("git-setup", cwd=repo.folder, env=repo.env)
    assert again.returncode == 0 and "(already there)" in again.stdout
    assert (repo.folder / ".gitattributes").read_text(encoding="utf-8") == attributes
    assert (repo.folder / ".gitignore").read_text(encoding="utf-8").count(".~lock") == 1


def test_git_setup_outside_a_repository_says_so_in_one_line(tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir()
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(tmp_path)}
    done = blueprint_command("git-setup", cwd=folder, env=env)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"blueprint: error: cannot set up git: {folder} is not in a git repository (run git "
        "init first, or give the repository's folder)"
    ]
    assert not (folder / ".gitattributes").exists()


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
    # Each side by its branch, for whoever reads the file: "ours" was only the merger's.
    assert "Friction point 'Long hold': severity kept 4 (main); phone wanted 1" in done.stdout
    plan = repo.plan()  # a valid file: it loads
    assert plan.frictions[1].severity == 4
    assert [
        (c.kind, c.field, c.kept, c.other, c.ours_name, c.theirs_name) for c in plan.conflicts
    ] == [("both changed", "severity", 4, 1, "main", THEIRS)]
    repo.git("add", PLAN)
    repo.git("commit", "-q", "--no-edit")
    assert repo.git("status", "--porcelain").stdout == ""


def test_a_rebase_names_the_branch_rebased_onto_and_the_branch_rebased(tmp_path):
    """In a rebase git's "ours" is the branch rebased onto and "theirs" your own commits:
    "Keep mine" kept the other designer's value. The conflict says whose each value is."""

    def ours(bp):
        bp.frictions[1].severity = 4

    def theirs(bp):
        bp.frictions[1].severity = 1

    repo = two_branches(tmp_path, ours, theirs)
    repo.git("checkout", "-q", THEIRS)
    again = repo.plan()  # the branch's second commit edits the same field once more
    again.frictions[1].severity = 2
    repo.commit(again, "their second edit")
    done = repo.git("rebase", "main", check=False)
    assert done.returncode != 0 and conflicted(repo) == [PLAN]
    [conflict] = repo.plan().conflicts
    assert (conflict.kept, conflict.ours_name) == (4, "main")
    assert (conflict.other, conflict.theirs_name) == (1, THEIRS)
    # Taken as it is, the next commit replayed: HEAD is then a commit of no branch, and the
    # conflict read "ours", the word that reads the wrong way round in a rebase.
    repo.git("add", PLAN)
    done = repo.git("-c", "core.editor=true", "rebase", "--continue", check=False)
    assert done.returncode != 0 and conflicted(repo) == [PLAN]
    names = {(c.ours_name, c.theirs_name) for c in repo.plan().conflicts}
    assert names == {("main", THEIRS)}


def test_a_driver_set_up_before_names_existed_still_names_the_branches(tmp_path):
    """A clone set up by an older git-setup passes no %X and %Y: git's temporary files'
    names say nothing, so the branches come from the repository."""

    def ours(bp):
        bp.touchpoints[0].title = "Pay by card"

    def theirs(bp):
        bp.touchpoints[0].title = "Pay by bank"

    repo = two_branches(tmp_path, ours, theirs)
    repo.git("config", "merge.blueprint.driver", f"{BLUEPRINT} merge %O %A %B -o %A --name %P")
    assert merge(repo).returncode != 0
    [conflict] = repo.plan().conflicts
    assert (conflict.ours_name, conflict.theirs_name) == ("main", THEIRS)


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
    repo.git("checkout", "-q", "-b", THEIRS)
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
    repo = Repo(tmp_path / "repo", words=True)
    bp = small_blueprint()
    repo.commit(bp, "base")
    bp.frictions[1].severity = 4
    bp.touchpoints[0].channel_id = "phone"
    repo.commit(bp, "worse hold, checkout by phone")
    log = repo.git("log", "-p", "-1").stdout
    assert "-  severity: 3\n+  severity: 4\n" in log
    assert "-  channel: Website\n+  channel: Phone\n" in log
    assert " Friction point 'Long hold' (id x2)\n" in log  # as context: the entity changed
    bp.frictions[0].title = "Slow checkout page"
    save_blueprint(bp, repo.folder / PLAN)
    diff = repo.git("diff").stdout
    assert diff.splitlines() == [
        f"diff --blueprint a/{PLAN} b/{PLAN}",
        "Friction point 'Slow checkout page': title 'Slow page' -> 'Slow checkout page'",
    ]
    ext = repo.git("log", "-p", "--ext-diff", "-1").stdout
    assert "Moved touchpoint 'Checkout' from Purchase / Website to Purchase / Phone" in ext


def test_diff_reads_a_version_from_git_through_a_pipe_or_standard_input(tmp_path):
    """`blueprint diff <(git show HEAD:plan.blueprint) plan.blueprint` answered 'not a
    regular file': comparing with a commit took a `git show … > tmp` first."""
    repo = Repo(tmp_path / "repo")
    bp = small_blueprint()
    repo.commit(bp, "base")
    bp.frictions[1].severity = 4
    save_blueprint(bp, repo.folder / PLAN)
    said = "Friction point 'Long hold': severity 3 -> 4\n"
    piped = in_bash(repo, f"{BLUEPRINT} diff <(git show HEAD:{PLAN}) {PLAN}")
    assert (piped.returncode, piped.stdout, piped.stderr) == (0, said, "")
    committed = repo.git("show", f"HEAD:{PLAN}").stdout
    stdin = blueprint_command("diff", "-", PLAN, cwd=repo.folder, env=repo.env, stdin=committed)
    assert (stdin.returncode, stdin.stdout) == (0, said)
    broken = blueprint_command("diff", "-", PLAN, cwd=repo.folder, env=repo.env, stdin="{")
    assert broken.returncode == 1 and broken.stderr.startswith("-: is cut short")
    # compare A B reads one through a pipe too.
    compared = in_bash(repo, f"{BLUEPRINT} compare <(git show HEAD:{PLAN}) {PLAN} --format json")
    assert compared.returncode == 0, compared.stderr
    document = json.loads(compared.stdout)
    assert document["after"] == PLAN and document["before"].startswith("/dev/fd/")


def test_merge_reads_its_versions_through_pipes(tmp_path):
    """A clone with no driver set up leaves git's stages to merge by hand: `blueprint merge
    <(git show :1:plan.blueprint) …` answered 'not a regular file'."""

    def ours(bp):
        bp.frictions[1].severity = 4

    def theirs(bp):
        bp.touchpoints[0].title = "Pay online"

    repo = two_branches(tmp_path, ours, theirs)
    base = repo.git("merge-base", "main", THEIRS).stdout.strip()
    done = in_bash(
        repo,
        f"{BLUEPRINT} merge <(git show {base}:{PLAN}) <(git show main:{PLAN}) "
        f"<(git show {THEIRS}:{PLAN}) -o merged.blueprint",
    )
    assert done.returncode == 0, done.stderr
    merged = load_blueprint(repo.folder / "merged.blueprint")
    assert (merged.frictions[1].severity, merged.touchpoints[0].title) == (4, "Pay online")
    twice = blueprint_command("merge", "-", "-", PLAN, cwd=repo.folder, env=repo.env, stdin="")
    assert twice.returncode == 2
    assert "only one of the files can be standard input (-)" in twice.stderr


def test_a_pull_names_the_branch_pulled_not_a_commit_id(tmp_path):
    """`git pull` merges a fetched commit: the conflict named it by 40 hexadecimal digits."""

    def ours(bp):
        bp.frictions[1].severity = 4

    def theirs(bp):
        bp.frictions[1].severity = 1

    origin = two_branches(tmp_path, ours, theirs)  # main: ours; phone: theirs
    clone = tmp_path / "clone"
    origin.git("clone", "-q", "--branch", THEIRS, str(origin.folder), str(clone))
    repo = Repo.__new__(Repo)
    repo.folder, repo.env = clone, origin.env
    blueprint_command("git-setup", cwd=clone, env=repo.env)
    repo.git("config", "user.name", "Bo")
    repo.git("config", "user.email", "bo@example.com")
    done = repo.git("pull", "--no-rebase", "origin", "main", check=False)
    assert done.returncode != 0 and conflicted(repo) == [PLAN]
    [conflict] = repo.plan().conflicts
    assert (conflict.ours_name, conflict.theirs_name) == (THEIRS, "origin/main")
