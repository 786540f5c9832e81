"""`kursbygger preview`: the course built in memory, served on 127.0.0.1 inside an LMS simulator, rebuilt on save."""
