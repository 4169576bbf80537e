"""The library teaches the suggestions: a model learned from tagged resources, retrained by a task."""

import random

from django.core.files.base import ContentFile

import pytest

from library.models import GcmObjective, HubDocument, ResourceAttachment, ResourcePage
from suggestions.learning import MIN_RESOURCES, train
from suggestions.models import LibraryModel
from suggestions.ranking import BASIS_TEXT_AND_LIBRARY, rank_pages

# Made-up subjects that the objective text alone cannot place: "kanzu" and "imigongo" mean
# nothing to the GCM text, so only the library's tags can teach them.
SUBJECTS = {
    19: "imigongo cooperative exhibition artisans kanzu diaspora weekend",
    20: "agaciro mobile wallet corridor fees transfer kiosk",
}


def _texts(n: int, seed: int = 1) -> tuple[list[str], list[set[int]]]:
    rng = random.Random(seed)
    texts, labels = [], []
    for i in range(n):
        number = 19 if i % 2 else 20
        words = SUBJECTS[number].split() * 5
        rng.shuffle(words)
        texts.append(" ".join(words) + " report annex figures")
        labels.append({number})
    return texts, labels


def test_a_model_is_learned_only_from_enough_tagged_resources():
    texts, labels = _texts(MIN_RESOURCES - 1)
    assert train(texts, labels, list(range(1, 24))) is None
    texts, labels = _texts(MIN_RESOURCES + 4)
    learned = train(texts, labels, list(range(1, 24)))
    assert set(learned.models) == {19, 20}
    probabilities = learned.probabilities("kiosk fees agaciro wallet " * 30)
    assert probabilities[19] > 0.5  # objective 20 is row 19
    assert probabilities[0] != probabilities[0]  # NaN: objective 1 not learned


def test_the_learned_model_steers_the_ranking():
    texts, labels = _texts(MIN_RESOURCES + 4)
    learned = train(texts, labels, list(range(1, 24)))
    page = [(1, "agaciro mobile wallet kiosk fees corridor " * 20)]
    ranking = rank_pages(page, "en", learned=learned)
    assert ranking.basis == BASIS_TEXT_AND_LIBRARY
    assert ranking.objectives[0].number == 20


@pytest.mark.django_db
def test_publishing_tagged_resources_retrains_the_model(
    library, django_capture_on_commit_callbacks
):
    texts, labels = _texts(MIN_RESOURCES + 2)
    objectives = {o.number: o for o in GcmObjective.objects.all()}
    for i, (text, tagged) in enumerate(zip(texts, labels, strict=True)):
        document = HubDocument(title=f"d{i}")
        document.file.save(f"d{i}.pdf", ContentFile(b"%PDF-1.4"), save=False)
        document.save()
        document.text_pages.create(number=1, text=text)
        page = ResourcePage(title=f"Resource {i}", slug=f"r{i}", summary="s")
        library.add_child(instance=page)
        ResourceAttachment.objects.create(page=page, document=document)
        page.objectives.set([objectives[n] for n in tagged])
        page.save()
        if i < len(texts) - 1:
            page.save_revision().publish()
    assert not LibraryModel.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()  # the last one: now there are enough
    model = LibraryModel.objects.get()
    assert model.resources == MIN_RESOURCES + 2 and model.objectives == [19, 20]
    from suggestions.reader import current_model

    learned = current_model()
    ranking = rank_pages([(1, "imigongo kanzu artisans exhibition " * 20)], "en", learned=learned)
    assert ranking.objectives[0].number == 19
