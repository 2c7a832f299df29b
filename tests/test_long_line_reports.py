"""Reports stay linear on a hostile file: many findings on one megabyte line."""
import io
import json

from lint.baseline import LONG_LINE, fingerprint
from lint.finding import Finding
from lint.reporters import Report, write


def on_line(line: str, column: int, width: int = 3, rule: str = "links/broken-anchor") -> Finding:
    return Finding("g.md", 1, column, 1, column + width, rule, "warning", "no heading", source_line=line)


def test_a_long_line_fingerprints_by_its_text_and_a_digest_of_the_line():
    line = "".join(f"[l{i}](#x{i})" for i in range(LONG_LINE))
    first, second = on_line(line, 1), on_line(line, 1 + line.index("[l1]"))
    assert fingerprint(first) != fingerprint(second)  # the offending text differs
    assert fingerprint(first) == fingerprint(on_line(line + "\n", 1))  # the line ending does not count
    assert fingerprint(first) != fingerprint(on_line(line.replace("x9", "y9"), 1))  # the line does


def test_sarif_writes_each_result_before_the_next_finding_is_made():
    out = io.StringIO()

    def findings():
        for column in (1, 10, 20):
            yield on_line("a" * 40, column)
            # what went before is already written (or waiting in the chunk buffer), not gathered
            assert out.getvalue().startswith("{")

    write(Report(findings(), files=1), "sarif", out)
    run = json.loads(out.getvalue())["runs"][0]
    assert [r["locations"][0]["physicalLocation"]["region"]["startColumn"] for r in run["results"]] == [1, 10, 20]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["links/broken-anchor"]
    assert all(r["ruleIndex"] == 0 for r in run["results"])
