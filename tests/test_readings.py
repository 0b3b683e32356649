"""Each language's reading rules, a table a language: what the voice is given for money, times,
dates, numbers, emails, web addresses and phone numbers.

Each expected text was read and judged against what a speaker of the language says (the
judging is machine-quality outside English and Welsh: the words files are marked for review):
the number words are num2words' (ICU's for Chinese), the month names CLDR's, the rest the
language's file in writers/audio/spoken_words/. Urdu, Punjabi and Somali have no number words
in either library: their voices are given plain digits, which they read as numbers (espeak-ng's
Urdu and Punjabi do), and the build says so (test_audio_languages.py).
"""

import re

import pytest

from factsheets.writers.audio.lexicon import Entry, Lexicon
from factsheets.writers.audio.normalise import Normaliser
from factsheets.writers.audio.spoken_words import HERE, number_source, words_for

READINGS = {
    "en-GB": [
        ("at 10.30", "at 10 30"),
        ("10am–2pm", "10 a.m. to 2 p.m."),
        ("you & me", "you and me"),
        ('£2.50', 'two pounds fifty'),
        ('£1,250', 'one thousand two hundred and fifty pounds'),
        ('45p', 'forty-five pence'),
        ('10:30am', '10 30 a.m.'),
        ('12/03/2025', '12th March 2025'),
        ('info_send@bathnes.gov.uk', 'info underscore send at bathnes dot gov dot u k'),
        ('www.bathnes.gov.uk/send-help', 'w w w dot bathnes dot gov dot u k slash send hyphen help'),
        ('01225 394382', 'oh 1 2 2 5, 3 9 4 3 8 2'),
        ('+44 1225 394382', 'plus 4 4, 1 2 2 5, 3 9 4 3 8 2'),
    ],
    "cy": [
        ('£2.50', 'dwy bunt, hanner cant ceiniog'),
        ('£1,250', 'mil dau gant a hanner o bunnoedd'),
        ('45p', 'pump a deugain ceiniog'),
        ('10.30', 'deg ar hugain munud wedi deg'),
        ('10:30am', 'deg ar hugain munud wedi deg y bore'),
        ('12/03/2025', 'deuddeg Mawrth dwy fil pump ar hugain'),
        ('1,250', 'mil dau gant a hanner'),
        ('15%', 'pymtheg y cant'),
        ('info_send@bathnes.gov.uk', 'info tanlinell send at bathnes dot gov dot u k'),
        ('www.bathnes.gov.uk/send-help', 'w w w dot bathnes dot gov dot u k slaes send cysylltnod help'),
        ('01225 394382', '0 1 2 2 5, 3 9 4 3 8 2'),
        ('+44 1225 394382', 'plws 4 4, 1 2 2 5, 3 9 4 3 8 2'),
    ],
    "pl": [
        ('£2.50', 'dwa funty pięćdziesiąt pensów'),
        ('£1,250', 'tysiąc dwieście pięćdziesiąt funtów'),
        ('45p', 'czterdzieści pięć pensów'),
        ('10.30', 'dziesięć trzydzieści'),
        ('10:30am', 'dziesięć trzydzieści rano'),
        ('12/03/2025', 'dwunasty marca dwa tysiące dwadzieścia pięć'),
        ('1,250', 'tysiąc dwieście pięćdziesiąt'),
        ('15%', 'piętnaście procent'),
        ('info_send@bathnes.gov.uk', 'info podkreślnik send małpa bathnes kropka gov kropka u k'),
        ('www.bathnes.gov.uk/send-help', 'w w w kropka bathnes kropka gov kropka u k ukośnik send myślnik help'),
        ('01225 394382', '0 1 2 2 5, 3 9 4 3 8 2'),
        ('+44 1225 394382', 'plus 4 4, 1 2 2 5, 3 9 4 3 8 2'),
    ],
    "ar": [
        ('£2.50', 'اثنان جنيه إسترليني خمسون بنس'),
        ('£1,250', 'ألف و مئتان و خمسون جنيه إسترليني'),
        ('45p', 'خمسة و أربعون بنس'),
        ('10.30', 'الساعة عشرة وثلاثون دقيقة'),
        ('10:30am', 'الساعة عشرة وثلاثون دقيقة صباحًا'),
        ('12/03/2025', 'اثنا عشر مارس ألفان و خمسة و عشرون'),
        ('1,250', 'ألف و مئتان و خمسون'),
        ('15%', 'خمسة عشر بالمئة'),
        ('info_send@bathnes.gov.uk', 'info شرطة سفلية send آت bathnes نقطة gov نقطة u k'),
        ('www.bathnes.gov.uk/send-help', 'w w w نقطة bathnes نقطة gov نقطة u k شرطة مائلة send شرطة help'),
        ('01225 394382', '0 1 2 2 5, 3 9 4 3 8 2'),
        ('+44 1225 394382', 'زائد 4 4, 1 2 2 5, 3 9 4 3 8 2'),
        ('10.00 صباحًا', 'الساعة عشرة صباحًا'),
    ],
    "ur": [
        ('£2.50', '2 پاؤنڈ 50 پینس'),
        ('£1,250', '1250 پاؤنڈ'),
        ('45p', '45 پینس'),
        ('10.30', '10 بج کر 30 منٹ'),
        ('10:30am', 'صبح 10 بج کر 30 منٹ'),
        ('12/03/2025', '12 مارچ 2025'),
        ('1,250', '1250'),
        ('15%', '15 فیصد'),
        ('info_send@bathnes.gov.uk', 'info انڈر اسکور send ایٹ bathnes ڈاٹ gov ڈاٹ u k'),
        ('www.bathnes.gov.uk/send-help', 'w w w ڈاٹ bathnes ڈاٹ gov ڈاٹ u k سلیش send ڈیش help'),
        ('01225 394382', '0 1 2 2 5, 3 9 4 3 8 2'),
        ('+44 1225 394382', 'پلس 4 4, 1 2 2 5, 3 9 4 3 8 2'),
    ],
    "zh-Hans": [
        ('£2.50', '二 英镑 五十 便士'),
        ('£1,250', '一千二百五十 英镑'),
        ('45p', '四十五 便士'),
        ('10.30', '十点三十分'),
        ('10:30am', '上午十点三十分'),
        ('12/03/2025', '二零二五年三月十二日'),
        ('1,250', '一千二百五十'),
        ('15%', '百分之十五'),
        ('info_send@bathnes.gov.uk', 'info 下划线 send at bathnes 点 gov 点 u k'),
        ('www.bathnes.gov.uk/send-help', 'w w w 点 bathnes 点 gov 点 u k 斜杠 send 横杠 help'),
        ('01225 394382', '0 1 2 2 5, 3 9 4 3 8 2'),
        ('+44 1225 394382', '加 4 4, 1 2 2 5, 3 9 4 3 8 2'),
    ],
    "so": [
        ('£2.50', '2 bownd 50 beni'),
        ('£1,250', '1250 bownd'),
        ('45p', '45 beni'),
        ('10.30', 'saacadda 10 iyo 30 daqiiqo'),
        ('10:30am', 'saacadda 10 iyo 30 daqiiqo subaxnimo'),
        ('12/03/2025', '12 Maarso 2025'),
        ('1,250', '1250'),
        ('15%', 'boqolkiiba 15'),
        ('info_send@bathnes.gov.uk', 'info xarriiq hoose send at bathnes dhibic gov dhibic u k'),
        ('www.bathnes.gov.uk/send-help', 'w w w dhibic bathnes dhibic gov dhibic u k xarriiq janjeera send xarriiq help'),
        ('01225 394382', '0 1 2 2 5, 3 9 4 3 8 2'),
        ('+44 1225 394382', 'lagu daray 4 4, 1 2 2 5, 3 9 4 3 8 2'),
    ],
    "ro": [
        ('£2.50', 'două lire sterline cincizeci de pence'),
        ('£1,250', 'o mie două sute cincizeci de lire sterline'),
        ('45p', 'patruzeci și cinci de pence'),
        ('10.30', 'ora zece și treizeci'),
        ('10:30am', 'ora zece și treizeci dimineața'),
        ('12/03/2025', 'doisprezece martie două mii douăzeci și cinci'),
        ('1,250', 'o mie două sute cincizeci'),
        ('15%', 'cincisprezece la sută'),
        ('info_send@bathnes.gov.uk', 'info liniuță jos send arond bathnes punct gov punct u k'),
        ('www.bathnes.gov.uk/send-help', 'w w w punct bathnes punct gov punct u k bară oblică send cratimă help'),
        ('01225 394382', '0 1 2 2 5, 3 9 4 3 8 2'),
        ('+44 1225 394382', 'plus 4 4, 1 2 2 5, 3 9 4 3 8 2'),
    ],
    "bn": [
        ('£2.50', 'দুই পাউন্ড পঞ্চাশ পেন্স'),
        ('£1,250', 'এক হাজার দুইশত পঞ্চাশ পাউন্ড'),
        ('45p', 'পঁয়তাল্লিশ পেন্স'),
        ('10.30', 'দশটা ত্রিশ মিনিট'),
        ('10:30am', 'সকাল দশটা ত্রিশ মিনিট'),
        ('12/03/2025', 'বারো মার্চ দুই হাজার পঁচিশ'),
        ('1,250', 'এক হাজার দুইশত পঞ্চাশ'),
        ('15%', 'পনের শতাংশ'),
        ('info_send@bathnes.gov.uk', 'info আন্ডারস্কোর send অ্যাট bathnes ডট gov ডট u k'),
        ('www.bathnes.gov.uk/send-help', 'w w w ডট bathnes ডট gov ডট u k স্ল্যাশ send ড্যাশ help'),
        ('01225 394382', '0 1 2 2 5, 3 9 4 3 8 2'),
        ('+44 1225 394382', 'প্লাস 4 4, 1 2 2 5, 3 9 4 3 8 2'),
    ],
    "uk": [
        ('£2.50', "два фунти, п'ятдесят пенсів"),
        ('£1,250', "одна тисяча двісті п'ятдесят фунтів"),
        ('45p', "сорок п'ять пенсів"),
        ('10.30', 'десять тридцять'),
        ('10:30am', 'десять тридцять ранку'),
        ('12/03/2025', "дванадцять березня дві тисячі двадцять п'ять року"),
        ('1,250', "одна тисяча двісті п'ятдесят"),
        ('15%', "п'ятнадцять відсотків"),
        ('info_send@bathnes.gov.uk', 'info нижнє підкреслення send равлик bathnes крапка gov крапка u k'),
        ('www.bathnes.gov.uk/send-help', 'w w w крапка bathnes крапка gov крапка u k скісна риска send дефіс help'),
        ('01225 394382', '0 1 2 2 5, 3 9 4 3 8 2'),
        ('+44 1225 394382', 'плюс 4 4, 1 2 2 5, 3 9 4 3 8 2'),
    ],
    "pa": [
        ('£2.50', '2 ਪੌਂਡ 50 ਪੈਂਸ'),
        ('£1,250', '1250 ਪੌਂਡ'),
        ('45p', '45 ਪੈਂਸ'),
        ('10.30', '10 ਵੱਜ ਕੇ 30 ਮਿੰਟ'),
        ('10:30am', 'ਸਵੇਰੇ 10 ਵੱਜ ਕੇ 30 ਮਿੰਟ'),
        ('12/03/2025', '12 ਮਾਰਚ 2025'),
        ('1,250', '1250'),
        ('15%', '15 ਪ੍ਰਤੀਸ਼ਤ'),
        ('info_send@bathnes.gov.uk', 'info ਅੰਡਰਸਕੋਰ send ਐਟ bathnes ਡਾਟ gov ਡਾਟ u k'),
        ('www.bathnes.gov.uk/send-help', 'w w w ਡਾਟ bathnes ਡਾਟ gov ਡਾਟ u k ਸਲੈਸ਼ send ਡੈਸ਼ help'),
        ('01225 394382', '0 1 2 2 5, 3 9 4 3 8 2'),
        ('+44 1225 394382', 'ਪਲੱਸ 4 4, 1 2 2 5, 3 9 4 3 8 2'),
    ],
    "pt": [
        ('£2.50', 'duas libras cinquenta pence'),
        ('£1,250', 'mil duzentas e cinquenta libras'),
        ('45p', 'quarenta e cinco pence'),
        ('10.30', 'dez e trinta'),
        ('10:30am', 'dez e trinta da manhã'),
        ('12/03/2025', 'doze de março de dois mil e vinte e cinco'),
        ('1,250', 'mil duzentos e cinquenta'),
        ('15%', 'quinze por cento'),
        ('info_send@bathnes.gov.uk', 'info sublinhado send arroba bathnes ponto gov ponto u k'),
        ('www.bathnes.gov.uk/send-help', 'w w w ponto bathnes ponto gov ponto u k barra send hífen help'),
        ('01225 394382', '0 1 2 2 5, 3 9 4 3 8 2'),
        ('+44 1225 394382', 'mais 4 4, 1 2 2 5, 3 9 4 3 8 2'),
    ],
    "lt": [
        ('£2.50', 'du svarai, penkiasdešimt pensų'),
        ('£1,250', 'vienas tūkstantis du šimtai penkiasdešimt svarų'),
        ('45p', 'keturiasdešimt penki pensai'),
        ('10.30', 'dešimt trisdešimt'),
        ('10:30am', 'dešimt trisdešimt ryto'),
        ('12/03/2025', 'du tūkstančiai dvidešimt penki, kovo dvylika'),
        ('1,250', 'vienas tūkstantis du šimtai penkiasdešimt'),
        ('15%', 'penkiolika procentų'),
        ('info_send@bathnes.gov.uk', 'info apatinis brūkšnys send eta bathnes taškas gov taškas u k'),
        ('www.bathnes.gov.uk/send-help', 'w w w taškas bathnes taškas gov taškas u k pasvirasis brūkšnys send brūkšnelis help'),
        ('01225 394382', '0 1 2 2 5, 3 9 4 3 8 2'),
        ('+44 1225 394382', 'pliusas 4 4, 1 2 2 5, 3 9 4 3 8 2'),
    ],
}
# What must never reach a voice: it drops these or reads them as something else.
RAW = re.compile(r"[£@_&/%]|\d[,.]\d")


