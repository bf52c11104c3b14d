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


def test_a_store_that_cannot_be_made_is_said_in_words(tmp_path, capsys):
    """A file where the store's folder should be said "internal error … This is a bug"."""
    where = tmp_path / "a file"
    where.write_text("not a folder")
    code = main(["serve", "--store", str(where)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"blueprint: error: cannot use {where} as the store of rooms: ")
    assert "bug" not in err and "Traceback" not in err
    assert where.read_text() == "not a folder"


def test_a_port_out_of_range_is_said_in_words(tmp_path, capsys):
    code = main(["serve", "--store", str(tmp_path), "--port", "99999"])
    err = capsys.readouterr().err
    assert code == 2
    assert "'99999' is not a port: give a number from 0 to 65535" in err
    assert "bug" not in err and not (tmp_path / "token").exists()
