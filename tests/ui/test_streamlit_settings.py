"""Server settings that the security design relies on, and no raw HTML built from data."""
import ast
import tomllib
from pathlib import Path

from tests.sources import product_sources

ROOT = Path(__file__).resolve().parents[2]


def test_server_settings():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableXsrfProtection"] is True
    assert 0 < config["server"]["maxUploadSize"] <= 50
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showSidebarNavigation"] is False
    assert config["client"]["disableDataExport"] is True  # exports are offered per role instead


def test_secrets_file_is_ignored_by_git():
    assert ".streamlit/secrets.toml" in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_raw_html_is_only_ever_a_fixed_string():
    """unsafe_allow_html=True is allowed only with a literal string, never text built from data."""
    offenders = []
    for path in product_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            unsafe = any(k.arg == "unsafe_allow_html" and not (isinstance(k.value, ast.Constant)
                                                               and k.value.value is False) for k in node.keywords)
            literal = node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
            if unsafe and not literal:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
