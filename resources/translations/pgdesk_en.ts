<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccessLogDialog</name>
    <message>
        <location filename="../../pgdesk/ui/patient_actions.py" line="47"/>
        <source>Inzagelog: %1</source>
        <translation>Access log: %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_actions.py" line="51"/>
        <source>Iedere keer dat iemand het dossier van %1 opende, wijzigde, afdrukte of exporteerde, staat hier: wanneer, wie en op welke computer.</source>
        <translation>Every time someone opened, changed, printed or exported the record of %1 is listed here: when, who, and on which computer.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_actions.py" line="56"/>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_actions.py" line="56"/>
        <source>Wie</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_actions.py" line="56"/>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_actions.py" line="56"/>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation type="vanished">Close</translation>
    </message>
    <message>
        <source>&amp;Afdrukken…</source>
        <translation type="vanished">&amp;Print…</translation>
    </message>
    <message>
        <source>Opslaan als &amp;PDF…</source>
        <translation type="vanished">Save as &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_actions.py" line="86"/>
        <source>Inzagelog afdrukken</source>
        <translation>Print access log</translation>
    </message>
</context>
<context>
    <name>Accessible</name>
    <message>
        <location filename="../../pgdesk/ui/accessibility.py" line="20"/>
        <source>geen cijfer</source>
        <translation>no number</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/accessibility.py" line="21"/>
        <source>%1 van %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/accessibility.py" line="99"/>
        <source>Cijfer van 0 (heel slecht) tot 10 (heel goed)</source>
        <translation>Number from 0 (very bad) to 10 (very good)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/accessibility.py" line="126"/>
        <location filename="../../pgdesk/ui/accessibility.py" line="144"/>
        <source>Spinnenweb</source>
        <translation>Spider web</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/accessibility.py" line="155"/>
        <source>Actiewiel</source>
        <translation>Action wheel</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/accessibility.py" line="164"/>
        <source>vraag %1</source>
        <translation>question %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/accessibility.py" line="165"/>
        <source>beantwoord</source>
        <translation>answered</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/accessibility.py" line="166"/>
        <source>nog niet beantwoord</source>
        <translation>not answered yet</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../pgdesk/ui/app.py" line="128"/>
        <source>Er is geen wachtwoord gegeven; pgdesk is niet verbonden.</source>
        <translation>No password was given; pgdesk is not connected.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/app.py" line="282"/>
        <source>De demo is gesloten. Wat u hebt ingevoerd, is niet bewaard: de volgende keer begint de demo opnieuw met dezelfde verzonnen patiënten.</source>
        <translation>The demo is closed. What you entered has not been kept: next time the demo starts afresh with the same made-up patients.</translation>
    </message>
</context>
<context>
    <name>AspectDialog</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="29"/>
        <source>Aspecten van %1</source>
        <translation>Aspects of %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="33"/>
        <source>&lt;b&gt;Aspect&lt;/b&gt;</source>
        <translation>&lt;b&gt;Aspect&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="34"/>
        <source>&lt;b&gt;Cijfer&lt;/b&gt;</source>
        <translation>&lt;b&gt;Number&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="64"/>
        <source>Gebruik het &amp;gemiddelde als cijfer</source>
        <translation>Use the &amp;average as the number</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="92"/>
        <source>Gemiddelde van de aspecten: %1. U gaf %2 zelf een %3.</source>
        <translation>Average of the aspects: %1. You gave %2 a %3 yourself.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="95"/>
        <source>Gemiddelde van de aspecten: %1. Het cijfer van %2 volgt dit gemiddelde.</source>
        <translation>Average of the aspects: %1. The number for %2 follows this average.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Score&lt;/b&gt;</source>
        <translation type="vanished">&lt;b&gt;Score&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="35"/>
        <source>&lt;b&gt;Hier wil ik over praten&lt;/b&gt;</source>
        <translation>&lt;b&gt;I want to talk about this&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="49"/>
        <source>Praten over %1</source>
        <translation>Talk about %1</translation>
    </message>
    <message>
        <source>Gebruik het &amp;gemiddelde als score</source>
        <translation type="vanished">Use the &amp;average as the score</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="67"/>
        <source>Klaar</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Gemiddelde van de aspecten: %1. De score van de dimensie is met de hand gezet op %2.</source>
        <translation type="vanished">Average of the aspects: %1. The dimension score has been set by hand to %2.</translation>
    </message>
    <message>
        <source>Gemiddelde van de aspecten: %1. De score van de dimensie volgt dit gemiddelde.</source>
        <translation type="vanished">Average of the aspects: %1. The dimension score follows this average.</translation>
    </message>
</context>
<context>
    <name>AspectRow</name>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/rows.py" line="100"/>
        <source>Weet ik niet</source>
        <translation>Don&apos;t know</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/rows.py" line="101"/>
        <source>Weet ik niet, of sla over (Backspace)</source>
        <translation>Don&apos;t know, or skip (Backspace)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/rows.py" line="103"/>
        <source>Over praten</source>
        <translation>Talk about</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/rows.py" line="104"/>
        <source>Hier wil ik over praten (spatiebalk)</source>
        <translation>I want to talk about this (space bar)</translation>
    </message>
</context>
<context>
    <name>BackgroundWork</name>
    <message>
        <location filename="../../pgdesk/ui/background_work.py" line="79"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BackupScheduler</name>
    <message>
        <location filename="../../pgdesk/ui/backups.py" line="114"/>
        <source>Reservekopie gemaakt: %1</source>
        <translation>Backup made: %1</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../pgdesk/ui/backups.py" line="48"/>
        <source>Er is geen bruikbare reservekopie gevonden in %1. Vraag de beheerder om hulp; het beschadigde bestand blijft bewaard.</source>
        <translation>No usable backup was found in %1. Ask your administrator for help; the damaged file is kept.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/backups.py" line="52"/>
        <source>De nieuwste goede reservekopie is van %1 (%2 patiënten). Wilt u die terugzetten? Het beschadigde bestand wordt apart bewaard.</source>
        <translation>The newest good backup is from %1 (%2 patients). Do you want to restore it? The damaged file is kept aside.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/backups.py" line="75"/>
        <source>De reservekopie is teruggezet.</source>
        <translation>The backup has been restored.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/backups.py" line="77"/>
        <source>De vorige database is bewaard als %1.</source>
        <translation>The previous database was kept as %1.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="97"/>
        <source>Wachtwoord wijzigen</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="98"/>
        <source>Gebruiker</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="100"/>
        <source>&amp;Huidig wachtwoord</source>
        <translation>&amp;Current passphrase</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="101"/>
        <source>N&amp;ieuw wachtwoord</source>
        <translation>N&amp;ew passphrase</translation>
    </message>
</context>
<context>
    <name>ChangeTable</name>
    <message>
        <source>Scores per gesprek en het verschil sinds de start</source>
        <translation type="vanished">Scores per conversation and the change since the start</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/web_history.py" line="302"/>
        <source>Cijfers per gesprek en het verschil sinds de start</source>
        <translation>Numbers per conversation and the difference since the start</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/web_history.py" line="311"/>
        <source>Dimensie</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/web_history.py" line="313"/>
        <source>verschil
sinds start</source>
        <translation>change
since start</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/web_history.py" line="324"/>
        <source>oppervlakte</source>
        <translation>area</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/web_history.py" line="325"/>
        <source>Oppervlakte van het web, als percentage van een web met overal een 10.</source>
        <translation>Area of the web, as a percentage of a web with 10 everywhere.</translation>
    </message>
</context>
<context>
    <name>CodeScreen</name>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/kiosk.py" line="42"/>
        <source>Dank u wel. Uw antwoorden zijn bewaard.</source>
        <translation>Thank you. Your answers have been saved.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/kiosk.py" line="46"/>
        <source>Bijvoorbeeld K7MX4P</source>
        <translation>For example K7MX4P</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/kiosk.py" line="48"/>
        <source>Beginnen</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/kiosk.py" line="51"/>
        <source>Voor de praktijk</source>
        <translation>For the practice</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/kiosk.py" line="57"/>
        <source>Welkom</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/kiosk.py" line="58"/>
        <source>Typ de code die u van de praktijk kreeg.</source>
        <translation>Type the code you were given by the practice.</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <location filename="../../pgdesk/ui/conflicts.py" line="49"/>
        <source>Dit antwoord is intussen in een andere kamer gewijzigd door %1 (%2, om %3). Uw tekst staat nog op het scherm; er is niets overschreven.</source>
        <translation>This answer was changed meanwhile in another room by %1 (%2, at %3). Your text is still on screen; nothing was overwritten.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/conflicts.py" line="54"/>
        <source>Hun tekst:</source>
        <translation>Their text:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/conflicts.py" line="55"/>
        <source>Uw tekst:</source>
        <translation>Your text:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/conflicts.py" line="56"/>
        <source>Beide bewaren</source>
        <translation>Keep both</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/conflicts.py" line="57"/>
        <source>Mijn tekst bewaren</source>
        <translation>Keep my text</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/conflicts.py" line="58"/>
        <source>Gewijzigd in een andere kamer</source>
        <translation>Changed in another room</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/conflicts.py" line="59"/>
        <source>Hun tekst nemen (de mijne naar het klembord)</source>
        <translation>Take their text (mine to the clipboard)</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <location filename="../../pgdesk/ui/connection.py" line="70"/>
        <source>De praktijkserver is niet bereikbaar. Wat u typt blijft op het scherm staan en wordt bewaard zodra de server terug is; pgdesk probeert het steeds opnieuw.</source>
        <translation>The practice server cannot be reached. What you type stays on screen and is saved as soon as the server is back; pgdesk keeps trying.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/connection.py" line="110"/>
        <source>De verbinding met de praktijkserver is terug; wat u typte is bewaard.</source>
        <translation>The connection to the practice server is back; what you typed has been saved.</translation>
    </message>
</context>
<context>
    <name>ConsultationPage</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/page.py" line="66"/>
        <source>Soort gesprek</source>
        <translation>Kind of conversation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/page.py" line="72"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/page.py" line="73"/>
        <source>Terug naar de patiënt (Esc). Alles is al bewaard.</source>
        <translation>Back to the patient (Esc). Everything has already been saved.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/page.py" line="107"/>
        <source>← Vorige</source>
        <translation>← Previous</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/page.py" line="111"/>
        <location filename="../../pgdesk/ui/consultation/page.py" line="184"/>
        <source>Volgende →</source>
        <translation>Next →</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/page.py" line="183"/>
        <source>Klaar</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>Cover</name>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/mode.py" line="55"/>
        <source>Geef het scherm terug aan de praktijk</source>
        <translation>Please hand the screen back to the practice</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/mode.py" line="58"/>
        <source>Dank u wel. Uw antwoorden zijn bewaard.</source>
        <translation>Thank you. Your answers have been saved.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/mode.py" line="64"/>
        <source>Deze database heeft geen wachtwoord.</source>
        <translation>This database has no passphrase.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/mode.py" line="67"/>
        <source>Voor de praktijk: wachtwoord van %1</source>
        <translation>For the practice: passphrase of %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/mode.py" line="69"/>
        <source>Voor de praktijk: het wachtwoord van de praktijk</source>
        <translation>For the practice: the practice&apos;s passphrase</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/mode.py" line="75"/>
        <source>Terug naar het dossier</source>
        <translation>Back to the record</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/mode.py" line="77"/>
        <source>De patiënt laten verder invullen</source>
        <translation>Let the patient go on filling in</translation>
    </message>
</context>
<context>
    <name>DimensionScreen</name>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/screens.py" line="108"/>
        <source>Over dit hele onderwerp wil ik praten</source>
        <translation>I want to talk about this whole topic</translation>
    </message>
</context>
<context>
    <name>DuePanel</name>
    <message>
        <source>&amp;Wie is aan de beurt?</source>
        <translation type="vanished">&amp;Who is due?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/due_panel.py" line="64"/>
        <source>&amp;Vervolggesprekken</source>
        <translation>&amp;Follow-up conversations</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/due_panel.py" line="67"/>
        <source>Gesprekken die gepland staan</source>
        <translation>Planned conversations</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/due_panel.py" line="73"/>
        <source>Niemand: er staan de komende twee weken geen tussen- of eindgesprekken gepland.</source>
        <translation>Nobody: no interim or end conversations are planned in the next two weeks.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/due_panel.py" line="116"/>
        <source>te laat, %1 dagen</source>
        <translation>%1 days late</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/due_panel.py" line="118"/>
        <source>vandaag</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/due_panel.py" line="120"/>
        <source>over %1 dagen</source>
        <translation>in %1 days</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/due_panel.py" line="132"/>
        <source>Nog %1 gepland: toon er meer</source>
        <translation>%1 more planned: show more</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/due_panel.py" line="134"/>
        <source>Enter of dubbelklik toont de volgende %1.</source>
        <translation>Enter or double-click shows the next %1.</translation>
    </message>
