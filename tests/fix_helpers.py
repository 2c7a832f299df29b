"""Apply a rule's fixes to a text, as `--fix` would, and check the result lints clean."""
from conftest import findings_of

from lint.fix import apply_fixes
from lint.source import decode


def fixed(text: str, rule: str, path: str = "a/guide.en-gb.md", unsafe: bool = False) -> str:
    """The text after ``rule``'s fixes; asserts the fixed text no longer has those findings."""
    found = findings_of(text, path=path, rule=rule)
    assert found, f"{rule} found nothing to fix"
    new, applied, _ = apply_fixes(decode(text.encode("utf-8")), found, unsafe=unsafe)
    assert applied, f"{rule} had no applicable fix"
    assert findings_of(new, path=path, rule=rule) == [], f"{rule} still reports on its own fix"
    return new
