"""The example notebook, executed with nbconvert as a user would run it: every display is LaTeX, Markdown
or an image (not a dataclass repr), and every formula the displays write typesets with KaTeX and MathJax.

nbconvert and ipykernel come with the ``[notebook]`` extra, KaTeX/MathJax with ``npm ci --prefix tests/js``;
a missing one skips locally and fails in CI (``CI`` set), as in test_render_slow.py.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import need

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "derive.ipynb"
RICH = {"text/latex", "text/markdown", "image/svg+xml", "image/png"}
DATACLASS_REPR = re.compile(r"\b\w+\((system|steps|definitions|analysis|expr|coefficients|series)=")


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    try:
        import ipykernel  # noqa: F401
        import nbconvert  # noqa: F401
    except ImportError:
        need(False, "nbconvert/ipykernel not installed (pip install -e '.[notebook]')")
    out = tmp_path_factory.mktemp("nb") / "executed.ipynb"
    proc = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                           "--ExecutePreprocessor.timeout=300", str(NOTEBOOK), "--output", str(out)],
                          capture_output=True, text=True, timeout=600, cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def _rich_outputs(cell: dict) -> list[dict]:
    return [o for o in cell.get("outputs", []) if o["output_type"] in ("execute_result", "display_data")]


def test_every_display_is_latex_markdown_or_an_image(executed: dict) -> None:
    code_cells = [c for c in executed["cells"] if c["cell_type"] == "code"]
    assert len(code_cells) >= 10
    for cell in code_cells:
        source = "".join(cell["source"])
        assert not [o for o in cell["outputs"] if o["output_type"] == "error"], source
        expected = set(cell["metadata"]["derive"]["expect"])
        outputs = _rich_outputs(cell)
        assert outputs, f"no display from: {source}"
        shown = set().union(*(o["data"].keys() for o in outputs))
        assert expected <= shown, f"{source}: expected {sorted(expected)}, got {sorted(shown)}"
        if expected != {"text/plain"}:
            assert shown & RICH, source
        for o in outputs:
            plain = "".join(o["data"].get("text/plain", ""))
            assert not DATACLASS_REPR.search(plain), f"{source}: {plain[:200]}"
            assert len(plain) < 500 or "text/plain" in expected, f"{source}: a repr of {len(plain)} characters"


def test_the_figure_is_the_svg_of_the_notes(executed: dict) -> None:
    from derive.figures import decay_data, svg

    svgs = ["".join(o["data"]["image/svg+xml"]) for c in executed["cells"] if c["cell_type"] == "code"
            for o in _rich_outputs(c) if "image/svg+xml" in o["data"]]
    assert svgs and svgs[0].strip() == svg(decay_data()).strip()


def test_the_formulas_of_every_display_typeset(executed: dict) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from test_render_slow import math_blocks, typeset

    blocks: list[dict[str, object]] = []
    for n, cell in enumerate(executed["cells"]):
        for o in _rich_outputs(cell):
            for mime in ("text/markdown", "text/latex"):
                if mime not in o["data"]:
                    continue
                text = "".join(o["data"][mime])
                for i, (tex, display) in enumerate(math_blocks(text)):
                    blocks.append({"id": f"cell {n} {mime} #{i}", "tex": tex, "display": display})
    assert len(blocks) > 30
    result = typeset(blocks)
    by_id = {b["id"]: b["tex"] for b in blocks}
    errors = [f"{e['id']} [{e['engine']}] {e['message']}\n    {by_id[e['id']]}" for e in result["errors"]]  # type: ignore[index, union-attr]
    assert not errors, "\n".join(errors)
