"""The GCM taxonomy arrives with the database: 23 objectives, 10 guiding principles."""

import pytest

from library.models import GcmObjective, GuidingPrinciple

pytestmark = pytest.mark.django_db


def test_the_23_objectives_are_loaded_in_order():
    objectives = list(GcmObjective.objects.all())
    assert [o.number for o in objectives] == list(range(1, 24))
    assert objectives[19].title.startswith(
        "Promote faster, safer and cheaper transfer of remittances"
    )


def test_the_10_guiding_principles_are_loaded():
    titles = list(GuidingPrinciple.objects.values_list("title", flat=True))
    assert len(titles) == 10
    assert titles[0] == "People-centred" and titles[-1] == "Whole-of-society approach"
