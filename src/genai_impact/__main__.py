"""`python -m genai_impact` runs the command line."""

import sys

from genai_impact.cli import main

sys.exit(main())
