"""rasid.web."""
