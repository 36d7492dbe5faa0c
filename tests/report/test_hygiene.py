"""The report package renders without Textual, so batch workers and scripts stay light."""

from __future__ import annotations

import subprocess
import sys


def test_report_package_imports_no_textual() -> None:
    code = (
        "import sys, storydiff.report, storydiff.report.batch, storydiff.report.gate; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert output.strip() == "[]"
