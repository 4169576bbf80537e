"""How the search box's text is read: words, phrases, exclusions, and what is refused."""

import pytest

from search.query import MAX_QUERY_LENGTH, InvalidQuery, parse_query


def test_plain_words_become_one_unit_each_lowercased():
    assert parse_query("Labour Migration").units == (("labour",), ("migration",))


def test_quoted_phrase_is_one_unit():
    parsed = parse_query('"fair recruitment" Rwanda')
    assert parsed.units == (("fair", "recruitment"), ("rwanda",))
    assert not parsed.degraded


def test_minus_excludes_a_word_or_phrase():
    parsed = parse_query('remittances -bank -"mobile money"')
    assert parsed.units == (("remittances",),)
    assert parsed.excluded == (("bank",), ("mobile", "money"))


def test_engine_syntax_is_reduced_to_words():
    parsed = parse_query("title:secret* AND body:(x OR y)^3 ~2")
    assert all(word.isalnum() for word in parsed.words)
    assert "title" in parsed.words and "secret" in parsed.words


@pytest.mark.parametrize("raw", ['"unbalanced quote', "bracket (open", "close ] first [x"])
def test_unbalanced_quotes_and_brackets_fall_back_to_words_with_a_notice(raw):
    parsed = parse_query(raw)
    assert parsed.degraded
    assert parsed.units and all(len(unit) == 1 for unit in parsed.units)


def test_too_long_and_nul_are_refused():
    with pytest.raises(InvalidQuery):
        parse_query("a" * (MAX_QUERY_LENGTH + 1))
    with pytest.raises(InvalidQuery):
        parse_query("migration\x00")


def test_empty_and_punctuation_only_queries_are_empty():
    assert parse_query("   ").is_empty
    assert parse_query("?!,;").is_empty


def test_or_makes_the_next_word_an_alternative():
    parsed = parse_query("labour OR labor migration")
    assert parsed.units == (("labour",), ("migration",))
    assert parsed.options(("labour",)) == (("labour",), ("labor",))


def test_or_chains_and_takes_phrases():
    parsed = parse_query('refugees OR "asylum seekers" OR idps health')
    assert parsed.units == (("refugees",), ("health",))
    assert parsed.options(("refugees",)) == (("refugees",), ("asylum", "seekers"), ("idps",))


def test_a_dangling_or_is_just_a_word():
    assert parse_query("OR").units == (("or",),)
    assert parse_query("health OR").units == (("health",),)
    assert parse_query("health or care").units == (("health",), ("or",), ("care",))


def test_neighbouring_words_are_paired_across_stop_words_but_not_across_phrases():
    query = parse_query('social security coordination for migrant workers "safe mobility" offices')
    assert query.word_pairs == (
        ("social", "security", 0),
        ("security", "coordination", 0),
        ("coordination", "migrant", 1),
        ("migrant", "workers", 0),
    )
    assert parse_query("remittances").word_pairs == ()
