"""Quality checks for course authors: whether the quiz measures knowledge (cues a test-wise guesser could use, a
simulated guesser, required topics) and whether the text is clear (readability, nynorsk that stays nynorsk).
Each finding is a coded warning from `check`; `check --quality` shows the figures behind them."""
