"""``python -m khuyencong``: the ``khuyencong`` command (see :mod:`khuyencong._cli`)."""

import sys

from khuyencong._cli import console

if __name__ == "__main__":
    sys.exit(console())
