import re
from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter
from pathlib import Path

from lint import dictionaries
from lint.data import load_yaml
from lint.registry import register
from lint.rule import Option, Rule

BLOCKS = ("paragraph", "heading", "table_cell")
SENTENCE_END = re.compile(r"[.!?;](?=\s|$)")
LABEL = re.compile(r"^\s*([^\W\d_][^:]{0,40}?)\s*:")
SERVER_REPLY = re.compile(r"\s*\d{3}\s")  # `550 not such file`: a line quoting a server


@lru_cache(maxsize=1)
def _names() -> dict:
    return (load_yaml(Path(__file__).with_suffix(".yaml")) or {}).get("names", {})


QUOTE = re.compile("[\"“”«»„]")
_START, _TEXT = attrgetter("start"), attrgetter("text")


def _leaves(node, counted, out, products) -> int:
    """Append to ``out`` the inline leaves of a node that the runs depend on, in order, as (leaf,
    counted, its words, or None when it is not a text); return how many words are counted.
    Words in bold or italics are not counted (a bold interface label is a name, not prose);
    links are read through. A text that is an attribute list or not found verbatim holds no
    word and changes nothing: it is left out."""
    count = 0
    for child in node.children:
        kind = child.type
        if kind == "text":
            if child.exact and not child.attrs.get("role"):
                words = dictionaries.node_words(child, products)
                if counted:
                    count += len(words)
                out.append((child, counted, words))
        elif kind == "link":
            count += _leaves(child, counted, out, products)
        elif kind == "strong" or kind == "emphasis":
            _leaves(child, False, out, products)
        elif kind in BREAKS:
            out.append((child, counted, None))
    return count


BREAKS = ("softbreak", "linebreak", "codespan", "image", "inline_html")  # the other leaves read


# A text's sentence ends and quotation marks, kept by text: guides repeat their texts (link
# texts, cells, and whole paragraphs between a guide's English or French locales). Bounded
# by the characters kept, as :func:`lint.dictionaries.node_words` keeps its texts' words.
_MARKS: dict = {}
_MARKS_KEPT = [0]
MARKS_KEPT = 1_000_000
_END, _MARK = re.Match.end, re.Match.start


def _marks(text: str) -> tuple:
    """A text's (sentence ends, quotation marks) as offsets in it, found and kept."""
    kept = _MARKS_KEPT[0] + len(text)
    if kept > MARKS_KEPT:
        _MARKS.clear()
        kept = len(text)
    _MARKS_KEPT[0] = kept
    # four `in` tests are a fraction of a regex scan: a cell or a heading often has no end
    if "." in text or "?" in text or "!" in text or ";" in text:
        ends = tuple(map(_END, SENTENCE_END.finditer(text)))
    else:
        ends = ()
    # most texts hold no quotation mark: six `in` tests are a fraction of a regex scan
    if '"' in text or "“" in text or "”" in text or "«" in text or "»" in text or "„" in text:
        found = _MARKS[text] = (ends, tuple(map(_MARK, QUOTE.finditer(text))))
    else:
        found = _MARKS[text] = (ends, ())
    return found


