"""rasid.link."""
