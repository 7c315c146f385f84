"""The test suite: one folder per package of summarize/, cross-cutting tests at the top."""
