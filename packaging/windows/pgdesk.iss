; Inno Setup 6 script for pgdesk on Windows: Start-menu entry, uninstaller, and the choice
; to install for the current user only (no administrator rights needed) or for everyone.
;
; Build on Windows (packaging\windows\build.ps1 does both steps):
;   python packaging\build.py                                 -> dist\pgdesk\ (PyInstaller)
;   iscc /DAppVersion=0.1.0 packaging\windows\pgdesk.iss     -> dist\pgdesk-0.1.0-setup.exe
;
; The version comes from pgdesk/__init__.py: build.ps1 passes it as /DAppVersion; without it,
; it is read from the version resource the PyInstaller spec wrote into dist\pgdesk\pgdesk.exe.
;
; Uninstalling removes the program only. The databases, keyrings and backups in
; %LOCALAPPDATA%\pgdesk are patient records and are never touched by the uninstaller.

#define AppName "pgdesk"
#define Bundle AddBackslash(SourcePath) + "..\..\dist\pgdesk"
#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(Bundle + "\pgdesk.exe")
#endif
#if AppVersion == ""
  #error "No version: run packaging\windows\build.ps1, or iscc /DAppVersion=x.y.z after packaging\build.py"
#endif

[Setup]
; A fixed AppId: upgrades replace the installed version instead of installing beside it.
AppId={{6E0B2F4C-8D1A-4C57-9A3E-2B7C5D9F1A64}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=pgdesk
AppComments=Het gesprek over Positieve Gezondheid in de huisartsenpraktijk
VersionInfoVersion={#AppVersion}
; Per-user install by default (no UAC prompt); the dialog offers "for all users" to admins.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName} {#AppVersion}
UninstallDisplayIcon={app}\pgdesk.exe
SetupIconFile=..\..\resources\icons\pgdesk.ico
OutputDir=..\..\dist
OutputBaseFilename=pgdesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
CloseApplications=yes

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\pgdesk.exe"; Comment: "Positieve Gezondheid: spinnenweb, actiewiel, plan"
Name: "{autoprograms}\{#AppName} demo"; Filename: "{app}\pgdesk.exe"; Parameters: "--demo"; Comment: "pgdesk met verzonnen gegevens (demo)"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\pgdesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\pgdesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
