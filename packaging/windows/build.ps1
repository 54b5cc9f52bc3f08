# Builds the Windows installer: dist\pgdesk\ with PyInstaller, then dist\pgdesk-<version>-setup.exe
# with Inno Setup 6 (https://jrsoftware.org/isinfo.php; `winget install JRSoftware.InnoSetup`).
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Run from a checkout with a venv in .venv (py -3.12 -m venv .venv; .venv\Scripts\pip install -e ".[package]").
$ErrorActionPreference = "Stop"
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root

$python = Join-Path $root ".venv\Scripts\python.exe"
if (-not (Test-Path $python)) { throw "No .venv: py -3.12 -m venv .venv; .venv\Scripts\pip install -e "".[package]""" }

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) {
    foreach ($dir in @("${env:ProgramFiles(x86)}\Inno Setup 6", "$env:ProgramFiles\Inno Setup 6",
                       "$env:LOCALAPPDATA\Programs\Inno Setup 6")) {
        if (Test-Path "$dir\ISCC.exe") { $iscc = "$dir\ISCC.exe"; break }
    }
}
if (-not $iscc) { throw "Inno Setup 6 (ISCC.exe) is missing: winget install JRSoftware.InnoSetup" }

# The one version number, from pgdesk/__init__.py.
$version = (Select-String -Path "pgdesk\__init__.py" -Pattern '^__version__ = "([^"]+)"').Matches[0].Groups[1].Value

& $python packaging\build.py
if ($LASTEXITCODE -ne 0) { throw "PyInstaller build failed" }
& $python packaging\smoke_test.py
if ($LASTEXITCODE -ne 0) { throw "Smoke test of dist\pgdesk failed" }
& $iscc "/DAppVersion=$version" packaging\windows\pgdesk.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "dist\pgdesk-$version-setup.exe"
