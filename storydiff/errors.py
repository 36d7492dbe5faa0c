"""Expected failures the user can fix.

The core raises these; only ``cli.py`` turns them into a one-line message and an
exit code, so the library stays usable from other programs.
"""


class StorydiffError(Exception):
    """An expected failure the user can fix; ``str()`` is the whole message."""


class ArticleError(StorydiffError):
    """An article could not be read: missing, unreadable, empty, binary, undecodable."""


class NoArticlesError(StorydiffError):
    """A path held nothing storydiff can read as an article."""


class AlignmentFormatError(StorydiffError):
    """An alignment file is truncated, hand-broken or of an unsupported schema."""


class OutputError(StorydiffError):
    """An output file could not be written."""
