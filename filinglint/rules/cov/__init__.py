"""Rules on the cover page's identifying fields (CUSIP, amendment number)."""
