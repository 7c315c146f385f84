"""Tests of summarize.cli."""
