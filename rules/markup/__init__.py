"""Markup rules: what an older tool left in the text that the page will show as is."""
