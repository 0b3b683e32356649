"""The pronunciation lexicon: its format, and every entry checked through espeak-ng's phonemes."""

import re
import subprocess
from pathlib import Path

import pytest

from conftest import LEAFLET
from factsheets.errors import SourceError
from factsheets.writers.audio.lexicon import Entry, Lexicon, engine_text, is_phonemes, load_lexicon, reader_text
from factsheets.writers.audio.normalise import Normaliser

# Runs the real engines (WeasyPrint, liblouis, espeak-ng, LAME, MkDocs): not in the fast tier.
pytestmark = pytest.mark.engines

REPO = Path(__file__).resolve().parents[1]
# Staff's own lexicon: checked entry by entry on purpose (the README sends staff here), since
# `factsheets check` does not hear the audio. Tests of what particular words sound like use the
# frozen leaflet's copy, so a staff edit changes nothing else here.
LIVE_LEXICON = load_lexicon(REPO / "glossary" / "lexicon.yml")
PROJECT_LEXICON = load_lexicon(LEAFLET / "glossary" / "lexicon.yml")


def phonemes(text: str) -> str:
    """espeak-ng's phonemes for some text (its -x output), as the British English voice says it."""
    result = subprocess.run(["espeak-ng", "-v", "en-gb", "-q", "-x", text], capture_output=True, text=True, check=True)
    return " ".join(result.stdout.split())


def sounds(text: str) -> str:
    """Phonemes without stress, syllable and pause marks or spaces: what is heard, to compare."""
    return re.sub(r"[\s',;_:!%=|]", "", phonemes(text))


def spelt_out(word: str) -> bool:
    """True when espeak-ng says a word letter by letter (as it does "ip": "eye-pee")."""
    return len(word) > 1 and sounds(word) == sounds(" ".join(word))


def said_words(spoken: str) -> list[str]:
    return [w for w in re.split(r"[\s,.-]+", spoken) if w]


@pytest.mark.parametrize("entry", LIVE_LEXICON.entries, ids=lambda e: e.written)
def test_every_entry_is_said_as_it_means(entry):
    if is_phonemes(entry.spoken):
        # Phonemes: espeak-ng must know every one of them, and say them as written.
        assert sounds(entry.spoken) == re.sub(r"[\s',;_:!%=|\[\]]", "", entry.spoken)
        return
    words = said_words(entry.spoken)
    if all(len(w) == 1 for w in words):
        # Letter by letter: each said as its letter's name, as it is said alone.
        said = Normaliser(Lexicon([entry])).speak(entry.written).text
        assert sounds(said) == "".join(sounds(w.upper()) for w in words), phonemes(said)
        return
    # A respelling: espeak-ng must say each word as a word, never spell one out.
    spelt = [w for w in words if len(w) > 1 and spelt_out(w)]
    assert not spelt, f"{entry.written}: espeak-ng spells out {spelt} letter by letter ({phonemes(entry.spoken)})"


# What a person says for each entry of the project's lexicon, in espeak-ng's phonemes,
# checked by ear against `espeak-ng -v en-gb`.
SAID = {
    "SEN": "'Es 'i:; 'En",
    "EHC": "'i:; 'eItS s'i:",
    "CCGs": "s'i: s'i: dZ'i:z",  # the plural said, which espeak-ng drops from "CCGs"
    "IAS": "aI 'eI 'Es",  # "I A S" was said "aI a# 'Es", "eye uh ess"
    "IPSEA": "'Ipsi:;@",  # ip-see-uh; "ip see ah" was said ",aIp'i: s'i:; 'A:", "eye-pee see ah"
    "livewell": "l'Iv w'El",  # "liv well", as Bath's Live Well service is said; "live well" was "lyve well"
    "globalmediation": "gl'oUb@L m,i:dI;'eIS@n",
}


@pytest.mark.parametrize("written, said", SAID.items())
def test_project_entries_sound_as_a_person_says_them(written, said):
    spoken = Normaliser(PROJECT_LEXICON).speak(written).text
    assert phonemes(spoken) == said


def test_the_faults_of_the_old_entries_are_caught():
    assert spelt_out("ip")  # "IPSEA: ip see ah" was said "eye-pee see ah"
    assert not any(spelt_out(w) for w in ("ipseea", "see", "liv", "well"))
    assert phonemes("live well") == "l'aIv w'El"  # "livewell: live well" was said "lyve well"
    assert sounds("I A S") != "".join(sounds(letter) for letter in "IAS")  # "IAS: I A S" was said "eye uh ess"


def test_phonemes_reach_espeak_ng_and_the_transcript_keeps_the_word():
    lexicon = Lexicon([Entry("IPSEA", "[['Ipsi:@]]", 1)])
    spoken = Normaliser(lexicon).speak("Ask IPSEA, or other IPSEAs.")
    assert spoken.text == "Ask [['Ipsi:@]], or other [['Ipsi:@z]]."
    assert spoken.shown == "Ask IPSEA, or other IPSEAs."
    said = phonemes(spoken.text)
    assert said.split()[1] == "'Ipsi:;@" and said.split()[-1] == "'Ipsi:;@z", said


def test_said_as_pairs_resolve_to_either_side():
    marked = "a \ue000SEN\ue001S E N\ue002 b"
    assert (engine_text(marked), reader_text(marked)) == ("a S E N b", "a SEN b")


@pytest.mark.parametrize("text, message", [
    ("IPSEA: [['Ipsi:@]]\n", "cannot be read"),  # unquoted: YAML reads [[ as lists
    ("IPSEA: \"[['Ips]i:@]]\"\n", "not phonemes"),
    ("IPSEA: \"[Ipsi]\"\n", "not phonemes"),
    ("IPSEA: \"[[\"\n", "not phonemes"),
    ("IPSEA: \"ip<see>\"\n", "cannot be spoken"),
])
def test_malformed_phonemes_are_an_error_with_file_and_line(tmp_path, text, message):
    path = tmp_path / "lexicon.yml"
    path.write_text("SEN: S E N\n" + text)
    with pytest.raises(SourceError) as error:
        load_lexicon(path, "glossary/lexicon.yml")
    assert error.value.location.line == 2 and message in error.value.message


def test_phoneme_entries_load():
    path = Path(__file__).parent / "fixtures" / "lexicon-phonemes.yml"
    lexicon = load_lexicon(path)
    assert [(e.written, e.spoken) for e in lexicon.entries] == [("IPSEA", "[['Ipsi:@]]"), ("SEN", "S E N")]
