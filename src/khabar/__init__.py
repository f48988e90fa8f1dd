"""khabar: reads Arabic news the way an analyst does."""

from khabar.document import Article
from khabar.pipeline import Pipeline

__version__ = "0.1.0"

__all__ = ["Article", "Pipeline", "analyze", "__version__"]


def analyze(text: str, **metadata) -> Article:
    """Run the default pipeline over one article's text and return the annotated `Article`."""
    return Pipeline()(Article(text=text, **metadata))
