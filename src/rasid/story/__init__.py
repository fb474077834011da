"""rasid.story."""
