"""Date formats per English: the US month-first, the rest day-first (issue 15)."""
