"""Administration (administrators only): staff accounts, policy parameters, 居委会."""
