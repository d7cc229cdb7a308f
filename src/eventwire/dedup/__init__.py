"""Near-duplicate detection: syndicated copies and reposts linked to their origin."""
