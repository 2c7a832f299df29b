RULE = "punctuation/spacing"


CORPUS_EXPECTED = {
    # line numbers people found reading these guides (/tmp/research ground truth), nothing else
    "web/emails/how_to_configure_outlook_2010/guide.fi-fi.md": {42, 44, 45, 77, 156},
    "web/emails/feature_mailing_list/guide.fi-fi.md": {17, 46, 155, 157},
    "web/emails/advanced_use_email/guide.fi-fi.md": {120, 122},  # and not 100:lle at 185 and 207
    "web/emails/how_to_configure_windows_10/guide.en-gb.md": set(),  # ssl0.ovh.net:993
    "web/hosting/private_sql_first_steps_with_private_sql/guide.en-gb.md": set(),  # hostname:port
    "web/emails/how_to_configure_android/guide.fr-ca.md": set(),  # French spacing
}


def test_real_guides_get_exactly_their_spacing_defects(corpus):
    import lint
    from lint.config import Config
    for rel, lines in CORPUS_EXPECTED.items():
        found = lint.check_paths([str(corpus / "ovh-docs/pages" / rel)], config=Config(data={"select": [RULE]}))
        assert {f.line for f in found} == lines, rel

