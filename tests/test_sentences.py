"""The one sentence splitter (ICU's sentence rules with each language's abbreviations)."""

import pytest

from factsheets.writers.sentences import sentence_spans, split_sentences

# Three sentences in each language, in its own script and punctuation, each with something a
# splitter that wants a capital letter after a full stop, or knows no abbreviation, gets wrong.
THREE_SENTENCES = {
    "en-GB": ("Ask the school, e.g. the SENCo, for a meeting.", "Mr. Patel will reply in 6 weeks!", "Is that clear?"),
    "cy": ("Mae'r swyddfa ar agor bob dydd, e.e. dydd Llun.", "Ffoniwch ni am 10.30 y bore.", "Ydy hynny'n glir?"),
    "pl": ("Biuro jest czynne od godz. 10.00 w poniedziałek.", "Zadzwoń do nas, np. pod nr 0800.", "Czy to jasne?"),
    "ar": ("يفتح المكتب في الساعة العاشرة صباحًا.", "اتصل بنا على الرقم المجاني.", "هل هذا واضح؟"),
    "ur": ("دفتر صبح دس بجے کھلتا ہے۔", "ہمیں مفت نمبر پر فون کریں۔", "کیا یہ واضح ہے؟"),
    "zh-Hans": ("办公室上午十点开门。", "请拨打免费电话联系我们。", "清楚了吗？"),
    "so": ("Xafiisku wuxuu furan yahay saacadda 10.", "Nagala soo xiriir lambarka bilaashka ah.", "Ma caddahay?"),
    "ro": ("Biroul este deschis de luni, str. Gării nr. 5.", "Sunați-ne la numărul gratuit.", "Este clar?"),
    "bn": ("অফিস সকাল দশটায় খোলে।", "বিনামূল্যের নম্বরে আমাদের ফোন করুন।", "এটা কি পরিষ্কার?"),
    "uk": ("Офіс відкрито з понеділка, вул. Шевченка, буд. 5.", "Зателефонуйте нам безкоштовно.", "Це зрозуміло?"),
    "pa": ("ਦਫ਼ਤਰ ਸਵੇਰੇ ਦਸ ਵਜੇ ਖੁੱਲ੍ਹਦਾ ਹੈ।", "ਸਾਨੂੰ ਮੁਫ਼ਤ ਨੰਬਰ 'ਤੇ ਫ਼ੋਨ ਕਰੋ।", "ਕੀ ਇਹ ਸਪਸ਼ਟ ਹੈ?"),
    "pt": ("O escritório abre às 10h, Av. da Liberdade.", "Ligue-nos para o número gratuito, Sr. Silva.", "Está claro?"),
    "lt": ("Susitikimas vyks 2025 m. kovo 15 d. Vilniuje.", "Skambinkite mums, pvz. nemokamu numeriu.", "Ar aišku?"),
}


@pytest.mark.parametrize("tag", sorted(THREE_SENTENCES))
def test_each_languages_three_sentence_paragraph_splits_into_three(tag):
    sentences = THREE_SENTENCES[tag]
    joiner = "" if tag == "zh-Hans" else " "  # Chinese is written without a space after 。
    assert split_sentences(joiner.join(sentences), tag) == list(sentences)


def test_an_abbreviation_before_a_capital_letter_does_not_end_a_sentence():
    # "15 d." (Lithuanian: the 15th) and "godz." (Polish: at ... o'clock) before a capital.
    assert split_sentences("Kovo 15 d. Vilniuje vyks susitikimas. Ateikite.", "lt") == ["Kovo 15 d. Vilniuje vyks susitikimas.", "Ateikite."]
    assert split_sentences("Do godz. Dwunastej. Dalej.", "pl") == ["Do godz. Dwunastej.", "Dalej."]
    # The same words in English: "d." is no abbreviation there.
    assert split_sentences("Grade D. Then more.", "en-GB") == ["Grade D.", "Then more."]


def test_text_of_no_known_language_uses_only_abbreviations_longer_than_a_letter():
    # The audio's utterances are split without their language (the timings know only the words).
    assert split_sentences("Do godz. Dwunastej. Grade D. Then.") == ["Do godz. Dwunastej.", "Grade D.", "Then."]


def test_an_items_number_and_a_lower_case_word_after_a_full_stop_do_not_end_a_sentence():
    assert split_sentences("1. Ask. The school replies, e.g. by post.", "en-GB") == ["1. Ask.", "The school replies, e.g. by post."]


def test_spans_count_characters_outside_the_basic_plane_once():
    text = "Ring us 📞. Then 𠀀 write."
    assert [text[a:b] for a, b in sentence_spans(text, "en-GB")] == ["Ring us 📞.", "Then 𠀀 write."]


def test_an_abbreviation_that_mostly_ends_a_sentence_is_not_on_the_list():
    # Polish "r." (the year) and Lithuanian "m.": followed by a capital, a new sentence.
    assert split_sentences("Zmiana weszła w 2024 r. Następnie zadzwoń.", "pl") == ["Zmiana weszła w 2024 r.", "Następnie zadzwoń."]
    assert split_sentences("Tai įvyko 2024 m. Dabar skambinkite.", "lt") == ["Tai įvyko 2024 m.", "Dabar skambinkite."]


@pytest.mark.parametrize("text, sentences", [
    ("Call 0300 123 4567 ext. 234. Then wait.", ["Call 0300 123 4567 ext. 234.", "Then wait."]),
    ("Call 01225 394382 Ext. 12 today.", ["Call 01225 394382 Ext. 12 today."]),
    ("Our office is at Nos. 1-3 Guildhall. It closes.", ["Our office is at Nos. 1-3 Guildhall.", "It closes."]),
])
def test_a_phone_extension_and_house_numbers_do_not_end_a_sentence(text, sentences):
    # The audio says "extension 2 3 4" in one sentence: the page's sentences must match it.
    assert split_sentences(text, "en-GB") == sentences
