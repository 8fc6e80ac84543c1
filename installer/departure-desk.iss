; Inno Setup script: packs dist\DepartureDesk into one installer for Windows laptops.
[Setup]
AppName=Departure Desk
AppVersion=0.1.0
AppPublisher=IOM Shengjin
DefaultDirName={autopf}\Departure Desk
DefaultGroupName=Departure Desk
OutputBaseFilename=DepartureDeskSetup
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=admin
; office data lives in %LOCALAPPDATA%\DepartureDesk and is never touched by (un)install

[Files]
Source: "..\dist\DepartureDesk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Departure Desk"; Filename: "{app}\DepartureDesk.exe"
Name: "{autodesktop}\Departure Desk"; Filename: "{app}\DepartureDesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked
