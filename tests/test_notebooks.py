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

from tests._demo_story import missing_features

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


#: Run before the notebook's own cells (then removed): records the axes labels of every
#: figure the notebook shows, whatever way it is drawn (inline backend or a returned Figure).
SPY = """\
from matplotlib.backend_bases import FigureCanvasBase as _Canvas
_SHOWN = []
_print_figure = _Canvas.print_figure
def _spy(self, *args, **kwargs):
    _SHOWN.append([(ax.get_xlabel(), ax.get_ylabel()) for ax in self.figure.axes
                   if ax.get_label() != "<colorbar>"])
    return _print_figure(self, *args, **kwargs)
_Canvas.print_figure = _spy"""
REPORT = "import json as _json\nprint('FIGURES ' + _json.dumps(_SHOWN))"


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_top_to_bottom(name, kernel_name, bundled_articles):
    from nbclient import NotebookClient
    from nbformat.v4 import new_code_cell

    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    notebook.cells.insert(0, new_code_cell(SPY))
    notebook.cells.append(new_code_cell(REPORT))
    client = NotebookClient(
        notebook,
        kernel_name=kernel_name,
        timeout=600,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    report = notebook.cells.pop()["outputs"][0]["text"]
    notebook.cells.pop(0)
    figures = json.loads(report.split("FIGURES ", 1)[1])

    # No stderr at all: no warnings, no progress bars, no log lines.
    stderr = [
        output.get("text", "")
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "stream" and output.get("name") == "stderr"
    ]
    assert not stderr, f"{name} wrote to stderr: {stderr}"
    # At least one figure shown as an image; every figure drawn (shown, or inlined into an
    # HTML display) has its axes labelled on both sides.
    images = _outputs(notebook, "image/png")
    assert images and figures, f"{name}: {len(images)} images, {len(figures)} figures drawn"
    for axes in figures:
        assert axes, f"{name}: a figure without axes"
        for xlabel, ylabel in axes:
            assert xlabel.strip() and ylabel.strip(), f"{name}: unlabelled axes {axes}"

    html = "\n".join(_outputs(notebook, "text/html"))
    text = "\n".join(_outputs(notebook, "text/plain"))
    first = notebook.cells[0].source
    assert "**What you should see:**" in first, f"{name} does not say what to look for"
    sources = [article.source for article in bundled_articles]
    if name.startswith("01"):
        assert len(images) >= 3  # overlap heatmap, per-outlet bars, claims grid
        assert "August 2016" in first and "phone call" in first
        assert 'class="sz-aligned sz-claims"' in html
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
        # "What each chose": one row per digest sentence, "<n> of <total>" and who else
        # reports it (named outlets, or a phrase saying no other outlet does).
        assert "also reported by" in html
        chosen = re.findall(r"<td>(\d+) of (\d+)</td>\s*<td>([^<]*)</td>", html)
        assert len(chosen) >= len(sources), "no digest sentence listed for some outlet"
        nobody = {"only this outlet", "no other outlet (one possibly says it in other words)"}
        for position, total, others in chosen:
            assert 1 <= int(position) <= int(total)
            assert others in nobody or set(others.split(", ")) <= set(sources), others
    else:  # the invented demo story: every feature, in the briefing's display and the prints
        assert 'id="sz-digest"' in html or "Merged briefing" in html
        assert "[1]" in text and "Markdown" in text
        assert "invented" in first.lower() and "demo-ferry" in first
        assert missing_features(html) == []
        assert "Coastal Press Agency: 97% shared with Harbour Gazette" in text
        assert "update: At least 23 people → 27, later report" in text
        assert '"15 people" (Skerra Island Radio)' in text
        assert "[3] Brenhaven Evening Post: A vigil will be held at the harbour" in text
        assert "[4] Twenty-three people died" in text
