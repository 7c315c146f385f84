"""The notebooks: committed without outputs, and each runs top to bottom offline.

They run in a Jupyter kernel started from this interpreter (a kernelspec written to a temp
folder and put first on JUPYTER_PATH), so they use the project's environment whatever other
kernels the machine has.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = [
    "01-overlap.ipynb",
    "02-per-source-digests.ipynb",
    "03-merged-briefing.ipynb",
    "04-stories.ipynb",
]
KERNEL = "summarize-test-python"


def test_all_notebooks_are_present():
    assert sorted(path.name for path in NOTEBOOKS.glob("*.ipynb")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_committed_without_outputs(name):
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{name}: a cell has outputs; strip them before committing"
            assert cell.execution_count is None, f"{name}: a cell has an execution count"


@pytest.fixture(scope="module")
def kernel_name(tmp_path_factory):
    root = tmp_path_factory.mktemp("jupyter")
    spec = root / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "summarize tests",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    patch = pytest.MonkeyPatch()
    patch.setenv("JUPYTER_PATH", str(root))
    patch.setenv("HF_HUB_OFFLINE", "1")
    patch.setenv("TOKENIZERS_PARALLELISM", "false")
    patch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    yield KERNEL
    patch.undo()


def _outputs(notebook, mime: str) -> list[str]:
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if mime in data:
                found.append(data[mime])
            elif mime == "text/plain" and output.get("output_type") == "stream":
                found.append(output.get("text", ""))
    return found


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_top_to_bottom(name, kernel_name, bundled_articles):
    from nbclient import NotebookClient

    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name=kernel_name,
        timeout=600,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    html = "\n".join(_outputs(notebook, "text/html"))
    text = "\n".join(_outputs(notebook, "text/plain"))
    sources = [article.source for article in bundled_articles]
    if name.startswith("01"):
        assert _outputs(notebook, "image/png"), "the heatmap was not drawn"
        assert 'class="sz-aligned"' in html
        assert 'class="sz-column"' in html
    elif name.startswith("04"):
        assert _outputs(notebook, "image/png"), "the coverage plot was not drawn"
        assert "AP, via Daily Ledger and Northern Courier" in text
        assert "4 outlets" in text or "5 outlets" in text
        assert 'id="sz-digest"' in html or "Merged briefing" in html
        stderr = [
            output.get("text", "")
            for cell in notebook.cells
            for output in cell.get("outputs", [])
            if output.get("name") == "stderr"
        ]
        assert stderr == [], f"the stories notebook wrote to stderr: {stderr}"
    elif name.startswith("02"):
        assert html.count('<section class="sz-column"') >= 3
        # "What each chose": one line per digest sentence, "#<position>  [<who else reports it>]".
        chosen = re.findall(r"#\s*\d+\s+\[([^\]]+)\]", text)
        assert len(chosen) >= len(sources), "no digest sentence listed for some outlet"
        for others in chosen:
            assert others == "only this outlet" or set(others.split(", ")) <= set(sources)
    else:
        assert 'id="sz-digest"' in html or "Merged briefing" in html
        assert "[1]" in text and "Markdown" in text