def _units(block, products, min_words: int = 1):
    """Sentences of a block (lists of words), and the words of its label block (3+ lines
    starting `Label:`); none when the block holds fewer than ``min_words`` words."""
    leaves: list = []
    # only counted words make runs: most headings, cells and bold labels hold fewer than a
    # run to judge, and are settled by their count
    if _leaves(block, True, leaves, products) < min_words:
        return [], []
    units, labels, current = [], [], []
    line_start = True  # the next text starts a line of the block
    label_open = False  # inside the label part (before the first colon) of a line
    quotes = 0  # quotation marks seen on this line: odd means inside a quotation
    reply_lines = set()
    marks_of = _MARKS
    for child, counted, words in leaves:
        if words is not None:
            text = child.text
            if line_start:
                label_open = ":" in text and LABEL.match(text) is not None  # `in` first: no regex
                if _server_reply(text):
                    reply_lines.add(child.line)
            line_start = False
            colon = text.find(":") if label_open else -1
            ends, marks = marks_of.get(text) or _marks(text)
            # a sentence end after the text's last word closes the sentence with the text
            end_left = bool(ends)
            if not counted:
                pass  # words in bold are not collected; sentence ends close as below
            elif marks or label_open:
                outside = quotes % 2 == 0  # before any mark of this text
                e, n_ends = 0, len(ends)
                for word in words:
                    start = word.start
                    if e < n_ends and ends[e] <= start:
                        while e < n_ends and ends[e] <= start:
                            e += 1
                        if current:
                            units.append(current)
                            current = []
                    if word.kind != "word" or (
                            (quotes + bisect_left(marks, start)) % 2 == 1 if marks else not outside):
                        continue  # only plain words outside quotation marks count
                    if label_open and (colon < 0 or start < colon):
                        labels.append(word)
                    elif not word.glued:
                        current.append(word)
                end_left = e < n_ends
            elif quotes % 2 == 0:  # plain prose, the common case: whole slices of words at once
                plain = [w for w in words if w.kind == "word" and not w.glued]
                last = words[-1].start if words else -1
                low, end_left = 0, False
                for end in ends:  # a word starting after a sentence end starts a new unit
                    if last < end:
                        end_left = True
                        break
                    high = bisect_left(plain, end, low, key=_START)
                    current += plain[low:high]
                    if current:
                        units.append(current)
                        current = []
                    low = high
                if current:
                    current += plain[low:] if low else plain
                else:
                    current = plain[low:] if low else plain
            quotes += len(marks)
            if colon >= 0:
                label_open = False
            if (colon >= 0 or end_left) and current:
                units.append(current)
                current = []
            continue
        kind = child.type
        if kind == "softbreak" or kind == "linebreak":
            if current:
                units.append(current)
                current = []
            line_start, label_open, quotes = True, False, 0
        else:  # code, an image, raw HTML
            line_start = False
    if current:
        units.append(current)
    return [u for u in units if u[0].line not in reply_lines], labels


_OPEN, _CLOSE = object(), object()  # around a node's children in a _shape


def _shape(node, base: int, out: list) -> list:
    """The inline tree below a block, flat, as everything ``_units`` reads from it depends on:
    each node's type, and a text's text, line (from ``base``), whether it was found verbatim and
    its role; a node's children between _OPEN and _CLOSE. Equal shapes give equal runs."""
    for child in node.children:
        kind = child.type
        if kind == "text":
            out += (child.text, child.line - base, child.exact, child.attrs.get("role"))
        else:
            out.append(kind)
            if child.children:
                out.append(_OPEN)
                _shape(child, base, out)
                out.append(_CLOSE)
    return out


def _server_reply(text: str) -> bool:
    """A text starting like `550 not such file`: a line quoting a server."""
    first = text[:1]
    # most texts start with a letter: two str tests, no regex
    return (first.isdigit() or first.isspace()) and SERVER_REPLY.match(text) is not None


def _sentences(entries, ends) -> list:
    """The sentences of a text read alone, outside quotation marks and labels, as lists of
    indices of its plain words in ``entries`` (:func:`lint.dictionaries.text_entries`): what
    :func:`_units` finds for it, split at its sentence ends ``ends``. A block's lone text has
    no markup beside it, so none of its words is glued."""
    plain = [i for i, entry in enumerate(entries) if entry[3] == "word"]
    starts = [entries[i][0] for i in plain]
    last = entries[-1][0]
    sentences, low = [], 0
    for end in ends:
        if last < end:
            break  # no word after it: the text's words make the last sentence
        high = bisect_left(starts, end, low)
        if high > low:
            sentences.append(plain[low:high])
        low = high
    if low < len(plain):
        sentences.append(plain[low:] if low else plain)
    return sentences


def _after_colon(block, doc, positions: dict) -> bool:
    """The paragraph before this one ends with a colon: this one is the message it quotes.
    ``positions``: each sibling list's {id(node): index}, found once per list and document
    (a scan per paragraph was quadratic in a long guide's top-level blocks)."""
    if block.type != "paragraph":
        return False
    siblings = block.parent.children if block.parent is not None else doc.nodes
    index = positions.get(id(siblings))
    if index is None:
        index = positions[id(siblings)] = {id(c): k for k, c in enumerate(siblings)}
    i = index.get(id(block), 0)
    return i > 0 and siblings[i - 1].type == "paragraph" and \
        siblings[i - 1].plain_text().rstrip().endswith(":")


