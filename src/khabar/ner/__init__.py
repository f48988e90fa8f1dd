"""Arabic named-entity recognition: e5-small fine-tuned and shipped as ONNX, run without PyTorch."""
