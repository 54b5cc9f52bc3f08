"""The keyboard rule of the score list, for any sequence of scores (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from pgdesk.domain.scores import DimensionScore
from pgdesk.ui import plain
from pgdesk.ui.consultation.score_table import ScoreTable, format_score

NAMES = ["Een", "Twee", "Drie", "Vier", "Vijf", "Zes"]


def keys_for(scores: list[int]) -> list[Qt.Key]:
    """What a person types: 10 is "1 0"; after a 1 that is followed by a 0, press Enter."""
    keys = []
    for i, s in enumerate(scores):
        if s == 10:
            keys += [Qt.Key.Key_1, Qt.Key.Key_0]
        else:
            keys.append(getattr(Qt.Key, f"Key_{s}"))
            if s == 1 and i + 1 < len(scores) and scores[i + 1] == 0:
                keys.append(Qt.Key.Key_Return)
    return keys


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(0, 10), min_size=6, max_size=6))
def test_typed_scores_land_on_their_rows(qtbot, scores):
    table = ScoreTable(NAMES)
    qtbot.addWidget(table)
    got: dict[int, int] = {}
    table.scoreEntered.connect(lambda row, value: got.__setitem__(row, value))
    for key in keys_for(scores):
        QTest.keyClick(table, key)
    assert [got.get(i) for i in range(6)] == scores


def test_space_marks_talk_and_backspace_clears(qtbot):
    table = ScoreTable(NAMES)
    qtbot.addWidget(table)
    table.selectRow(2)
    with qtbot.waitSignal(table.talkToggled) as talk:
        QTest.keyClick(table, Qt.Key.Key_Space)
    assert talk.args == [2]
    with qtbot.waitSignal(table.scoreCleared) as cleared:
        QTest.keyClick(table, Qt.Key.Key_Backspace)
    assert cleared.args == [2]
    with qtbot.waitSignal(table.aspectsRequested) as aspects:
        QTest.keyClick(table, Qt.Key.Key_A)
    assert aspects.args == [2]


def test_score_text_per_source_and_the_talk_column(qtbot):
    """The score list's cells on their own, without a window around them."""
    assert format_score(DimensionScore(None, "none"), "gemiddelde") == "–"
    assert format_score(DimensionScore(7, "manual", 6.5), "gemiddelde") == "7"
    assert format_score(DimensionScore(7.0, "aspects", 7.0), "gemiddelde") == "7,0 (gemiddelde)"
    assert format_score(DimensionScore(6.5, "aspects", 6.5), "gemiddelde") == "6,5 (gemiddelde)"
    table = ScoreTable(NAMES)
    qtbot.addWidget(table)
    assert [table.item(r, 1).text() for r in range(6)] == ["–"] * 6
    table.show_row(3, "8", True, "hier wil ik over praten")
    assert (table.item(3, 1).text(), table.item(3, 2).text()) == ("8", "✓")
    assert table.item(3, 2).toolTip() == plain.tip("hier wil ik over praten")
    table.show_row(3, "8", False, "hier wil ik over praten")
    assert (table.item(3, 2).text(), table.item(3, 2).toolTip()) == ("", "")
