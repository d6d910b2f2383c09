"""The seed article text."""

from pathlib import Path

SEED = (Path(__file__).resolve().parents[2] / "seeds" / "canada-mexico-2025.txt").read_text(
    encoding="utf-8"
)
