"""Drift verdicts on in-sync pairs, after the mutation families of the Kubernetes content-drift
benchmark (kubernetes/website scripts/content_detection_benchmark): each family changes the
source or the translation of a pair that is in sync, and ``compare`` must call the cosmetic
ones ``up_to_date`` and flag the others (``outdated`` or ``structure_changed``).

Two in-sync pairs: a Kubernetes-style task page (English source, French translation, with
shortcodes and kubectl commands) and the OVHcloud-style guide of the other translation tests
(French source, Finnish translation). A family that needs what a page lacks (a list, a
shortcode) is skipped for that page, as the benchmark does.
"""
import re
from pathlib import Path

import pytest

from lint.translations.compare import compare
from translation_helpers import FI, FR

DATA = Path(__file__).parent / "data" / "drift"
FLAGGED = ("outdated", "structure_changed")


class Page:
    def __init__(self, source, target, source_locale, target_locale, words):
        self.source, self.target = source, target
        self.source_locale, self.target_locale = source_locale, target_locale
        self.words = words  # sentences and swaps written in each page's languages


PAGES = {
    "k8s-job": Page(
        (DATA / "job.en.md").read_text(encoding="utf-8"), (DATA / "job.fr.md").read_text(encoding="utf-8"),
        "en", "fr", {
            "benign": " Cette précision aide simplement le lecteur.",
            "extension": " Note that this behaviour may change in a future version of the controller.",
            "sentence": "The Job controller now retries each failed index up to six times before giving up.",
            "renamed": " (Updated)",
            "item": "Verify that the operation completed successfully.",
            "command": ("kubectl apply", "kubectl create"),
            "parameter": ("kubectl describe jobs/indexed-job", " --namespace=default"),
            "section": "\n## Clean up\n\nDelete the Job when you no longer need it:\n\n"
                       "```shell\nkubectl delete job indexed-job\n```\n",
            "link": ("](/docs/concepts/", "](https://kubernetes.io/docs/concepts/"),
        }),
    "ovh-mail": Page(
        FR, FI, "fr", "fi", {
            "benign": " Tämä tarkennus auttaa lukijaa.",
            "extension": " Notez que ce comportement peut changer dans une future version du logiciel.",
            "sentence": "Le logiciel vérifie désormais le certificat du serveur avant chaque envoi de message.",
            "renamed": " (mis à jour)",
            "item": None,
            "command": ("openssl s_client", "openssl s_server"),
            "parameter": ("-connect ssl0.ovh.net:993", " -starttls imap"),
            "section": "\n## Supprimer le compte\n\nOuvrez les paramètres et cliquez sur `Supprimer`{.action}.\n\n"
                       "```bash\nrm -rf ~/.mail/ovh\n```\n",
            "link": ("](/pages/web/emails/feature_redirections)", "](/pages/web/emails/feature_redirections/)"),
        }),
}


# what a mutation edits: Markdown lines outside the front matter ---------------------------------

def _body_start(lines):
    if lines and lines[0].strip() == "---":
        for n in range(1, len(lines)):
            if lines[n].strip() == "---":
                return n + 1
    return 0


def _paragraphs(lines):
    """(start, end) of prose paragraphs: not headings, code, lists, tables, images or shortcodes."""
    out, start, fence = [], None, False
    for n in range(_body_start(lines), len(lines)):
        text = lines[n].strip()
        if text.startswith(("```", "~~~")):
            fence = not fence
        special = fence or text.startswith(("```", "#", "|", "!", "{{", ">", "- ")) or re.match(r"\d+\.\s", text)
        if not text or special:
            if start is not None:
                out.append((start, n))
                start = None
            continue
        if start is None and not lines[n].startswith(" "):
            start = n
    if start is not None:
        out.append((start, len(lines)))
    return out


def _extend(lines, n, text):
    start, end = _paragraphs(lines)[n]
    return lines[:end - 1] + [lines[end - 1].rstrip() + text] + lines[end:]


def _insert_line(lines, n, text):
    start, end = _paragraphs(lines)[n]
    return lines[:end] + [text] + lines[end:]


def _delete_paragraph(lines, n):
    start, end = _paragraphs(lines)[n]
    return lines[:start] + lines[end + 1:]


def _swap_paragraphs(lines):
    (s1, e1), (s2, e2) = _paragraphs(lines)[:2]
    return lines[:s1] + lines[s2:e2] + lines[e1:s2] + lines[s1:e1] + lines[e2:]


def _items(lines):
    return [n for n in range(_body_start(lines), len(lines)) if re.match(r"(?:\d+\.|[-*+])\s", lines[n])]


def _code_blocks(lines):
    fences = [n for n in range(_body_start(lines), len(lines)) if lines[n].strip().startswith("```")]
    return list(zip(fences[::2], fences[1::2]))


def _replace_first(lines, old, new):
    text = "\n".join(lines)
    assert old in text
    return text.replace(old, new, 1).split("\n")


# the families: (name, flagged?, mutation of (source lines, target lines, words)) ------------------

def _heading_rename(s, t, w):
    n = next(k for k in range(len(s)) if s[k].startswith("## "))
    return s[:n] + [s[n] + w["renamed"]] + s[n + 1:], t


