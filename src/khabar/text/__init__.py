"""Arabic text stages: the normalisation view, sentence splitting and tokenisation."""

from khabar.text.normalize import NormalView, normal_view, normalize


def trim(text: str, start: int, end: int, extra: str = "") -> tuple[int, int]:
    """Shrink `text[start:end]` past surrounding whitespace (and any characters in `extra`)."""
    while start < end and (text[start].isspace() or text[start] in extra):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in extra):
        end -= 1
    return start, end


__all__ = ["NormalView", "normal_view", "normalize", "trim"]
