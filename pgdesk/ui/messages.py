"""Messages from the storage and the domain (plain Dutch, no Qt there) in the screen's language.

The layers below the UI raise their fixed messages in Dutch; the ones a person meets in a form
are listed here so that Qt Linguist picks them up, and `screen_text` looks them up by their
Dutch text. A message not listed (one with a file name or number in it) stays Dutch.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "StorageMessages"

KNOWN = (
    QT_TRANSLATE_NOOP("StorageMessages", "Vul een wachtwoord in."),
    QT_TRANSLATE_NOOP("StorageMessages", "Een wachtwoord van alleen spaties kan niet."),
    QT_TRANSLATE_NOOP("StorageMessages", "Kies een wachtwoord van minstens 8 tekens."),
    QT_TRANSLATE_NOOP("StorageMessages", "Naam of wachtwoord klopt niet."),
    QT_TRANSLATE_NOOP("StorageMessages", "Deze herstelcode klopt niet."),
    QT_TRANSLATE_NOOP("StorageMessages", "Een herstelcode bestaat uit 28 letters en cijfers, "
                                         "zoals 7KQM-2F9X-… Controleer wat u hebt overgenomen."),
    QT_TRANSLATE_NOOP("StorageMessages", "Deze herstelcode is niet goed overgenomen. Controleer "
                                         "de tekens en probeer het opnieuw."),
    QT_TRANSLATE_NOOP("StorageMessages", "Vul een naam in."),
    QT_TRANSLATE_NOOP("StorageMessages", "Die naam is te lang (meer dan 200 tekens)."),
    QT_TRANSLATE_NOOP("StorageMessages", "Er is al een gebruiker met deze naam."),
    QT_TRANSLATE_NOOP("StorageMessages", "Er is geen gebruiker met deze naam."),
    QT_TRANSLATE_NOOP("StorageMessages", "Die geboortedatum kan niet."),
    QT_TRANSLATE_NOOP("StorageMessages", "Deze code kennen we niet. Kijk of u hem goed hebt getypt."),
    QT_TRANSLATE_NOOP("StorageMessages", "Deze code is niet meer geldig. Vraag de praktijk om een "
                                         "nieuwe code."),
)


def screen_text(error: Exception) -> str:
    """The error's message in the language of the screens."""
    return QCoreApplication.translate(CONTEXT, str(error))
