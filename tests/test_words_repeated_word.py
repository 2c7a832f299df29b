"""words/repeated-word reads a block's runs only when a cheap test says a repeat is possible."""
from lint import dictionaries
from lint.document import Document
from rules.words import repeated_word
from rules.words.repeated_word import BLOCKS, _may_repeat, _repeat_length, _runs

GUIDE = """# Set up the the server

Click on the [the button](#b) to open it, then go to the of the of the page.

Use the **Label** label to name it; the name is the one you chose.

| Port | Use |
|---|---|
| 993 | the IMAP IMAP port |
| 465 465 | sending mail with the server |

A sentence with words that repeat far apart: the cat saw the dog near the cat.
"""


def _repeats(block, products) -> bool:
    """What the rule finds in a block when it reads every run."""
    for run in _runs(block, products):
        lower = [w.text.lower() for w in run]
        if any(_repeat_length(run, lower, i) for i in range(1, len(run))):
            return True
    return False


def test_the_cheap_test_passes_every_block_with_a_repeat_and_skips_the_others():
    doc = Document.from_text(GUIDE, "guide.en-gb.md", "en-gb")
    products = frozenset(dictionaries.data().get("product_names", []))
    verdicts = [(block.line, _may_repeat(block, products), _repeats(block, products))
                for block in doc.walk(*BLOCKS)]
    for line, may, found in verdicts:
        assert may or not found, f"line {line}: a repeat the cheap test missed"
    repeated = {line for line, _may, found in verdicts if found}
    assert repeated == {1, 3, 9}  # "the the", "the [the", "of the of the", "IMAP IMAP"
    skipped = {line for line, may, _found in verdicts if not may}
    assert 12 not in repeated and 12 in skipped  # "the cat ... the cat": too far apart
    assert 5 in skipped  # a bold label and the same word after it are not one run, nor close


def test_a_near_repeat_is_a_word_after_itself_or_a_phrase_after_itself():
    near = repeated_word._near_repeat
    assert near(("the", "the"))
    assert near(("of", "the", "of", "the"))
    assert near(("see", "the", "a", "b", "c", "d", "e") + ("a", "b", "c", "d", "e"))  # five words
    assert not near(("a", "b", "c", "d", "e", "f") * 2)  # six: longer than any repeat read
    assert not near(("the", "cat", "saw", "the", "dog"))  # one word again, not a phrase
    assert not near(("de", "la", "zone", "de", "la"))  # two words again, not after themselves
    assert not near(("word",))
