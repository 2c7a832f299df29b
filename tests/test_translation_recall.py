"""Recall: slips made in translations that are in sync with their source are still reported.

A translator's slip in a live translation (a number changed in a sentence, a paragraph
dropped, a command or file name changed in code, an image dropped) must reach them as a
finding, whatever precision the rules gained elsewhere. First on the guide pair of the other
translation tests, then on in-sync pairs of the corpus (copied, never edited in place).
"""
import re
import shutil

import pytest

from lint.translations.compare import compare
from translation_helpers import FI, FR, pair_findings


def _drop_paragraph(text, paragraph):
    assert paragraph + "\n\n" in text
    return text.replace(paragraph + "\n\n", "", 1)


SLIPS = {
    # slip: (mutation of the Finnish guide, rule that must report it, line it must point at)
    "number changed in a sentence": (
        lambda t: t.replace("|ssl0.ovh.net|993|", "|ssl0.ovh.net|995|"), "translation/number-mismatch", 21),
    "paragraph dropped": (
        lambda t: _drop_paragraph(t, "Avaa ohjelma ja klikkaa painiketta lisätäksesi uuden tilin."),
        "translation/outdated", 2),
    "command changed in a code block": (
        lambda t: t.replace("s_client -connect", "s_client -conect"), "translation/code-mismatch", 27),
    "file name changed in inline code": (
        lambda t: t.replace("Suorita sitten seuraava komento:",
                            "Suorita sitten seuraava komento (tiedosto `/etc/mail.conf`):"),
        "translation/code-mismatch", 23),
    "image dropped": (
        lambda t: t.replace("![tili](images/step1.png){.thumbnail}\n\n", ""), "translation/image-mismatch", 16),
}


@pytest.mark.parametrize("slip", sorted(SLIPS))
def test_a_slip_in_an_in_sync_translation_is_reported(write, slip):
    mutate, rule, line = SLIPS[slip]
    source = FR.replace("Lancez ensuite la commande suivante :",
                        "Lancez ensuite la commande suivante (fichier `/etc/mail.conf`) :") \
        if "inline" not in slip else FR
    assert [f for f in pair_findings(write, FI) if f.rule.startswith("translation/")] == []
    found = pair_findings(write, mutate(FI), rule=rule)
    assert [f.line for f in found] == [line], [f.message for f in found]


# the same slips in real in-sync pairs of the corpus --------------------------------------------

def _in_sync_pairs(root, limit):
    """(source, translation, rules it already breaks) of live corpus translations judged up to
    date (QA findings of single slips allowed: a slip must then add a finding of its rule)."""
    out = []
    for target in sorted(root.rglob("guide.*.md")):
        source = target.with_name("guide.fr-fr.md")
        if target == source or not source.exists():
            continue
        result = compare(str(source), str(target))
        if result.verdict != "up_to_date":
            continue
        out.append((source, target, [f.rule for f in result.findings]))
        if len(out) == limit:
            break
    return out


def _number_slip(text):
    """Change a number of a prose line of the body (not a list marker, a year or a URL)."""
    head, body = _split_front_matter(text)
    for m in re.finditer(r"(?m)^(?![#|>!\s-]|\d+\.|```)(.*?[^\w./:-])(\d{2,4})(?![\w./:-])", body):
        if not re.fullmatch(r"(?:19|20)\d\d", m.group(2)):
            return head + body[:m.start(2)] + str(int(m.group(2)) + 1) + body[m.end(2):]
    return None


def _split_front_matter(text):
    if text.startswith("---"):
        end = text.index("\n---", 3) + 4
        return text[:end], text[end:]
    return "", text


def _paragraph_slip(text):
    body = text.split("\n---", 1)[-1]
    paragraphs = [p for p in re.split(r"\n\s*\n", body)
                  if len(p) > 80 and not re.match(r"\s*(?:[#|>!`\-*]|\d+\.)", p) and "\n" not in p.strip()]
    return text.replace(paragraphs[len(paragraphs) // 2] + "\n", "", 1) if len(paragraphs) >= 3 else None


def _code_slip(text):
    m = re.search(r"(?m)^```[^\n]*\n([^\n`#]{6,})$", text)
    if m is None:
        m = re.search(r"`([a-z][\w./-]*\.[a-z]{2,4})`", text)  # a file name in inline code
    if m is None:
        return None
    return text[:m.start(1)] + m.group(1).replace(m.group(1)[:3], m.group(1)[:3][::-1], 1) + text[m.end(1):]


def _image_slip(text):
    m = re.search(r"(?m)^!\[[^\]]*\]\([^)]+\)(?:\{[^}]*\})?\n", text)
    return text[:m.start()] + text[m.end():] if m else None


CORPUS_SLIPS = {
    "number": (_number_slip, ("translation/number-mismatch",)),
    "paragraph": (_paragraph_slip, ("translation/outdated", "translation/structure-mismatch")),
    "code": (_code_slip, ("translation/code-mismatch",)),
    "image": (_image_slip, ("translation/image-mismatch",)),
}


def test_slips_made_in_in_sync_corpus_translations_are_reported(corpus, tmp_path):
    pairs = _in_sync_pairs(corpus / "ovh-docs" / "pages" / "web" / "emails", limit=6)
    if len(pairs) < 3:
        pytest.skip("too few in-sync pairs in the corpus")
    missed, made = [], 0
    for n, (source, target, before) in enumerate(pairs):
        for name, (slip, rules) in CORPUS_SLIPS.items():
            text = target.read_text(encoding="utf-8")
            mutated = slip(text)
            if mutated is None or mutated == text:
                continue
            folder = tmp_path / f"{n}-{name}"
            folder.mkdir()
            shutil.copy(source, folder / source.name)
            (folder / target.name).write_text(mutated, encoding="utf-8")
            made += 1
            found = compare(str(folder / source.name), str(folder / target.name)).findings
            if sum(f.rule in rules for f in found) <= sum(r in rules for r in before):
                missed.append(f"{name} in {target.relative_to(corpus)}: {[f.rule for f in found]}")
    assert made >= 6 and missed == []
