"""The analysis core runs without a terminal: importing it loads no UI library."""

import subprocess
import sys


def test_core_imports_no_ui() -> None:
    code = (
        "import sys, storydiff.coverage.pipeline, storydiff.coverage.store;"
        "print(sorted(m for m in ('textual', 'typer', 'rich') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
