"""Words and their comparison keys."""

from viewer.core.tokens import KeyOptions, tokenize

DEFAULT = KeyOptions()


def words(text: str, options: KeyOptions = DEFAULT) -> list[str]:
    tokens = tokenize(text, options)
    return [text[s:e] for s, e in zip(tokens.starts, tokens.ends, strict=True)]


def test_words_keep_joined_figures_names_and_apostrophes() -> None:
    text = "Russia’s “troops” — 14,000 U.S. de-escalate, café 😀"
    assert words(text) == ["Russia’s", "troops", "14,000", "U.S", "de-escalate", "café"]


def test_default_keys_ignore_case_quotes_and_dashes() -> None:
    curly = tokenize("Russia’s “Troops” — 14,000")
    straight = tokenize('russia\'s "troops" - 14000')
    assert curly.keys == straight.keys == ["russias", "troops", "14000"]


def test_different_figures_have_different_keys() -> None:
    assert tokenize("13,000").keys != tokenize("14,000").keys


def test_matching_punctuation_makes_marks_count() -> None:
    options = KeyOptions(ignore_case=False, ignore_punctuation=False)
    assert words("Yes, “no”.", options) == ["Yes", ",", "“", "no", "”", "."]
    assert tokenize("Russia’s", options).keys != tokenize("russia's", options).keys


def test_combining_marks_compare_equal_to_precomposed() -> None:
    assert tokenize("cafe\u0301").keys == tokenize("café").keys


def test_word_count_leaves_out_punctuation() -> None:
    from viewer.core.tokens import count_words

    assert count_words("Russia’s “troops” — 14,000 U.S. de-escalate.") == 5
