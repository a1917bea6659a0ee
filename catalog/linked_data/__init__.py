"""Linked open data: every resource, center, dataset and vocabulary concept as RDF at its own URI, the
VoID description of the catalogue and a streamed N-Triples dump. Reads only through the services, so
what a client may see in RDF is exactly what the record pages show it."""
