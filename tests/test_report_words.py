"""Every word and message of the HR report exists in bokmål, nynorsk and English, with the same placeholders, and
every code the report's code uses is in the tables."""

from __future__ import annotations

import ast
import re
import string

from builder.report.readers import ExportError
from builder.report.exports.moodle import IDENTITY_FIELDS
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
    code = "\n".join(p.read_text(encoding="utf-8") for p in REPORT.rglob("*.py"))
    page = (REPORT / "templates" / "report.html").read_text(encoding="utf-8")
    found = set(re.findall(r'(?:say\([^,]+, f?|(?:Refusal|ExportError)\(f?)"([a-z_-]+)"', code + page))
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


def test_the_readers_word_nothing_themselves():
    """readers.py refuses with a code and its facts, never a sentence: HR reads it in the report's language."""
    tree = ast.parse((REPORT / "readers.py").read_text(encoding="utf-8"))
    raised = [node for node in ast.walk(tree)
              if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ExportError"]
    assert len(raised) >= 10
    for node in raised:
        code = node.args[0]
        assert isinstance(code, ast.Constant) and code.value in WORDS["en"], ast.unparse(node)
        assert all(isinstance(a, ast.Name) for a in node.args[1:]), ast.unparse(node)  # the path; facts by keyword


def test_a_refusal_is_worded_in_the_report_s_language_with_its_figures_as_it_writes_them():
    refusal = ExportError("file-too-large", "f.txt", size=12345.4, max=4096)  # in the terminal's language (en here)
    shown = {lang: str(ExportError("file-too-large", "f.txt", lang, size=12345.4, max=4096)) for lang in WORDS}
    assert str(refusal) == shown["en"] and "12 345 MB" in shown["nb"] and "4096 MB" in shown["nn"]
    assert "12,345 MB" in shown["en"] and shown["en"].endswith("[file-too-large]")
    assert len(set(shown.values())) == 3


def refusals() -> list[tuple[str, set[str]]]:
    """Every refusal the report's modules raise with a literal code: the code and the facts it passes by name."""
    found = []
    for path in sorted(REPORT.rglob("*.py")):  # the export grammars in exports/ too
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("Refusal", "ExportError") and node.args \
                    and isinstance(node.args[0], ast.Constant):
                found.append((node.args[0].value, {keyword.arg for keyword in node.keywords} - {"lang"}))
    return found


def test_every_refusal_passes_the_facts_its_words_name():
    """The readers raise coded refusals like the rest of the report: each passes exactly the facts its message
    names in every language (a missing one would end the command with a traceback instead of the message)."""
    found = refusals()
    readers = {"file-unreadable", "file-empty", "file-too-large", "file-damaged", "file-damaged-at", "not-utf8",
               "package-as-export", "zip-not-spreadsheet", "not-text", "web-page", "password"}
    assert readers <= {code for code, _ in found} and len(found) > 20
    for code, facts in found:
        for lang in WORDS:
            assert fields(WORDS[lang][code]) - {"path"} == facts, (code, lang)
