"""Tests of summarize.comparison."""
