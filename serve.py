"""`python serve.py [options]`: `streamlit run app.py [options]`, warmed up (make run, the image).

Beside app.py because it starts Streamlit (like app.py and pages/, an entry point; in the
package only ui.py imports streamlit). A thread runs `genai_impact.warm.warm`: once the
server answers, it imports the pages' modules, reads the string catalogues and places the
default map's labels while the first browser loads the front end. Options are passed to
`streamlit run` unchanged; run it from this directory, where `.streamlit/config.toml` is.
"""

from __future__ import annotations

import sys
import threading

from streamlit.web import cli

from genai_impact.warm import port_of, warm


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    threading.Thread(target=warm, args=(port_of(args),), name="warm-imports", daemon=True).start()
    sys.argv = ["streamlit", "run", "app.py", *args]
    cli.main()


if __name__ == "__main__":
    main()
