"""JSON in and out: hostile files read without a traceback, written without raw controls.

``json.loads`` raises ``RecursionError`` on nesting a few thousand deep and a bare
``ValueError`` on an integer longer than Python converts (4,300 digits by default), and it
reads ``NaN``, ``Infinity`` and ``1e999`` as floats no storydiff field can hold. Articles
and alignment files are parsed here so that each of these is one line naming the problem.

Written JSON keeps non-ASCII text readable (``ensure_ascii=False``), but ``json.dumps`` only
escapes the C0 controls: DEL, the C1 controls (U+009B is a terminal's CSI) and bidi
overrides would reach a terminal raw when the JSON is printed, so they are escaped too.
"""

from __future__ import annotations

import json
import math
import re
import sys
from typing import Any

__all__ = ["JSONRefused", "dump_json", "json_problem", "load_json"]


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


_RAW_CONTROLS = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def dump_json(value: Any, *, indent: int | None = None, levels: int | None = None) -> str:
    """``json.dumps`` with non-ASCII kept and every control character escaped.

    ``levels`` lays out only the outer levels of nesting on lines of their own (each
    value below them is one line): a big file stays readable line by line, and the C
    encoder writes it, where ``indent`` alone runs Python's encoder (about four times
    slower) over every value.

    >>> dump_json({"title": "red\\x9b31m é"})
    '{"title": "red\\\\u009b31m é"}'
    >>> print(dump_json({"claims": [{"id": "c1", "members": [1, 2]}]}, indent=1, levels=2))
    {
     "claims": [
      {"id": "c1", "members": [1, 2]}
     ]
    }
    """
    if indent is not None and levels is not None:
        parts: list[str] = []
        _lay_out(value, indent, levels, 0, parts)
        text = "".join(parts)
    else:
        text = json.dumps(value, ensure_ascii=False, indent=indent)
    # These characters can only stand inside a JSON string, where an escape means the same.
    return _RAW_CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


_ONE_LINE = json.JSONEncoder(ensure_ascii=False)
"""One encoder for the many values of a laid-out file: ``json.dumps`` with an option
builds a new one per call."""


def _lay_out(value: Any, indent: int, levels: int, depth: int, out: list[str]) -> None:
    """Append ``value`` as JSON to ``out``, its containers above ``levels`` deep spread
    one item a line."""
    if depth >= levels or not isinstance(value, dict | list) or not value:
        out.append(_ONE_LINE.encode(value))
        return
    inner = ",\n" + " " * (indent * (depth + 1))
    if isinstance(value, dict):
        out.append("{")
        for n, (key, item) in enumerate(value.items()):
            if not isinstance(key, str):  # json.dumps would write 1 and True as "1", "true"
                raise TypeError(f"keys must be str, not {type(key).__name__}")
            out.append(inner[n == 0 :])
            out.append(_ONE_LINE.encode(key) + ": ")
            _lay_out(item, indent, levels, depth + 1, out)
        out.append("\n" + " " * (indent * depth) + "}")
    else:
        out.append("[")
        for n, item in enumerate(value):
            out.append(inner[n == 0 :])
            _lay_out(item, indent, levels, depth + 1, out)
        out.append("\n" + " " * (indent * depth) + "]")


def json_problem(exc: json.JSONDecodeError) -> str:
    """The decoder's message, ready for " at line N": its "… starting at" loses the "at"."""
    return exc.msg.removesuffix(" at")
