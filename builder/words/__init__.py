"""Every word a user reads, in one home per language: builder/words/<language>.toml, a table per area (player,
handout, report, preview, audit, cli) and inside it one message per stable code with str.format placeholders.
A message's code is «area.key» («cli.nothing_built»); tests and scripts name the code, never the wording.

Which language the tool speaks: `kursbygger --lang`, else $KURSBYGGER_LANG, else the locale (LC_ALL, LC_MESSAGES,
LANG), else bokmål, for the audience is Norwegian. Pages made for others (the course, the HR report, the handout)
take their own language from the course instead; they pass it in.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import tomllib
from importlib import resources

LANGUAGES = ("nb", "nn", "en")
DEFAULT = "nb"
ENV = "KURSBYGGER_LANG"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # the order POSIX gives them for messages
# What a locale's language part means here: «no» is the older code for Norwegian, written in bokmål.
LOCALE_LANGUAGES = {"nb": "nb", "no": "nb", "nn": "nn", "en": "en"}

_chosen: str | None = None  # --lang of this run of the CLI


@functools.cache
def catalog(language: str) -> dict[str, str]:
    """All messages of one language, by code («area.key», nested tables joined with dots)."""
    if language not in LANGUAGES:
        raise KeyError(f"no words for language {language!r}; there are {', '.join(LANGUAGES)}")
    text = resources.files(__package__).joinpath(f"{language}.toml").read_text(encoding="utf-8")
    return dict(flatten(tomllib.loads(text)))


def flatten(table: dict, prefix: str = ""):
    for key, value in table.items():
        if isinstance(value, dict):
            yield from flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


@functools.cache
def area(name: str, language: str) -> dict[str, str]:
    """One area's messages by their key inside it, e.g. area("player", "nb")["skip"]; not to be changed."""
    start = f"{name}."
    return {code.removeprefix(start): text for code, text in catalog(language).items() if code.startswith(start)}


def say(code: str, language: str | None = None, /, **params) -> str:
    """The message `code` in `language` (default: the CLI's), its placeholders filled."""
    return catalog(language or current())[code].format(**params)


def choose(language: str | None) -> None:
    """The CLI's --lang for this run (None: the environment decides)."""
    global _chosen
    _chosen = language


@contextlib.contextmanager
def speaking(language: str):
    """Inside the block, words said without a language come in `language`: a page for someone else (the audit's
    report) that embeds another part's messages (validate's findings) keeps one language."""
    global _chosen
    before, _chosen = _chosen, language
    try:
        yield
    finally:
        _chosen = before


def current() -> str:
    """The language the tool speaks to its user now."""
    return _chosen or from_environment(os.environ)


def from_environment(env) -> str:
    if env.get(ENV) in LANGUAGES:
        return env[ENV]
    for variable in LOCALE_VARIABLES:
        if env.get(variable):  # the first one set decides, as for every program's messages
            return LOCALE_LANGUAGES.get(env[variable].split(".")[0].split("@")[0].split("_")[0].lower(), DEFAULT)
    return DEFAULT


def number(value: float, decimals: int = 0, language: str | None = None) -> str:
    """A number as prose writes it: «0,5» and «12 345» in Norwegian (a decimal comma; a space between thousands from
    five digits on, as Språkrådet advises), «0.5» and «12,345» in English."""
    text = f"{value:,.{decimals}f}"
    if (language or current()) == "en":
        return text
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", " ") if abs(value) >= 10_000 else whole.replace(",", "")
    return f"{whole},{fraction}" if fraction else whole


# Why the system refused a file, for the errors a course owner or HR meets; the rest keep the system's own words.
SYSTEM_REASONS = {errno.ENOENT: "cli.os.enoent", errno.EACCES: "cli.os.eacces", errno.EPERM: "cli.os.eperm",
                  errno.ENOTDIR: "cli.os.enotdir", errno.EISDIR: "cli.os.eisdir", errno.EEXIST: "cli.os.eexist",
                  errno.ENOSPC: "cli.os.enospc", errno.EROFS: "cli.os.erofs"}


def system_reason(exc: OSError, language: str | None = None) -> str:
    """«finnes ikke», «ingen tilgang»: an OSError's reason in words (its strerror is the C library's English)."""
    code = SYSTEM_REASONS.get(exc.errno)
    return say(code, language) if code else (exc.strerror or exc.__class__.__name__)


def counted(code: str, n: int, language: str | None = None, /, **params) -> str:
    """A message about `n` things in the right number: `code-one` for exactly one, else `code`, with {n} written by
    number() («1 fil», «3 filer», «12 345 filer»). Every language here has one singular and one plural form."""
    return say(f"{code}-one" if n == 1 else code, language, n=number(n, 0, language), **params)


def percent(share: float, decimals: int = 0, language: str | None = None) -> str:
    """A share (0.25) as a percentage with a space before the sign, as every message of the tool writes it: «25 %»."""
    return f"{number(100 * share, decimals, language)} %"