</context>
<context>
    <name>EndScreen</name>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/screens.py" line="201"/>
        <source>Typ hier, of kies Overslaan</source>
        <translation>Type here, or choose Skip</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/screens.py" line="207"/>
        <source>Overslaan</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/screens.py" line="210"/>
        <source>Klaar: geef het scherm terug</source>
        <translation>Done: hand the screen back</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/screens.py" line="234"/>
        <source>Dit is uw spinnenweb</source>
        <translation>This is your web</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/screens.py" line="221"/>
        <source>Wat is voor u nu het belangrijkst?</source>
        <translation>What matters most to you now?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/screens.py" line="227"/>
        <source>Ctrl+Enter: klaar</source>
        <translation>Ctrl+Enter: done</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/screens.py" line="255"/>
        <source>niet ingevuld</source>
        <translation>not filled in</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/screens.py" line="256"/>
        <source>wil ik over praten</source>
        <translation>I want to talk about this</translation>
    </message>
</context>
<context>
    <name>FhirExport</name>
    <message>
        <location filename="../../pgdesk/ui/fhir_export_dialog.py" line="86"/>
        <source>FHIR-document opslaan</source>
        <translation>Save FHIR document</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/fhir_export_dialog.py" line="87"/>
        <source>FHIR JSON (*.json)</source>
        <translation>FHIR JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/fhir_export_dialog.py" line="102"/>
        <source>Het gesprek staat als FHIR-document in:
%1</source>
        <translation>The conversation has been saved as a FHIR document in:
%1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/fhir_export_dialog.py" line="104"/>
        <source>Het bestand bevat naam, geboortedatum en HIS-nummer: bewaar en verstuur het zorgvuldig.</source>
        <translation>The file contains the name, date of birth and HIS number: store and send it with care.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/fhir_export_dialog.py" line="114"/>
        <source>Er is nog geen gesprek met deze patiënt om te exporteren.</source>
        <translation>There is no conversation with this patient to export yet.</translation>
    </message>
</context>
<context>
    <name>FhirExportDialog</name>
    <message>
        <location filename="../../pgdesk/ui/fhir_export_dialog.py" line="25"/>
        <source>Exporteren als FHIR</source>
        <translation>Export as FHIR</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/fhir_export_dialog.py" line="27"/>
        <source>Het gesprek (spinnenweb, antwoorden, plan, verwijzingen en het SOEP-verslag) als FHIR R4-document (JSON) voor een ander zorgsysteem. Wat gaat er mee over de patiënt?</source>
        <translation>The conversation (web, answers, plan, referrals and the SOEP report) as a FHIR R4 document (JSON) for another care system. What goes with it about the patient?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/fhir_export_dialog.py" line="31"/>
        <source>&amp;Zonder naam, geboortedatum en HIS-nummer</source>
        <translation>&amp;Without name, date of birth and HIS number</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/fhir_export_dialog.py" line="32"/>
        <source>&amp;Met naam, geboortedatum en HIS-nummer</source>
        <translation>W&amp;ith name, date of birth and HIS number</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/fhir_export_dialog.py" line="36"/>
        <source>Deze keuze geldt voor de hele praktijk en blijft bewaard.</source>
        <translation>This choice applies to the whole practice and is remembered.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/fhir_export_dialog.py" line="41"/>
        <source>Verder…</source>
        <translation>Continue…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/fhir_export_dialog.py" line="39"/>
        <source>Het hele &amp;traject: alle gesprekken van dit traject</source>
        <translation>The whole &amp;trajectory: all conversations of this trajectory</translation>
    </message>
</context>
<context>
    <name>FocusStep</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="57"/>
        <source>Waar wilt u mee aan de slag?</source>
        <translation>What would you like to work on?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="59"/>
        <source>Kies één of meer onderwerpen: typ het nummer, of gebruik de spatiebalk of een klik. Pijltje naar rechts toont de aspecten. Enter: verder.</source>
        <translation>Choose one or more topics: type the number, or use the space bar or a click. Right arrow shows the aspects. Enter: continue.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="65"/>
        <source>Onderwerpen voor het gesprek</source>
        <translation>Topics for the conversation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="66"/>
        <source>Spatiebalk kiest een onderwerp om over te praten</source>
        <translation>Space chooses a topic to talk about</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="67"/>
        <source>Onderwerp</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="67"/>
        <source>Cijfer</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="71"/>
        <source>Wat is voor u &amp;belangrijk? In de woorden van de patiënt:</source>
        <translation>What &amp;matters to you? In the patient&apos;s own words:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="74"/>
        <source>bijvoorbeeld: weer met mijn kleinkinderen naar het strand kunnen</source>
        <translation>for example: going to the beach with my grandchildren again</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="79"/>
        <source>Het actiewiel begint &amp;met:</source>
        <translation>The action wheel starts &amp;with:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="142"/>
        <source>Voor later genoteerd: %1</source>
        <translation>Noted for later: %1</translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="vanished">Score</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="150"/>
        <source>wil hierover praten</source>
        <translation>wants to talk about this</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="158"/>
        <source>gem.</source>
        <translation>avg.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="58"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="59"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HisLink</name>
    <message>
        <location filename="../../pgdesk/ui/his_link.py" line="106"/>
        <source>Nieuwe patiënt uit het HIS</source>
        <translation>New patient from the HIS</translation>
    </message>
</context>
<context>
    <name>HisTemplates</name>
    <message>
        <location filename="../../pgdesk/domain/his_templates.py" line="23"/>
        <source>Journaal, 72 tekens per regel, S/O/E/P vooraan (standaard)</source>
        <translation>Journal, 72 characters a line, S/O/E/P leading (standard)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/his_templates.py" line="25"/>
        <source>Smal journaal, 60 tekens per regel, S/O/E/P vooraan</source>
        <translation>Narrow journal, 60 characters a line, S/O/E/P leading</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/his_templates.py" line="27"/>
        <source>Breed journaal, 100 tekens per regel, S/O/E/P vooraan</source>
        <translation>Wide journal, 100 characters a line, S/O/E/P leading</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/his_templates.py" line="29"/>
        <source>Aparte S-, O-, E- en P-velden: geen letters, niet afgebroken (kopieer per deel)</source>
        <translation>Separate S, O, E and P fields: no letters, not wrapped (copy one part at a time)</translation>
    </message>
</context>
<context>
    <name>HisText</name>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="57"/>
        <source>Dit deel is nog leeg; er is niets gekopieerd.</source>
        <translation>This part is still empty; nothing was copied.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="76"/>
        <source>Eén deel kopiëren (S, O, E of P)</source>
        <translation>Copy one part (S, O, E or P)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="77"/>
        <source>Eén deel kopiëren</source>
        <translation>Copy one part</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="79"/>
        <source>Alleen &amp;S (subjectief)</source>
        <translation>Only &amp;S (subjective)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="80"/>
        <source>Alleen &amp;O (objectief)</source>
        <translation>Only &amp;O (objective)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="81"/>
        <source>Alleen &amp;E (evaluatie)</source>
        <translation>Only &amp;E (evaluation)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="82"/>
        <source>Alleen &amp;P (plan)</source>
        <translation>Only &amp;P (plan)</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="170"/>
        <source>Sociale kaart inlezen</source>
        <translation>Import social map</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="171"/>
        <source>Wat staat er in %1?</source>
        <translation>What is in %1?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="180"/>
        <source>Regels van het bestand</source>
        <translation>Lines of the file</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="182"/>
        <source>Per regel: nieuw, staat er al, of niet te lezen met de reden. Er is nog niets ingelezen.</source>
        <translation>Per line: new, already there, or unreadable with the reason. Nothing has been imported yet.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="189"/>
        <source>&amp;Inlezen</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="193"/>
        <source>Alleen de &amp;goede regel inlezen</source>
        <translation>Import only the &amp;good line</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="194"/>
        <source>Alleen de &amp;goede regels inlezen</source>
        <translation>Import only the &amp;good lines</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="197"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="197"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="220"/>
        <source>Dit bestand kan niet worden ingelezen; er verandert niets aan de sociale kaart.</source>
        <translation>This file cannot be imported; the social map does not change.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="224"/>
        <source>Er staat niets nieuws in dit bestand; er verandert niets aan de sociale kaart.</source>
        <translation>There is nothing new in this file; the social map does not change.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="227"/>
        <source>1 nieuwe dienst kan worden ingelezen.</source>
        <translation>1 new service can be imported.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="228"/>
        <source>%1 nieuwe diensten kunnen worden ingelezen.</source>
        <translation>%1 new services can be imported.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="230"/>
        <source>1 staat al in de kaart en wordt overgeslagen.</source>
        <translation>1 is already on the map and will be skipped.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="231"/>
        <source>%1 staan al in de kaart en worden overgeslagen.</source>
        <translation>%1 are already on the map and will be skipped.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="234"/>
        <source>1 regel kan niet worden gelezen.</source>
        <translation>1 line cannot be read.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="235"/>
        <source>%1 regels kunnen niet worden gelezen.</source>
        <translation>%1 lines cannot be read.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="237"/>
        <source>Een bestand wordt helemaal of niet ingelezen: verbeter het bestand en probeer het opnieuw, of lees alleen de goede regel in (de andere blijven dan weg).</source>
        <translation>A file is imported whole or not at all: fix the file and try again, or import only the good line (the others are then left out).</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="240"/>
        <source>Een bestand wordt helemaal of niet ingelezen: verbeter het bestand en probeer het opnieuw, of lees alleen de %1 goede regels in (de andere blijven dan weg).</source>
        <translation>A file is imported whole or not at all: fix the file and try again, or import only the %1 good lines (the others are then left out).</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="248"/>
        <source>Regel %1</source>
        <translation>Line %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="256"/>
        <source>… en nog %1 regels</source>
        <translation>… and %1 more lines</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="248"/>
        <source>Bestand</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="276"/>
        <source>puntkomma</source>
        <translation>semicolon</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="276"/>
        <source>komma</source>
        <translation>comma</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="276"/>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="279"/>
        <source>Gelezen als %1, gescheiden door %2.</source>
        <translation>Read as %1, separated by %2.</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="121"/>
        <source>Overdrachtsbestand inlezen</source>
        <translation>Read transfer file</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="127"/>
        <source>Tegelijk gewijzigd</source>
        <translation>Changed on both sides</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="127"/>
        <source>Wat verschilt</source>
        <translation>What differs</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="127"/>
        <source>Keuze</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="150"/>
        <source>&amp;Laatste wijziging wint (alle)</source>
        <translation>&amp;Latest change wins (all)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="151"/>
        <source>Per conflict de versie die het laatst is gewijzigd; bij gelijke tijd blijven beide bewaard.</source>
        <translation>For each conflict the version changed last; at equal times both are kept.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="157"/>
        <source>&amp;Inlezen</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="158"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/kiosk.py" line="114"/>
        <source>Voor de praktijk: de wachtkamer sluiten</source>
        <translation>For the practice: close the waiting room screen</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/kiosk.py" line="115"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/kiosk.py" line="116"/>
        <source>Terug naar de wachtkamer</source>
        <translation>Back to the waiting room</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="10"/>
        <source>Startgesprek</source>
        <translation>First conversation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="11"/>
        <source>Tussengesprek</source>
        <translation>Follow-up conversation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="12"/>
        <source>Eindgesprek</source>
        <translation>Final conversation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="13"/>
        <source>Los gesprek</source>
        <translation>Single conversation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="16"/>
        <source>Spinnenweb</source>
        <translation>Web</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="17"/>
        <source>Wat is belangrijk?</source>
        <translation>What matters?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="18"/>
        <source>Actiewiel</source>
        <translation>Action wheel</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="19"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="20"/>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="46"/>
        <source>meegenomen op laptop %1 sinds %2 (%3)</source>
        <translation>taken along on laptop %1 since %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="48"/>
        <source>meegenomen op een laptop sinds %2 (%3)</source>
        <translation>taken along on a laptop since %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/roles.py" line="12"/>
        <source>Huisarts</source>
        <translation>GP</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/roles.py" line="13"/>
        <source>POH-somatiek</source>
        <translation>POH somatic care</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/roles.py" line="14"/>
        <source>POH-GGZ</source>
        <translation>POH mental health</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/roles.py" line="15"/>
        <source>Wijkverpleegkundige</source>
        <translation>District nurse</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/roles.py" line="16"/>
        <source>Praktijkondersteuner</source>
        <translation>Practice nurse</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/roles.py" line="17"/>
        <source>Doktersassistent</source>
        <translation>Doctor&apos;s assistant</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/roles.py" line="18"/>
        <source>Anders</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>De evaluatie wordt geëxporteerd…</source>
        <translation type="vanished">Exporting the evaluation…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="101"/>
        <source>Naam van deze &amp;werkplek…</source>
        <translation>Name of this &amp;workstation…</translation>
    </message>
    <message>
        <source>DEMO: verzonnen patiënten, niet versleuteld</source>
        <translation type="vanished">DEMO: fictional patients, not encrypted</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="82"/>
        <source>DEMO: verzonnen patiënten</source>
        <translation>DEMO: fictitious patients</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="83"/>
        <source>, niet versleuteld</source>
        <translation>, not encrypted</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="85"/>
        <source> (niet versleuteld)</source>
        <translation> (not encrypted)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="43"/>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="44"/>
        <source>&amp;Nieuwe patiënt…</source>
        <translation>&amp;New patient…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="45"/>
        <source>&amp;Zoek patiënt</source>
        <translation>&amp;Find patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="48"/>
        <source>&amp;Wie werkt er?…</source>
        <translation>&amp;Who is working?…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="49"/>
        <source>&amp;Vergrendelen</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="51"/>
        <source>&amp;Leeg spinnenweb afdrukken…</source>
        <translation>Print a &amp;blank web…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="53"/>
        <source>&amp;Afsluiten</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="55"/>
        <source>&amp;Patiënt</source>
        <translation>&amp;Patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="57"/>
        <source>&amp;Gegevens wijzigen…</source>
        <translation>&amp;Edit details…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="58"/>
        <source>Nieuw &amp;traject beginnen (startgesprek)…</source>
        <translation>Begin a new &amp;trajectory (start conversation)…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="59"/>
        <source>Gesprek ver&amp;wijderen…</source>
        <translation>&amp;Delete conversation…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="60"/>
        <source>Spinnenweb van &amp;papier overnemen…</source>
        <translation>Copy a &amp;paper web…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="63"/>
        <source>Klaarzetten voor de &amp;wachtkamer…</source>
        <translation>Prepare for the &amp;waiting room…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="65"/>
        <source>&amp;Inzagelog: wie zag dit dossier?…</source>
        <translation>&amp;Access log: who saw this record?…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="66"/>
        <source>Alles &amp;exporteren (AVG)…</source>
        <translation>&amp;Export everything (GDPR)…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="70"/>
        <source>Patiënt &amp;verwijderen…</source>
        <translation>&amp;Erase patient…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="73"/>
        <source>&amp;Huisbezoek</source>
        <translation>&amp;Home visit</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="75"/>
        <source>Patiënten &amp;meegeven…</source>
        <translation>&amp;Take patients along…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="76"/>
        <source>Overdrachtsbestand &amp;inlezen…</source>
        <translation>&amp;Read transfer file…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="77"/>
        <source>Wijzigingen &amp;terugbrengen naar de praktijk…</source>
        <translation>&amp;Bring changes back to the practice…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="79"/>
        <source>Meegenomen patiënten &amp;verwijderen…</source>
        <translation>&amp;Remove brought-along patients…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="81"/>
        <source>P&amp;raktijk</source>
        <translation>P&amp;ractice</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="83"/>
        <source>Mijn &amp;wachtwoord wijzigen…</source>
        <translation>Change my &amp;passphrase…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="84"/>
        <source>&amp;Collega toevoegen…</source>
        <translation>Add &amp;colleague…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="85"/>
        <source>Collega &amp;verwijderen…</source>
        <translation>&amp;Remove a colleague…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="86"/>
        <source>Mijn wachtwoord is &amp;uitgelekt…</source>
        <translation>My passphrase has &amp;leaked…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="88"/>
        <source>Nieuwe &amp;herstelcode…</source>
        <translation>New &amp;recovery code…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="89"/>
        <source>Automatisch ver&amp;grendelen na…</source>
        <translation>Automatic &amp;lock after…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="93"/>
        <source>&amp;Reservekopie maken</source>
        <translation>Make &amp;backup</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="94"/>
        <source>Reservekopie &amp;terugzetten…</source>
        <translation>&amp;Restore backup…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="95"/>
        <source>&amp;Map voor reservekopieën…</source>
        <translation>Backup &amp;folder…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="98"/>
        <source>&amp;Gegevens van de praktijk…</source>
        <translation>Practice &amp;details…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="99"/>
        <source>Patiëntmodus: &amp;scherm…</source>
        <translation>Patient mode: &amp;screen…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="103"/>
        <source>&amp;Verbinden met de praktijkserver…</source>
        <translation>&amp;Connect to the practice server…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="105"/>
        <source>Praktijk&amp;overzicht…</source>
        <translation>Practice &amp;overview…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="106"/>
        <source>&amp;Evaluatie exporteren (CSV)…</source>
        <translation>&amp;Export evaluation (CSV)…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="107"/>
        <source>&amp;Trajecten: tussen- en eindgesprek na…</source>
        <translation>&amp;Trajectories: interim and end conversation after…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="109"/>
        <source>&amp;Sociale kaart…</source>
        <translation>&amp;Social map…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="110"/>
        <source>H&amp;IS-tekst…</source>
        <translation>H&amp;IS text…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="112"/>
        <source>&amp;Dossiers ouder dan 20 jaar…</source>
        <translation>&amp;Records older than 20 years…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="114"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="115"/>
        <source>&amp;Over pgdesk</source>
        <translation>&amp;About pgdesk</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="134"/>
        <source>Over pgdesk</source>
        <translation>About pgdesk</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="135"/>
        <source>pgdesk %1

