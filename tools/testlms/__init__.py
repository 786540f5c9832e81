"""The test LMS: a local site with scorm-again playing Moodle 4.3, and Chromium driven by Playwright."""
