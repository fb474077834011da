"""rasid.api."""
