"""Start the reportqa web app: ``python app.py [--host 127.0.0.1] [--port 7860] [--index DIR]``.

On first start with an empty index it ingests corpus/ (a progress bar in the console), then serves the Gradio UI on
http://127.0.0.1:7860. Staff upload is enabled only when REPORTQA_ADMIN_TOKEN is set.
"""

import os
import sys
from pathlib import Path

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before anything imports gradio

SRC = Path(__file__).resolve().parent / "src"
if SRC.is_dir() and str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))  # runs from a checkout even when the package is not pip-installed

from reportqa.webapp import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