def _list_item_added(s, t, w):
    n = _items(s)[0]
    while n + 1 < len(s) and (re.match(r"(?:\d+\.|[-*+])\s", s[n + 1]) or s[n + 1].startswith("   ")):
        n += 1
    marker = re.match(r"(\d+\.|[-*+])\s", s[_items(s)[0]]).group(1)
    return s[:n + 1] + [f"{marker} {w['item']}"] + s[n + 1:], t


def _list_item_removed(s, t, w):
    n = _items(t)[0]
    end = n + 1
    while end < len(t) and t[end].startswith("   "):
        end += 1
    return s, t[:n] + t[end:]


def _code_parameters(s, t, w):
    line, extra = w["parameter"]
    return _replace_first(s, line, line + extra), t


def _missing_code_block(s, t, w):
    start, end = _code_blocks(t)[0]
    return s, t[:start] + t[end + 2:]


def _combined(s, t, w):
    s = _extend(s, 0, w["extension"])
    s, t = _heading_rename(s, t, w)
    if w["item"]:
        s, t = _list_item_added(s, t, w)
    return s, t


def _shortcode_only(s, t, w):
    text = "\n".join(s)
    if "{{% code_sample" not in text:
        pytest.skip("no shortcode on this page")
    return text.replace("{{% code_sample", "{{% codenew", 1).replace("{{< include", "{{< import", 1).split("\n"), t


def _formatting(s, t, w):
    text = "\n".join(s)
    swapped = re.sub(r"(?<![\w*])_([^_\n]+)_(?!\w)", r"*\1*", text, count=1)
    if swapped == text:  # no underscore emphasis: make a word bold instead
        start, end = _paragraphs(s)[0]
        words = s[start].split(" ")
        words[1] = f"**{words[1]}**"
        return s[:start] + [" ".join(words)] + s[start + 1:], t
    return swapped.split("\n"), t


def _needs_list(mutation):
    def run(s, t, w):
        if not w["item"] or not _items(s):
            pytest.skip("no list on this page")
        return mutation(s, t, w)
    return run


FAMILIES = [
    # not outdated: cosmetic or translator-side changes
    ("baseline_unmodified", False, lambda s, t, w: (s, t)),
    ("paragraph_reflow", False, lambda s, t, w: (s, _extend(t, 0, w["benign"]))),
    ("shortcode_only_change", False, _shortcode_only),
    ("paragraph_reorder", False, lambda s, t, w: (s, _swap_paragraphs(t))),
    ("fp_formatting", False, _formatting),
    ("fp_links", False, lambda s, t, w: (_replace_first(s, *w["link"]), t)),
    # outdated: the source says something the translation does not
    ("missing_paragraph", True, lambda s, t, w: (s, _delete_paragraph(t, 1))),
    ("missing_code_block", True, _missing_code_block),
    ("paragraph_extended_in_english", True, lambda s, t, w: (_extend(s, 0, w["extension"]), t)),
    ("paragraph_rewritten_in_english", True, lambda s, t, w: (_insert_line(s, 1, w["sentence"]), t)),
    ("heading_rename", True, _heading_rename),
    ("list_item_added_in_english", True, _needs_list(_list_item_added)),
    ("list_item_removed_translation", True, _needs_list(_list_item_removed)),
    ("code_command_changed", True, lambda s, t, w: (_replace_first(s, *w["command"]), t)),
    ("code_parameters_changed", True, _code_parameters),
    ("combined_drift", True, _combined),
    ("tp_normal_change", True, lambda s, t, w: ((("\n".join(s)).rstrip("\n") + "\n" + w["section"]).split("\n"), t)),
]


def _verdict(tmp_path, page, source, target):
    src = tmp_path / "content" / page.source_locale / "docs" / "guide.md"
    dst = tmp_path / "content" / page.target_locale / "docs" / "guide.md"
    for path, text in ((src, source), (dst, target)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return compare(str(src), str(dst))


@pytest.mark.parametrize("page_id", sorted(PAGES))
@pytest.mark.parametrize("family, flagged, mutate", FAMILIES, ids=[f[0] for f in FAMILIES])
def test_drift_family(tmp_path, page_id, family, flagged, mutate):
    page = PAGES[page_id]
    source, target = mutate(page.source.split("\n"), page.target.split("\n"), page.words)
    assert (source, target) != (page.source.split("\n"), page.target.split("\n")) or family == "baseline_unmodified"
    result = _verdict(tmp_path, page, "\n".join(source), "\n".join(target))
    if flagged:
        assert result.verdict in FLAGGED, [f.message for f in result.findings]
    else:
        assert result.verdict == "up_to_date", [f"{f.rule} {f.message}" for f in result.findings]


def test_a_cosmetic_translation_commit_does_not_hide_an_earlier_source_change(tmp_path):
    # fn_false_sync: the source gained a sentence, then a typo was fixed in the translation;
    # the verdict reads content, so no commit order can mask the drift
    page = PAGES["k8s-job"]
    source = _extend(page.source.split("\n"), 0, page.words["extension"])
    target = page.target.replace("Enfin, vérifiez", "Enfin,  vérifiez").replace("  vérifiez", " vérifiez")
    assert _verdict(tmp_path, page, "\n".join(source), target).verdict == "outdated"
