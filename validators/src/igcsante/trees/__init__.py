"""Decision trees of the guide: the model (`model`), its checks (`checks`), the command (`cli`)."""
