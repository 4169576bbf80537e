"""Near-duplicates by MinHash: a modified copy is found, an unrelated text is not."""

import random

from suggestions import likeness

WORDS = (
    "migration labour corridor remittance border district province survey household youth "
    "return reintegration employer contract visa permit health school training market wage "
    "cooperative transport farmer trader women children community office report figure table"
).split()


def _text(seed: int, pages: int = 6, words: int = 400) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(words)) for _ in range(pages)]


def test_same_text_and_modified_copies_are_found():
    original = _text(1)
    base = likeness.fingerprint("\n".join(original))
    for variant in (
        original,  # re-saved: same text
        original[1:],  # one page removed (the cover)
        [original[0], original[2], original[1], *original[3:]],  # pages reordered
        ["A new cover page. Second edition, 2026."] + original[1:],
    ):
        found = likeness.judge(
            likeness.fingerprint("\n".join(variant)), 7, base, same_language=True
        )
        assert found is not None and found.kind == "same_text"
        assert found.percent >= 80


def test_a_new_edition_is_told_apart_from_the_same_text():
    original = _text(2)
    edition = original[:3] + _text(3, pages=3)
    found = likeness.judge(
        likeness.fingerprint("\n".join(edition)),
        7,
        likeness.fingerprint("\n".join(original)),
        same_language=True,
    )
    assert found is not None and found.kind == "new_edition"


def test_an_unrelated_text_is_not_found():
    a = likeness.fingerprint("\n".join(_text(4)))
    b = likeness.fingerprint("\n".join(_text(5)))
    assert likeness.judge(a, 7, b, same_language=True) is None
    assert not set(a.text_keys()) & set(b.text_keys())


FRENCH = (
    "migration travail couloir transfert frontière district province enquête ménage jeunesse "
    "retour réintégration employeur contrat visa permis santé école formation marché salaire"
).split()


def test_a_translation_shares_figures_not_words():
    figures = "2019 12,400 3,215 2020 45 1,020 87 2,344 9,871 16 300"
    rng = random.Random(8)
    english = " ".join(rng.choice(WORDS) for _ in range(800)) + " " + figures
    french = (
        " ".join(rng.choice(FRENCH) for _ in range(800))
        + " "
        + figures.replace("12,400", "12 400").replace("9,871", "9.871")
    )
    found = likeness.judge(
        likeness.fingerprint(french), 7, likeness.fingerprint(english), same_language=False
    )
    assert found is not None and found.kind == "translation"
    # The same figures in the same language are no translation.
    assert (
        likeness.judge(
            likeness.fingerprint(french), 7, likeness.fingerprint(english), same_language=True
        )
        is None
    )


def test_too_short_a_text_has_no_signature():
    assert likeness.fingerprint("A cover page only").signature is None
    assert likeness.fingerprint("A cover page only").text_keys() == []


def test_signatures_round_trip_through_bytes():
    signature = likeness.fingerprint("\n".join(_text(6))).signature
    assert (likeness.from_bytes(likeness.to_bytes(signature)) == signature).all()
