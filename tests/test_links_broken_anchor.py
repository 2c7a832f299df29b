import pytest

from lint.anchors import slug_github, slug_toc


@pytest.mark.parametrize("title, github, toc", [
    ("Étape 1 : s'assurer", "étape-1--sassurer", "etape-1-sassurer"),
    ("Mikä on kirjanmerkki?", "mikä-on-kirjanmerkki", "mika-on-kirjanmerkki"),
    ("SFTP connection", "sftp-connection", "sftp-connection"),
])
def test_slug_styles(title, github, toc):
    assert slug_github(title) == github
    assert slug_toc(title) == toc