@pytest.mark.parametrize(("tag", "written", "spoken"), [(tag, w, s) for tag, rows in READINGS.items() for w, s in rows])
def test_each_language_says_money_times_dates_numbers_and_addresses_in_its_own_words(tag, written, spoken):
    said = Normaliser(Lexicon(), tag).speak(written)
    assert said.text == spoken
    assert not RAW.search(said.text)


@pytest.mark.parametrize("tag", sorted(READINGS))
def test_every_language_has_at_least_ten_cases_and_its_words_file(tag):
    assert len(READINGS[tag]) >= 10
    assert words_for(tag).language == tag.split("-")[0].lower() and (HERE / f"{tag.split('-')[0].lower()}.yml").is_file()


def test_the_libraries_that_say_each_languages_numbers():
    sources = {tag: number_source(tag) for tag in READINGS if tag != "en-GB"}
    assert sources == {"cy": "num2words", "pl": "num2words", "ar": "num2words", "ur": "digits", "zh-Hans": "icu", "so": "digits",
                       "ro": "num2words", "bn": "num2words", "uk": "num2words", "pa": "digits", "pt": "num2words", "lt": "num2words"}


def test_a_language_with_no_word_file_says_english_words_and_reports_it():
    said = Normaliser(Lexicon(), "fr").speak("Écrivez à a_b@x.org.uk")
    assert said.text == "Écrivez à a underscore b at x dot org dot u k"
    assert said.missing == [("words", "Écrivez à")]


