"""Arabic text stages: the normalisation view, sentence splitting and tokenisation."""

from khabar.text.normalize import NormalView, normal_view, normalize

__all__ = ["NormalView", "normal_view", "normalize"]
