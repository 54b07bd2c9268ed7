"""The command line, `genai-impact`: `validate` and `export` of the curated data set
(`main`), and `stats fetch | import | import-rd` of official statistics (`stats`)."""

from genai_impact.cli.main import main

__all__ = ["main"]