def test_capitals_are_spelt_in_a_translation_unless_its_lexicon_says_them(tmp_path):
    english = tmp_path / "lexicon.yml"
    english.write_text("SEN: S E N\nSENCO: senco\nIPSEA: ip see ah\n", encoding="utf-8")
    from factsheets.writers.audio.lexicon import load_lexicon

    lexicon = load_lexicon(english)
    # No Polish lexicon: the English file's spelt and said-as-written entries only; capitals spelt.
    said = Normaliser(lexicon, "pl").speak("Plan EHC, SEN, SENCO i IPSEA.")
    assert said.text == "Plan E H C, S E N, SENCO i I P S E A."
    assert said.shown == "Plan EHC, SEN, SENCO i IPSEA."
    (tmp_path / "lexicon.pl.yml").write_text("EHC: e ha ce\n", encoding="utf-8")
    assert Normaliser(load_lexicon(english), "pl").speak("Plan EHC.").text == "Plan e ha ce."
    assert Normaliser(Lexicon([Entry("EHC", "ehc", 1)]), "en-GB").speak("EHC").text == "EHC"


def test_an_abbreviations_full_stop_is_not_given_to_the_voice_but_is_shown():
    said = Normaliser(Lexicon(), "pl").speak("Od godz. 10 do 12.")
    assert said.text == "Od godz 10 do 12." and said.shown == "Od godz. 10 do 12."


