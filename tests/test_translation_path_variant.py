from translation_helpers import check, of

RULE = "translation/path-variant"


def guide(path_form, other="`~/.ssh/id_rsa`"):
    return f"# SSH\n\nOpen the folder `{path_form}` and copy {other}.\n"


def test_the_locale_that_writes_a_path_otherwise_than_the_majority_is_reported(write):
    write("ssh/guide.fr-fr.md", guide(r"C:\Users\Name\AppData\Local\Keys"))
    write("ssh/guide.de-de.md", guide(r"C:\Users\Name\AppData\Local\Keys"))
    odd = write("ssh/guide.en-gb.md", guide(r"C:\Users\Name\AppData\LocalKeys"))
    [f] = of(check(odd), RULE)
    assert (f.line, f.column) == (3, len("Open the folder `") + 1)
    assert f.message == (r"path 'C:\Users\Name\AppData\LocalKeys' is written 'C:\Users\Name\AppData\Local\Keys' "
                         "in 2 of the 3 locales (de-de, fr-fr): the guides must agree")
    assert of(check(write("ssh/guide.fr-fr.md", guide(r"C:\Users\Name\AppData\Local\Keys"))), RULE) == []


def test_the_folders_other_paths_outweigh_the_majority(write):
    # en-gb alone writes `\.ssh`, but so does every other path of the folder: fr-fr and de-de are wrong
    other = r"`C:\Users\Name\.ssh\id_rsa`"
    fr = write("ssh/guide.fr-fr.md", guide(r"C:\Users\WindowsUsername.ssh", other))
    write("ssh/guide.de-de.md", guide(r"C:\Users\WindowsUsername.ssh", other))
    en = write("ssh/guide.en-gb.md", guide(r"C:\Users\WindowsUsername\.ssh", other))
    assert of(check(en), RULE) == []
    [f] = of(check(fr), RULE)
    assert "the folder's other paths agree" in f.message


def test_a_tie_reports_the_translation_and_paths_that_agree_are_fine(write):
    write("ssh/guide.fr-fr.md", guide("/etc/network/interfaces"))
    fi = write("ssh/guide.fi-fi.md", guide("/etc/network.interfaces"))
    assert [f.rule for f in of(check(fi), RULE)] == [RULE]
    assert of(check(write("ssh/guide.fi-fi.md", guide("/etc/network/interfaces"))), RULE) == []
