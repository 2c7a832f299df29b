from conftest import findings_of

RULE = "frontmatter/updated-mismatch"


def guide(updated, line):
    return f"---\ntitle: Guide\nupdated: {updated}\n---\n\n{line}\n\n## Objectif\n"


def test_a_body_date_that_contradicts_updated_is_reported_where_the_date_is():
    [f] = findings_of(guide("2022-08-04", "**Dernière mise à jour le 03/08/2022**"), path="a/guide.fr-fr.md", rule=RULE)
    assert (f.line, f.column) == (6, len("**Dernière mise à jour le ") + 1)
    assert f.message == ("the body says last updated 03/08/2022 (2022-08-03), "
                         "the front matter says updated: 2022-08-04 (line 3)")


def test_dates_in_words_and_other_languages():
    assert [f.line for f in findings_of(guide("2018-03-12", "**Last updated 5th May 2020**"), rule=RULE)] == [6]
    assert findings_of(guide("2022-05-31", "**Last updated 31st May 2022**"), rule=RULE) == []
    assert findings_of(guide("2018-04-13", "**Päivitetty 13.4.2018**"), path="a/guide.fi-fi.md", rule=RULE) == []
    assert findings_of(guide("2018-04-09", "**Ostatnia aktualizacja dnia 2018-04-09**"), path="a/guide.pl-pl.md",
                       rule=RULE) == []
    assert findings_of(guide("2020-05-05", "**Última actualización: 5 de mayo de 2020**"), path="a/guide.es-es.md",
                       rule=RULE) == []


def test_no_updated_key_no_body_line_or_an_unreadable_date_is_not_judged():
    assert findings_of("---\ntitle: G\n---\n\n**Last updated 5th May 2020**\n", rule=RULE) == []
    assert findings_of(guide("2020-05-05", "Some text."), rule=RULE) == []
    assert findings_of(guide("2020-05-05", "**Last updated recently**"), rule=RULE) == []
    assert findings_of(guide("2020-05-05", "```\nLast updated 1st May 2020\n```"), rule=RULE) == []
