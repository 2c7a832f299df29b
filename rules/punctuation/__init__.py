"""Punctuation rules: spacing around punctuation marks in prose."""
