"""Built-in rules: one folder per family, one module per rule, data as YAML beside them."""
