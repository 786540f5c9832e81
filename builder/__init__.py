"""kursbygger: compile Markdown lessons and YAML quizzes into SCORM packages."""

__version__ = "0.1.0"
