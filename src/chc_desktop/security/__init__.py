"""Login and password hashing, roles and permissions, secrets in the OS keyring."""
