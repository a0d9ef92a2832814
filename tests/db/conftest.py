"""Fixtures for the database tests."""
import io

import pytest

from cli import main


@pytest.fixture
def db_cli(engine, monkeypatch, capsys):
    """db_cli(*argv, stdin="") -> (exit code, stdout, stderr) of `python -m db ...` on the test database."""
    monkeypatch.setenv("DATABASE_URL", engine.url.render_as_string(hide_password=False))

    def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err

    return run
