"""The command line, `genai-impact`: `validate` and `export` of the curated data set
(`main`), `stats fetch | import | import-rd` of official statistics (`stats`), and
`deck export` of an agenda file as PPTX, PDF or HTML slides (`deck`)."""

from genai_impact.cli.main import main

__all__ = ["main"]
