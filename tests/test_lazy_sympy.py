"""Cold start: SymPy's tensor module deferred (sums build without it, tensors still work after), and a plain
lecture loads neither the matrix reader nor a worker pool."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

PROGRAM = textwrap.dedent("""
    import sys
    import sympy
    from derive.lazy_sympy import defer_tensor_module

    defer_tensor_module()
    x, y, z = sympy.symbols("x y z")
    total = x + y + z * x + 1
    assert str(total) == "x*z + x + y + 1", total
    print("combinatorics loaded by a sum:", "sympy.combinatorics" in sys.modules)

    import sympy.tensor.tensor as tt
    from sympy.tensor.tensor import TensorHead, TensorIndexType, tensor_indices

    L = TensorIndexType("L")
    i = tensor_indices("i", L)
    A, B = TensorHead("A", [L]), TensorHead("B", [L])
    both = A(i) + B(i) + A(i)
    print("tensor sum:", both, type(both).__name__)
    print("real module in place:", type(sys.modules["sympy.tensor.tensor"]).__name__, type(sympy.tensor.tensor).__name__)
    print("scalars after:", x + y + z)
""")


def test_sums_do_not_load_the_tensor_module_and_tensors_still_work() -> None:
    out = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, check=True).stdout
    assert "combinatorics loaded by a sum: False" in out
    assert "tensor sum: 2*A(i) + B(i) TensAdd" in out
    assert "real module in place: module module" in out
    assert "scalars after: x + y + z" in out


def test_nothing_changes_when_the_real_module_is_loaded() -> None:
    program = ("import sys, sympy.tensor.tensor as real\nfrom derive.lazy_sympy import defer_tensor_module\n"
               "defer_tensor_module()\nprint(sys.modules['sympy.tensor.tensor'] is real)")
    out = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"


def test_checking_a_lecture_without_matrices_loads_no_matrix_reader_and_no_tensors() -> None:
    """What a cold check of a plain lecture must not pay for (the benchmark's 1.5× target)."""
    program = textwrap.dedent("""
        import sys
        from derive.check.run import check_file
        report = check_file("tests/notes/adam_l2.ru.md")
        assert report.links, "the lecture was checked"
        print(sorted(m for m in ("derive.check.matrices", "derive.check.matrix_argmin", "sympy.combinatorics",
                                 "multiprocessing") if m in sys.modules))
    """)
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True, cwd=root).stdout
    assert out.strip() == "[]"
