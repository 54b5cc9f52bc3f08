<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AspectDialog</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="25"/>
        <source>Aspecten van %1</source>
        <translation>Aspects of %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="29"/>
        <source>&lt;b&gt;Aspect&lt;/b&gt;</source>
        <translation>&lt;b&gt;Aspect&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="30"/>
        <source>&lt;b&gt;Score&lt;/b&gt;</source>
        <translation>&lt;b&gt;Score&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="31"/>
        <source>&lt;b&gt;Hier wil ik over praten&lt;/b&gt;</source>
        <translation>&lt;b&gt;I want to talk about this&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="45"/>
        <source>Praten over %1</source>
        <translation>Talk about %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="54"/>
        <source>Gebruik het &amp;gemiddelde als score</source>
        <translation>Use the &amp;average as the score</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="57"/>
        <source>Klaar</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="82"/>
        <source>Gemiddelde van de aspecten: %1. De score van de dimensie is met de hand gezet op %2.</source>
        <translation>Average of the aspects: %1. The dimension score has been set by hand to %2.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/aspect_dialog.py" line="85"/>
        <source>Gemiddelde van de aspecten: %1. De score van de dimensie volgt dit gemiddelde.</source>
        <translation>Average of the aspects: %1. The dimension score follows this average.</translation>
    </message>
</context>
<context>
    <name>ConsultationPage</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/page.py" line="48"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/page.py" line="49"/>
        <source>Terug naar de patiënt (Esc). Alles is al bewaard.</source>
        <translation>Back to the patient (Esc). Everything has already been saved.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/page.py" line="83"/>
        <source>← Vorige</source>
        <translation>← Previous</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/page.py" line="87"/>
        <location filename="../../pgdesk/ui/consultation/page.py" line="147"/>
        <source>Volgende →</source>
        <translation>Next →</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/page.py" line="146"/>
        <source>Klaar</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>FocusStep</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="42"/>
        <source>Waar wilt u mee aan de slag?</source>
        <translation>What would you like to work on?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="44"/>
        <source>Kies één of meer onderwerpen: typ het nummer, of gebruik de spatiebalk of een klik. Pijltje naar rechts toont de aspecten. Enter: verder.</source>
        <translation>Choose one or more topics: type the number, or use the space bar or a click. Right arrow shows the aspects. Enter: continue.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="50"/>
        <source>Onderwerp</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="50"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="72"/>
        <source>wil hierover praten</source>
        <translation>wants to talk about this</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/focus_step.py" line="80"/>
        <source>gem.</source>
        <translation>avg.</translation>
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
        <location filename="../../pgdesk/ui/labels.py" line="24"/>
        <source>Huisarts</source>
        <translation>GP</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="25"/>
        <source>POH-somatiek</source>
        <translation>POH somatic care</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="26"/>
        <source>POH-GGZ</source>
        <translation>POH mental health</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="27"/>
        <source>Wijkverpleegkundige</source>
        <translation>District nurse</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="28"/>
        <source>Praktijkondersteuner</source>
        <translation>Practice nurse</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="29"/>
        <source>Doktersassistent</source>
        <translation>Doctor&apos;s assistant</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/labels.py" line="30"/>
        <source>Anders</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="46"/>
        <source>DEMO: verzonnen patiënten, niet versleuteld</source>
        <translation>DEMO: fictional patients, not encrypted</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="58"/>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="60"/>
        <source>&amp;Nieuwe patiënt…</source>
        <translation>&amp;New patient…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="61"/>
        <source>&amp;Zoek patiënt</source>
        <translation>&amp;Find patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="62"/>
        <source>&amp;Wie werkt er?…</source>
        <translation>&amp;Who is working?…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="63"/>
        <source>&amp;Afsluiten</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="70"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="71"/>
        <source>&amp;Over pgdesk</source>
        <translation>&amp;About pgdesk</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="84"/>
        <source>Over pgdesk</source>
        <translation>About pgdesk</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/main_window.py" line="85"/>
        <source>pgdesk %1

Het gesprek over Positieve Gezondheid in de praktijk: spinnenweb, actiewiel, plan en een samenvatting voor de patiënt.

Alle gegevens blijven op deze computer.</source>
        <translation>pgdesk %1

The Positive Health conversation in general practice: web, action wheel, plan and a summary for the patient.

