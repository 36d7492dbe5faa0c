"""JSON from files a user hands us, with the standard parser's crashes turned into a message.

``json.loads`` raises ``RecursionError`` on nesting a few thousand deep and a bare
``ValueError`` on an integer longer than Python converts (4,300 digits by default), and it
reads ``NaN``, ``Infinity`` and ``1e999`` as floats no storydiff field can hold. Articles
and alignment files are parsed here so that each of these is one line naming the problem.
"""

from __future__ import annotations

import json
import math
import sys
from typing import Any

__all__ = ["JSONRefused", "load_json"]


class JSONRefused(ValueError):
    """Well-formed JSON that storydiff will not read; ``str()`` is the problem, no file name."""


def load_json(text: str, *, finite: bool = False) -> Any:
    """``json.loads(text)``, refusing what would otherwise end in a traceback.

    Args:
        text: the whole document (or one JSON line).
        finite: also refuse ``NaN``, ``Infinity`` and numbers beyond a float's range,
            which the alignment file never holds and its readers cannot compare or show.

    Raises:
        json.JSONDecodeError: not JSON.
        JSONRefused: nested too deep for the parser, an integer too long to convert,
            or (with ``finite``) a number that is not finite.
    """
    try:
        if finite:
            return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
        return json.loads(text)
    except RecursionError:
        raise JSONRefused("nested too deeply") from None
    except (json.JSONDecodeError, JSONRefused):
        raise
    except ValueError:
        # int() refuses more digits than sys.get_int_max_str_digits() allows.
        limit = sys.get_int_max_str_digits()
        raise JSONRefused(f"a number more than {limit:,} digits long") from None


def _refuse_constant(name: str) -> float:
    raise JSONRefused(f"{name} is not a number storydiff reads")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JSONRefused(f"the number {_clip(text)} is too large")
    return value


def _clip(text: str) -> str:
    return text if len(text) <= 24 else f"{text[:20]}…"
