RULE = "markup/legacy-residue"


CORPUS_EXPECTED = {
    # line numbers people found reading these guides (/tmp/research ground truth), nothing else
    "web/emails/how_to_configure_windows_8/guide.fi-fi.md": {45, 59, 65, 152},
    "web/emails/email_roundcube/guide.fi-fi.md": {109, 223, 384},
    "web/emails/advanced_use_email/guide.fi-fi.md": {52, 64, 75, 97, 108, 203},
    "web/emails/how_to_configure_windows_10/guide.en-gb.md": set(),
    "web/emails/how_to_configure_android/guide.fr-ca.md": set(),
}


def test_real_guides_get_exactly_their_residue(corpus):
    import lint
    from lint.config import Config
    for rel, lines in CORPUS_EXPECTED.items():
        found = lint.check_paths([str(corpus / "ovh-docs/pages" / rel)], config=Config(data={"select": [RULE]}))
        assert {f.line for f in found} == lines, rel