All data stays on this computer.</translation>
    </message>
</context>
<context>
    <name>PatientDialog</name>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="62"/>
        <source>Patiënt wijzigen</source>
        <translation>Edit patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="62"/>
        <source>Nieuwe patiënt</source>
        <translation>New patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="65"/>
        <source>zoals de praktijk de naam schrijft</source>
        <translation>as the practice writes the name</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="67"/>
        <source>dd-mm-jjjj of alleen het jaar</source>
        <translation>dd-mm-yyyy or just the year</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="69"/>
        <source>optioneel: patiëntnummer in het HIS</source>
        <translation>optional: patient number in the HIS</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="70"/>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="71"/>
        <source>&amp;Geboortedatum</source>
        <translation>&amp;Date of birth</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="72"/>
        <source>N&amp;ummer</source>
        <translation>N&amp;umber</translation>
    </message>
</context>
<context>
    <name>PatientListPage</name>
    <message>
        <location filename="../../pgdesk/ui/patient_list_page.py" line="30"/>
        <source>Patiënten</source>
        <translation>Patients</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_list_page.py" line="33"/>
        <source>Zoek op naam of nummer…</source>
        <translation>Search by name or number…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_list_page.py" line="35"/>
        <source>Zoek patiënt</source>
        <translation>Find patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_list_page.py" line="46"/>
        <source>Nieuwe patiënt</source>
        <translation>New patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_list_page.py" line="90"/>
        <source>Niemand gevonden. Met Ctrl+Shift+N voegt u een patiënt toe.</source>
        <translation>No one found. Press Ctrl+Shift+N to add a patient.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_list_page.py" line="92"/>
        <source>Nog geen patiënten. Voeg de eerste toe met Nieuwe patiënt.</source>
        <translation>No patients yet. Add the first one with New patient.</translation>
    </message>
