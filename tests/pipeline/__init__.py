"""Tests of summarize.pipeline."""
