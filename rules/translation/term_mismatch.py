import csv
import re
from dataclasses import dataclass

from lint.registry import register
from lint.rule import Option, Rule
from lint.translations.align import pair_for

# not prose: code, link targets, URLs, host names and e-mail addresses (`SSL0.OVH.NET` is no brand)
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1|\]\([^)]*\)|https?://\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
                       r"|(?<![\w.])[\w-]+(?:\.[\w-]+)*\.(?:net|com|ca|fi|fr|de|ie|uk|es|it|pl|pt|lt|cz|nl|eu)\b", re.I)


@dataclass(frozen=True)
class Term:
    source: str              # as the source guide writes it
    locale: str              # "*" for every locale
    use: str                 # what the translation must write
    avoid: tuple[str, ...]   # variants it must not write
    keep: bool               # a name not to translate: matched with its case, as a whole word

    def pattern(self, text: str, whole: bool) -> re.Pattern:
        flags = 0 if self.keep else re.IGNORECASE
        # kept names are whole words (`OVH` is not in `OVHcloud`); a translated term may take an
        # ending (`hallintapaneelissa` for `hallintapaneeli`)
        return re.compile(r"(?<!\w)" + re.escape(text) + (r"(?!\w)" if whole or self.keep else ""), flags)


def parse_terms(terms: dict) -> tuple[list[Term], str | None]:
    """The terms of a ``terms:`` setting and its glossary; (terms, problem with the glossary)."""
    out = [Term(name, "*", name, tuple((terms.get("variants") or {}).get(name, ())), True)
           for name in terms.get("keep") or ()]
    for name, variants in (terms.get("variants") or {}).items():
        if name not in (terms.get("keep") or ()):
            out.append(Term(name, "*", name, tuple(variants), True))
    for locale, entries in (terms.get("locales") or {}).items():
        for source, wanted in entries.items():
            use, avoid = (wanted, ()) if isinstance(wanted, str) else (wanted["use"], tuple(wanted.get("avoid") or ()))
            out.append(Term(source, locale.lower(), use, avoid, False))
    path = terms.get("glossary")
    if not path:
        return out, None
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        return out, f"terms glossary {path} cannot be read: {getattr(e, 'strerror', None) or e}"
    for number, row in enumerate(rows, 2):
        term, locale, use = ((row.get(k) or "").strip() for k in ("term", "locale", "use"))
        if not term or not locale or not use:
            return out, f"terms glossary {path}, line {number}: needs the columns term, locale, use (and avoid)"
        avoid = tuple(v.strip() for v in (row.get("avoid") or "").split(";") if v.strip())
        out.append(Term(term, locale.lower(), use, avoid, use == term))
    return out, None


def _respelled(name: str) -> re.Pattern:
    """The name with another case or spacing: `MX-plan`, `Email pro`, `MXPlan` for `MX Plan`."""
    parts = [re.escape(p) for p in re.split(r"[\s-]+", name) if p]
    loose = r"[\s-]?".join(parts) if len(parts) > 1 else parts[0]
    return re.compile(r"(?<!\w)(?!" + re.escape(name) + r"(?!\w))(?:" + loose + r")(?!\w)", re.IGNORECASE)