</context>
<context>
    <name>PatientPage</name>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="37"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="37"/>
        <source>Soort</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="37"/>
        <source>Met</source>
        <translation>With</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="37"/>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="44"/>
        <source>Nog geen gesprekken. Begin met Nieuw gesprek (Ctrl+N).</source>
        <translation>No conversations yet. Start with New conversation (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="47"/>
        <source>&amp;Nieuw gesprek</source>
        <translation>&amp;New conversation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="51"/>
        <source>&amp;Openen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="53"/>
        <source>&amp;Gegevens wijzigen</source>
        <translation>&amp;Edit details</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="55"/>
        <source>← Patiënten</source>
        <translation>← Patients</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="79"/>
        <source>geboren %1</source>
        <translation>born %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="81"/>
        <source>nummer %1</source>
        <translation>number %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="90"/>
        <source>afgerond</source>
        <translation>completed</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_page.py" line="91"/>
        <source>bezig: %1</source>
        <translation>in progress: %1</translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <location filename="../../pgdesk/ui/patient_model.py" line="13"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_model.py" line="14"/>
        <source>Geboren</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/patient_model.py" line="15"/>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
</context>
<context>
    <name>PlanStep</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="29"/>
        <source>Het plan, in de woorden van de patiënt</source>
        <translation>The plan, in the patient&apos;s own words</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="35"/>
        <source>&amp;Wat wil ik bereiken?</source>
        <translation>&amp;What do I want to achieve?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="35"/>
        <source>bijvoorbeeld: weer elke dag wandelen</source>
        <translation>for example: go for a walk every day again</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="36"/>
        <source>Mijn &amp;eerste stap</source>
        <translation>My &amp;first step</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="36"/>
        <source>klein en concreet</source>
        <translation>small and specific</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="37"/>
        <source>&amp;Wie helpt mij?</source>
        <translation>Who will &amp;help me?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="37"/>
        <source>persoon of organisatie</source>
        <translation>person or organisation</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="38"/>
        <source>Wa&amp;nneer?</source>
        <translation>Whe&amp;n?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="38"/>
        <source>bijvoorbeeld: maandag na het ontbijt</source>
        <translation>for example: Monday after breakfast</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="45"/>
        <source>Volgend &amp;gesprek afgesproken:</source>
        <translation>Next &amp;conversation booked:</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="53"/>
        <source>Volgende afspraak</source>
        <translation>Next appointment</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/plan_step.py" line="54"/>
        <source>Alles wordt meteen bewaard. Alt+→: naar de samenvatting.</source>
        <translation>Everything is saved straight away. Alt+→: go to the summary.</translation>
    </message>
</context>
<context>
    <name>ProfessionalDialog</name>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="87"/>
        <source>Wie werkt er met pgdesk?</source>
        <translation>Who is working with pgdesk?</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="88"/>
        <source>Uw naam komt op de samenvatting voor de patiënt.</source>
        <translation>Your name appears on the patient&apos;s summary.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="94"/>
        <source>Iemand anders: nieuw toevoegen</source>
        <translation>Someone else: add new</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="102"/>
        <source>&amp;Ik ben</source>
        <translation>&amp;I am</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="103"/>
        <source>&amp;Naam</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="104"/>
        <source>&amp;Functie</source>
        <translation>&amp;Role</translation>
    </message>
</context>
<context>
    <name>RadarWidget</name>
    <message>
        <location filename="../../pgdesk/ui/radar.py" line="103"/>
        <source>nu</source>
        <translation>now</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/radar.py" line="104"/>
        <source>nog niet gescoord</source>
        <translation>not scored yet</translation>
    </message>
</context>
<context>
    <name>ScoreTable</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/score_table.py" line="33"/>
        <source>Dimensie</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/score_table.py" line="33"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/score_table.py" line="33"/>
        <source>Praten</source>
        <translation>Talk</translation>
    </message>
</context>
<context>
    <name>SummaryStep</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="38"/>
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="41"/>
        <source>Opslaan als &amp;PDF…</source>
        <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="44"/>
        <source>Samenvatting voor de patiënt</source>
        <translation>Summary for the patient</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="75"/>
        <source>Samenvatting afdrukken</source>
        <translation>Print summary</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="84"/>
        <source>De printer kon niet worden gestart.</source>
        <translation>The printer could not be started.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="106"/>
        <source>Opslaan als PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/summary_step.py" line="107"/>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>WebStep</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/web_step.py" line="28"/>
        <source>Typ een cijfer van 0 tot en met 10 (voor 10: eerst 1, dan 0). Spatie: hier wil ik over praten. A: per aspect scoren. Of sleep de punten in het web.</source>
        <translation>Type a number from 0 to 10 (for 10: first 1, then 0). Space: I want to talk about this. A: score per aspect. Or drag the points in the web.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/web_step.py" line="33"/>
        <source>&amp;Aspecten…</source>
        <translation>&amp;Aspects…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/web_step.py" line="35"/>
        <source>Hier wil ik over &amp;praten</source>
        <translation>I want to &amp;talk about this</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/web_step.py" line="60"/>
        <source>vorige keer</source>
        <translation>last time</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/web_step.py" line="68"/>
        <location filename="../../pgdesk/ui/consultation/web_step.py" line="86"/>
        <source>gem.</source>
        <translation>avg.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/web_step.py" line="69"/>
        <location filename="../../pgdesk/ui/consultation/web_step.py" line="87"/>
        <source>Hier wil ik over praten</source>
        <translation>I want to talk about this</translation>
    </message>
</context>
<context>
    <name>WheelPicture</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/wheel_picture.py" line="22"/>
        <source>Klik op een vraag om ernaartoe te gaan</source>
        <translation>Click a question to go to it</translation>
    </message>
</context>
<context>
    <name>WheelStep</name>
    <message>
        <location filename="../../pgdesk/ui/consultation/wheel_step.py" line="36"/>
        <source>Het antwoord, in de woorden van de patiënt…</source>
        <translation>The answer, in the patient&apos;s own words…</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/wheel_step.py" line="39"/>
        <source>Ctrl+Enter: volgende vraag. Alt+←: vorige. Elk antwoord wordt meteen bewaard.</source>
        <translation>Ctrl+Enter: next question. Alt+←: previous. Each answer is saved straight away.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/wheel_step.py" line="69"/>
        <source>Onderwerp: %1</source>
        <translation>Topic: %1</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/wheel_step.py" line="70"/>
        <source>Nog geen onderwerp gekozen.</source>
        <translation>No topic chosen yet.</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/consultation/wheel_step.py" line="74"/>
        <source>Vraag %1 van %2</source>
        <translation>Question %1 of %2</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="38"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../pgdesk/ui/dialogs.py" line="39"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
