"""The patient mode speaks the patient's language (the language of their handout, nl or en),
whatever the language of the practice's screens: the instrument in that language, and while the
mode is open a translator that gives the patient's screens their words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from pgdesk.domain.content import shipped_instrument
from pgdesk.domain.instrument import Instrument
from pgdesk.paths import resources_dir
from pgdesk.storage.handout_preferences import handout_preferences

SCREEN_LANGUAGES = ("nl", "en")


class _SourceText(QTranslator):
    """Dutch is the source language: asked first, this translator answers every text in Dutch."""

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: ARG002
        return source_text

    def isEmpty(self) -> bool:  # noqa: N802 (Qt API)
        return False


class PatientLanguage:
    """Install with `apply()` before the patient's screens are built, `remove()` after."""

    def __init__(self, store, patient_id: str, screens: Instrument):
        lang = handout_preferences(store, patient_id)[0]
        # The mode's own screens exist in Dutch and English; for a handout in another language
        # (Turkish, Arabic, ...) they keep the practice's language rather than mix the two.
        self.lang = lang if lang in SCREEN_LANGUAGES else screens.language
        self.instrument = (screens if screens.language == self.lang
                           else shipped_instrument(self.lang))
        self._translator: QTranslator | None = None
        if screens.language != self.lang:
            if self.lang == "nl":
                self._translator = _SourceText()
            else:
                translator = QTranslator()
                if translator.load(str(resources_dir() / "translations" / f"pgdesk_{self.lang}.qm")):
                    self._translator = translator

    def apply(self) -> None:
        if self._translator is not None:
            QCoreApplication.installTranslator(self._translator)

    def remove(self) -> None:
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