def test_a_comma_that_ends_a_clause_is_not_a_thousands_separator():
    assert Normaliser(Lexicon(), "pl").speak("Koszt: £2.50, potem 1,250, a potem 7, 8.").text == (
        "Koszt: dwa funty pięćdziesiąt pensów, potem tysiąc dwieście pięćdziesiąt, a potem 7, 8.")


def test_a_slash_between_words_is_the_languages_or_and_between_numbers_a_pause():
    polish = Normaliser(Lexicon(), "pl")
    assert polish.speak("szkoła/uczelnia, i/lub, 24/7").text == "szkoła lub uczelnia, i lub, 24 7"


def test_times_and_numbers_in_the_languages_own_digits():
    arabic = Normaliser(Lexicon(), "ar")
    # "الساعة" (the hour) written before the time is not said twice.
    assert arabic.speak("الساعة ١٠:٣٠ صباحًا").text == "الساعة عشرة وثلاثون دقيقة صباحًا"
    assert arabic.speak("١٬٢٥٠ و ١٠٫٥").text == "ألف و مئتان و خمسون و عشرة فاصلة خمسة"
    assert arabic.speak("25.75").text == "خمسة و عشرون فاصلة سبعة خمسة"  # no hour 25: a number
    assert Normaliser(Lexicon(), "bn").speak("সকাল ১০:৩০, ১,২৫০ টাকা").text == "সকাল দশটা ত্রিশ মিনিট, এক হাজার দুইশত পঞ্চাশ টাকা"


