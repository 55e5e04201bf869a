; editor_app — the Windows installer (Inno Setup 6.3 or later). Steps: README.md beside this file.
;
;   iscc /DAppVersion=0.1.0 build_specs\windows\editor_app.iss
;
; AppVersion is required and comes from the package (python scripts\version.py prints it);
; BundleDir (default ..\..\dist\editor_app, the folder PyInstaller built) and OutputDir (default
; ..\..\dist) may be given the same way. scripts\dist.py passes all three.
;
; Installs for the whole PC (admin rights; Program Files), with a Start-menu shortcut and, when
; chosen, a desktop one. Silent for deployment tools:
;   editor_app-<version>-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART [/TASKS=desktopicon]
;       [/SITECONFIG=\\server\share\site.toml]
; /SITECONFIG copies that file to %PROGRAMDATA%\editor_app\site.toml (the site configuration
; every user of the PC gets); a path that does not exist stops the setup (exit code 1).
; Uninstalling removes the program only: users' data (%LOCALAPPDATA%\editor_app), their settings
; (HKCU\Software\editor_app) and %PROGRAMDATA%\editor_app\site.toml stay.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=<output of python scripts\version.py> editor_app.iss
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\editor_app"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "editor_app"
#define AppTitle "Bàn biên tập"
#define AppExe "editor_app.exe"

[Setup]
; Never change AppId: it is how Windows knows a new version upgrades the installed one.
AppId={{6FB76D54-6B1C-470D-A566-0B0A0514F805}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppTitle} ({#AppName}) {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\editor_app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppTitle} ({#AppName})
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; An open copy of the app is closed (and its files freed) before files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Vietnamese wizard when the (unofficial) translation is installed in Inno Setup's Languages folder.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: no library of the old version is left beside the new.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\site.example.toml"; DestDir: "{app}"; Flags: ignoreversion skipifsourcedoesntexist
; /SITECONFIG=path: the site configuration for every user of this PC (kept at uninstall).
Source: "{param:SITECONFIG}"; DestDir: "{commonappdata}\{#AppName}"; DestName: "site.toml"; Flags: external ignoreversion uninsneveruninstall; Check: HasSiteConfig

[Icons]
Name: "{autoprograms}\{#AppTitle}"; Filename: "{app}\{#AppExe}"; Comment: "{#AppName} {#AppVersion}"
Name: "{autodesktop}\{#AppTitle}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppTitle}}"; Flags: nowait postinstall skipifsilent

[Code]
function SiteConfig(): String;
begin
  Result := ExpandConstant('{param:SITECONFIG|}');
end;

function HasSiteConfig(): Boolean;
begin
  Result := SiteConfig() <> '';
end;

function InitializeSetup(): Boolean;
begin
  Result := True;
  if HasSiteConfig() and not FileExists(SiteConfig()) then
  begin
    SuppressibleMsgBox('/SITECONFIG: file not found: ' + SiteConfig(), mbCriticalError, MB_OK, IDOK);
    Result := False;
  end;
end;
