"""Readers for the official drug lists (the FDA NDC Directory, Health Canada's Drug Product
Database) and the comparison of what they say with what the checker knows. Pure Python, no
Django: the management commands and the admin's upload screen (checker.imports) do the writing.
"""
