"""One HIS number, one patient, also through a home-visit transfer (issue 19): a transfer writes
its rows directly, past the store's refusal of a taken number, so it must refuse the whole file
itself, naming the number and both patients. Fictitious people only."""

from __future__ import annotations

import pytest

from pgdesk.storage import transfer as tf
from pgdesk.storage.transfer.numbers import NumberTaken
from tests.storage.test_transfer import (
    ANNA,
    BERT,
    CEES,
    TPW,
    Sites,
    all_rows,
    bring_back,
    make_sites,
    read_in,
    take_along,
)


@pytest.fixture
def sites(tmp_path) -> Sites:
    return make_sites(tmp_path / "sites")


def numbers(store) -> list[tuple[str, str]]:
    return sorted(store.db.execute("SELECT practice_number, display_name FROM patients").fetchall())


def test_a_new_patient_whose_number_is_taken_here_refuses_the_whole_file(sites):
    take = take_along(sites)                       # Anna P-0101 and Bert P-0102
    with sites.open_laptop() as lap:
        lap.add_patient("Eigen Laptoppatiënt", "1990", "P-0101")
        before = all_rows(lap)
        plan = tf.preview_transfer(lap, take, TPW)
        with pytest.raises(NumberTaken) as refused:
            tf.apply_transfer(lap, plan)
        assert all_rows(lap) == before             # not even Bert, whose number is free
    message = str(refused.value)
    for part in ("P-0101", ANNA, "Eigen Laptoppatiënt", "niets ingelezen"):
        assert part in message


def test_a_number_changed_on_the_laptop_into_one_taken_at_the_practice_is_refused(sites):
    read_in(sites, take_along(sites))
    with sites.open_laptop() as lap:               # Cees stayed at the practice with P-0103
        lap.update_patient(sites.bert, BERT, "1955-06-01", "P-0103")
        lap.set_wheel_answer(sites.c2, "nu", "Thuis gaat het beter.")
    back = bring_back(sites)
    with sites.open_practice() as p:
        before = all_rows(p)
        plan = tf.preview_transfer(p, back, TPW)
        with pytest.raises(NumberTaken, match=f"{BERT} in het bestand heeft HIS-nummer P-0103, "
                                              f"maar dat nummer hoort hier al bij {CEES}"):
            tf.apply_transfer(p, plan)
        assert all_rows(p) == before
        # once the practice gives Cees another number, the same file is read in whole
        p.update_patient(sites.cees, CEES, "1970", "P-0203")
        tf.apply_transfer(p, tf.preview_transfer(p, back, TPW))
        assert ("P-0103", BERT) in numbers(p)
        assert "Thuis gaat het beter." in p.consultation(sites.c2).wheel_answers.values()
        assert len({n for n, _ in numbers(p)}) == len(numbers(p))


def test_two_patients_of_one_file_with_one_number_are_refused(sites):
    take = take_along(sites)
    with sites.open_practice() as p:               # the file is sealed; a second one to compare
        p.db.execute("UPDATE patients SET practice_number = 'P-0101' WHERE id = ?", [sites.bert])
    twice = take_along(sites, name="twee.pgtransfer")
    with sites.open_laptop() as lap:
        before = all_rows(lap)
        with pytest.raises(NumberTaken, match=f"P-0101.*{ANNA}"):
            tf.apply_transfer(lap, tf.preview_transfer(lap, twice, TPW))
        assert all_rows(lap) == before
        tf.apply_transfer(lap, tf.preview_transfer(lap, take, TPW))   # the earlier file still reads
