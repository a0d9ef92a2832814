"""The page registry matches the files Streamlit will serve."""
import ast
from pathlib import Path

from ui.registry import PAGES

ROOT = Path(__file__).resolve().parents[2]


def test_registry_lists_exactly_the_page_files():
    served = {"dashboard.py", *(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))}
    assert {page.script for page in PAGES} == served


def test_every_page_calls_the_frame_first():
    for page in PAGES:
        tree = ast.parse((ROOT / page.script).read_text(encoding="utf-8"))
        code = [node for node in tree.body if not isinstance(node, (ast.Import, ast.ImportFrom))
                and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))]
        first = f"t = public_frame('{page.key}')" if page.public else f"ctx = frame('{page.key}')"
        assert ast.unparse(code[0]) == first, page.script
