"""Raw input (text, HTML, JSON, JSON Lines, SaudiNewsNet zips, stdin) to `Article` objects."""

from khabar.ingest.batch import ArticleStream, Failure, IngestReport, iter_articles, read_path
from khabar.ingest.dates import iso_date
from khabar.ingest.encoding import check_encoding, decode_bytes
from khabar.ingest.html import read_html
from khabar.ingest.readers import MAX_BYTES
from khabar.ingest.records import JsonFields

__all__ = [
    "MAX_BYTES",
    "ArticleStream",
    "Failure",
    "IngestReport",
    "JsonFields",
    "check_encoding",
    "decode_bytes",
    "iso_date",
    "iter_articles",
    "read_html",
    "read_path",
]
