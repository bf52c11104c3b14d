"""``blueprint serve`` says what is wrong in words, without a traceback."""

from __future__ import annotations

import socket

from blueprint.cli import main


def test_an_unreadable_token_file_is_said_in_words(tmp_path, capsys):
    code = main(["serve", "--store", str(tmp_path), "--token-file", str(tmp_path / "missing")])
    err = capsys.readouterr().err
    assert code == 2
    assert "token file" in err and "does not exist" in err
    assert "Traceback" not in err


def test_a_port_in_use_is_said_in_words(tmp_path, capsys):
    token = tmp_path / "token"
    token.write_text("a-long-enough-token\n")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(
            ["serve", "--store", str(tmp_path), "--token-file", str(token), "--port", str(port)]
        )
    err = capsys.readouterr().err
    assert code == 1
    assert f"port {port}" in err and "in use" in err
    assert "a-long-enough-token" not in err
