"""``python -m summarize.cli``: the ``summarize`` command."""

import sys

from summarize.cli import main

sys.exit(main())
