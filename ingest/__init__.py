"""Ingest pipeline of uploaded record files; `ingest.readers` turns a file into a header and raw rows."""
