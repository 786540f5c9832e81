"""Every word and message of the HR report exists in bokmål, nynorsk and English, with the same placeholders, and
every code the report's code uses is in the tables."""

from __future__ import annotations

import ast
import re
import string

from builder.report.reader_messages import coded
from builder.report.layout import IDENTITY_FIELDS
from builder.report.status import ORDER
from builder.report.words import WORDS
from tests.conftest import REPO

REPORT = REPO / "builder" / "report"


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_every_key_with_the_same_placeholders():
    nb, nn, en = WORDS["nb"], WORDS["nn"], WORDS["en"]
    assert nb.keys() == nn.keys() == en.keys()
    for key in nb:
        assert fields(nb[key]) == fields(nn[key]) == fields(en[key]), key
        assert nb[key].strip() and nn[key].strip() and en[key].strip(), key
    assert sum(nb[k] != nn[k] for k in nb) > len(nb) * 0.6  # nynorsk, not a copy of bokmål
    assert sum(nb[k] != en[k] for k in nb) > len(nb) * 0.9


def used_codes() -> set[str]:
    """Every key the code and the template name literally, and the families they build from a value."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in REPORT.glob("*.py"))
    page = (REPORT / "templates" / "report.html").read_text(encoding="utf-8")
    found = set(re.findall(r'(?:say\([^,]+, f?|Refusal\(f?)"([a-z_-]+)"', code + page))
    found |= set(re.findall(r"\bt\.([a-z_]+)", page)) | set(re.findall(r'\bt\["([a-z_]+)"\]', code + page))
    found |= {f"card_{s}" for s in ORDER} | {f"status_{s}" for s in ORDER}
    found |= {f"flag_{f}" for f in ("easy", "hard", "negative")}
    found |= {f"headline_{h}" for h in ("passed", "completed", "no_pass_mark")}
    found |= {f"sum_headline_{h}" for h in ("passed", "completed", "no_pass_mark")}
    found |= {f"download-{d}" for d in ("gradebook", "completion")}
    found |= {f"field_{f}" for f in IDENTITY_FIELDS}
    return {c for c in found if not c.endswith(("_", "-"))}


def test_every_code_in_use_is_in_the_tables():
    missing = used_codes() - WORDS["nb"].keys()
    assert missing == set()
    assert len(used_codes()) > 100  # the scan finds the words, not nothing



def reader_messages() -> list[str]:
    """Every refusal readers.py can raise, its placeholders filled with a file name and numbers."""
    tree = ast.parse((REPORT / "readers.py").read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ExportError" and node.args:
            parts = node.args[0].values if isinstance(node.args[0], ast.JoinedStr) else [node.args[0]]
            found.append("".join(p.value if isinstance(p, ast.Constant) else ("f.txt" if i == 0 else "7")
                                 for i, p in enumerate(parts)))
    return found


def test_every_reader_message_is_given_a_code_and_translated():
    messages = reader_messages()
    assert len(messages) >= 10
    for message in messages:
        refusal = coded(message, "nb")
        assert refusal.code != "unreadable" and refusal.path == "f.txt", message
        assert str(refusal) != message and str(coded(message, "nn")) != str(refusal)
