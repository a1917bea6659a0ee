"""Sharing: researchers request resources or data under agreements, curators answer, every service is
recorded for the centers' yearly assessment (regulation arts. 18-19). `service.SharingService` is the
face the app wires; `enums` the closed sets the database also uses (so this package file imports nothing)."""
