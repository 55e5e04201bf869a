"""services layer (see docs/ and ../shared/DESIGN.md)."""
