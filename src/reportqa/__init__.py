"""reportqa: exact, cited answers from Chinese government information-disclosure annual reports."""

__version__ = "0.13.0"
