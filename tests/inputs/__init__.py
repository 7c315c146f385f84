"""Tests of summarize.inputs."""