@register
class TermMismatch(Rule):
    """
    What it does
        Checks a translation against the terminology list of the configuration's `terms:`
        section (and the CSV glossary it names), block by block against the aligned source:

        - a name not to translate (`keep`: `OVHcloud`, `Email Pro`, `MX Plan`) that the source
          block writes and the translated block writes otherwise (`MX-plan`, `Email pro`),
          or, with `report_missing`, drops (judged only where the two blocks share a link,
          number, code span or image, so that they surely say the same thing);
        - a forbidden variant (`variants: {OVHcloud: [OVH]}`) where the source block writes
          the name: `OVH` where the source says `OVHcloud` (not in host names such as
          `SSL0.OVH.NET`, code or link targets);
        - a source term with a required translation per locale (`locales: {fi-fi:
          {"espace client": hallintapaneeli}}`) translated with a term to avoid
          (`asiakastili`), or, with `report_missing`, not translated with the required term
          (an ending is allowed: `hallintapaneelissa`).

        The glossary is a CSV file with the columns `term,locale,use,avoid` (`locale` `*` for
        all, `use` equal to `term` for a name not to translate, variants separated by `;`),
        relative to the configuration; `examples/terms.csv` is the OVHcloud list.

    Why is this bad?
        Product names are what readers search for and what the interface shows: a guide
        that says `OVH` or translates `Email Pro` points at a product that does not exist,
        and two names for one thing make readers think there are two. Xbench calls this a
        key term mismatch.

    Options
        report_missing: also report a source block's name or term that its aligned
        translated block lacks altogether. Off by default: a translation's blocks often part
        from its source's, so on the 245 real guides most such findings were blocks that say
        different things, or rewordings (16 findings, 1 real). The list itself is the
        `terms:` section of the configuration.

    Example
        (sql_importing_mysql_database: fr-fr source, en-gb translation)
        Source:      connectez-vous à votre [espace client OVHcloud](https://www.ovh.com/auth/…)
        Translation: log in to your [OVH Control Panel](https://www.ovh.com/auth/…)

    Use instead
        log in to your [OVHcloud Control Panel](https://www.ovh.com/auth/…)
    """

    id = "translation/term-mismatch"
    severity = "warning"
    summary = "a product name dropped or changed, or a required term not used, against the source"
    tags = ("translation", "terminology")
    cross_file = True
    options = {"report_missing": Option(False, "also report a name or term the aligned translated block lacks")}

    def check(self, doc, ctx):
        settings = ctx.setting("terms")
        if not settings or doc.locale is None:
            return
        pair = pair_for(doc, ctx)
        if pair is None:
            return
        if settings.get("glossary"):
            ctx.depends_on(settings["glossary"])
        key = ("terms", repr(sorted(settings.items(), key=str)))
        terms, problem = ctx.services.get(key, lambda: parse_terms(settings))
        if problem:
            ctx.report(1, 1, problem)
        mine = [t for t in terms if t.locale in ("*", doc.locale)]
        if not mine:
            return
        for sblock, tblock in pair.matched:
            if sblock.kind == "code" or tblock.kind == "code":
                continue
            for term in mine:
                if not term.pattern(term.source, True).search(sblock.text):
                    continue
                self._judge(doc, ctx, term, sblock, tblock)

    def _judge(self, doc, ctx, term, sblock, tblock):
        patterns = [term.pattern(variant, False) for variant in term.avoid]  # an ending is allowed
        if term.keep:
            patterns.append(_respelled(term.use))
        for pattern in patterns:
            found = self._find(doc, tblock, pattern, term)
            if found:
                line, column, written = found
                ctx.report(line, column, f"'{written}' where the source says '{term.source}' (source line "
                           f"{sblock.line}): write '{term.use}'", end_column=column + len(written))
                return
        if term.pattern(term.use, False).search(tblock.text) or not ctx.option("report_missing"):
            return
        if not (sblock.tokens() & tblock.tokens()):
            return  # a missing term is judged only where the blocks surely say the same thing
        what = "a name not to translate" if term.keep else f"to be translated '{term.use}' in {doc.locale}"
        ctx.report(tblock.line, tblock.column, f"the source (line {sblock.line}) writes '{term.source}', "
                   f"{what}, and this {tblock.label} does not have '{term.use}'")

    @staticmethod
    def _find(doc, block, pattern, term):
        for number in range(block.line, block.end_line + 1):
            line = CODE_SPAN.sub(lambda m: "\0" * len(m.group()), doc.line(number))
            for m in pattern.finditer(line):
                if term.keep and term.pattern(term.use, True).search(line, m.start()) \
                        and term.pattern(term.use, True).search(line, m.start()).start() == m.start():
                    continue  # the variant is the start of the right name
                return number, m.start() + 1, m.group()
        return None
