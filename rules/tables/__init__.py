"""Pipe table rules."""
