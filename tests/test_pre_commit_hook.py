"""The real pre-commit hook, set up exactly as the README says, on a throwaway docs repository.

The hook's repository is a git copy of this checkout as it is now (its tracked and new
files, committed); the README's configuration is used with only ``repo`` replaced, and ``rev``
is pinned by the README's own ``pre-commit autoupdate`` command. pre-commit builds the hook's
environment (guidelint and the dictionaries, from PyPI) once per test session.
"""
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import CORPUS, ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def run(cwd, *args, env=None, check=True) -> subprocess.CompletedProcess:
    done = subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, timeout=1200,
                          env={**os.environ, **GIT_ENV, **(env or {})})
    if check and done.returncode != 0:
        raise AssertionError(f"{args} failed:\n{done.stdout}\n{done.stderr}")
    return done


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory) -> tuple[str, str]:
    """A git repository holding this checkout's files, and its commit."""
    src = tmp_path_factory.mktemp("guidelint-src")
    names = run(ROOT, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard").stdout
    for name in filter(None, names.split("\0")):
        if (ROOT / name).is_file():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, src / name)
    run(src, "git", "init", "-q", "-b", "main")
    run(src, "git", "add", "-A")
    run(src, "git", "commit", "-q", "-m", "guidelint as checked out")
    return str(src), run(src, "git", "rev-parse", "HEAD").stdout.strip()


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> str:
    """One hook environment for the session: building it installs ~300 MB of dictionaries."""
    return str(tmp_path_factory.mktemp("pre-commit-home"))


