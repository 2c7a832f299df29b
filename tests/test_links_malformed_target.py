from rules.links.malformed_target import scheme_problem


def test_scheme_problem_api():
    assert scheme_problem("https://x.fi") is None
    assert scheme_problem("tel:+358") is None
    assert scheme_problem("https::/x") is not None
