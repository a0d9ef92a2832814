"""The page registry matches the files Streamlit will serve."""
from pathlib import Path

from ui.registry import PAGES

ROOT = Path(__file__).resolve().parents[2]


def test_registry_lists_exactly_the_page_files():
    served = {"dashboard.py", *(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))}
    assert {page.script for page in PAGES} == served


def test_every_page_calls_the_frame_first():
    for page in PAGES:
        source = (ROOT / page.script).read_text(encoding="utf-8")
        code = [line for line in source.splitlines()
                if line.strip() and not line.startswith(("import ", "from ", "#", '"""'))]
        assert code[0].startswith(f'ctx = frame("{page.key}")'), page.script
