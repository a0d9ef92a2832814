"""The leadership report (monthly, quarterly or annual) as PDF and as Excel, from one gathered content."""
