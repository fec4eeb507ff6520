"""Use cases. Each call is one unit of work that checks the user's permission and writes the audit
trail. Services return plain data and never import Qt."""
