"""Front matter rules."""
