"""Words: repetitions and slips between words."""