@pytest.mark.parametrize(("tag", "written", "spoken"), [
    ("cy", "Ar agor Llun-Gwener 9am-5pm.", "Ar agor Llun i Gwener naw o'r gloch y bore i pump o'r gloch y prynhawn."),
    ("cy", "Grant o £50-£100.", "Grant o hanner cant punt i cant punt."),
    ("cy", "Dydd Llun – Dydd Gwener", "Dydd Llun i Dydd Gwener"),
    ("pl", "pon.-pt. 9am - 5pm", "pon. do pt. dziewięć zero zero rano do pięć zero zero po południu"),
    ("pl", "zasiłek £50-£100", "zasiłek pięćdziesiąt funtów do sto funtów"),
    ("pl", "od 10%-15%", "od dziesięć procent do piętnaście procent"),
    ("pl", "Covid-19, 3-letnie, 2025-04-01", "Covid-19, 3-letnie, pierwszy kwietnia dwa tysiące dwadzieścia pięć"),  # no ranges
])
def test_a_ranges_dash_is_the_languages_word_for_to(tag, written, spoken):
    assert Normaliser(Lexicon(), tag).speak(written).text == spoken


@pytest.mark.parametrize(("tag", "written", "spoken"), [
    ("cy", "erbyn 01/04/2025.", "erbyn un Ebrill dwy fil pump ar hugain."),
    ("pl", "do 01/04/2025.", "do pierwszy kwietnia dwa tysiące dwadzieścia pięć."),
    ("pl", "do 15.03.2025. Potem", "do piętnasty marca dwa tysiące dwadzieścia pięć. Potem"),
])
def test_a_numbered_date_before_a_sentences_full_stop_is_a_date(tag, written, spoken):
    assert Normaliser(Lexicon(), tag).speak(written).text == spoken
