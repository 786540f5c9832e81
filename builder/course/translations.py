"""Parity between the bokmål core and each translation in translations/<language>/.

A translation may differ from the core in its words only: the same lessons, the same questions with the same
ids, types, options, right answers and sort categories, so HR's reports compare editions question by question.
"""

from __future__ import annotations

from pathlib import Path

from .load import Loader
from .model import Quiz, Where
from .problems import Problem, said
from .overlay import TRANSLATIONS, Overlay, content_hash
from .reading import read_yaml


def languages(root: Path) -> list[str]:
    folder = root / TRANSLATIONS
    return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


def check_translations(root: Path) -> list[Problem]:
    problems: list[Problem] = []
    for language in languages(root):
        problems += Parity(root, language).problems()
    return problems


class Parity:
    def __init__(self, root: Path, language: str):
        self.root, self.overlay = root, Overlay(root, language)
        self.loader = Loader()
        self.found: list[Problem] = []

    def rel(self, path: Path) -> str:
        """Paths in messages as git knows them (for `git log -p`): relative to the course's folder."""
        return path.relative_to(self.root).as_posix()

    def error(self, where: Where, message: str) -> None:
        self.found.append(Problem(where, message))

    def problems(self) -> list[Problem]:
        self.lessons()
        self.quizzes()
        for relative in ("course/course.yaml", "course/discussion.yaml"):  # loaded (and checked) elsewhere
            translated = self.overlay.translated(relative)
            if translated is not None and not (self.root / relative).is_file():
                if relative != "course/course.yaml":  # no course.yaml is the loader's one error, not a second here
                    self.error(Where(translated, 1, 1), said("source.translation.no-original",
                                                             file=self.rel(translated), original=relative))
            elif translated is not None:
                data = read_yaml(translated, self.loader.error)
                stamp = data.get("translated_from") if isinstance(data, dict) else None
                line, col = data.value_at("translated_from") if stamp else (0, 0)
                where = Where(translated, line + 1, col + 1)
                self.stale(translated, self.root / relative, stamp, where)
        return self.loader.problems + self.found

    def pairs(self, relative_folder: str, pattern: str) -> list[tuple[Path, Path]]:
        """(core file, translation) for every file in either; a file missing on one side is an error."""
        core_dir, translated_dir = self.root / relative_folder, self.overlay.folder / relative_folder
        core = {p.name: p for p in sorted(core_dir.glob(pattern))} if core_dir.is_dir() else {}
        translated = {p.name: p for p in sorted(translated_dir.glob(pattern))} if translated_dir.is_dir() else {}
        for name in core.keys() - translated.keys():
            self.error(Where(core[name], 1, 1), said("source.translation.file-missing", file=self.rel(core[name]),
                                                     language=self.overlay.language,
                                                     translation=self.rel(translated_dir / name)))
        for name in translated.keys() - core.keys():
            self.error(Where(translated[name], 1, 1), said("source.translation.no-original",
                                                           file=self.rel(translated[name]),
                                                           original=self.rel(core_dir / name)))
        return [(core[name], translated[name]) for name in sorted(core.keys() & translated.keys())]

    def lessons(self) -> None:
        for core, translated in self.pairs("course/lessons", "*.md"):
            original, translation = self.loader.lesson(core), self.loader.lesson(translated)
            if original is None or translation is None:
                continue
            if original.id != translation.id:
                self.error(translation.where_of("id"), said("source.translation.lesson-id-differs",
                                                            id=translation.id, original=original.id))
            self.stale(translated, core, translation.translated_from, translation.where_of("translated_from"))

    def quizzes(self) -> None:
        for core, translated in self.pairs("quizzes", "*.yaml"):
            known = len(self.loader.problems)
            original, translation = self.loader.quiz(core), self.loader.quiz(translated)
            if original is None or translation is None:
                continue
            if len(self.loader.problems) == known:  # a question left out at load would read as one not translated
                self.same_questions(original, translation)
            self.stale(translated, core, translation.translated_from, translation.where_of("translated_from"))

    def same_questions(self, original: Quiz, translation: Quiz) -> None:
        theirs = {q.id: q for q in translation.questions}
        ours = {q.id: q for q in original.questions}
        for q in original.questions:
            if q.id not in theirs:
                self.error(q.where_of("id"), said("source.translation.question-missing", question=q.id,
                                                  language=self.overlay.language,
                                                  file=self.rel(translation.where.path)))
            elif (mine := q.structure()) != (other := theirs[q.id].structure()):
                what = ", ".join(name for name in mine if mine[name] != other.get(name))
                self.error(theirs[q.id].where_of("id"), said("source.translation.question-differs", question=q.id,
                                                             fields=what))
        for q in translation.questions:
            if q.id not in ours:
                self.error(q.where_of("id"), said("source.translation.question-not-in-original", question=q.id,
                                                  file=self.rel(original.where.path)))
        if [q.id for q in original.questions] != [q.id for q in translation.questions] and ours.keys() == theirs.keys():
            self.error(translation.where_of("questions"), said("source.translation.question-order"))
        for name in ("draw", "per_lesson", "required_topics", "shuffle", "passing_score"):
            if getattr(original, name) != getattr(translation, name):
                self.error(translation.where_of(name), said("source.translation.quiz-field-differs", field=name))

    def stale(self, translated: Path, core: Path, stamp: str | None, where: Where) -> None:
        current = content_hash(core)
        if stamp is None:
            self.error(where, said("source.translation.stamp-missing", stamp=current, original=self.rel(core)))
        elif stamp != current:
            self.found.append(Problem(where, said("source.translation.stale", file=self.rel(translated),
                                                  original=self.rel(core), stamp=stamp, current=current),
                                      "warning"))

