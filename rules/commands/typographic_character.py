import re

from lint.finding import Edit
from lint.registry import register
from lint.rule import Rule
from lint.translations.blocks import TYPO_DOUBLE_DASH, TYPO_LONE_DASH, TYPO_QUOTES, code_like

# a dash typed by a word processor where an option's `-` or `--` belongs: `-—dport`, `—-delete`,
# `–-src-range`, and in code a lone dash before an option name: ` —verbose`, ` –v`; shared with the
# code comparisons of the translation rules, which leave these characters to this rule
DOUBLE_DASH = TYPO_DOUBLE_DASH
LONE_DASH = TYPO_LONE_DASH
PROSE_LONE_DASH = re.compile(r"(?:(?<=[\s(])|^)[—–](?=[a-z][a-z0-9]*-?[a-z0-9-]*\b(?![’']))")
QUOTES = TYPO_QUOTES
SPACES = {"\u00a0": " ", "\u202f": " "}
OTHER = re.compile("[“”„«»‘’\u00a0\u202f]")
NAMES = {"—": "em dash", "–": "en dash", "“": "curly quote", "”": "curly quote", "„": "low quote",
         "«": "guillemet", "»": "guillemet", "‘": "curly apostrophe", "’": "curly apostrophe",
         "\u00a0": "no-break space", "\u202f": "narrow no-break space"}
COMMAND_WORD = re.compile(r"^(?:sudo\s+)?[a-z][a-z0-9._-]*\s+[-\w\"“”‘’„«$./]")  # `echo “x”`, `git commit -m`
OPTION_NAME = re.compile(r"[\w-]*")
COMMENT = re.compile(r"^\s*(?:#|//|;|--\s|rem\s)", re.I)


def _dash_fix(text: str, m: re.Match) -> str:
    if m.re is DOUBLE_DASH:
        return "--"
    word = OPTION_NAME.match(text, m.end()).group()
    return "-" if len(word) == 1 else "--"


@register
class TypographicCharacter(Rule):
    """
    What it does
        Reports typographic characters where a command needs ASCII:

        - in code blocks and in inline code that is a command, path or value: an em or en
          dash where an option's `-` or `--` belongs (`-—dport`, `—-delete`, `–-src-range`,
          ` —verbose`), curly quotes or guillemets around an argument (`echo “test”`), a
          no-break space;
        - in prose, a command option written with a typographic dash (`-—append`,
          `—-flush`).

        Curly quotes in a comment line of a code block, and UI labels (`` `Suivant`{.action} ``,
        `` `Plans d’hébergement` ``) are not commands and are left alone.

        In a translation this rule owns such a character: translation/code-mismatch does not
        also report a command that differs from the source only by it.

    Why is this bad?
        A reader copies the command and the shell gets `—-dport`, which no program knows;
        a curly quote is part of the argument instead of delimiting it; a no-break space
        glues two arguments into one. The characters look right on the page, so the error is
        hard to see. Word processors and translation tools put them there.

    Fix
        Replaces the character by its ASCII form: `--` or `-`, `"`, `'`, a space (safe).

    Example
        (firewall-Linux-iptable/guide.de-de.md)
        sudo iptables -A INPUT -p tcp —-dport 443 -j ACCEPT

    Use instead
        sudo iptables -A INPUT -p tcp --dport 443 -j ACCEPT
    """

    id = "commands/typographic-character"
    severity = "error"
    summary = "an em dash, curly quote or no-break space inside a command"
    tags = ("commands", "code")
    fix = "safe"

    def check(self, doc, ctx):
        for node in doc.walk("block_code"):
            for number in range(node.line, node.end_line + 1):
                line = doc.line(number)
                if line.isascii():
                    continue
                self._scan(ctx, number, 1, line, quotes=not COMMENT.match(line))
        for node in doc.walk("codespan"):
            if node.line != node.end_line or node.text.isascii():
                continue
            after = node.parent.children[node.parent.children.index(node) + 1:][:1] if node.parent else []
            if after and after[0].attrs.get("role") == "attribute-list" or not (code_like(node.text) or COMMAND_WORD.match(node.text)):
                continue  # a UI label, translated with the interface: typography is right there
            raw = doc.line(node.line)[node.column - 1:node.end_column - 1]
            self._scan(ctx, node.line, node.column, raw, quotes=True)
        for node in doc.prose_text_nodes():
            if node.line != node.end_line or not node.exact or node.text.isascii():
                continue
            raw = doc.line(node.line)[node.column - 1:node.end_column - 1]
            if "—" not in raw and "–" not in raw:
                continue  # both patterns need a dash: most accented text has none
            for pattern in (DOUBLE_DASH, PROSE_LONE_DASH):
                for m in pattern.finditer(raw):
                    if pattern is PROSE_LONE_DASH and not self._option_like(raw, m):
                        continue
                    self._dash(ctx, node.line, node.column, raw, m)

    @staticmethod
    def _option_like(raw: str, m: re.Match) -> bool:
        """A lone dash in prose starts an option only when another option is next to it (`-A —append`)."""
        before = raw[:m.start()].rstrip()
        return bool(re.search(r"(?:^|\s)-{1,2}[A-Za-z][\w-]*,?$", before))

    def _scan(self, ctx, number, column, text, quotes):
        taken = set()  # offsets a reported dash covers: `—` of `-—` is not reported twice
        for pattern in (DOUBLE_DASH, LONE_DASH):
            for m in pattern.finditer(text):
                if m.start() in taken:
                    continue
                taken.update(range(m.start(), m.end()))
                self._dash(ctx, number, column, text, m)
        for m in OTHER.finditer(text):
            c = m.group()
            if c in QUOTES and not quotes:
                continue
            if c == "’" and 0 < m.start() < len(text) - 1 and text[m.start() - 1].isalpha() \
                    and text[m.start() + 1].isalpha():
                continue  # an apostrophe inside a word (`I’m`, `l’adresse`): text, not a quote
            ascii_form = QUOTES.get(c) or SPACES[c]
            at = column + m.start()
            ctx.report(number, at, f"{NAMES[c]} '{c}' in a command: it is copied as is and the command "
                       f"breaks; write '{ascii_form}'", end_column=at + 1,
                       edits=[Edit(number, at, number, at + 1, ascii_form)])

    @staticmethod
    def _dash(ctx, number, column, text, m):
        wanted = _dash_fix(text, m)
        option = OPTION_NAME.match(text, m.end()).group()
        at = column + m.start()
        names = " and ".join(dict.fromkeys(NAMES[c] for c in m.group() if c in NAMES))
        ctx.report(number, at, f"{names} in the option '{m.group()}{option}': a shell reads it as another "
                   f"character; write '{wanted}{option}'", end_column=column + m.end(),
                   edits=[Edit(number, at, number, column + m.end(), wanted)])
