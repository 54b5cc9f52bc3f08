"""The patient mode speaks the patient's language (the language of their handout: nl,
nl-eenvoudig, en, tr, ar, pl, uk), whatever the language of the practice's screens: the
instrument in that language, and while the mode is open a translator that gives the patient's
screens their words. Those words live in the language's instrument file ("screens", by the Dutch
source text); English has them in the translation file of the whole app."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

from pgdesk.domain.content import HANDOUT_LANGUAGES, shipped_instrument
from pgdesk.domain.instrument import Instrument
from pgdesk.paths import resources_dir
from pgdesk.storage.handout_preferences import handout_preferences

SCREEN_LANGUAGES = ("nl", "en")  # the practice's screens

# The Qt contexts of the patient's own screens: in them, the patient's words answer first.
PATIENT_CONTEXTS = frozenset({"PatientFlow", "WelcomeScreen", "DimensionScreen", "EndScreen",
                              "AspectRow", "Cover", "CodeScreen"})
# Words on those screens that are meant for the practice (the passphrase part of the cover, the
# kiosk's way out): they stay in the practice's language, which the professional reads.
PRACTICE_WORDS = frozenset({
    "Deze database heeft geen wachtwoord.", "Terug naar het dossier",
    "De patiënt laten verder invullen", "Voor de praktijk: het wachtwoord van de praktijk",
    "Voor de praktijk: wachtwoord van %1", "Voor de praktijk",
})

log = logging.getLogger(__name__)


def _english() -> QTranslator | None:
    translator = QTranslator()
    if translator.load(str(resources_dir() / "translations" / "pgdesk_en.qm")):
        return translator
    return None


class PatientWords(QTranslator):
    """Answers the patient's screens (and only theirs) in the patient's language: from `words`
    (Dutch source text -> text), or from `english`, or in Dutch (the source) when both are None.
    A patient-facing text the language lacks is noted in `missing` and logged, and left to the
    practice's language: never a blank button, never a gap that nobody sees."""

    def __init__(self, words: dict[str, str] | None = None, english: QTranslator | None = None):
        super().__init__()
        self.words, self.english = words, english
        self.missing: set[str] = set()

    def translate(self, context, source_text, disambiguation=None, n=-1):
        if context not in PATIENT_CONTEXTS or source_text in PRACTICE_WORDS:
            return None  # the next translator (the practice's language) answers
        if self.english is not None:
            found = self.english.translate(context, source_text, disambiguation, n) or None
        elif self.words is None:
            return source_text
        else:
            found = self.words.get(source_text)
        if found is None and source_text not in self.missing:
            self.missing.add(source_text)
            log.warning("patient mode: no words for %r in the patient's language", source_text)
        return found

    def isEmpty(self) -> bool:  # noqa: N802 (Qt API)
        return False


def patient_words(instrument: Instrument) -> PatientWords | None:
    """The patient's screen words for this instrument's language, None if it has none (a
    practice's own language file without "screens")."""
    if instrument.screens:
        return PatientWords(instrument.screens)
    if instrument.language == "nl":
        return PatientWords()
    if instrument.language == "en":
        english = _english()
        return PatientWords(english=english) if english is not None else None
    return None


def words_in_every_language(source_text: str, context: str) -> list[tuple[str, Instrument]]:
    """(text, its instrument) of one patient text in each handout language that has it, each
    text once: for the kiosk's code screen, which speaks before it knows whose turn it is."""
    found: list[tuple[str, Instrument]] = []
    for code in HANDOUT_LANGUAGES:
        instrument = shipped_instrument(code)
        if instrument.variant:  # nl-eenvoudig: the same language as nl, once is enough
            continue
        words = patient_words(instrument)
        text = words and words.translate(context, source_text)
        if text and text not in (t for t, _ in found):
            found.append((text, instrument))
    return found


class PatientLanguage:
    """Install with `apply(instrument)` before the patient's screens are built, `remove()` after."""

    def __init__(self, store, patient_id: str, screens: Instrument):
        lang = handout_preferences(store, patient_id)[0]
        instrument = screens if lang == screens.code else shipped_instrument(lang)
        # a language without words for the patient's screens keeps the practice's language for
        # all of it, rather than mix two languages on one screen
        self.instrument = instrument if patient_words(instrument) is not None else screens
        self.lang = self.instrument.code
        self._translator: PatientWords | None = None

    @property
    def missing(self) -> set[str]:
        return self._translator.missing if self._translator is not None else set()

    def apply(self, instrument: Instrument | None = None) -> None:
        """`instrument` is the one the patient fills in (their variant may speak its own way)."""
        self._translator = patient_words(instrument or self.instrument)
        if self._translator is not None:
            QCoreApplication.installTranslator(self._translator)

    def remove(self) -> None:
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
