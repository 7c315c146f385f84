"""Tests of summarize.render."""
