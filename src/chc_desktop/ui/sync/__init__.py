"""The 同步 area: sync state, log, quarantine and conflicts."""
