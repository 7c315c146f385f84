"""Tests of summarize.summarizers."""
