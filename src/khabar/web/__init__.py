"""The web interface: JSON API and server-rendered right-to-left pages over a corpus store."""

from khabar.web.app import create_app

__all__ = ["create_app"]
