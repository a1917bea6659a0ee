"""Marshmallow schemas of the JSON API's documents and request bodies, read by catalog_api.openapi to describe
the API. The views build their documents themselves; these schemas say what those documents are."""
