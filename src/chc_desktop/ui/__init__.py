"""Qt widgets only: they call services and show what comes back. No SQL, no business rule."""
