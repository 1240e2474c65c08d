"""The errors a user can fix, and what the command line exits with on each.

Every error that ``claimbench`` reports in one line, without a traceback, is a
:class:`ClaimbenchError`; its ``exit_code`` is the command's exit status (2 by
default: a bad input, option or release; 1 where the work ran and its result
failed, as a build whose table fails validation). Any other exception is a bug
in claimbench and keeps its traceback.

The classes keep the built-in class they were before as a second base
(``InputError`` is still a ``ValueError``, ``ReleaseExistsError`` a
``FileExistsError``), so code that catches those goes on working.

>>> err = UsageError("--date must be an ISO date YYYY-MM-DD from 1970 on, got '2025-13-01'")
>>> isinstance(err, ClaimbenchError), isinstance(err, ValueError), err.exit_code
(True, True, 2)
"""
from __future__ import annotations


class ClaimbenchError(Exception):
    """An error the user can fix; the command line prints its message and exits with ``exit_code``."""

    exit_code = 2
    label = ""  # put before the message by the command line ("bad input: ")


class UsageError(ClaimbenchError, ValueError):
    """An argument or option value that cannot be used (the message names the option and the value)."""


class RefusedWrite(ClaimbenchError, ValueError):
    """A write claimbench refuses to make: through a link, into a release, over an input."""
