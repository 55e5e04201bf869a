"""The photo panel: thumbnails, caption/credit/alt text, add, remove, reorder."""
