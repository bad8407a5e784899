"""``python -m reportqa.webapp``: the same as ``python app.py``."""

import sys

from . import main

sys.exit(main())
