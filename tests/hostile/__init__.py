"""A corpus of hostile documents, generated at test time (special files cannot live in git)."""
