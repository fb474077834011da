"""rasid.extract."""
