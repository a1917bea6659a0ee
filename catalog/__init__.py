"""The core every front end shares: configuration, the system of record, storage, search and jobs."""