Het gesprek over Positieve Gezondheid in de praktijk: spinnenweb, actiewiel, plan en een samenvatting voor de patiënt.

Alle gegevens blijven op deze computer.

Het spinnenweb en de zes dimensies komen van Positieve Gezondheid (Machteld Huber; Institute for Positive Health, iPH).</source>
        <translation>pgdesk %1

The Positive Health conversation in the practice: web, action wheel, plan and a summary for the patient.

All data stays on this computer.

The web and its six dimensions come from Positive Health (Machteld Huber; Institute for Positive Health, iPH).</translation>
    </message>
    <message>
        <source>pgdesk %1

Het gesprek over Positieve Gezondheid in de praktijk: spinnenweb, actiewiel, plan en een samenvatting voor de patiënt.

Alle gegevens blijven op deze computer.</source>
        <translation type="vanished">pgdesk %1

The Positive Health conversation in general practice: web, action wheel, plan and a summary for the patient.

All data stays on this computer.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="284"/>
        <source>Er loopt al een traject sinds %1. Wilt u dat afsluiten en een nieuw traject beginnen?</source>
        <translation>A trajectory has been running since %1. Do you want to close it and begin a new one?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="306"/>
        <source>Het gesprek van %1 (%2) met alle antwoorden verwijderen? Dit kan niet ongedaan worden gemaakt.</source>
        <translation>Delete the conversation of %1 (%2) with all its answers? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="317"/>
        <source>Gesprek plannen</source>
        <translation>Plan conversation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="318"/>
        <source>%1 op</source>
        <translation>%1 on</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="329"/>
        <location filename="../../pgdesk/ui/main_window.py" line="334"/>
        <source>Trajecten</source>
        <translation>Trajectories</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="330"/>
        <source>Tussengesprek standaard na hoeveel weken?</source>
        <translation>Interim conversation by default after how many weeks?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="335"/>
        <source>Eindgesprek standaard na hoeveel weken?</source>
        <translation>End conversation by default after how many weeks?</translation>
    </message>
    <message>
        <source>Evaluatie exporteren</source>
        <translation type="vanished">Export evaluation</translation>
    </message>
    <message>
        <source>CSV-bestanden (*.csv)</source>
        <translation type="vanished">CSV files (*.csv)</translation>
    </message>
    <message>
        <source>De export is afgebroken; er is geen bestand geschreven.</source>
        <translation type="vanished">The export was cancelled; no file was written.</translation>
    </message>
    <message>
        <source>De evaluatie staat in:
%1
%2

De bestanden bevatten geen namen, geboortedata of nummers, maar zijn nog wel persoonsgegevens: bewaar ze zorgvuldig.</source>
        <translation type="vanished">The evaluation is in:
%1
%2

The files hold no names, dates of birth or numbers, but they are still personal data: keep them carefully.</translation>
    </message>
    <message>
        <source>Reservekopie terugzetten</source>
        <translation type="vanished">Restore backup</translation>
    </message>
    <message>
        <source>pgdesk-reservekopieën (*%1)</source>
        <translation type="vanished">pgdesk backups (*%1)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="427"/>
        <source>pgdesk — vergrendeld</source>
        <translation>pgdesk — locked</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="61"/>
        <source>&amp;Laat de patiënt invullen…</source>
        <translation>&amp;Let the patient fill in…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="90"/>
        <source>&amp;Patiëntmodus: antwoorden verbergen na…</source>
        <translation>&amp;Patient mode: hide the answers after…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="46"/>
        <source>Patiënten uit het HIS &amp;inlezen (CSV)…</source>
        <translation>&amp;Import patients from the HIS (CSV)…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_menus.py" line="67"/>
        <source>Gesprek exporteren als &amp;FHIR (JSON)…</source>
        <translation>Export conversation as &amp;FHIR (JSON)…</translation>
    </message>
</context>
<context>
    <name>PaperWebDialog</name>
    <message>
        <location filename="../../pgdesk/ui/paper_web_dialog.py" line="42"/>
        <location filename="../../pgdesk/ui/paper_web_dialog.py" line="135"/>
        <source>Leeg spinnenweb afdrukken</source>
        <translation>Print a blank web</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/paper_web_dialog.py" line="54"/>
        <source>&amp;Met de aspecten per dimensie</source>
        <translation>&amp;With the aspects of each dimension</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/paper_web_dialog.py" line="55"/>
        <source>Op A4 naast het web, op A5 op de achterkant (dubbelzijdig afdrukken)</source>
        <translation>On A4 beside the web, on A5 on the back (print double-sided)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/paper_web_dialog.py" line="58"/>
        <source>&amp;Grote letters</source>
        <translation>&amp;Large print</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/paper_web_dialog.py" line="59"/>
        <source>Op A4, tekst van minstens 16 punt; de aspecten op de achterkant</source>
        <translation>On A4, text of at least 16 points; the aspects on the back</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/paper_web_dialog.py" line="61"/>
        <source>&amp;Taal:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/paper_web_dialog.py" line="63"/>
        <source>Pap&amp;ier:</source>
        <translation>Pap&amp;er:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/paper_web_dialog.py" line="70"/>
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/paper_web_dialog.py" line="73"/>
        <source>Opslaan als &amp;PDF…</source>
        <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/paper_web_dialog.py" line="75"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PatientActions</name>
    <message>
        <location filename="../../pgdesk/ui/patient_actions.py" line="108"/>
        <source>Map voor de export kiezen</source>
        <translation>Choose a folder for the export</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_actions.py" line="123"/>
        <source>Alles wat pgdesk over deze patiënt bewaart, staat nu in:
%1
%2</source>
        <translation>Everything pgdesk holds about this patient is now in:
%1
%2</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_actions.py" line="134"/>
        <source>U verwijdert %1 (geboren %2) en alle gesprekken volledig. Dit kan niet ongedaan worden gemaakt. In het inzagelog blijft alleen staan dat het dossier is verwijderd. Bestaande reservekopieën bevatten de gegevens nog tot ze vervallen (na hoogstens twaalf maanden).

Typ de naam van de patiënt om te bevestigen:</source>
        <translation>You are erasing %1 (born %2) and all conversations completely. This cannot be undone. The access log keeps only the fact that the record was erased. Existing backups still hold the data until they expire (after twelve months at most).

Type the patient&apos;s name to confirm:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_actions.py" line="142"/>
        <source>Patiënt verwijderen</source>
        <translation>Erase patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_actions.py" line="146"/>
        <source>De naam klopt niet; er is niets verwijderd.</source>
        <translation>The name does not match; nothing was erased.</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="145"/>
        <source>Patiënt wijzigen</source>
        <translation>Edit patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="145"/>
        <source>Nieuwe patiënt</source>
        <translation>New patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="148"/>
        <source>zoals de praktijk de naam schrijft</source>
        <translation>as the practice writes the name</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="150"/>
        <source>dd-mm-jjjj of alleen het jaar</source>
        <translation>dd-mm-yyyy or just the year</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="152"/>
        <source>optioneel: patiëntnummer in het HIS</source>
        <translation>optional: patient number in the HIS</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="153"/>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="154"/>
        <source>&amp;Geboortedatum</source>
        <translation>&amp;Date of birth</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="155"/>
        <source>N&amp;ummer</source>
        <translation>N&amp;umber</translation>
    </message>
