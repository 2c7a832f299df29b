"""Language: prose written in another language than the guide's locale."""
