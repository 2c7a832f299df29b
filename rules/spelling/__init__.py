"""Spelling checked against Hunspell dictionaries."""
