"""A rebuilt checker answers from the rows as they are now, and pays for reading every name
again only when the rows changed: the must-warn guard reads about 6,000 names before each staff
save, and a worker rebuilds after every change anywhere in the checker's data."""

import pytest
from django.utils import translation

from checker import engine
from checker.models import Ingredient, InteractionGroup

pytestmark = pytest.mark.django_db


def test_an_edit_that_takes_oxycodone_out_of_the_opioids_shows_in_the_next_readings():
    before = engine.build_from_database().readings
    assert before["oxycontin"].warns

    opioids = InteractionGroup.objects.get(about_opioids=True)
    oxycodone = Ingredient.objects.get(name="oxycodone")
    oxycodone.groups.remove(opioids)
    after = engine.build_from_database().readings
    assert not after["oxycontin"].warns
    assert after["oxycontin"].severity != "avoid"
    assert after["norco"].warns  # hydrocodone is still an opioid

    oxycodone.groups.add(opioids)
    assert engine.build_from_database().readings["oxycontin"].warns


def test_a_changed_warning_text_shows_in_the_next_readings():
    opioids = InteractionGroup.objects.get(about_opioids=True)
    opioids.label = "a strong painkiller (test label)"
    opioids.save()
    reading = engine.build_from_database().readings["oxycontin"]
    assert "a strong painkiller (test label)" in reading.explanation


def test_a_rebuild_from_unchanged_rows_reuses_the_readings_it_has():
    first = engine.build_from_database()
    readings = first.readings
    again = engine.build_from_database()
    assert again is not first
    assert again.readings is readings  # not read again: the same rows give the same answers
    with pytest.raises(TypeError):
        readings["oxycontin"] = None  # shared, so nobody may change them


def test_readings_follow_the_language_they_are_read_in():
    english = engine.build_from_database().readings["oxycontin"].explanation
    with translation.override("es"):
        spanish = engine.build_from_database().readings["oxycontin"].explanation
    assert english.startswith("You typed OxyContin")
    assert spanish.startswith("Usted escribió OxyContin")
