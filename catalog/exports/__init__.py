"""Exports of published records as files: Darwin Core Archives (dwca.py, eml.py), MCPD CSV for germplasm
(mcpd.py), what a selection contains and how each actor sees it (selection.py), and background export jobs
(service.py). Visibility is ResourceService's: every record is written exactly as its page shows it."""
