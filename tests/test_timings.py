"""Sentences and their times: the splitter, and word starts -> sentence starts."""

from factsheets.engines.espeak_timing import WordStart
from factsheets.writers.audio import timings
from factsheets.writers.sentences import split_sentences


def test_sentences_end_at_full_stops_not_at_abbreviations_or_list_numbers():
    text = '1. Ask the school, e.g. the SENCo. It must reply within 6 weeks! Is that clear? Yes (11.1). "Quoted." Next'
    assert split_sentences(text) == [
        "1. Ask the school, e.g. the SENCo.", "It must reply within 6 weeks!", "Is that clear?", "Yes (11.1).", '"Quoted."', "Next",
    ]
    assert split_sentences("The meeting is on 3.5.2024 at 10.30am.") == ["The meeting is on 3.5.2024 at 10.30am."]


def test_a_sentence_starts_at_its_first_word_less_the_trimmed_silence():
    text = "One two. Three four."
    words = [WordStart(0, 500), WordStart(4, 3000), WordStart(9, 9000), WordStart(15, 12000)]
    said = timings.utterance_sentences(text, "p1", words, (400, 20000), placed_at=1000)
    assert [(s.text, s.start, s.end) for s in said] == [("One two.", 1000, 9600), ("Three four.", 9600, 20600)]
    assert timings.shifted(said, 100)[1] == {"block": "p1", "text": "Three four.", "start": 9700, "end": 20700}


def test_whole_recording_times_are_in_seconds_of_the_decoded_mp3():
    first = [{"block": "a", "text": "A.", "start": 0, "end": 22050}]
    second = [{"block": "b", "text": "B.", "start": 22050, "end": 44100}]
    out = timings.whole_recording([(first, 0, 22050), (second, 5000, 22050)])
    delay = timings.ENCODER_DELAY / 22050
    assert out[0] == {"block": "a", "text": "A.", "start": round(delay, 3), "end": round(1 + delay, 3), "id": "s1"}
    assert out[1]["start"] == round(5 + 1 + delay, 3) and out[1]["id"] == "s2"
