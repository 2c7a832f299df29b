"""Link and image rules: locales, anchors, images, spacing and malformed targets."""
