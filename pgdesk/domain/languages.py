"""The handout languages, apart from the instruments that hold their texts: the command line
names them before the window's first paint, when no instrument is loaded yet."""

# what a handout, a blank web and patient mode can be printed in; "nl" follows the patient's variant
HANDOUT_LANGUAGES = ("nl", "nl-eenvoudig", "en", "tr", "ar", "pl", "uk")
