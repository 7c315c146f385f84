"""Tests of summarize.models."""
