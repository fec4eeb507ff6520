"""Pure rules: no Qt, no SQL, nothing of ours imported."""
