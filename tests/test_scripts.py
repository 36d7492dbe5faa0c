"""The test command changes nothing outside the checkout; CI installs what it needs first.

``scripts/test.sh`` is the README's test command. Run as root it once apt-installed
chromium (and upgraded half the system with it); now only ``.ci/run`` installs chromium,
and only where ``CI=true``, before it runs exactly the README's test command.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE_MANAGERS = re.compile(r"\b(apt-get|apt|aptitude|dpkg|dnf|yum|brew|snap|pacman|sudo)\b")


def _commands(script: str) -> list[str]:
    """The script's lines that do something: comments and blank lines left out."""
    return [line.strip() for line in script.splitlines()
            if line.strip() and not line.strip().startswith("#")]


def readme_test_command() -> str:
    """The one command the README gives to install the tools and run every check."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, flags=re.DOTALL)
    commands = [line for block in blocks for line in _commands(block) if "test" in line]
    assert len(commands) == 1, commands
    return commands[0]


def test_the_test_command_installs_no_system_package() -> None:
    script = (REPO / "scripts" / "test.sh").read_text(encoding="utf-8")
    offending = [line for line in _commands(script) if PACKAGE_MANAGERS.search(line)]
    assert offending == []


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = _commands((REPO / ".ci" / "run").read_text(encoding="utf-8"))
    assert readme_test_command() == "bash scripts/test.sh"
    assert ci[-1] == readme_test_command()


def _ci_sandbox(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A copy of ``.ci/run`` whose test command and apt-get only write to a log.

    PATH holds only what the script needs, so chromium is never found; ``id -u`` says
    root, as on a CI machine, whoever runs the suite.
    """
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    (repo / "scripts").mkdir()
    shutil.copy(REPO / ".ci" / "run", repo / ".ci" / "run")
    log = tmp_path / "log"
    (repo / "scripts" / "test.sh").write_text(f'echo "test.sh $*" >> {log}\n', encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "dirname"):
        found = shutil.which(tool)
        assert found is not None
        (bin_dir / tool).symlink_to(found)
    stubs = {"apt-get": f'echo "apt-get $*" >> {log}', "id": "echo 0"}
    for name, body in stubs.items():
        stub = bin_dir / name
        stub.write_text(f"#!{shutil.which('bash')}\n{body}\n", encoding="utf-8")
        stub.chmod(0o755)
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path)}
    return repo, log, env


def _run_ci(tmp_path: Path, **extra_env: str) -> list[str]:
    repo, log, env = _ci_sandbox(tmp_path)
    bash = shutil.which("bash")
    assert bash is not None
    done = subprocess.run([bash, str(repo / ".ci" / "run")], env={**env, **extra_env},
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_ci_installs_chromium_before_the_test_command(tmp_path: Path) -> None:
    calls = _run_ci(tmp_path, CI="true")
    assert calls[-1] == "test.sh "
    installs = [c for c in calls if c.startswith("apt-get") and "install" in c]
    assert len(installs) == 1 and "chromium" in installs[0].split()
    assert calls.index(installs[0]) < calls.index("test.sh ")


def test_outside_ci_nothing_is_installed(tmp_path: Path) -> None:
    assert _run_ci(tmp_path) == ["test.sh "]
