"""Importers: files from Brå, Kolada, Polisen, SCB and the partners into the store."""
