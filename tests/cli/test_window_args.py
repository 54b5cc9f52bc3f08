"""The window's start reads its own options without building the commands' parsers (tens of
ms before the first paint), and reads them exactly as the whole command line does."""

from __future__ import annotations

import pytest

from pgdesk import cli

WINDOW_STARTS = [[], ["--demo"], ["--db", "praktijk.sqlite", "--lang", "en"], ["--db=check"],
                 ["--db", "check"], ["--server", "postgresql://praktijk/pg"],
                 ["--patient", "12345", "--name", "Anna de Vries", "--birth-date", "1950-02-01"]]


@pytest.mark.parametrize("argv", WINDOW_STARTS)
def test_the_window_start_is_read_as_by_the_whole_command_line(argv):
    assert cli._window_only(argv)
    assert vars(cli._parser(commands=False).parse_args(argv)) == vars(cli._parser().parse_args(argv))


@pytest.mark.parametrize("argv", [["check", "--db", "x"], ["kiosk"], ["--demo", "kiosk"],
                                  ["-h"], ["--help"], ["--he"], ["--da", "x"], ["inti"]])
def test_commands_help_and_the_unknown_get_the_whole_command_line(argv):
    assert not cli._window_only(argv)


def test_help_still_lists_the_commands(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "handout" in capsys.readouterr().out
