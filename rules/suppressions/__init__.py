"""Rules about guidelint's own inline suppression comments."""
