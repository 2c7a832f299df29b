"""List rules: lines that were meant to be list items but will not render as one."""