def _title_case(texts) -> bool:
    """`What You See is What You Get`, `Network Security Dashboard`: a name or a title."""
    capitals = sum(1 for t in texts if t[:1].isupper())
    return capitals >= 0.7 * len(texts)


@register
class ForeignFragment(Rule):
    """
    What it does
        Reports a run of prose written in another language than the guide's locale: a
        sentence, a list item, a table cell or the labels of a block of "Label: value"
        lines left in the source language (French inside an Italian guide) or in English
        inside a guide in another language (`Incoming Server Port:` in a Lithuanian guide).
        When most of a guide is in the other language, one finding says so for the guide.

    Why is this bad?
        The reader of a localised guide may not read the other language at all; untranslated
        text is also what translation memories miss when they are updated. A run is only
        judged when it has at least `min_words` plain words (words in bold, code, names with
        capitals inside, words in ALL CAPS and product names do not count, so a single
        product or interface name never triggers it), and is reported when most of its
        words are known to the other language's dictionary (`min_share`) and few to the
        guide's (`max_own_share`). Text in quotation marks is an interface string quoted
        from the software and does not count either; nor do titles in Title Case (names of
        other guides, expansions such as "What You See is What You Get") or server replies
        (`550 ...`). Only the source languages (`source_locale` setting) and
        English are tried, with the Hunspell dictionaries already used by the spelling rules.

    Example
        Incoming server: SSL0.OVH.NET
        Incoming Server Port: 995 arba 110
        Outgoing server: SSL0.OVH.NET
        Outgoing Server Port: 465 arba 587

    Use instead
        Gaunamų laiškų serveris: SSL0.OVH.NET
        Gaunamų laiškų serverio prievadas: 995 arba 110
        Siunčiamų laiškų serveris: SSL0.OVH.NET
        Siunčiamų laiškų serverio prievadas: 465 arba 587
    """

    id = "language/foreign-fragment"
    severity = "warning"
    summary = "prose written in another language than the guide's"
    tags = ("language", "translation")
    options = {
        "min_words": Option(4, "runs with fewer plain words are not judged", minimum=1),
        "min_share": Option(0.75, "share of words the other language must know", minimum=0, maximum=1),
        "max_own_share": Option(0.34, "largest share of words the guide's language may know",
                                minimum=0, maximum=1),
        "whole_guide_share": Option(0.5, "share of foreign blocks that makes the whole guide one "
                                    "finding", minimum=0, maximum=1),
    }

    def check(self, doc, ctx):
        own = doc.language
        if not own:
            return
        lex = dictionaries.lexicon(ctx, doc)
        if lex.speller is None:
            return
        sources = [loc.split("-")[0].lower() for loc in (ctx.config.source_locales if ctx.config else [])]
        languages = [language for language in dict.fromkeys([*sources, "en"]) if language != own]
        loaded: list = []

        def others():
            # loading a dictionary costs 0.1 to 1 s: most guides never have a run that the
            # guide's own language does not claim, and so never need the other languages'
            if not loaded:
                found = ((language, dictionaries.speller(ctx, language, note=False)) for language in languages)
                loaded.append([(language, speller) for language, speller in found if speller is not None])
            return loaded[0]
        products = dictionaries.product_names(ctx)
        codes_of = lex.answers.setdefault(CODES, {})
        if len(codes_of) > 200_000:  # bounded: a run of generated text need not repeat
            codes_of.clear()
        options = min_words, _, max_own_share = (ctx.option("min_words"), ctx.option("min_share"),
                                                 ctx.option("max_own_share"))
        # texts of blocks made of that one text which hold no run another language may claim,
        # kept per lexicon: guides repeat whole paragraphs, cells and headings (a guide's
        # English or French locales, boilerplate sentences), and such a verdict never changes
        settled = lex.answers.get((SETTLED, min_words, max_own_share))
        if settled is None or settled.kept > SETTLED_KEPT:  # bounded by the characters kept
            settled = lex.answers[(SETTLED, min_words, max_own_share)] = _Settled()
        positions: dict = {}
        judged, foreign, own_runs = self._scan(doc, lex, products, codes_of, others, options, settled,
                                               positions)
        if len(foreign) >= 5:
            # a guide perhaps mostly foreign, whose share counts every run: read again, each run
            judged, foreign, own_runs = self._scan(doc, lex, products, codes_of, others, options, None,
                                                   positions)
        if not foreign:
            return
        names = _names()
        own_name = names.get(own, own)
        share = ctx.option("whole_guide_share")
        if len(foreign) >= 5 and len(foreign) >= share * judged:
            judged += sum(1 for block, kind, texts in own_runs if kind != "sentence" or not (
                _title_case(texts) or _after_colon(block, doc, positions)))
        if len(foreign) >= 5 and len(foreign) >= share * judged:
            language = max({v[0] for _, v in foreign}, key=lambda l: sum(v[0] == l for _, v in foreign))
            first = foreign[0][0][1][0]
            count = sum(v[0] == language for _, v in foreign)
            ctx.report(first.line, first.column,
                       f"this guide looks written in {names.get(language, language)}, not "
                       f"{own_name}: {count} of its {judged} sentences", end_column=first.end_column)
            return
        for (kind, words), (language, known, total) in foreign:
            first, last = words[0], words[-1]
            what = "these labels look" if kind == "labels" else "this text looks"
            ctx.report(first.line, first.column,
                       f"{what} {names.get(language, language)}, not {own_name} "
                       f"({known} of {total} words are {names.get(language, language)})",
                       end_line=last.line, end_column=last.end_column)

    def _scan(self, doc, lex, products, codes_of, others, options, settled, positions):
        """(runs judged, foreign runs and their verdicts, runs in the guide's language).

        ``settled``: the texts known to hold no run another language may claim, which are passed
        over, as are runs the guide's language is already known to claim: then only the foreign
        runs are all found (enough for a guide with fewer than 5). None: every run is counted."""
        min_words, min_share, max_own_share = options
        judged, foreign = 0, []
        fast = settled is not None
        codes_get = codes_of.get
        # runs in the guide's language: whether each is judged (not a title, not a quoted
        # message) only matters to the share of a guide mostly foreign, so it is found then
        own_runs = []
        text_entries, marks_of = dictionaries.text_entries, _MARKS
        for block in doc.walk(*BLOCKS):
            lone = None
            children = block.children
            # a run is (kind, its words' texts, its words): the texts are what is judged, and
            # a lone text's Words (positions, for a finding) are made only for a foreign run
            if len(children) == 1 and children[0].type == "text":
                # most blocks (cells, headings, plain paragraphs) are one text, whose runs
                # depend on that text alone: read without the walk through nested markup
                child = children[0]
                if not child.exact or child.attrs.get("role"):
                    continue  # no word to read
                lone = child.text
                if fast and lone in settled:
                    continue
                entries = text_entries(lone, products)
                if len(entries) < min_words or _server_reply(lone):
                    units = ()  # a reply's runs all start on its one line
                else:
                    ends, marks = marks_of.get(lone) or _marks(lone)
                    if marks or (":" in lone and LABEL.match(lone) is not None):
                        # one text's labels are on one line, never the three a block of labels needs
                        units = [("sentence", list(map(_TEXT, words)), words)
                                 for words in _units(block, products, min_words)[0] if len(words) >= min_words]
                    else:
                        units = [("sentence", [entries[i][1] for i in indices], (child, indices))
                                 for indices in _sentences(entries, ends) if len(indices) >= min_words]
            else:
                # a block with markup: its runs depend on its inline tree alone (texts, their
                # lines in the block, the markup around them), which guides repeat too
                lone = tuple(_shape(block, block.line, []))
                if fast and lone in settled:
                    continue
                sentences, labels = _units(block, products, min_words)
                units = [("sentence", list(map(_TEXT, words)), words) for words in sentences
                         if len(words) >= min_words]
                if len(labels) >= min_words and len({w.line for w in labels}) >= 3:
                    units.append(("labels", list(map(_TEXT, labels)), labels))
            claimed = False  # a run another language may claim
            for kind, texts, words in units:  # shorter runs are not judged (`_measure` would say so)
                if fast:
                    # the words the guide's language is known to know already outnumber what a
                    # foreign run may hold: no word to look up (codes.count(OWN) / total >= this)
                    codes = list(map(codes_get, texts))
                    if codes.count(OWN) / len(codes) > max_own_share:
                        continue
                measured = self._measure(texts, lex, codes_of, min_words, max_own_share)
                if measured is None:
                    continue
                if measured is False:
                    own_runs.append((block, kind, texts))
                    continue
                claimed = True
                if kind == "sentence" and (_title_case(texts) or _after_colon(block, doc, positions)):
                    continue  # `you may see this error:` + the error, in the software's language
                judged += 1
                verdict = self._judge(measured, others, min_share)
                if verdict is not False:
                    if isinstance(words, tuple):  # a lone text's (node, indices of its words)
                        node, indices = words
                        found = dictionaries.node_words(node, products)
                        words = [found[i] for i in indices]
                    foreign.append(((kind, words), verdict))
            if lone is not None and not claimed and fast:
                settled[lone] = True
                settled.kept += len(lone) if isinstance(lone, str) else \
                    sum(len(item) for item in lone if isinstance(item, str))
        return judged, foreign, own_runs

    @staticmethod
    def _measure(texts, lex, codes_of, min_words, max_own_share):
        """None: too short to judge; False: the guide's language; else (the texts of the words
        judged, which of them the guide's language knows, how many): a run another language may
        claim. ``codes_of``: the lexicon's code per word (below)."""
        if len(texts) < min_words:
            return None
        # one dict look-up per word settles what a project word test, a length test and an own
        # dictionary answer did: words repeat across a language's guides
        codes = list(map(codes_of.get, texts))
        if None in codes:
            for i, code in enumerate(codes):
                if code is None:
                    text = texts[i]
                    code = codes[i] = codes_of[text] = \
                        SKIP if len(text) <= 1 or lex.project_word(text) else UNASKED
        total = len(codes) - codes.count(SKIP)
        if total < min_words:
            return None
        if not _own_share_small(texts, codes, codes_of, lex, total, max_own_share):
            return False
        own = [codes_of[t] == OWN for t, c in zip(texts, codes) if c != SKIP]
        return [t for t, c in zip(texts, codes) if c != SKIP], own, total

    @staticmethod
    def _judge(measured, others, min_share):
        """False, or (language, known, total) for a run :meth:`_measure` found another language
        may claim. ``others()``: the other languages' spellers, as (language, speller)."""
        texts, own, total = measured
        best = None
        for language, speller in others():
            known = _known_verdicts(texts, speller, min_share)
            if known is None:
                continue
            only_there = sum(k and not o for k, o in zip(known, own))
            if only_there >= 3:
                if best is None or sum(known) > best[1]:
                    best = (language, sum(known), total)
        return best or False


