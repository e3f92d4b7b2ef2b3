"""The ``khuyencong`` command from the Python package.

The console script ``khuyencong`` (installed with the package) and ``python -m khuyencong``
run the command's own code, compiled into the package's native module: the same arguments
give the same output, byte for byte, and the same exit status as the ``khuyencong`` binary
built with Cargo. See ``khuyencong --help`` (``--lang en`` for English).
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Sequence

from khuyencong._khuyencong import _cli_main

__all__ = ["console", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``) and return its exit status.

    The command writes to the process's standard output and error directly (not through
    ``sys.stdout``), as the binary does.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    return _cli_main(["khuyencong", *args])


def console() -> int:
    """The console script: Ctrl-C and a closed pipe end it as they end the binary."""
    if threading.current_thread() is threading.main_thread():
        # The command runs with the interpreter released: Python's handler would only set
        # a flag it never reads. With the default action, Ctrl-C stops the process at once
        # (status 130 in a shell), as it stops the binary.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    return main()
