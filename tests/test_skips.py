"""A skip is for an absent optional resource, never for the code under test misbehaving.

A test that skips when the quote extractor finds nothing, or when a command is missing,
turns a broken feature into a quiet "s" in the run. Every skip in the suite must say
which optional resource is absent: the shared data beside the checkout, an installed
program (chromium), a privilege the test cannot drop (root reads any file), a platform.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent

ABSENT_RESOURCE = re.compile(
    r"\b(absent|not found|not installed|running as root|POSIX|cannot [^.]* here)\b",
    re.IGNORECASE,
)
"""What a skip reason must name: something outside the code under test (data, a program,
a privilege this machine does not give: "cannot make a device node here")."""


def _reason_text(node: ast.expr | None) -> str:
    """The literal parts of a reason, f-strings included (their fields read as ``{}``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_reason_text(part) if isinstance(part, ast.Constant) else "{}"
                       for part in node.values)
    if isinstance(node, ast.BinOp):  # "a " "b" split over lines joins as one constant
        return _reason_text(node.left) + _reason_text(node.right)
    return ""


def _pytest_function(call: ast.Call) -> str | None:
    """``skip`` for ``pytest.skip(...)``, ``skipif`` for ``pytest.mark.skipif(...)``, ..."""
    func = call.func
    if not isinstance(func, ast.Attribute):
        return None
    owner = func.value
    if isinstance(owner, ast.Name) and owner.id == "pytest" or (
        isinstance(owner, ast.Attribute) and owner.attr == "mark"
    ):
        return func.attr
    return None


def skip_reasons(source: str) -> list[tuple[int, str]]:
    """(line, reason) of every ``pytest.skip``, ``skipif`` and ``importorskip`` in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        function = _pytest_function(node)
        if function in ("skip", "skipif", "importorskip"):
            keyword = next((k.value for k in node.keywords if k.arg == "reason"), None)
            positional = node.args[0] if node.args and function == "skip" else None
            found.append((node.lineno, _reason_text(keyword or positional)))
    return sorted(found)


def _test_modules() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if "__snapshots__" not in p.parts)


@pytest.mark.parametrize("path", _test_modules(), ids=lambda p: str(p.relative_to(TESTS)))
def test_every_skip_names_an_absent_resource(path: Path) -> None:
    bad = [
        f"{path.name}:{line}: {reason or '(no reason)'}"
        for line, reason in skip_reasons(path.read_text(encoding="utf-8"))
        if not ABSENT_RESOURCE.search(reason)
    ]
    assert not bad, "skips that could hide a failure:\n" + "\n".join(bad)


def test_the_checker_catches_a_skip_on_misbehaviour() -> None:
    hiding = (
        "import pytest\n"
        "def test_x():\n"
        "    if not found:\n"
        "        pytest.skip(f'no quotation contains {phrase!r}')\n"
        "@pytest.mark.skipif(True, reason='command does not exist yet')\n"
        "def test_y(): ...\n"
    )
    reasons = [reason for _, reason in skip_reasons(hiding)]
    assert reasons == ["no quotation contains {}", "command does not exist yet"]
    assert not any(ABSENT_RESOURCE.search(r) for r in reasons)