def readme_configuration(repo_url: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### As a pre-commit hook"):]
    config = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    assert "https://github.com/<you>/guidelint" in config
    return config.replace("https://github.com/<you>/guidelint", repo_url)


def readme_setup_commands() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### As a pre-commit hook"):]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line.split("#")[0].split() for line in block.splitlines() if line.split("#")[0].strip()]


class Docs:
    """A docs repository with the hook installed as the README says."""

    def __init__(self, path, hook_repo, home):
        self.path, self.env = path, {"PRE_COMMIT_HOME": home}
        path.mkdir()
        run(path, "git", "init", "-q", "-b", "main")
        (path / ".pre-commit-config.yaml").write_text(readme_configuration(hook_repo[0]), encoding="utf-8")
        for command in readme_setup_commands():
            assert command[0] == "pre-commit"
            run(path, sys.executable, "-m", "pre_commit", *command[1:], env=self.env)
        pinned = (path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
        assert f"rev: {hook_repo[1]}" in pinned, pinned  # the README's autoupdate pinned the commit

    def write(self, rel: str, text: str) -> None:
        (self.path / rel).parent.mkdir(parents=True, exist_ok=True)
        with open(self.path / rel, "w", encoding="utf-8", newline="") as f:
            f.write(text)

    def read(self, rel: str) -> str:
        """The text with its line endings as they are (corpus guides have CRLF)."""
        with open(self.path / rel, encoding="utf-8", newline="") as f:
            return f.read()

    def commit(self, message: str, verify: bool = True) -> subprocess.CompletedProcess:
        """``git commit``; the hook's output (git passes it to stderr) is in ``.stdout``."""
        run(self.path, "git", "add", "-A")
        args = ["git", "commit", "-q", "-m", message] + ([] if verify else ["--no-verify"])
        done = run(self.path, *args, env=self.env, check=False)
        done.stdout += done.stderr
        return done

    def lines_with_findings(self, rel: str) -> set[int]:
        return {int(m) for m in re.findall(rf"^{re.escape(rel)}:(\d+):", self.check(rel).stdout, re.M)}

    def check(self, rel: str) -> subprocess.CompletedProcess:
        """guidelint itself, on the whole file: what the hook does not report is still there."""
        return run(self.path, sys.executable, "-m", "lint.cli", "check", "--no-cache", rel, check=False,
                   env={"PYTHONPATH": str(ROOT)})


SOURCE = """---
title: Sähköpostin määritys
slug: email
---

# Configurer l'e-mail

Ouvrez les **Paramètres** du téléphone.

Choisissez le type de compte IMAP.

Le serveur entrant utilise le port 993.
"""
FINNISH = """---
title: Sähköpostin määritys
slug: email
---

# Sähköpostin määritys

Avaa puhelimen **Asetukset**  heti.

Valitse tilin tyypiksi IMAP.

Saapuvan postin palvelin käyttää porttia 993.
"""
GERMAN = """---
title: E-Mail einrichten
slug: email
---

# E-Mail einrichten

Öffnen Sie die **Einstellungen**  des Telefons.

Wählen Sie den Kontotyp IMAP.

Der Posteingangsserver nutzt Port 993.
"""


def _line_of(text: str, word: str, avoid=frozenset()) -> int:
    """The first paragraph line (after the front matter) holding ``word``, not in ``avoid``."""
    lines = text.splitlines()  # any line ending
    body = lines.index("---", 1) + 1 if lines and lines[0] == "---" else 0
    return next(n for n, line in enumerate(lines, 1)
                if n > body and word in line and n not in avoid and line[:1].isalpha())


def _walk_through(docs: Docs, folder: str, finnish: str, source: str, translations: list[str]) -> None:
    """The three commits of the issue's "done when", in ``folder`` of ``docs``."""
    fi = f"{folder}/guide.fi-fi.md"
    assert docs.check(fi).returncode == 1, "the guide should start with older findings"

    # 1. a new doubled letter blocks the commit, named with its rule at its line and column
    lines = docs.read(fi).split("\n")
    at = _line_of(docs.read(fi), "IMAP", avoid=docs.lines_with_findings(fi))
    lines[at - 1] = lines[at - 1].replace("IMAP", "ensimmäisenn IMAP", 1)
    docs.write(fi, "\n".join(lines))
    blocked = docs.commit("typo")
    assert blocked.returncode == 1, blocked.stdout
    column = lines[at - 1].index("ensimmäisenn") + 1
    assert f"{fi}:{at}:{column}: warning spelling/doubled-letter 'ensimmäisenn'" in blocked.stdout
    # (a machine without Voikko adds its internal/no-dictionary note: a note, not a finding)
    reported = [line for line in blocked.stdout.splitlines() if re.match(r"\S+:\d+:\d+: ", line)
                and "internal/no-dictionary" not in line]
    assert len(reported) == 1, blocked.stdout  # the guide's older findings are not the commit's

    # 2. fixing it lets the commit pass, although the file keeps its older findings
    docs.write(fi, docs.read(fi).replace("ensimmäisenn", "ensimmäisen"))
    passed = docs.commit("fixed")
    assert passed.returncode == 0, passed.stdout
    assert docs.check(fi).returncode == 1

    # 3. a source change lists the translations it puts out of date, and does not fail
    src = f"{folder}/{source}"
    text = docs.read(src)
    lines = text.split("\n")
    at = _line_of(text, "IMAP", avoid=docs.lines_with_findings(src))
    lines[at - 1] = lines[at - 1].replace("IMAP", "IMAP (recommandé)", 1)
    changed = "\n".join(lines)
    docs.write(src, changed)
    listed = docs.commit("source changed")
    assert listed.returncode == 0, listed.stdout
    for name in translations:
        assert re.search(rf"{re.escape(folder)}/{re.escape(name)}:\d+:1: info changes/source-changed "
                         rf"{re.escape(source)} changed at line {at}",
                         listed.stdout), listed.stdout


def test_the_readme_hook_blocks_only_what_the_commit_adds(tmp_path, hook_repo, pre_commit_home):
    docs = Docs(tmp_path / "docs", hook_repo, pre_commit_home)
    docs.write("pages/mail/guide.fr-fr.md", SOURCE)
    docs.write("pages/mail/guide.fi-fi.md", FINNISH)
    docs.write("pages/mail/guide.de-de.md", GERMAN)
    assert docs.commit("legacy guides", verify=False).returncode == 0
    _walk_through(docs, "pages/mail", FINNISH, "guide.fr-fr.md", ["guide.fi-fi.md", "guide.de-de.md"])

    # a locale without a dictionary passes, and says so once although the hook passed
    for folder in ("pages/one", "pages/two"):
        docs.write(f"{folder}/guide.zz-zz.md", "---\ntitle: Zz\nslug: zz\n---\n\n# Zz\n\nZorba yksi.\n")
    noted = docs.commit("an unknown locale")
    assert noted.returncode == 0, noted.stdout
    assert noted.stdout.count("internal/no-dictionary") == 1, noted.stdout


def test_the_readme_hook_on_a_corpus_guide(tmp_path, hook_repo, pre_commit_home):
    folder = CORPUS / "ovh-docs" / "pages" / "web" / "emails" / "how_to_configure_android_44"
    if not folder.is_dir() or not (folder / "guide.fi-fi.md").is_file():
        pytest.skip("../shared/corpus is not here")
    docs = Docs(tmp_path / "docs", hook_repo, pre_commit_home)
    target = docs.path / "pages" / "emails" / "android"
    shutil.copytree(folder, target, ignore=shutil.ignore_patterns("images"))
    for top, dirs, names in os.walk(target):  # a read-only corpus copies read-only
        os.chmod(top, 0o755)
        for name in names:
            os.chmod(os.path.join(top, name), 0o644)
    assert docs.commit("corpus guides", verify=False).returncode == 0
    translations = sorted(p.name for p in target.glob("guide.*.md") if p.name != "guide.fr-fr.md")
    _walk_through(docs, "pages/emails/android", docs.read("pages/emails/android/guide.fi-fi.md"),
                  "guide.fr-fr.md", translations)
