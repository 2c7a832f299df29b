"""language/foreign-fragment passes over a text (or a block with markup) an earlier guide
settled, yet still counts it in the share of a guide left in another language."""
import json

import pytest

from lint import dictionaries
from lint.cli import main

OWN = """# Pašto dėžutė

Šiame vadove paaiškinsime, kaip sukonfigūruoti pašto dėžutę telefone.

Patikrinkite, ar **slaptažodis** yra teisingas ir [bandykite](https://example.com) dar kartą.
"""

MOSTLY_ENGLISH = """# Pašto Dėžutės Konfigūravimas Jūsų Telefone

Šiame vadove paaiškinsime, kaip sukonfigūruoti pašto dėžutę telefone.

You can configure your email address on your phone.

Open the application and choose the account type.

Enter your full email address and the password you chose.

Then check that the incoming server is correct.

Finally save the settings and send a test message.

Patikrinkite, ar **slaptažodis** yra teisingas ir [bandykite](https://example.com) dar kartą.
"""


def _messages(capsys, folder) -> dict:
    code = main(["check", str(folder), "--select", "language/foreign-fragment", "--format", "json",
                 "--no-cache", "--jobs", "1"])
    assert code in (0, 1)
    found = json.loads(capsys.readouterr().out)["findings"]
    return {f["path"].split("/")[-2]: f["message"] for f in found}


def test_a_guide_mostly_in_english_counts_the_sentences_an_earlier_guide_settled(tmp_path, capsys):
    for language in ("lt", "en"):
        if dictionaries.find_dictionary(language, dictionaries.search_dirs()) is None:
            pytest.skip(f"no Hunspell dictionary for {language}")
    alone = tmp_path / "alone"
    (alone / "b").mkdir(parents=True)
    (alone / "b" / "guide.lt-lt.md").write_text(MOSTLY_ENGLISH)
    after = tmp_path / "after"
    for name, text in (("a", OWN), ("b", MOSTLY_ENGLISH)):  # a's Lithuanian texts are read first
        (after / name).mkdir(parents=True)
        (after / name / "guide.lt-lt.md").write_text(text)
    expected = "this guide looks written in English, not Lithuanian: 5 of its 7 sentences"
    assert _messages(capsys, alone) == {"b": expected}
    assert _messages(capsys, after) == {"b": expected}
