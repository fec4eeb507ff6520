"""Pure rules of the resident file: no Qt, no SQL, nothing else of ours imported."""
