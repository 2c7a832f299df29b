import pytest

import lint
from translation_helpers import check, of

RULE = "translation/term-mismatch"

SOURCE = ("# Email\n\nConnectez-vous à votre [espace client OVHcloud](https://www.ovh.com/manager/), "
          "partie `Web Cloud`{.action}.\n\n- Une adresse MX Plan ou Email Pro (1 Go).\n")

CONFIG = """terms:
  keep: [Email Pro, MX Plan]
  variants: {OVHcloud: [OVH]}
  locales:
    fi-fi:
      espace client: {use: hallintapaneeli, avoid: [asiakastili]}
"""


def run(write, text, config=CONFIG, locale="fi-fi"):
    cfg = write(".guidelint.yaml", config)
    write("g/guide.fr-fr.md", SOURCE)
    return of(check(write(f"g/guide.{locale}.md", text), lint.Config.load(str(cfg))), RULE)


def test_a_dropped_name_is_reported_only_with_report_missing(write):
    dropped = "# Sähköposti\n\nKirjaudu hallintaan.\n\n- Sähköpostiosoite (1 Gt).\n"
    assert run(write, dropped) == []
    found = run(write, dropped, CONFIG + "rules:\n  translation/term-mismatch: {report_missing: true}\n")
    assert [f.line for f in found] == [5, 5]
    assert {f.message.split(",")[0] for f in found} == {"the source (line 5) writes 'MX Plan'",
                                                         "the source (line 5) writes 'Email Pro'"}


def test_a_csv_glossary_beside_the_configuration(write):
    write("terms.csv", "term,locale,use,avoid\nOVHcloud,*,OVHcloud,OVH\nespace client,de-de,Kundencenter,Kundenbereich\n")
    text = ("# E-Mail\n\nLoggen Sie sich in Ihrem [OVH Kundenbereich](https://www.ovh.com/manager/) ein, "
            "`Web Cloud`{.action}.\n\n- Eine MX Plan oder Email Pro Adresse (1 GB).\n")
    found = run(write, text, "terms:\n  glossary: terms.csv\n", locale="de-de")
    assert [f.message.split(" where")[0] for f in found] == ["'OVH'", "'Kundenbereich'"]
    broken = run(write, text, "terms:\n  glossary: missing.csv\n", locale="de-de")
    assert [(f.line, f.message.split(":")[0]) for f in broken] == [(1, f"terms glossary {write('x', '').parent / 'missing.csv'} cannot be read")]


@pytest.mark.parametrize("bad", ["terms: {keep: OVHcloud}\n", "terms: {glossry: a.csv}\n",
                                 "terms: {locales: {fi-fi: {espace client: [a]}}}\n"])
def test_a_malformed_terms_section_is_a_configuration_error(write, bad):
    with pytest.raises(lint.config.ConfigError):
        lint.Config.load(str(write(".guidelint.yaml", bad)))
