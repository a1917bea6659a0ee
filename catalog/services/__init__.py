"""Services: each public method takes the acting user first, checks permission, and commits once."""
