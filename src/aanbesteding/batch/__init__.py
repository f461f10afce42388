"""Many profiles at once: one set of documents per profile, on all cores."""
