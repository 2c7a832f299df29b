import pytest

from conftest import findings_of
from lint.config import Config
from lint.anchors import slug_github, slug_toc

RULE = "links/broken-anchor"


def test_legacy_source_language_anchor_is_reported_at_the_hash():
    line = "- Lähtevän SMTP-palvelimen [autentikointi](#configuration_du_compte_partie_7) on aktivoitava."
    text = f"# T\n\n## Vaihe 7: Asetukset\n\n{line}\n"
    [f] = findings_of(text, path="a/guide.fi-fi.md", rule=RULE)
    assert (f.line, f.column) == (5, line.index("#") + 1)
    assert "configuration_du_compte_partie_7" in f.message


def test_closest_id_is_suggested():
    text = "# T\n\n## Version historique de l'offre MX Plan\n\nVoir [ici](./#version-historique-de-loffre-mx-plan_2).\n"
    [f] = findings_of(text, path="a/guide.fr-fr.md", rule=RULE)
    assert "did you mean '#version-historique-de-loffre-mx-plan'" in f.message


def test_headings_explicit_ids_and_html_anchors_resolve():
    text = ("# T\n\n## Étape 1 : s'assurer que l'accès SSH est actif\n\n## Go further <a name=\"gofurther\"></a>\n\n"
            "## Réglages {#settings}\n\n<div id=\"box\">x</div>\n\n## Étape 1 : s'assurer que l'accès SSH est actif\n\n"
            "[a](#etape-1-sassurer-que-lacces-ssh-est-actif) [b](#étape-1--sassurer-que-laccès-ssh-est-actif) "
            "[c](#gofurther) [d](#settings) [e](#box) [f](#GoFurther) [g](#etape-1-sassurer-que-lacces-ssh-est-actif_1) "
            "[h](#) [i](other/guide.fr-fr.md#nothing) [j](#%C3%A9tape-1--sassurer-que-lacc%C3%A8s-ssh-est-actif)\n")
    assert findings_of(text, path="a/guide.fr-fr.md", rule=RULE) == []


def test_strict_slug_style_rejects_the_other_renderers_ids(write):
    text = "# T\n\n## Étape 1\n\n[a](#etape-1)\n"
    cfg = write(".guidelint.yaml", "rules:\n  links/broken-anchor: {strict_slugs: true}\n")
    [f] = findings_of(text, path="a/guide.fr-fr.md", rule=RULE, config=str(cfg))
    assert "did you mean '#étape-1'" in f.message
    cfg = write(".guidelint.yaml", "rules:\n  links/broken-anchor: {strict_slugs: true, slug_style: toc}\n")
    assert findings_of(text, path="a/guide.fr-fr.md", rule=RULE, config=str(cfg)) == []


@pytest.mark.parametrize("title, github, toc", [
    ("Étape 1 : s'assurer", "étape-1--sassurer", "etape-1-sassurer"),
    ("Mikä on kirjanmerkki?", "mikä-on-kirjanmerkki", "mika-on-kirjanmerkki"),
    ("SFTP connection", "sftp-connection", "sftp-connection"),
])
def test_slug_styles(title, github, toc):
    assert slug_github(title) == github
    assert slug_toc(title) == toc


def test_fragment_of_another_guide_is_checked_in_the_same_locale(write):
    import lint
    write("repo/pages/web/emails/feature_redirections/guide.en-gb.md",
          "# Redirections\n\n## Redirect <a name=\"redirect\"></a>\n\n## MX Plan legacy version\n")
    guide = write("repo/pages/web/emails/email_generalities/guide.en-gb.md",
                  "# T\n\n[a](/pages/web/emails/feature_redirections#mx-plan-legacy) "
                  "[b](/pages/web/emails/feature_redirections#mx-plan-legacy-version) [c](../feature_redirections/#redirect) "
                  "[d](/pages/web/emails/not_here#x) [e](https://docs.ovh.com/gb/en/x/#y)\n")
    write("repo/pages/web/emails/email_generalities/guide.fi-fi.md",
          "# T\n\n[a](/pages/web/emails/feature_redirections#puuttuu)\n")  # no fi-fi there: not checked
    found = [f for f in lint.check_paths([str(guide.parent)]) if f.rule == RULE]
    assert [(f.path.endswith("guide.en-gb.md"), f.column) for f in found] == [(True, 43)]
    assert "feature_redirections/guide.en-gb.md" in found[0].message
    assert "did you mean '#mx-plan-legacy-version'" in found[0].message


def test_anchor_copied_from_the_source_translation_suggests_the_translated_heading(write):
    import lint
    write("g/guide.fr-fr.md", "# T\n\n## Étape 1 : ajouter le compte\n\n## Étape 2 : paramètres du serveur\n")
    guide = write("g/guide.fi-fi.md", "# T\n\n## Vaihe 1: tilin lisääminen\n\n## Vaihe 2: palvelimen asetukset\n\n"
                                      "Lue [vaihe 2](#etape-2-parametres-du-serveur).\n")
    alone = Config(data={"ignore": ["translation/anchor-leak"]})  # it owns a leaked source id otherwise
    [f] = [f for f in lint.check_paths([str(guide)], config=alone) if f.rule == RULE]
    assert "heading 3 in guide.fr-fr.md, here '#vaihe-2-palvelimen-asetukset'" in f.message
