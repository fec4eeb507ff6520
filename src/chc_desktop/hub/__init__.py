"""The hub server: the HTTP API every workstation syncs through, the rules it enforces, its storage."""