</context>
<context>
    <name>PatientFlow</name>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/flow.py" line="49"/>
        <source>← Terug</source>
        <translation>← Back</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/flow.py" line="53"/>
        <source>Verder →</source>
        <translation>Next →</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/flow.py" line="84"/>
        <source>%1 van %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/flow.py" line="132"/>
        <source>Klaar: geef het scherm terug</source>
        <translation>Done: hand the screen back</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/flow.py" line="135"/>
        <source>Klaar</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>PatientImport</name>
    <message>
        <location filename="../../pgdesk/ui/patient_import_model.py" line="14"/>
        <source>Regel</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_model.py" line="14"/>
        <source>Wat</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_model.py" line="15"/>
        <location filename="../../pgdesk/domain/patient_import.py" line="24"/>
        <source>HIS-nummer</source>
        <translation>HIS number</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_model.py" line="15"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_model.py" line="16"/>
        <location filename="../../pgdesk/domain/patient_import.py" line="29"/>
        <source>Geboortedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_model.py" line="17"/>
        <source>Toelichting</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="34"/>
        <source>CSV-bestanden (*.csv *.txt);;Alle bestanden (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="164"/>
        <source>Patiënten uit het HIS inlezen</source>
        <translation>Import patients from the HIS</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="171"/>
        <source>%1 kan niet worden gelezen: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="185"/>
        <source>1 patiënt toegevoegd.</source>
        <translation>1 patient added.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="186"/>
        <source>%1 patiënten toegevoegd.</source>
        <translation>%1 patients added.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="25"/>
        <source>Naam (helemaal)</source>
        <translation>Name (whole)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="26"/>
        <source>Achternaam</source>
        <translation>Surname</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="27"/>
        <source>Tussenvoegsel</source>
        <translation>Surname prefix</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="28"/>
        <source>Voornaam of voorletters</source>
        <translation>First name or initials</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="48"/>
        <source>Geen HIS-nummer.</source>
        <translation>No HIS number.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="49"/>
        <source>Het HIS-nummer &apos;%1&apos; kan niet: alleen letters, cijfers en - . / _, hoogstens 30 tekens.</source>
        <translation>The HIS number &apos;%1&apos; is not possible: only letters, digits and - . / _, at most 30 characters.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="52"/>
        <source>Geen naam.</source>
        <translation>No name.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="53"/>
        <source>De naam is te lang (meer dan 200 tekens).</source>
        <translation>The name is too long (more than 200 characters).</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="54"/>
        <source>De geboortedatum &apos;%1&apos; is geen datum (dd-mm-jjjj, jjjj-mm-dd of jjjjmmdd).</source>
        <translation>The date of birth &apos;%1&apos; is not a date (dd-mm-yyyy, yyyy-mm-dd or yyyymmdd).</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="56"/>
        <source>De geboortedatum %1 kan niet (in de toekomst of voor 1900).</source>
        <translation>The date of birth %1 is not possible (in the future or before 1900).</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="58"/>
        <source>Deze regel heeft %1 velden, de kopregel %2. Staat er een scheidingsteken in een veld zonder aanhalingstekens eromheen?</source>
        <translation>This line has %1 fields, the header line %2. Is there a separator in a field without quotes around it?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="61"/>
        <source>Staat al op regel %1 van dit bestand.</source>
        <translation>Already on line %1 of this file.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="62"/>
        <source>Regel %1 heeft hetzelfde HIS-nummer voor iemand anders.</source>
        <translation>Line %1 has the same HIS number for someone else.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="64"/>
        <source>Staat al in pgdesk.</source>
        <translation>Already in pgdesk.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="65"/>
        <source>Dit nummer hoort in pgdesk bij %1 (%2). Controleer het in het HIS.</source>
        <translation>In pgdesk this number belongs to %1 (%2). Check it in the HIS.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="67"/>
        <source>Iemand met deze naam en geboortedatum staat al in pgdesk met nummer %1.</source>
        <translation>Someone with this name and date of birth is already in pgdesk with number %1.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="69"/>
        <source>Iemand met deze naam en geboortedatum staat al in pgdesk, zonder nummer. Vul daar het nummer in als het dezelfde is.</source>
        <translation>Someone with this name and date of birth is already in pgdesk, without a number. Fill in the number there if it is the same person.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="75"/>
        <source>Nieuw</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="76"/>
        <source>Staat er al</source>
        <translation>Already there</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="77"/>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/patient_import.py" line="78"/>
        <source>Niet te lezen</source>
        <translation>Cannot be read</translation>
    </message>
</context>
<context>
    <name>PatientImportDialog</name>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="46"/>
        <source>Patiënten uit het HIS inlezen</source>
        <translation>Import patients from the HIS</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="47"/>
        <source>Wat staat er in %1?</source>
        <translation>What is in %1?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="50"/>
        <source>puntkomma</source>
        <translation>semicolon</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="50"/>
        <source>komma</source>
        <translation>comma</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="50"/>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="51"/>
        <source>verticale streep</source>
        <translation>vertical bar</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="53"/>
        <source>Gelezen als %1, gescheiden door %2, met een kopregel.</source>
        <translation>Read as %1, separated by %2, with a header line.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="54"/>
        <source>Gelezen als %1, gescheiden door %2, zonder kopregel.</source>
        <translation>Read as %1, separated by %2, without a header line.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="58"/>
        <source>Welke kolom is wat?</source>
        <translation>Which column is what?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="64"/>
        <source>(geen)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="66"/>
        <source>Kolom %1</source>
        <translation>Column %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="75"/>
        <source>Een naam komt uit ‘Naam (helemaal)’, of anders uit voornaam, tussenvoegsel en achternaam. Andere kolommen (adres, BSN…) worden niet gelezen.</source>
        <translation>A name comes from ‘Name (whole)’, or else from first name, surname prefix and surname. Other columns (address, BSN…) are not read.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="94"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="124"/>
        <source>%1 nieuw</source>
        <translation>%1 new</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="125"/>
        <source>1 staat er al</source>
        <translation>1 already there</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="126"/>
        <source>%1 staan er al</source>
        <translation>%1 already there</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="127"/>
        <source>1 conflict</source>
        <translation>1 conflict</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="128"/>
        <source>%1 conflicten</source>
        <translation>%1 conflicts</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="129"/>
        <source>%1 niet te lezen</source>
        <translation>%1 cannot be read</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="132"/>
        <source>Een bestand wordt helemaal of niet ingelezen: verbeter de regels die niet te lezen zijn (of kies de kolommen anders) en lees het opnieuw in. Er is niets veranderd.</source>
        <translation>A file is imported whole or not at all: correct the lines that cannot be read (or choose the columns differently) and import it again. Nothing has changed.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="136"/>
        <source>Wie er al staat, wordt niet veranderd; een conflict wordt niet ingelezen: los dat zelf op in pgdesk of het HIS.</source>
        <translation>Patients already there are not changed; a conflict is not imported: resolve it yourself in pgdesk or the HIS.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="139"/>
        <source>Er is niets nieuws om toe te voegen.</source>
        <translation>There is nothing new to add.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="142"/>
        <source>1 patiënt &amp;toevoegen</source>
        <translation>&amp;Add 1 patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_import_dialog.py" line="143"/>
        <source>%1 patiënten &amp;toevoegen</source>
        <translation>&amp;Add %1 patients</translation>
    </message>
</context>
<context>
    <name>PatientListPage</name>
    <message>
        <location filename="../../pgdesk/ui/patient_list_page.py" line="37"/>
        <source>Patiënten</source>
        <translation>Patients</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_list_page.py" line="40"/>
        <source>Zoek op naam of nummer…</source>
        <translation>Search by name or number…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_list_page.py" line="42"/>
        <source>Zoek patiënt</source>
        <translation>Find patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_list_page.py" line="46"/>
        <source>Patiëntenlijst</source>
        <translation>Patient list</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_list_page.py" line="47"/>
        <source>Enter opent de gekozen patiënt</source>
        <translation>Enter opens the chosen patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_list_page.py" line="55"/>
        <source>Nieuwe patiënt</source>
        <translation>New patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_list_page.py" line="139"/>
        <source>Niemand gevonden. Met Ctrl+Shift+N voegt u een patiënt toe.</source>
        <translation>No one found. Press Ctrl+Shift+N to add a patient.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_list_page.py" line="141"/>
        <source>Nog geen patiënten. Voeg de eerste toe met Nieuwe patiënt.</source>
        <translation>No patients yet. Add the first one with New patient.</translation>
    </message>
</context>
<context>
    <name>PatientMode</name>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/hooks.py" line="85"/>
        <source>Klaarzetten voor de wachtkamer</source>
        <translation>Prepare for the waiting room</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/hooks.py" line="86"/>
        <source>Code voor de wachtkamer: %1

De patiënt typt deze code op het scherm in de wachtkamer (pgdesk kiosk) en ziet dan alleen de eigen vragen. De code werkt vandaag, één keer; de antwoorden komen in het gesprek van vandaag.</source>
        <translation>Code for the waiting room: %1

The patient types this code on the waiting-room screen (pgdesk kiosk) and then sees only their own questions. The code works today, once; the answers go into today&apos;s conversation.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/hooks.py" line="33"/>
        <location filename="../../pgdesk/ui/patient_mode/hooks.py" line="109"/>
        <source>Patiëntmodus</source>
        <translation>Patient mode</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/hooks.py" line="28"/>
        <source>Het hoofdvenster, naar de patiënt gedraaid</source>
        <translation>The main window, turned towards the patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/hooks.py" line="34"/>
        <source>Op welk scherm vult de patiënt in?</source>
        <translation>On which screen does the patient fill in?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/hooks.py" line="110"/>
        <source>Antwoorden van de patiënt verbergen na hoeveel minuten zonder invoer?</source>
        <translation>Hide the patient&apos;s answers after how many minutes without input?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/mode.py" line="189"/>
        <source>De patiënt vult in op het andere scherm.</source>
        <translation>The patient is filling in on the other screen.</translation>
    </message>
</context>
<context>
    <name>PatientNote</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/patient_note.py" line="31"/>
        <source>Ingevuld door de patiënt: %1</source>
        <translation>Filled in by the patient: %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/patient_note.py" line="33"/>
        <source>nu: %1</source>
        <translation>now: %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/patient_note.py" line="39"/>
        <source>Gewijzigd (patiënt → nu): %1</source>
        <translation>Changed (patient → now): %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/patient_note.py" line="43"/>
        <source>&quot;Weet ik niet&quot;: %1</source>
        <translation>&quot;Don&apos;t know&quot;: %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/patient_note.py" line="46"/>
        <source>het hele onderwerp</source>
        <translation>the whole topic</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/patient_note.py" line="47"/>
        <source>De patiënt wil praten over: %1</source>
        <translation>The patient wants to talk about: %1</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="143"/>
        <source>open bij %1 (%2)</source>
        <translation>open with %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="50"/>
        <location filename="../../pgdesk/ui/patient_page.py" line="186"/>
        <source>&amp;Plannen…</source>
        <translation>&amp;Plan…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="51"/>
        <source>De datum van het volgende gesprek in dit traject wijzigen</source>
        <translation>Change the date of the next conversation in this trajectory</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="55"/>
        <source>Gesprekken</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="56"/>
        <source>Enter opent het gekozen gesprek</source>
        <translation>Enter opens the chosen conversation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="58"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="58"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="58"/>
        <source>Met</source>
        <translation>With</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="58"/>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="65"/>
        <source>Nog geen gesprekken. Begin met Nieuw gesprek (Ctrl+N).</source>
        <translation>No conversations yet. Start with New conversation (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="68"/>
        <source>&amp;Nieuw gesprek</source>
        <translation>&amp;New conversation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="71"/>
        <source>&amp;Openen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="76"/>
        <source>&amp;Gegevens wijzigen</source>
        <translation>&amp;Edit details</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="78"/>
        <source>← Patiënten</source>
        <translation>← Patients</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="96"/>
        <source>&amp;Variant:</source>
        <translation>&amp;Variant:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="119"/>
        <source>geboren %1</source>
        <translation>born %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="121"/>
        <source>nummer %1</source>
        <translation>number %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="125"/>
        <source>meegenomen voor huisbezoek</source>
        <translation>brought along for a home visit</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="140"/>
        <source>afgerond</source>
        <translation>completed</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="141"/>
        <source>bezig: %1</source>
        <translation>in progress: %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="147"/>
        <source>(tweede versie, van de laptop)</source>
        <translation>(second version, from the laptop)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="177"/>
        <source>Volgend gesprek: %1, gepland op %2</source>
        <translation>Next conversation: %1, planned on %2</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="184"/>
        <source>(het tussengesprek was later dan gepland; voorstel: %1)</source>
        <translation>(the follow-up conversation was later than planned; suggested: %1)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="186"/>
        <source>Opnieuw &amp;plannen…</source>
        <translation>Re-&amp;plan…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="200"/>
        <source>Er is vandaag al een gesprek met deze patiënt. Open dat gesprek om verder te gaan.

Toch een tweede gesprek van vandaag beginnen?</source>
        <translation>There is already a conversation with this patient today. Open that conversation to carry on.

Start a second conversation today anyway?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="73"/>
        <source>&amp;Laat de patiënt invullen…</source>
        <translation>&amp;Let the patient fill in…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="74"/>
        <source>Het spinnenweb door de patiënt zelf laten invullen (Ctrl+Shift+P)</source>
        <translation>Let the patient fill in the web themselves (Ctrl+Shift+P)</translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <location filename="../../pgdesk/ui/patient_model.py" line="16"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_model.py" line="17"/>
        <source>Geboren</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_model.py" line="18"/>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
</context>
<context>
    <name>PdfOutput</name>
    <message>
        <location filename="../../pgdesk/ui/pdf_output.py" line="115"/>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="281"/>
        <source>De printer kon niet worden gestart.</source>
        <translation>The printer could not be started.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/pdf_output.py" line="182"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/pdf_output.py" line="183"/>
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/pdf_output.py" line="185"/>
        <source>Opslaan als &amp;PDF…</source>
        <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/pdf_output.py" line="208"/>
        <source>Opslaan als PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/pdf_output.py" line="210"/>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/pdf_output.py" line="144"/>
        <source>Naar de printer gestuurd: %1</source>
        <translation>Sent to the printer: %1</translation>
    </message>
</context>
<context>
    <name>PlanStep</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="36"/>
        <source>Het plan, in de woorden van de patiënt</source>
        <translation>The plan, in the patient&apos;s own words</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="42"/>
        <source>&amp;Wat wil ik bereiken?</source>
        <translation>&amp;What do I want to achieve?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="42"/>
        <source>bijvoorbeeld: weer elke dag wandelen</source>
        <translation>for example: go for a walk every day again</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="43"/>
        <source>Mijn &amp;eerste stap</source>
        <translation>My &amp;first step</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="43"/>
        <source>klein en concreet</source>
        <translation>small and specific</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="44"/>
        <source>&amp;Wie helpt mij?</source>
        <translation>Who will &amp;help me?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="44"/>
        <source>persoon of organisatie</source>
        <translation>person or organisation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="45"/>
        <source>Wa&amp;nneer?</source>
        <translation>Whe&amp;n?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="45"/>
        <source>bijvoorbeeld: maandag na het ontbijt</source>
        <translation>for example: Monday after breakfast</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="52"/>
        <source>Volgend &amp;gesprek afgesproken:</source>
        <translation>Next &amp;conversation booked:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="54"/>
        <source>Datum en tijd van het volgende gesprek</source>
        <translation>Date and time of the next conversation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="61"/>
        <source>Volgende afspraak</source>
        <translation>Next appointment</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="62"/>
        <source>Alles wordt meteen bewaard. Alt+→: naar de samenvatting.</source>
        <translation>Everything is saved straight away. Alt+→: go to the summary.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="103"/>
        <source>Voor de praktijk (niet op de samenvatting)</source>
        <translation>For the practice (not on the summary)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="109"/>
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="110"/>
        <source>Leeg: de standaardcode van de praktijk (Praktijk → HIS-tekst)</source>
        <translation>Empty: the practice&apos;s default code (Practice → GP system text)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="113"/>
        <source>alleen voor de HIS-tekst</source>
        <translation>only for the GP system text</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="115"/>
        <source>&amp;ICPC-code:</source>
        <translation>&amp;ICPC code:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="116"/>
        <source>N&amp;otitie:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="120"/>
        <source>Aanwezig bij het gesprek:</source>
        <translation>Present at the conversation:</translation>
    </message>
</context>
<context>
    <name>PracticeActions</name>
    <message>
        <location filename="../../pgdesk/ui/practice_actions.py" line="63"/>
        <source>Uw wachtwoord is gewijzigd.</source>
        <translation>Your passphrase has been changed.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_actions.py" line="80"/>
        <source>%1 kan pgdesk nu openen met de eigen naam en het gekozen wachtwoord.</source>
        <translation>%1 can now open pgdesk with their own name and the chosen passphrase.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_actions.py" line="89"/>
        <source>Een nieuwe herstelcode maakt de oude ongeldig. Doorgaan?</source>
        <translation>A new recovery code makes the old one invalid. Continue?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_actions.py" line="122"/>
        <source>Er zijn geen collega&apos;s die pgdesk met een eigen wachtwoord openen.</source>
        <translation>There are no colleagues who open pgdesk with a passphrase of their own.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_actions.py" line="146"/>
        <source>De nieuwe sleutel is ingesteld, maar de reservekopie daarna is niet gelukt: %1 Maak er zo snel mogelijk een (Praktijk → Reservekopie maken).</source>
        <translation>The new key is in place, but the backup afterwards failed: %1 Make one as soon as possible (Practice → Make a backup).</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_actions.py" line="156"/>
        <source>Map voor reservekopieën (bijvoorbeeld een USB-schijf of netwerkmap)</source>
        <translation>Folder for backups (for example a USB disk or network share)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_actions.py" line="167"/>
        <source>Automatisch vergrendelen</source>
        <translation>Automatic lock</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_actions.py" line="168"/>
        <source>Vergrendel pgdesk na dit aantal minuten zonder gebruik:</source>
        <translation>Lock pgdesk after this many minutes without use:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_practice.py" line="55"/>
        <source>Evaluatie exporteren</source>
        <translation>Export evaluation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_practice.py" line="57"/>
        <source>CSV-bestanden (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_practice.py" line="65"/>
        <source>De evaluatie wordt geëxporteerd…</source>
        <translation>Exporting the evaluation…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_practice.py" line="66"/>
        <source>De export is afgebroken; er is geen bestand geschreven.</source>
        <translation>The export was cancelled; no file was written.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_practice.py" line="69"/>
        <source>De evaluatie staat in:
%1
%2

De bestanden bevatten geen namen, geboortedata of nummers, maar zijn nog wel persoonsgegevens: bewaar ze zorgvuldig.</source>
        <translation>The evaluation is in:
%1
%2

The files hold no names, dates of birth or numbers, but they are still personal data: keep them carefully.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_practice.py" line="111"/>
        <source>Reservekopie terugzetten</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window_practice.py" line="112"/>
        <source>pgdesk-reservekopieën (*%1)</source>
        <translation>pgdesk backups (*%1)</translation>
    </message>
</context>
<context>
    <name>PracticeDetailsDialog</name>
    <message>
        <location filename="../../pgdesk/ui/practice_details_dialog.py" line="29"/>
        <source>Gegevens van de praktijk</source>
        <translation>Practice details</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_details_dialog.py" line="32"/>
        <source>Naam en telefoonnummer staan onderaan elke samenvatting en elk leeg spinnenweb, zodat de patiënt weet wie te bellen.</source>
        <translation>The name and phone number are printed at the foot of every summary and every blank web, so the patient knows whom to call.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_details_dialog.py" line="38"/>
        <source>bijvoorbeeld Huisartsenpraktijk De Linde</source>
        <translation>for example Huisartsenpraktijk De Linde</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_details_dialog.py" line="44"/>
        <source>niet verplicht</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_details_dialog.py" line="45"/>
        <source>&amp;Naam:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_details_dialog.py" line="46"/>
        <source>&amp;Telefoon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_details_dialog.py" line="47"/>
        <source>&amp;Website:</source>
        <translation>&amp;Website:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_details_dialog.py" line="48"/>
        <source>&amp;Eerdere webs ook tonen terwijl de patiënt de cijfers geeft</source>
        <translation>&amp;Show earlier webs while the patient gives the numbers</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_details_dialog.py" line="50"/>
        <source>Anders verschijnen ze pas als alle onderwerpen een cijfer hebben</source>
        <translation>Otherwise they appear once every topic has a number</translation>
    </message>
</context>
<context>
    <name>PracticeOverview</name>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="226"/>
        <source>Het praktijkoverzicht wordt geteld…</source>
        <translation>Counting the practice overview…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="119"/>
        <source>Praktijkoverzicht</source>
        <translation>Practice overview</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="121"/>
        <source>Praktijkoverzicht Positieve Gezondheid</source>
        <translation>Practice overview Positive Health</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="123"/>
        <source>%1 t/m %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="127"/>
        <source>Hulpmiddel, geen meting. Om als team terug te kijken en bij te sturen. De cijfers van het spinnenweb helpen het gesprek; een hoger cijfer is geen doel.</source>
        <translation>An aid, not a measurement. For the team to look back and adjust. The web&apos;s scores help the conversation; a higher score is not a goal.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="134"/>
        <source>gesprekken in deze periode</source>
        <translation>conversations in this period</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="137"/>
        <source>afgeronde trajecten (start- en eindgesprek)</source>
        <translation>completed trajectories (start and end conversation)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="147"/>
        <source>Verwijzingen per voorziening</source>
        <translation>Referrals per service</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="149"/>
        <source>Gesprekken per maand</source>
        <translation>Conversations per month</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="153"/>
        <source>Gesprekken per functie</source>
        <translation>Conversations per role</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="151"/>
        <source>Gemiddelde verandering per dimensie</source>
        <translation>Mean change per dimension</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="157"/>
        <source>Afgeronde trajecten: cijfer bij het eindgesprek min cijfer bij het startgesprek, gemiddeld (n = %1).</source>
        <translation>Completed trajectories: score at the end conversation minus score at the start, averaged (n = %1).</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="160"/>
        <source>Nog geen afgeronde trajecten in deze periode.</source>
        <translation>No completed trajectories in this period yet.</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation type="vanished">Close</translation>
    </message>
    <message>
        <source>&amp;Afdrukken…</source>
        <translation type="vanished">&amp;Print…</translation>
    </message>
    <message>
        <source>Opslaan als &amp;PDF…</source>
        <translation type="vanished">Save as &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="190"/>
        <source>Nog geen verwijzingen in deze periode.</source>
        <translation>No referrals in this period yet.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="194"/>
        <source>Voorziening</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="196"/>
        <source>Totaal</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="236"/>
        <source>jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="236"/>
        <source>feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="236"/>
        <source>mrt</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="236"/>
        <source>apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="236"/>
        <source>mei</source>
        <translation>May</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="237"/>
        <source>jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="237"/>
        <source>jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="237"/>
        <source>aug</source>
        <translation>Aug</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="237"/>
        <source>sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="237"/>
        <source>okt</source>
        <translation>Oct</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="238"/>
        <source>nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="238"/>
        <source>dec</source>
        <translation>Dec</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="246"/>
        <source>Onbekend</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="304"/>
        <source>Nog geen gesprekken in deze periode.</source>
        <translation>No conversations in this period yet.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/overview_window.py" line="355"/>
        <source>Praktijkoverzicht afdrukken</source>
        <translation>Print practice overview</translation>
    </message>
</context>
<context>
    <name>PresentRow</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/present_row.py" line="19"/>
        <source>naaste / mantelzorger</source>
        <translation>relative / carer</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/present_row.py" line="19"/>
        <source>tolk</source>
        <translation>interpreter</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/present_row.py" line="20"/>
        <source>ingevuld namens de patiënt</source>
        <translation>filled in on the patient&apos;s behalf</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/present_row.py" line="25"/>
        <source>Aanwezig bij het gesprek</source>
        <translation>Present at the conversation</translation>
    </message>
</context>
<context>
    <name>ProfessionalDialog</name>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="170"/>
        <source>Wie werkt er met pgdesk?</source>
        <translation>Who is working with pgdesk?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="171"/>
        <source>Uw naam komt op de samenvatting voor de patiënt.</source>
        <translation>Your name appears on the patient&apos;s summary.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="177"/>
        <source>Iemand anders: nieuw toevoegen</source>
        <translation>Someone else: add new</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="185"/>
        <source>&amp;Ik ben</source>
        <translation>&amp;I am</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="186"/>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="187"/>
        <source>&amp;Functie</source>
        <translation>&amp;Role</translation>
    </message>
</context>
<context>
    <name>QuickEntryDialog</name>
    <message>
        <location filename="../../pgdesk/ui/quick_entry.py" line="29"/>
        <source>Spinnenweb van papier overnemen</source>
        <translation>Copy a paper web</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/quick_entry.py" line="33"/>
        <source>Van papier overnemen</source>
        <translation>Copy from paper</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/quick_entry.py" line="36"/>
        <source>Typ de cijfers van het papieren web, van boven met de klok mee. Voor 10: eerst 1, dan 0. Spatie vóór een cijfer: hier wil ik over praten. Na het laatste cijfer wordt alles bewaard en gaat het gesprek verder met ‘Wat is belangrijk?’.
Backspace: vorige cijfer weg. Esc: stoppen, er wordt niets bewaard.</source>
        <translation>Type the numbers of the paper web, from the top clockwise. For 10: first 1, then 0. Space before a number: I want to talk about this. After the last number everything is saved and the conversation goes on with ‘What matters?’.
Backspace: remove the previous number. Esc: stop, nothing is saved.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/quick_entry.py" line="46"/>
        <source>Cijfers van het papieren web</source>
        <translation>Scores of the paper web</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/quick_entry.py" line="47"/>
        <source>Typ de cijfers na elkaar, van boven naar beneden</source>
        <translation>Type the scores one after another, from top to bottom</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/quick_entry.py" line="82"/>
        <source>Hier wil ik over praten</source>
        <translation>I want to talk about this</translation>
    </message>
    <message>
        <source>Typ de cijfers van het papieren web, van boven met de klok mee. Voor 10: eerst 1, dan 0. Na het laatste cijfer wordt alles bewaard en gaat het gesprek verder met het actiewiel.
Backspace: vorige cijfer weg. Esc: stoppen, er wordt niets bewaard.</source>
        <translation type="vanished">Type the numbers from the paper web, from the top, clockwise. For 10: first 1, then 0. After the last number everything is saved and the conversation goes on to the action wheel.
Backspace: remove the last number. Esc: stop, nothing is saved.</translation>
    </message>
</context>
<context>
    <name>RadarWidget</name>
    <message>
        <location filename="../../pgdesk/ui/radar/items.py" line="37"/>
        <source>nu</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/radar/items.py" line="38"/>
        <source>nog niet gescoord</source>
        <translation>not scored yet</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="148"/>
        <source>Herstelcode van de praktijk</source>
        <translation>Practice recovery code</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="150"/>
        <source>Schrijf deze herstelcode op of druk hem af, en bewaar hem op een veilige plek in de praktijk. Wie zijn wachtwoord vergeet, kan daarmee een nieuw kiezen. Zonder wachtwoord én zonder herstelcode is niemand meer bij de gegevens te komen. De code wordt maar één keer getoond.</source>
        <translation>Write down or print this recovery code and keep it in a safe place in the practice. Whoever forgets their passphrase can choose a new one with it. Without a passphrase and without the recovery code nobody can reach the data any more. The code is shown only once.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="159"/>
        <source>&amp;Kopiëren</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="167"/>
        <source>Ik heb de herstelcode &amp;bewaard</source>
        <translation>I have &amp;kept the recovery code</translation>
    </message>
    <message>
        <source>Verder</source>
        <translation type="vanished">Continue</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="161"/>
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="112"/>
        <source>Wachtwoord vergeten</source>
        <translation>Forgot passphrase</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="113"/>
        <source>Met de herstelcode van de praktijk (op papier bewaard bij de set-up) kiest u een nieuw wachtwoord.</source>
        <translation>With the practice&apos;s recovery code (kept on paper at set-up) you choose a new passphrase.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="120"/>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="121"/>
        <source>&amp;Herstelcode</source>
        <translation>&amp;Recovery code</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="122"/>
        <source>N&amp;ieuw wachtwoord</source>
        <translation>N&amp;ew passphrase</translation>
    </message>
</context>
<context>
    <name>Referrals</name>
    <message>
        <location filename="../../pgdesk/domain/social_map.py" line="33"/>
        <source>Voorgesteld</source>
        <translation>Suggested</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/social_map.py" line="34"/>
        <source>Verwezen</source>
        <translation>Referred</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/social_map.py" line="35"/>
        <source>Gestart</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/social_map.py" line="36"/>
        <source>Afgerond</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../pgdesk/domain/social_map.py" line="37"/>
        <source>Niet doorgegaan</source>
        <translation>Did not go ahead</translation>
    </message>
</context>
<context>
    <name>ReferralsWidget</name>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="87"/>
        <source>&amp;Verwijzen naar</source>
        <translation>&amp;Refer to</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="90"/>
        <source>zoek in de sociale kaart: naam, organisatie, aanbod</source>
        <translation>search the social map: name, organisation, offer</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="93"/>
        <source>&amp;Toevoegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="94"/>
        <source>Het gekozen aanbod toevoegen (Enter)</source>
        <translation>Add the chosen service (Enter)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="95"/>
        <source>Iets &amp;anders…</source>
        <translation>Something &amp;else…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="96"/>
        <source>Een verwijzing naar iemand die niet in de sociale kaart staat</source>
        <translation>A referral to someone not on the social map</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="100"/>
        <source>Sociale kaart</source>
        <translation>Social map</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="160"/>
        <source>De sociale kaart is nog leeg (Praktijk → Sociale kaart…).</source>
        <translation>The social map is still empty (Practice → Social map…).</translation>
    </message>
    <message>
        <source>Past bij de focus (%1)</source>
        <translation type="vanished">Fits the focus (%1)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="162"/>
        <source>Past bij wat de patiënt koos (%1)</source>
        <translation>Fits what the patient chose (%1)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="168"/>
        <source>Ander aanbod</source>
        <translation>Other services</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="195"/>
        <source>(al toegevoegd)</source>
        <translation>(already added)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="221"/>
        <source>Iets anders: “%1” (niet uit de sociale kaart)</source>
        <translation>Something else: “%1” (not from the social map)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="286"/>
        <source>Iets anders</source>
        <translation>Something else</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="287"/>
        <source>Naar wie of wat verwijst u? (niet uit de sociale kaart)</source>
        <translation>Who or what are you referring to? (not from the social map)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="328"/>
        <source>Nog open van eerder</source>
        <translation>Still open from earlier</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="333"/>
        <source>van %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="345"/>
        <source>In dit gesprek</source>
        <translation>In this conversation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="348"/>
        <source>(niet uit de kaart)</source>
        <translation>(not from the map)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="356"/>
        <source>notitie</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="357"/>
        <source>Notitie bij %1</source>
        <translation>Note on %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="360"/>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="361"/>
        <source>Deze verwijzing verwijderen</source>
        <translation>Delete this referral</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="374"/>
        <source>Stand van %1</source>
        <translation>Status of %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/referrals_widget.py" line="434"/>
        <source>De verwijzing naar %1 verwijderen?</source>
        <translation>Delete the referral to %1?</translation>
    </message>
</context>
<context>
    <name>RekeyCodesDialog</name>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="232"/>
        <source>Nieuwe sleutel: codes voor de praktijk</source>
        <translation>New key: codes for the practice</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="234"/>
        <source>De database heeft een nieuwe sleutel. Schrijf de nieuwe herstelcode op en bewaar hem veilig; de oude werkt niet meer. Geef iedere collega persoonlijk het eigen eenmalige wachtwoord; die kiest daarna zelf een nieuw (Praktijk → Mijn wachtwoord wijzigen). Dit wordt maar één keer getoond.</source>
        <translation>The database has a new key. Write down the new recovery code and keep it safe; the old one no longer works. Give each colleague their own one-time passphrase in person; they then choose a new one themselves (Practice → Change my passphrase). This is shown only once.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="239"/>
        <source>Herstelcode: %1</source>
        <translation>Recovery code: %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="240"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="245"/>
        <source>Ik heb alles &amp;opgeschreven</source>
        <translation>I have written everything &amp;down</translation>
    </message>
    <message>
        <source>Verder</source>
        <translation type="vanished">Continue</translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="193"/>
        <source>Mijn wachtwoord is uitgelekt</source>
        <translation>My passphrase has leaked</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="194"/>
        <source>Collega verwijderen</source>
        <translation>Remove a colleague</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="196"/>
        <source>pgdesk geeft de database een nieuwe sleutel. Daarna opent het oude sleutelbestand met een oud wachtwoord de database en nieuwe reservekopieën niet meer. De andere collega&apos;s krijgen een eenmalig wachtwoord en er komt een nieuwe herstelcode; beide ziet u hierna één keer. Oudere reservekopieën houden de oude sleutel.</source>
        <translation>pgdesk gives the database a new key. After that, the old key file with an old passphrase no longer opens the database or new backups. The other colleagues get a one-time passphrase and there is a new recovery code; you see both once, next. Older backups keep the old key.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="207"/>
        <source>&amp;Geen toegang meer voor</source>
        <translation>&amp;No more access for</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="209"/>
        <source>Gebruiker</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="211"/>
        <source>&amp;Huidig wachtwoord</source>
        <translation>&amp;Current passphrase</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="215"/>
        <source>N&amp;ieuw wachtwoord</source>
        <translation>N&amp;ew passphrase</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="217"/>
        <source>Nieuwe &amp;sleutel maken</source>
        <translation>Make a new &amp;key</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="222"/>
        <source>Er is geen collega om te verwijderen.</source>
        <translation>There is no colleague to remove.</translation>
    </message>
</context>
<context>
    <name>Rooms</name>
    <message>
        <location filename="../../pgdesk/ui/rooms.py" line="57"/>
        <source>Naam van deze werkplek</source>
        <translation>Name of this workstation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/rooms.py" line="55"/>
        <source>Onder deze naam zien de andere kamers waar een gesprek open is (bijvoorbeeld &apos;kamer 2&apos;):</source>
        <translation>Under this name the other rooms see where a conversation is open (for example &apos;room 2&apos;):</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/rooms.py" line="74"/>
        <source>&amp;Overnemen</source>
        <translation>&amp;Take over</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/rooms.py" line="156"/>
        <source>Wat u typte nadat het gesprek in een andere kamer is overgenomen, is niet bewaard. Neem het gesprek over om het te bewaren, of kopieer het naar het klembord.</source>
        <translation>What you typed after the conversation was taken over in another room has not been saved. Take the conversation over to save it, or copy it to the clipboard.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/rooms.py" line="159"/>
        <source>Niet bewaarde tekst</source>
        <translation>Unsaved text</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/rooms.py" line="160"/>
        <source>Kopiëren en sluiten</source>
        <translation>Copy and close</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/rooms.py" line="161"/>
        <source>Blijven</source>
        <translation>Stay</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/rooms.py" line="193"/>
        <source>De patiënt vult dit gesprek nu zelf in (wachtkamer of ander scherm); de antwoorden verschijnen hier. Neem het gesprek over als de patiënt klaar is.</source>
        <translation>The patient is filling in this conversation now (waiting room or another screen); the answers appear here. Take the conversation over when the patient is done.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/rooms.py" line="198"/>
        <source>Niet meer open in een andere kamer. U kijkt mee; neem het gesprek over om te bewerken.</source>
        <translation>No longer open in another room. You are looking on; take the conversation over to edit it.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/rooms.py" line="201"/>
        <source>Open bij %1 (%2) sinds %3</source>
        <translation>Open with %1 (%2) since %3</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/rooms.py" line="203"/>
        <source>Het is overgenomen; wat u nog typte staat op het scherm en is niet bewaard.</source>
        <translation>It was taken over; what you were still typing is on screen and has not been saved.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/rooms.py" line="205"/>
        <source>U kijkt mee: alleen lezen.</source>
        <translation>You are looking on: read only.</translation>
    </message>
</context>
<context>
    <name>ScoreTable</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/score_table.py" line="36"/>
        <source>Dimensie</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/score_table.py" line="36"/>
        <source>Cijfer</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="vanished">Score</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/score_table.py" line="36"/>
        <source>Praten</source>
        <translation>Talk</translation>
    </message>
</context>
<context>
    <name>SecurityDialogs</name>
    <message>
        <source>minstens 8 tekens; een zin is goed te onthouden</source>
        <translation type="vanished">at least 8 characters; a sentence is easy to remember</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="42"/>
        <source>&amp;Nog een keer</source>
        <translation>&amp;Once more</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="49"/>
        <source>De twee wachtwoorden zijn niet gelijk.</source>
        <translation>The two passphrases are not the same.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="38"/>
        <source>Minstens 8 tekens; een zin is goed te onthouden.</source>
        <translation>At least 8 characters; a sentence is easy to remember.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="136"/>
        <source>Verder</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="276"/>
        <source>Herstelcode afdrukken</source>
        <translation>Print recovery code</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="287"/>
        <source>Herstelcode van de praktijk (pgdesk)</source>
        <translation>The practice&apos;s recovery code (pgdesk)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="288"/>
        <source>Bewaar dit papier op een veilige plek in de praktijk. Wie zijn wachtwoord vergeet, kiest hiermee een nieuw: pgdesk → Wachtwoord vergeten?</source>
        <translation>Keep this paper in a safe place in the practice. Whoever forgets their passphrase chooses a new one with it: pgdesk → Forgot passphrase?</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../pgdesk/ui/server_dialog.py" line="23"/>
        <location filename="../../pgdesk/ui/server_dialog.py" line="74"/>
        <source>Verbinden met de praktijkserver</source>
        <translation>Connect to the practice server</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/server_dialog.py" line="25"/>
        <source>Werkt de praktijk met een gedeelde database op een server? Vul het adres in dat de beheerder gaf. Laat het adres leeg om het bestand op deze computer te gebruiken. Het wachtwoord vraagt pgdesk bij het verbinden; het wordt niet bewaard.</source>
        <translation>Does the practice share a database on a server? Enter the address your administrator gave you. Leave the address empty to use the file on this computer. pgdesk asks for the password when it connects; it is never stored.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/server_dialog.py" line="32"/>
        <source>postgresql://praktijkserver/pgdesk of de naam van een dienst</source>
        <translation>postgresql://practiceserver/pgdesk or the name of a service</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/server_dialog.py" line="35"/>
        <source>uw gebruikersnaam op de server</source>
        <translation>your user name on the server</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/server_dialog.py" line="36"/>
        <source>&amp;Adres:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/server_dialog.py" line="37"/>
        <source>&amp;Gebruiker:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/server_dialog.py" line="38"/>
        <source>Bewaren</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/server_dialog.py" line="52"/>
        <source>Laat het wachtwoord weg uit het adres: pgdesk vraagt erom bij het verbinden en bewaart het niet.</source>
        <translation>Leave the password out of the address: pgdesk asks for it when it connects and does not store it.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/server_dialog.py" line="55"/>
        <source>Vul uw gebruikersnaam op de server in.</source>
        <translation>Enter your user name on the server.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/server_dialog.py" line="70"/>
        <source>pgdesk gebruikt de praktijkserver bij de volgende start.</source>
        <translation>pgdesk will use the practice server from the next start.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/server_dialog.py" line="72"/>
        <source>pgdesk opent bij de volgende start het bestand op deze computer.</source>
        <translation>pgdesk will open the file on this computer from the next start.</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="77"/>
        <source>Hulpaanbod wijzigen</source>
        <translation>Edit service</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="77"/>
        <source>Nieuw hulpaanbod</source>
        <translation>New service</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="84"/>
        <source>bijvoorbeeld: Welzijnscoach</source>
        <translation>for example: Wellbeing coach</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="86"/>
        <source>bijvoorbeeld: Stichting Welzijn</source>
        <translation>for example: Wellbeing Foundation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="89"/>
        <source>wat ze doen, in gewone woorden</source>
        <translation>what they do, in plain words</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="102"/>
        <source>info@voorbeeld.nl</source>
        <translation>info@example.org</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="104"/>
        <source>www.voorbeeld.nl</source>
        <translation>www.example.org</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="108"/>
        <source>(niet ingevuld)</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="114"/>
        <source>voor de praktijk: wachttijd, kosten, contactpersoon</source>
        <translation>for the practice: waiting time, costs, contact person</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="118"/>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="119"/>
        <source>&amp;Organisatie</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="120"/>
        <source>&amp;Aanbod</source>
        <translation>O&amp;ffer</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="121"/>
        <source>Helpt bij</source>
        <translation>Helps with</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="122"/>
        <source>&amp;Telefoon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="123"/>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="124"/>
        <source>&amp;Website</source>
        <translation>&amp;Website</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="125"/>
        <source>A&amp;dres</source>
        <translation>A&amp;ddress</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="126"/>
        <source>&amp;Verwijzen</source>
        <translation>&amp;Referral</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="127"/>
        <source>No&amp;tities</source>
        <translation>No&amp;tes</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="64"/>
        <source>Collega toevoegen</source>
        <translation>Add colleague</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="64"/>
        <source>pgdesk instellen</source>
        <translation>Set up pgdesk</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="67"/>
        <source>De collega kiest hier zelf een wachtwoord en opent pgdesk daarna met de eigen naam.</source>
        <translation>The colleague chooses their own passphrase here and then opens pgdesk with their own name.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="71"/>
        <source>pgdesk versleutelt alle gegevens op deze computer. Iedere collega opent pgdesk met een eigen naam en wachtwoord. Maak nu uzelf aan als eerste gebruiker.</source>
        <translation>pgdesk encrypts all data on this computer. Every colleague opens pgdesk with their own name and passphrase. Create yourself now as the first user.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="75"/>
        <source>De bestaande database wordt daarna versleuteld; er gaat niets verloren.</source>
        <translation>The existing database will then be encrypted; nothing is lost.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="82"/>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="83"/>
        <source>&amp;Functie</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/security_dialogs.py" line="84"/>
        <source>&amp;Wachtwoord</source>
        <translation>&amp;Passphrase</translation>
    </message>
</context>
<context>
    <name>SocialMap</name>
    <message>
        <location filename="../../pgdesk/ui/service_table_model.py" line="23"/>
        <source>Patiënt meldt zich zelf aan</source>
        <translation>Patient signs up themselves</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/service_table_model.py" line="24"/>
        <source>Via de huisarts of praktijk</source>
        <translation>Via the GP or practice</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/service_table_model.py" line="25"/>
        <source>Via de gemeente (sociaal team, Wmo)</source>
        <translation>Via the municipality (social team, Wmo)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/service_table_model.py" line="26"/>
        <source>Anders</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/service_table_model.py" line="29"/>
        <source>zelf</source>
        <translation>self</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/service_table_model.py" line="30"/>
        <source>via huisarts</source>
        <translation>via GP</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/service_table_model.py" line="31"/>
        <source>via gemeente</source>
        <translation>via municipality</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/service_table_model.py" line="32"/>
        <source>anders</source>
        <translation>other</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="58"/>
        <source>CSV-bestanden (*.csv *.txt);;Alle bestanden (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/service_table_model.py" line="43"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/service_table_model.py" line="43"/>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/service_table_model.py" line="44"/>
        <source>Dimensies</source>
        <translation>Dimensions</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/service_table_model.py" line="44"/>
        <source>Verwijzing</source>
        <translation>Referral</translation>
    </message>
</context>
<context>
    <name>SocialMapDialog</name>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="295"/>
        <source>Sociale kaart</source>
        <translation>Social map</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="297"/>
        <source>Hulp in de buurt, per dimensie. In de planstap worden de diensten die bij de focus van het gesprek passen als eerste voorgesteld.</source>
        <translation>Help in the neighbourhood, per dimension. In the plan step the services that fit the conversation&apos;s focus are suggested first.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="302"/>
        <source>typ een deel van de naam, organisatie of het aanbod</source>
        <translation>type part of the name, organisation or offer</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="304"/>
        <source>&amp;Zoeken:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="307"/>
        <source>Alle dimensies</source>
        <translation>All dimensions</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="310"/>
        <source>&amp;Dimensie:</source>
        <translation>&amp;Dimension:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="330"/>
        <source>Diensten in de sociale kaart</source>
        <translation>Services on the social map</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="332"/>
        <source>&amp;Nieuw…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="333"/>
        <source>&amp;Wijzigen…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="334"/>
        <source>&amp;Verwijderen…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="335"/>
        <source>CSV &amp;inlezen…</source>
        <translation>&amp;Import CSV…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="336"/>
        <source>CSV &amp;opslaan…</source>
        <translation>E&amp;xport CSV…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="337"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="400"/>
        <source>%1 van %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="460"/>
        <source>“%1” is toegevoegd.</source>
        <translation>“%1” has been added.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="471"/>
        <source>“%1” is gewijzigd.</source>
        <translation>“%1” has been changed.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="479"/>
        <source>Uit de sociale kaart halen</source>
        <translation>Remove from the social map</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="480"/>
        <source>“%1” uit de sociale kaart verwijderen?

Verwijzingen die al naar dit aanbod zijn gemaakt blijven leesbaar in de gesprekken waarin ze staan, met de gegevens van toen. Nieuwe verwijzingen naar dit aanbod kunnen niet meer.</source>
        <translation>Remove “%1” from the social map?

Referrals already made to it stay readable in their conversations, with the details of that day. New referrals to it are no longer possible.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="492"/>
        <source>“%1” is uit de sociale kaart gehaald.</source>
        <translation>“%1” has been removed from the social map.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="500"/>
        <source>Sociale kaart inlezen</source>
        <translation>Import social map</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="507"/>
        <source>%1 kan niet worden gelezen: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="515"/>
        <source>Niets ingelezen; de sociale kaart is niet veranderd.</source>
        <translation>Nothing imported; the social map has not changed.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="541"/>
        <source>Sociale kaart opslaan</source>
        <translation>Save social map</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="543"/>
        <source>CSV-bestanden (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="553"/>
        <source>De sociale kaart is niet opgeslagen.

%1</source>
        <translation>The social map has not been saved.

%1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="554"/>
        <source>De sociale kaart is niet opgeslagen.</source>
        <translation>The social map has not been saved.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/social_map_dialog.py" line="556"/>
        <source>%1 diensten opgeslagen in %2</source>
        <translation>%1 services saved in %2</translation>
    </message>
</context>
<context>
    <name>SoepPartsDialog</name>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="96"/>
        <source>Tekst voor het HIS</source>
        <translation>Text for the HIS</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="98"/>
        <source>Welke delen komen in de tekst die “Kopieer naar HIS” (Ctrl+Shift+C) op het klembord zet voor het journaal van het HIS?</source>
        <translation>Which parts go into the text that “Copy to HIS” (Ctrl+Shift+C) puts on the clipboard for the HIS journal?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="105"/>
        <source>&amp;S: de woorden van de patiënt (wat belangrijk is, het actiewiel)</source>
        <translation>&amp;S: the patient&apos;s own words (what matters, the action wheel)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="106"/>
        <source>&amp;O: de cijfers van het spinnenweb en het verschil met de vorige keer</source>
        <translation>&amp;O: the web scores and the change since last time</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="107"/>
        <source>&amp;E: het soort gesprek en wat de patiënt koos</source>
        <translation>&amp;E: the kind of conversation and what the patient chose</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="118"/>
        <source>bijvoorbeeld A98; leeg: geen code</source>
        <translation>for example A98; empty: no code</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="119"/>
        <source>Per gesprek te wijzigen in de stap Plan</source>
        <translation>Can be changed per conversation in the Plan step</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="120"/>
        <source>Standaard &amp;ICPC-code (in E):</source>
        <translation>Default &amp;ICPC code (in E):</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="122"/>
        <source>bij E</source>
        <translation>in E</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="123"/>
        <source>bij P</source>
        <translation>in P</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="125"/>
        <source>&amp;Notitie van de hulpverlener:</source>
        <translation>The professional&apos;s &amp;note:</translation>
    </message>
    <message>
        <source>&amp;E: het soort gesprek en de focus</source>
        <translation type="vanished">&amp;E: the kind of conversation and the focus</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="108"/>
        <source>&amp;P: eerste stap, verwijzingen en volgende afspraak</source>
        <translation>&amp;P: first step, referrals and next appointment</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="134"/>
        <source>S&amp;jabloon voor het journaal:</source>
        <translation>Journal &amp;template:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/his_text.py" line="135"/>
        <source>Alleen tekens die elk HIS kan bewaren (Windows-1252; ĳ wordt ij, ş wordt s)</source>
        <translation>Only characters every HIS can store (Windows-1252; ĳ becomes ij, ş becomes s)</translation>
    </message>
</context>
<context>
    <name>StaleRecordsDialog</name>
    <message>
        <location filename="../../pgdesk/ui/practice_actions.py" line="183"/>
        <source>Dossiers ouder dan 20 jaar</source>
        <translation>Records older than 20 years</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_actions.py" line="185"/>
        <source>Deze dossiers zijn al meer dan twintig jaar niet gewijzigd. Bekijk per dossier of het nog nodig is; verwijderen gaat via het menu Patiënt.</source>
        <translation>These records have not changed for more than twenty years. Review each one to see whether it is still needed; erasing is in the Patient menu.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_actions.py" line="187"/>
        <source>Er zijn geen dossiers die langer dan twintig jaar niet zijn gewijzigd.</source>
        <translation>No record has gone unchanged for more than twenty years.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_actions.py" line="191"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_actions.py" line="191"/>
        <source>Geboortedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/practice_actions.py" line="191"/>
        <source>Laatst gewijzigd</source>
        <translation>Last changed</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../pgdesk/ui/startup.py" line="78"/>
        <source>Het nieuwe wachtwoord is ingesteld. Ontgrendel nu met uw naam en dit wachtwoord.</source>
        <translation>The new passphrase is set. Unlock now with your name and this passphrase.</translation>
    </message>
</context>
<context>
    <name>StorageMessages</name>
    <message>
        <location filename="../../pgdesk/ui/messages.py" line="15"/>
        <source>Vul een wachtwoord in.</source>
        <translation>Please enter a passphrase.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/messages.py" line="16"/>
        <source>Een wachtwoord van alleen spaties kan niet.</source>
        <translation>A passphrase of only spaces will not do.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/messages.py" line="17"/>
        <source>Kies een wachtwoord van minstens 8 tekens.</source>
        <translation>Choose a passphrase of at least 8 characters.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/messages.py" line="18"/>
        <source>Naam of wachtwoord klopt niet.</source>
        <translation>Name or passphrase is not right.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/messages.py" line="19"/>
        <source>Deze herstelcode klopt niet.</source>
        <translation>This recovery code is not right.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/messages.py" line="20"/>
        <source>Een herstelcode bestaat uit 28 letters en cijfers, zoals 7KQM-2F9X-… Controleer wat u hebt overgenomen.</source>
        <translation>A recovery code has 28 letters and digits, like 7KQM-2F9X-… Check what you copied.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/messages.py" line="22"/>
        <source>Deze herstelcode is niet goed overgenomen. Controleer de tekens en probeer het opnieuw.</source>
        <translation>This recovery code was not copied correctly. Check the characters and try again.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/messages.py" line="24"/>
        <source>Vul een naam in.</source>
        <translation>Please enter a name.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/messages.py" line="25"/>
        <source>Die naam is te lang (meer dan 200 tekens).</source>
        <translation>That name is too long (more than 200 characters).</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/messages.py" line="26"/>
        <source>Er is al een gebruiker met deze naam.</source>
        <translation>There is already a user with this name.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/messages.py" line="27"/>
        <source>Er is geen gebruiker met deze naam.</source>
        <translation>There is no user with this name.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/messages.py" line="28"/>
        <source>Die geboortedatum kan niet.</source>
        <translation>That date of birth is not possible.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/messages.py" line="29"/>
        <source>Deze code kennen we niet. Kijk of u hem goed hebt getypt.</source>
        <translation>We do not know this code. Please check that you typed it correctly.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/messages.py" line="30"/>
        <source>Deze code is niet meer geldig. Vraag de praktijk om een nieuwe code.</source>
        <translation>This code is no longer valid. Please ask the practice for a new code.</translation>
    </message>
</context>
<context>
    <name>SummaryStep</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="80"/>
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="83"/>
        <source>Opslaan als &amp;PDF…</source>
        <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="86"/>
        <source>Kopieer naar &amp;HIS</source>
        <translation>Copy to &amp;HIS</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="87"/>
        <source>Ctrl+Shift+C: het gesprek als SOEP-tekst op het klembord, om in het journaal van het HIS te plakken</source>
        <translation>Ctrl+Shift+C: the conversation as SOEP text on the clipboard, to paste into the HIS journal</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="95"/>
        <source>De taal van de samenvatting; onthouden voor deze patiënt</source>
        <translation>The summary&apos;s language; remembered for this patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="97"/>
        <source>Het papierformaat; onthouden voor deze patiënt</source>
        <translation>The paper size; remembered for this patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="98"/>
        <source>&amp;Taal:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="100"/>
        <source>Pap&amp;ier:</source>
        <translation>Pap&amp;er:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="105"/>
        <source>&amp;Wat is er veranderd? op de samenvatting</source>
        <translation>&amp;What has changed? on the summary</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="106"/>
        <source>Alleen bij een eindgesprek; onthouden voor deze patiënt</source>
        <translation>Only for a final conversation; remembered for this patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="108"/>
        <source>&amp;Grote letters</source>
        <translation>&amp;Large print</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="109"/>
        <source>Tekst van minstens 16 punt, de cijfers ook als tabel; onthouden voor deze patiënt</source>
        <translation>Text of at least 16 points, the numbers also as a table; remembered for this patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="112"/>
        <source>Let op: deze vertaling is nog niet nagekeken door iemand die de taal als moedertaal spreekt.</source>
        <translation>Note: this translation has not yet been checked by a native speaker.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="116"/>
        <source>Tip: vul via Praktijk → Gegevens van de praktijk de naam en het telefoonnummer in. Die staan dan op elke samenvatting.</source>
        <translation>Tip: fill in the name and phone number under Practice → Practice details. They are then printed on every summary.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="121"/>
        <source>Samenvatting voor de patiënt</source>
        <translation>Summary for the patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="253"/>
        <source>Samenvatting afdrukken</source>
        <translation>Print summary</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="273"/>
        <source>Gekopieerd: plak het in het journaal van het HIS (over %1 seconden wordt het klembord weer leeggemaakt)</source>
        <translation>Copied: paste it into the HIS journal (the clipboard is cleared again in %1 seconds)</translation>
    </message>
    <message>
        <source>De printer kon niet worden gestart.</source>
        <translation type="vanished">The printer could not be started.</translation>
    </message>
    <message>
        <source>Opslaan als PDF</source>
        <translation type="vanished">Save as PDF</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation type="vanished">PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>TakeAlongDialog</name>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="70"/>
        <source>Patiënten meegeven voor huisbezoek</source>
        <translation>Take patients along for a home visit</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="72"/>
        <source>Kies de patiënten die mee gaan op de laptop. Hun dossier, trajecten, verwijzingen en de bijbehorende sociale kaart komen in één versleuteld bestand.</source>
        <translation>Choose the patients who go along on the laptop. Their record, trajectories, referrals and the social map entries they need go into one encrypted file.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="77"/>
        <source>Zoek op naam of nummer…</source>
        <translation>Search by name or number…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="79"/>
        <source>Patiënten om mee te geven</source>
        <translation>Patients to take along</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="80"/>
        <source>Spatiebalk vinkt de gekozen patiënt aan of uit</source>
        <translation>Space ticks or unticks the chosen patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="89"/>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="93"/>
        <source>bijvoorbeeld Huisbezoek 1</source>
        <translation>for example Home visit 1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="94"/>
        <source>Naam van de &amp;laptop</source>
        <translation>Name of the &amp;laptop</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="109"/>
        <source>Kies ten minste één patiënt.</source>
        <translation>Choose at least one patient.</translation>
    </message>
</context>
<context>
    <name>TrajectoryPanel</name>
    <message>
        <location filename="../../pgdesk/ui/web_history.py" line="375"/>
        <source>&amp;Traject</source>
        <translation>&amp;Trajectory</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/web_history.py" line="404"/>
        <source>vanaf %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/web_history.py" line="405"/>
        <source>%1 (afgesloten)</source>
        <translation>%1 (closed)</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="196"/>
        <source>pgdesk-overdracht (*%1)</source>
        <translation>pgdesk transfer (*%1)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="232"/>
        <source>Kies een wachtwoordzin alleen voor dit bestand. U heeft hem op de laptop nodig; stuur hem nooit mee met het bestand.</source>
        <translation>Choose a passphrase for this file only. You need it on the laptop; never send it along with the file.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="234"/>
        <source>Overdrachtsbestand opslaan</source>
        <translation>Save transfer file</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="244"/>
        <source>Overdrachtsbestand inlezen</source>
        <translation>Read transfer file</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="245"/>
        <source>pgdesk-overdracht (*%1);;Alle bestanden (*)</source>
        <translation>pgdesk transfer (*%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="288"/>
        <source>Op deze computer staan patiënten uit meer dan één praktijk. Voor welke praktijk is het terugbrengbestand?</source>
        <translation>This computer holds patients of more than one practice. Which practice is the bring-back file for?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="296"/>
        <source>Kies een wachtwoordzin voor het bestand met de wijzigingen van deze laptop; de praktijk heeft hem nodig bij het inlezen.</source>
        <translation>Choose a passphrase for the file with this laptop&apos;s changes; the practice needs it to read the file.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="298"/>
        <source>Wijzigingen opslaan voor de praktijk</source>
        <translation>Save changes for the practice</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="308"/>
        <source>Er staan geen meegenomen patiënten op deze computer.</source>
        <translation>There are no brought-along patients on this computer.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="312"/>
        <source>Deze meegenomen patiënten volledig van deze computer verwijderen?

%1</source>
        <translation>Remove these brought-along patients completely from this computer?

%1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="322"/>
        <source>Toch verwijderen? Wat niet is teruggebracht, gaat dan verloren.</source>
        <translation>Remove anyway? What has not been brought back will then be lost.</translation>
    </message>
</context>
<context>
    <name>TransferPassphraseDialog</name>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="46"/>
        <source>Wachtwoordzin voor het overdrachtsbestand</source>
        <translation>Passphrase for the transfer file</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="53"/>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="56"/>
        <source>&amp;Wachtwoordzin</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/transfer_dialogs.py" line="63"/>
        <source>Typ de wachtwoordzin van dit bestand.</source>
        <translation>Type the passphrase of this file.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../pgdesk/ui/unlock_dialog.py" line="126"/>
        <source>pgdesk ontgrendelen</source>
        <translation>Unlock pgdesk</translation>
    </message>
</context>
<context>
    <name>UnlockForm</name>
    <message>
        <location filename="../../pgdesk/ui/unlock_dialog.py" line="46"/>
        <source>pgdesk is vergrendeld</source>
        <translation>pgdesk is locked</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/unlock_dialog.py" line="48"/>
        <source>Alle gegevens zijn versleuteld. Ontgrendel met uw eigen naam en wachtwoord.</source>
        <translation>All data is encrypted. Unlock with your own name and passphrase.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/unlock_dialog.py" line="57"/>
        <source>&amp;Ontgrendelen</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/unlock_dialog.py" line="61"/>
        <source>Wachtwoord &amp;vergeten?</source>
        <translation>&amp;Forgot passphrase?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/unlock_dialog.py" line="64"/>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/unlock_dialog.py" line="65"/>
        <source>&amp;Wachtwoord</source>
        <translation>&amp;Passphrase</translation>
    </message>
</context>
<context>
    <name>Variant</name>
    <message>
        <location filename="../../pgdesk/ui/variant_choice.py" line="18"/>
        <source>Volwassenen</source>
        <translation>Adults</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/variant_choice.py" line="19"/>
        <source>Eenvoudig (A2)</source>
        <translation>Plain language (A2)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/variant_choice.py" line="20"/>
        <source>Jongeren (16-25)</source>
        <translation>Young people (16-25)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/variant_choice.py" line="21"/>
        <source>Kind (8-12, met ouder)</source>
        <translation>Child (8-12, with a parent)</translation>
    </message>
</context>
<context>
    <name>VariantBox</name>
    <message>
        <location filename="../../pgdesk/ui/variant_choice.py" line="43"/>
        <source>De woorden van het gesprek: volwassenen, eenvoudige taal, jongeren of kind; onthouden voor deze patiënt</source>
        <translation>The wording of the conversation: adults, plain language, young people or child; remembered for this patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/variant_choice.py" line="45"/>
        <source>Variant van het gesprek</source>
        <translation>Variant of the conversation</translation>
    </message>
</context>
<context>
    <name>WebHistory</name>
    <message>
        <location filename="../../pgdesk/ui/web_history.py" line="40"/>
        <source>start</source>
        <translation>start</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/web_history.py" line="41"/>
        <source>tussen</source>
        <translation>interim</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/web_history.py" line="42"/>
        <source>eind</source>
        <translation>end</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/web_history.py" line="43"/>
        <source>los</source>
        <translation>single</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/web_history.py" line="45"/>
        <source>Hulpmiddel voor het gesprek, geen meting.</source>
        <translation>An aid for the conversation, not a measurement.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/web_history.py" line="210"/>
        <source>Eerdere spinnenwebben tonen</source>
        <translation>Show earlier webs</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/web_history.py" line="266"/>
        <source>Web van %1 tonen of verbergen (Alt+%2)</source>
        <translation>Show or hide the web of %1 (Alt+%2)</translation>
    </message>
</context>
<context>
    <name>WebStep</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/web_step.py" line="86"/>
        <source>Typ een cijfer van 0 tot en met 10 (voor 10: eerst 1, dan 0). Spatie: hier wil ik over praten. A: per aspect scoren. Of sleep de punten in het web.</source>
        <translation>Type a number from 0 to 10 (for 10: first 1, then 0). Space: I want to talk about this. A: score per aspect. Or drag the points in the web.</translation>
    </message>
    <message>
        <source>Typ een cijfer van 0 tot en met 10 (voor 10: eerst 1, dan 0). Spatie: hier wil ik over praten. A: een cijfer per aspect. Of sleep de punten in het web.</source>
        <translation type="vanished">Type a number from 0 to 10 (for 10: first 1, then 0). Space: I want to talk about this. A: a number per aspect. Or drag the points in the web.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/web_step.py" line="35"/>
        <source>Cijfers per dimensie</source>
        <translation>Scores per dimension</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/web_step.py" line="36"/>
        <source>Typ een cijfer van 0 tot 10 bij elke dimensie</source>
        <translation>Type a score from 0 to 10 for each dimension</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/web_step.py" line="43"/>
        <source>&amp;Aspecten…</source>
        <translation>&amp;Aspects…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/web_step.py" line="45"/>
        <source>Hier wil ik over &amp;praten</source>
        <translation>I want to &amp;talk about this</translation>
    </message>
    <message>
        <source>vorige keer</source>
        <translation type="vanished">last time</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/web_step.py" line="97"/>
        <source>gem.</source>
        <translation>avg.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/web_step.py" line="98"/>
        <source>Hier wil ik over praten</source>
        <translation>I want to talk about this</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/web_step.py" line="73"/>
        <source>1 getypt: typ 0 voor een 10, of Enter om de 1 te houden.</source>
        <translation>1 typed: type 0 for a 10, or Enter to keep the 1.</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/screens.py" line="44"/>
        <source>Beginnen</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/screens.py" line="52"/>
        <source>Welkom</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/screens.py" line="54"/>
        <source>U krijgt zes onderwerpen over hoe het met u gaat. Geef bij elk punt een cijfer van 0 tot 10: 0 is heel slecht, 10 is heel goed. Er zijn geen goede of foute antwoorden.</source>
        <translation>You will see six topics about how you are doing. Give each point a number from 0 to 10: 0 is very bad, 10 is very good. There are no right or wrong answers.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/screens.py" line="58"/>
        <source>Weet u het niet, of wilt u iets niet beantwoorden? Kies dan &quot;Weet ik niet&quot;. Wilt u ergens over praten? Kies &quot;Over praten&quot;. Uw antwoorden worden meteen bewaard en alleen in de praktijk gebruikt.</source>
        <translation>Not sure, or rather not answer? Choose &quot;Don&apos;t know&quot;. Want to talk about something? Choose &quot;Talk about&quot;. Your answers are saved at once and used only in the practice.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/screens.py" line="61"/>
        <source>Met het toetsenbord: een cijfer kiest, Enter gaat verder.</source>
        <translation>With the keyboard: a digit chooses, Enter goes on.</translation>
    </message>
</context>
<context>
    <name>WheelPicture</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/wheel_picture.py" line="26"/>
        <source>Klik op een vraag om ernaartoe te gaan</source>
        <translation>Click a question to go to it</translation>
    </message>
</context>
<context>
    <name>WheelStep</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/wheel_step.py" line="37"/>
        <source>Het antwoord, in de woorden van de patiënt…</source>
        <translation>The answer, in the patient&apos;s own words…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/wheel_step.py" line="40"/>
        <source>Ctrl+Enter: volgende vraag. Alt+←: vorige. Elk antwoord wordt meteen bewaard.</source>
        <translation>Ctrl+Enter: next question. Alt+←: previous. Each answer is saved straight away.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/wheel_step.py" line="77"/>
        <source>Onderwerp: %1</source>
        <translation>Topic: %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/wheel_step.py" line="71"/>
        <source>Nog geen onderwerp gekozen.</source>
        <translation>No topic chosen yet.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/wheel_step.py" line="79"/>
        <source>(later: %1)</source>
        <translation>(later: %1)</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/wheel_step.py" line="84"/>
        <source>Vraag %1 van %2</source>
        <translation>Question %1 of %2</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Verder</source>
        <translation type="obsolete">Continue</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>De printer kon niet worden gestart.</source>
        <translation type="obsolete">The printer could not be started.</translation>
    </message>
    <message>
        <source>Opslaan als PDF</source>
        <translation type="obsolete">Save as PDF</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation type="obsolete">PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>self.code_screen</name>
    <message>
        <location filename="../../pgdesk/ui/patient_mode/kiosk.py" line="167"/>
        <source>Dank u wel. Uw antwoorden zijn bewaard.</source>
        <translation>Thank you. Your answers have been saved.</translation>
    </message>
</context>
</TS>
