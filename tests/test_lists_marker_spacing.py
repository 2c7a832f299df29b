RULE = "lists/marker-spacing"


CORPUS_EXPECTED = {
    # line numbers people found reading these guides (/tmp/research ground truth), nothing else
    "web/emails/email_roundcube/guide.fi-fi.md": {207, 208, 209, 210, 241, 242, 243, 244, 245, 246},
    "web/emails/feature_mailing_list/guide.fi-fi.md": {42, 43, 44},
    "web/emails/how_to_configure_outlook_2010/guide.lt-lt.md": {39, 40, 42, 43, 44, 46, 47, 110, 111, 112},
    "web/emails/how_to_configure_outlook_2010/guide.fr-fr.md": set(),  # `1.` on every item is fine
    "web/emails/email_roundcube/guide.en-gb.md": set(),  # 4-space nested sub-items
}


def test_real_guides_get_exactly_their_broken_list_lines(corpus):
    import lint
    from lint.config import Config
    for rel, lines in CORPUS_EXPECTED.items():
        found = lint.check_paths([str(corpus / "ovh-docs/pages" / rel)], config=Config(data={"select": [RULE]}))
        assert {f.line for f in found} == lines, rel
