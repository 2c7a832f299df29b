from pathlib import Path

import pytest
import yaml

from lint.data import load_yaml

RULE_DATA = sorted(Path(__file__).resolve().parent.parent.glob("rules/*/*.yaml"))


def test_reads_plain_data(write):
    path = write("data.yaml", "ports:\n  995: ssl\nwords: [Portti, 'näin']\n")
    assert load_yaml(path) == {"ports": {995: "ssl"}, "words": ["Portti", "näin"]}


def test_refuses_python_objects(write):
    path = write("evil.yaml", "!!python/object/apply:os.system ['true']\n")
    with pytest.raises(yaml.YAMLError):
        load_yaml(path)


@pytest.mark.parametrize("path", RULE_DATA, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_rule_data_reads_as_with_the_pure_python_loader(path):
    assert load_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8"))
