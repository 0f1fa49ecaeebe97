<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/PassphrasePrompt.cpp" line="18"/>
        <source>Unlock Gatehouse</source>
        <translation>Gatehouse entsperren</translation>
    </message>
    <message>
        <location filename="../ui/PassphrasePrompt.cpp" line="22"/>
        <source>no passphrase was entered</source>
        <translation>es wurde keine Passphrase eingegeben</translation>
    </message>
    <message>
        <location filename="../ui/PassphrasePrompt.cpp" line="41"/>
        <source>Store passphrase:</source>
        <translation>Passphrase des Speichers:</translation>
    </message>
    <message>
        <location filename="../ui/PassphrasePrompt.cpp" line="42"/>
        <source>New store passphrase (at least 12 characters):</source>
        <translation>Neue Passphrase für den Speicher (mindestens 12 Zeichen):</translation>
    </message>
    <message>
        <location filename="../ui/PassphrasePrompt.cpp" line="45"/>
        <source>Repeat the passphrase:</source>
        <translation>Passphrase wiederholen:</translation>
    </message>
    <message>
        <location filename="../ui/PassphrasePrompt.cpp" line="50"/>
        <source>the two passphrases differ; nothing was created</source>
        <translation>die beiden Passphrasen unterscheiden sich; es wurde nichts angelegt</translation>
    </message>
    <message>
        <location filename="../app/gatehouse/main.cpp" line="79"/>
        <source>Create a Gatehouse store</source>
        <translation>Gatehouse-Speicher anlegen</translation>
    </message>
    <message>
        <location filename="../app/gatehouse/main.cpp" line="80"/>
        <source>There is no Gatehouse store in %1.

Create a new encrypted store there, with its master key held in your OS keychain?</source>
        <translation>In %1 gibt es keinen Gatehouse-Speicher.

Dort einen neuen verschlüsselten Speicher anlegen, dessen Hauptschlüssel in Ihrem Schlüsselbund des Betriebssystems liegt?</translation>
    </message>
    <message>
        <location filename="../app/gatehouse/main.cpp" line="89"/>
        <location filename="../app/gatehouse/main.cpp" line="96"/>
        <location filename="../app/gatehouse/main.cpp" line="105"/>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AdministratorDialog</name>
    <message>
        <location filename="../ui/AdministratorDialog.cpp" line="36"/>
        <source>Create the platform administrator</source>
        <translation>Plattform-Administrator anlegen</translation>
    </message>
    <message>
        <location filename="../ui/AdministratorDialog.cpp" line="47"/>
        <source>This administrator manages tenants and reads the platform audit trail. The password needs 12 to 128 characters and must not be a common one.</source>
        <translation>Dieser Administrator verwaltet Mandanten und liest das Audit-Protokoll der Plattform. Das Passwort braucht 12 bis 128 Zeichen und darf kein gängiges sein.</translation>
    </message>
    <message>
        <location filename="../ui/AdministratorDialog.cpp" line="52"/>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../ui/AdministratorDialog.cpp" line="53"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../ui/AdministratorDialog.cpp" line="54"/>
        <source>Repeat password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/AdministratorDialog.cpp" line="73"/>
        <source>The two passwords differ; type them again.</source>
        <translation>Die beiden Passwörter unterscheiden sich; bitte erneut eingeben.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="18"/>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="22"/>
        <source>Encrypted store</source>
        <translation>Verschlüsselter Speicher</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="44"/>
        <source>Store unlocked; encryption settings verified</source>
        <translation>Speicher entsperrt; Verschlüsselungseinstellungen geprüft</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::StorePane</name>
    <message>
        <location filename="../ui/StorePane.cpp" line="12"/>
        <source>Store</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../ui/StorePane.cpp" line="13"/>
        <source>Data directory</source>
        <translation>Datenverzeichnis</translation>
    </message>
    <message>
        <location filename="../ui/StorePane.cpp" line="14"/>
        <source>Schema version</source>
        <translation>Schemaversion</translation>
    </message>
    <message>
        <location filename="../ui/StorePane.cpp" line="15"/>
        <source>Master key custody</source>
        <translation>Verwahrung des Hauptschlüssels</translation>
    </message>
    <message>
        <location filename="../ui/StorePane.cpp" line="16"/>
        <source>Encryption at rest</source>
        <translation>Verschlüsselung ruhender Daten</translation>
    </message>
    <message>
        <location filename="../ui/StorePane.cpp" line="17"/>
        <source>Durability</source>
        <translation>Dauerhaftigkeit</translation>
    </message>
    <message>
        <location filename="../ui/StorePane.cpp" line="18"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/StorePane.cpp" line="19"/>
        <source>Integrity check</source>
        <translation>Integritätsprüfung</translation>
    </message>
    <message>
        <location filename="../ui/StorePane.cpp" line="40"/>
        <source>%1 (this build supports %2)</source>
        <translation>%1 (diese Version unterstützt %2)</translation>
    </message>
    <message>
        <location filename="../ui/StorePane.cpp" line="42"/>
        <source>SQLCipher %1, %2, per-page HMAC %3, page size %4, raw 256-bit key</source>
        <translation>SQLCipher %1, %2, HMAC pro Seite %3, Seitengröße %4, roher 256-Bit-Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/StorePane.cpp" line="43"/>
        <location filename="../ui/StorePane.cpp" line="46"/>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <location filename="../ui/StorePane.cpp" line="43"/>
        <location filename="../ui/StorePane.cpp" line="46"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../ui/StorePane.cpp" line="45"/>
        <source>journal %1, synchronous %2, secure delete %3</source>
        <translation>Journal %1, synchronous %2, sicheres Löschen %3</translation>
    </message>
</context>
</TS>
