"""Response codes as the LMS recorded them, turned back into the course's words (see the README's "Interaction
formats": SCORM 1.2 writes letters by position in the source, SCORM 2004 writes ids)."""

from __future__ import annotations

from ..model import Question

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def right_codes(question: Question) -> set[str]:
    """The right answer as the course writes it in both SCORM versions: an LMS that recorded another right answer
    for this question id played another version of the quiz."""
    if question.type == "true-false":
        return {"t" if question.answer else "f", "true" if question.answer else "false"}
    if question.type == "sort":
        positions = {c.id: n for n, c in enumerate(question.categories, 1)}
        return {",".join(f"{LETTERS[n]}.{positions[item.category]}" for n, item in enumerate(question.items)),
                "[,]".join(f"{item.id}[.]{item.category}" for item in question.items)}
    right = [(n, o) for n, o in enumerate(question.options) if o.correct]
    return {",".join(LETTERS[n] for n, _ in right), "[,]".join(o.id for _, o in right)}


def describe_response(question: Question | None, code: str, words: dict) -> tuple[str, str]:
    """The learner's response in words, and the feedback (the misconception it reveals) when the course has one."""
    if question is None or not code:
        return code or "—", ""
    if question.type == "true-false":
        value = code.lower() in ("t", "true", "1")
        feedback = question.feedback_true if value else question.feedback_false
        return (words["true"] if value else words["false"]), feedback or ""
    if question.type == "sort":
        return describe_sort(question, code) or code, ""
    tokens = code.split("[,]") if "[,]" in code else code.split(",")
    chosen = []
    for token in (t.strip() for t in tokens):
        option = next((o for o in question.options if o.id == token), None)
        if option is None and len(token) == 1 and token.isalpha() and ord(token) - 97 < len(question.options):
            option = question.options[ord(token) - 97]  # SCORM 1.2: letters by position in source order
        chosen.append(option)
    if any(o is None for o in chosen):
        return code, ""
    return "; ".join(o.text for o in chosen), " ".join(o.feedback for o in chosen if o.feedback and not o.correct)


def describe_sort(question: Question, code: str) -> str | None:
    """'item → category; …' from a matching response: 2004 writes `item[.]category[,]…` with ids, 1.2 writes
    `a.1,b.2` (item letter and category number, both by position). None when the code does not fit the question."""
    pairs = []
    if "[.]" in code:
        items = {i.id: i for i in question.items}
        categories = {c.id: c for c in question.categories}
        for pair in code.split("[,]"):
            item, _, category = pair.partition("[.]")
            pairs.append((items.get(item.strip()), categories.get(category.strip())))
    else:
        for pair in code.split(","):
            letter, _, number = pair.strip().partition(".")
            index = ord(letter) - 97 if len(letter) == 1 and letter.isalpha() else -1
            position = int(number) - 1 if number.isdigit() else -1
            pairs.append((question.items[index] if 0 <= index < len(question.items) else None,
                          question.categories[position] if 0 <= position < len(question.categories) else None))
    if not pairs or any(item is None or category is None for item, category in pairs):
        return None
    return sort_text(pairs)


def sort_text(pairs) -> str:
    return "; ".join(f"{item.text} → {category.text}" for item, category in pairs)


def right_answer(question: Question, words: dict) -> str:
    if question.type == "true-false":
        return words["true"] if question.answer else words["false"]
    if question.type == "sort":
        categories = {c.id: c for c in question.categories}
        return sort_text((item, categories[item.category]) for item in question.items)
    return "; ".join(o.text for o in question.options if o.correct)
