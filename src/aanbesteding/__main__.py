"""``python -m aanbesteding`` and the console script."""

from __future__ import annotations

import sys

from aanbesteding.cli.main import main


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
