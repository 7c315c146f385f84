"""``python -m summarize.cli``: the same as the ``summarize`` command."""

from summarize.cli import main

raise SystemExit(main())
