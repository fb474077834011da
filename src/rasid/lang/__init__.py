"""rasid.lang."""
