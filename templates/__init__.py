"""Jinja templates shipped with derive (this folder is installed as the package ``derive.templates``)."""
