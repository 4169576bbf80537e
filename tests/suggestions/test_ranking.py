"""Ranking GCM objectives from made-up texts: the right objective first, with its reasons."""

import pytest

from suggestions.ranking import (
    BASIS_TEXT,
    BASIS_TEXT_UNMODELLED,
    keyword_baseline,
    rank_pages,
)

TRAFFICKING = [
    (1, "Annual report of the national task force. " * 3),
    (
        2,
        "The task force identified 40 victims of trafficking in persons in 2024. Traffickers "
        "recruited women for sexual exploitation and forced labour; victims were referred for "
        "protection and assistance, and the prosecution of traffickers doubled.",
    ),
]
SOCIAL_SECURITY = [
    (
        1,
        "Agreement on social security between the two states. Insured persons keep their "
        "old-age pensions and invalidity benefits when they move; insurance periods completed "
        "in either state are aggregated; benefits are paid abroad; frontier workers are covered "
        "by the legislation of the state where they work.",
    )
]
RETENTION = [
    (
        1,
        "Le placement en rétention administrative d'un étranger ne peut être décidé qu'en "
        "dernier ressort; l'assignation à résidence est une alternative à la rétention. Le juge "
        "des libertés contrôle les conditions de rétention dans le centre de rétention.",
    )
]


def test_trafficking_text_suggests_objective_10_with_terms_and_pages():
    ranking = rank_pages(TRAFFICKING, "en")
    assert ranking.status == "ok" and ranking.basis == BASIS_TEXT
    first = ranking.objectives[0]
    assert first.number == 10
    terms = [reason.term for reason in first.reasons]
    assert any("traffick" in term for term in terms)
    assert all(reason.pages == [2] for reason in first.reasons if "traffick" in reason.term)
    assert first.passage_page == 2 and "trafficking" in first.passage.lower()
    assert len(ranking.objectives) == 5 and len(ranking.principles) == 3
    # Scores come down the list.
    scores = [item.score for item in ranking.objectives]
    assert scores == sorted(scores, reverse=True)


def test_social_security_and_french_detention_texts():
    assert rank_pages(SOCIAL_SECURITY, "en").objectives[0].number == 22
    french = rank_pages(RETENTION, "fr")
    assert french.objectives[0].number == 13
    # French text is shown with the French title of the objective.
    assert "rétention" in french.objectives[0].title


def test_too_little_text_gets_no_suggestions_and_says_why():
    ranking = rank_pages([(1, "Cover page")], "en")
    assert ranking.status == "no_text" and not ranking.objectives
    assert "too little text" in ranking.message


def test_a_language_the_hub_does_not_model_is_ranked_by_objective_text_alone():
    pages = [(1, SOCIAL_SECURITY[0][1] + " Amasezerano y'ubwiteganyirize bw'abakozi.")]
    ranking = rank_pages(pages, "rw", learned=_AlwaysObjective1())
    assert ranking.basis == BASIS_TEXT_UNMODELLED
    assert ranking.objectives[0].number == 22  # the learned model was not consulted


def test_round_trip_through_json():
    from suggestions.ranking import Ranking

    ranking = rank_pages(TRAFFICKING, "en")
    again = Ranking.from_dict(ranking.as_dict())
    assert again == ranking


def test_keyword_baseline_ranks_all_23():
    ranked = keyword_baseline(SOCIAL_SECURITY[0][1])
    assert sorted(ranked) == list(range(1, 24))
    assert ranked[0] == 22


class _AlwaysObjective1:
    def probabilities(self, text):
        import numpy as np

        return np.array([1.0] + [0.0] * 22)


def test_the_learned_model_moves_the_ranking_in_a_modelled_language():
    ranking = rank_pages(SOCIAL_SECURITY, "en", learned=_AlwaysObjective1())
    assert ranking.basis == "objective_text_and_library"
    assert ranking.objectives[0].number in (1, 22)
    assert 1 in [item.number for item in ranking.objectives[:2]]


@pytest.mark.parametrize("language", ["", "en"])
def test_unknown_language_is_treated_as_modelled(language):
    assert rank_pages(TRAFFICKING, language).basis == BASIS_TEXT


def test_the_command_path_labels_an_unmodelled_language_and_a_failed_read():
    from library.extraction import Extraction
    from suggestions.files import rank_extraction

    read = Extraction("extracted", [SOCIAL_SECURITY[0][1]], {"language": "rw"}, "pypdfium2", "")
    assert rank_extraction(read).basis == BASIS_TEXT_UNMODELLED
    scanned = Extraction("no_text_layer", [], {}, "pypdfium2", "The file has no text layer.")
    ranking = rank_extraction(scanned)
    assert ranking.status == "no_text" and ranking.message == "The file has no text layer."
