"""``python -m summarize.cli``: the same as the ``summarize`` command."""

from summarize.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