# A word's code in a lexicon: not judged (one letter, or a project word), judged but not yet
# asked of the guide's dictionary, known to it, unknown to it.
SKIP, UNASKED, OWN, NOT_OWN = 0, 1, 2, 3
CODES = "language/foreign-fragment:codes"  # the codes, kept per lexicon
SETTLED = "language/foreign-fragment:settled"  # texts with no run to judge, kept per lexicon
SETTLED_KEPT = 1_000_000  # characters of those texts kept (a run of generated text need not repeat)


class _Settled(dict):
    """Texts known to hold no run another language may claim, and how many characters they hold."""

    kept = 0


# Dictionary look-ups are the cost of this rule (a compound test tries every split of a
# word): they stop as soon as the outcome is certain.
def _own_share_small(texts, codes, codes_of, lex, total, max_own_share) -> bool:
    """Whether at most max_own_share of the judged words are known to the guide's language.

    The outcome does not depend on the order the words are asked in, so the answers already
    known count first, then the shortest words are asked: Hunspell accepts a long compound
    (`Netzwerkkonfiguration`) in tens of milliseconds, a short word in microseconds, and a
    sentence in the guide's own language is settled by its short words."""
    count = codes.count(OWN)
    if count / total > max_own_share:
        return False
    if UNASKED not in codes:
        return True
    times: dict[str, int] = {}
    for text, code in zip(texts, codes):
        if code == UNASKED:
            times[text] = times.get(text, 0) + 1
    for text in sorted(times, key=len):
        known = lex.accepted(text) or lex.compound_known(text)
        codes_of[text] = OWN if known else NOT_OWN
        if known:
            count += times[text]
            if count / total > max_own_share:
                return False
    return True


def _known_verdicts(texts, speller, min_share):
    """Which words another language knows, or None once fewer than min_share can."""
    total, count, known = len(texts), 0, []
    for i, text in enumerate(texts):
        verdict = speller.known(text)
        known.append(verdict)
        count += verdict
        if (count + total - 1 - i) / total < min_share:  # even if all the rest were known
            return None
    return known
