<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>Unlock Gatehouse</source>
        <translation>Gatehouse entsperren</translation>
    </message>
    <message>
        <source>no passphrase was entered</source>
        <translation>es wurde keine Passphrase eingegeben</translation>
    </message>
    <message>
        <source>Store passphrase:</source>
        <translation>Passphrase des Speichers:</translation>
    </message>
    <message>
        <source>New store passphrase (at least 12 characters):</source>
        <translation>Neue Passphrase für den Speicher (mindestens 12 Zeichen):</translation>
    </message>
    <message>
        <source>Repeat the passphrase:</source>
        <translation>Passphrase wiederholen:</translation>
    </message>
    <message>
        <source>the two passphrases differ; nothing was created</source>
        <translation>die beiden Passphrasen unterscheiden sich; es wurde nichts angelegt</translation>
    </message>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>This pane is not in the console yet. Meanwhile the same operations are available over the HTTPS API and with gatehoused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTTPS API is not served: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AdministratorDialog</name>
    <message>
        <source>Create the platform administrator</source>
        <translation>Plattform-Administrator anlegen</translation>
    </message>
    <message>
        <source>This administrator manages tenants and reads the platform audit trail. The password needs 12 to 128 characters and must not be a common one.</source>
        <translation>Dieser Administrator verwaltet Mandanten und liest das Audit-Protokoll der Plattform. Das Passwort braucht 12 bis 128 Zeichen und darf kein gängiges sein.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>The two passwords differ; type them again.</source>
        <translation>Die beiden Passwörter unterscheiden sich; bitte erneut eingeben.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ConsoleBridge</name>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console is locked for %1. Sign in as %1, or sign out to change identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your tenant requires administrators to use two-factor authentication. Enrol an authenticator first (over the API or with gatehoused), then sign in here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::FirstRunWizard</name>
    <message>
        <source>Set up Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where Gatehouse keeps its data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenants, identities, secrets and the audit trail live in one encrypted store in this folder. Nothing in it is readable without the master key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who holds the master key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store is encrypted with a random 256-bit master key. Choose where that key is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this computer&apos;s &amp;keychain (recommended for a desktop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a key &amp;file (for servers and backups; keep it apart from the data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derived from a &amp;passphrase, asked at every start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;rowse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whoever holds the master key can read everything in the store. Losing it loses the store: keep a backup of the key file or remember the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person creates tenants and platform administrators and reads the platform audit trail. The store is created when you continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the administrator password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the code with an authenticator app (or type the secret into it), then enter the six-digit code it shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code from the authenticator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each code signs you in once if the authenticator is lost. They are shown only now: copy or save them, and keep them somewhere safe, away from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the recovery codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recovery codes to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have &amp;stored these codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in 30 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard was cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save recovery codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1 (readable by you only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save to %1: %2. Choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first tenant (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tenant is an organisation with its own people, workspaces and secrets, isolated from every other tenant. You can also create tenants later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a &amp;tenant now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower-case letters, digits and dashes, e.g. acme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant owner username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant owner password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the tenant owner password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner &amp;username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner &amp;password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12 to 128 characters; not a common password and not the username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptable. Now type it again below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ The password meets the policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the folder as a full path, e.g. %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already holds a Gatehouse store. Open it with gatehouse --data-dir, or choose an empty folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not empty. Choose an empty or new folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the key file as a full path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already. Choose a new file name, so no other key is overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase needs at least 12 characters; several unrelated words are easy to remember and hard to guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This passphrase is easy to guess. Add more unrelated words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store was not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the six digits the authenticator shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tenant needs a name and an owner&apos;s username.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::IdentitiesPane</name>
    <message>
        <source>Identities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;Password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;Two-Factor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End &amp;Sessions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search users (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs the permission %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1. Grant a role in Roles &amp; Access to let them do anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked %1: they cannot sign in until unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable %1? They cannot sign in, and their sessions end, until enabled again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the password of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the authenticator and recovery codes of %1? They sign in with their password alone until they enrol again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the two-factor authentication of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End every session of %1? They must sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended the sessions of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatehouse</source>
        <translation type="unfinished">Gatehouse</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::LockPage</name>
    <message>
        <source>Sign &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the console is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget this identity and sign in as someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gatehouse is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::MainWindow</name>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>Encrypted store</source>
        <translation>Verschlüsselter Speicher</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Panes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenants &amp; Workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles &amp; Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;cope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant or workspace the panes show and act in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the console now (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the session and forget this identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity and scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API not served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the API address and certificate fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
SHA-256 fingerprint %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the API address and certificate fingerprint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store encryption and key custody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLCipher %1 · key: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store %1 in %2, encrypted with %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API %1 · SHA-256 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local HTTPS API at %1
Certificate SHA-256 fingerprint:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (platform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 · scope %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::PasswordStrengthMeter</name>
    <message>
        <source>Passphrase strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 bits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No passphrase yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated strength: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::QrCodeWidget</name>
    <message>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SignInDialog</name>
    <message>
        <source>Sign in to Gatehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console acts as you: it can do what your roles allow, and everything it does is recorded in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SignInForm</name>
    <message>
        <source>&amp;Sign In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant&apos;s name; leave empty to sign in as a platform administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished">Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished">Passwort</translation>
    </message>
    <message>
        <source>Authenticator or recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only when two-factor authentication is on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::StorePane</name>
    <message>
        <source>Store</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Datenverzeichnis</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Schemaversion</translation>
    </message>
    <message>
        <source>Master key custody</source>
        <translation>Verwahrung des Hauptschlüssels</translation>
    </message>
    <message>
        <source>Encryption at rest</source>
        <translation>Verschlüsselung ruhender Daten</translation>
    </message>
    <message>
        <source>Durability</source>
        <translation>Dauerhaftigkeit</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Integrity check</source>
        <translation>Integritätsprüfung</translation>
    </message>
    <message>
        <source>%1 (this build supports %2)</source>
        <translation>%1 (diese Version unterstützt %2)</translation>
    </message>
    <message>
        <source>SQLCipher %1, %2, per-page HMAC %3, page size %4, raw 256-bit key</source>
        <translation>SQLCipher %1, %2, HMAC pro Seite %3, Seitengröße %4, roher 256-Bit-Schlüssel</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>journal %1, synchronous %2, secure delete %3</source>
        <translation>Journal %1, synchronous %2, sicheres Löschen %3</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::UserDialog</name>
    <message>
        <source>New user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished">Benutzername</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the password of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The username, unless given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished">Passwort</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation type="unfinished">Passwort wiederholen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user signs in with this password from now on; their sessions end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ; type them again.</source>
        <translation type="unfinished">Die beiden Passwörter unterscheiden sich; bitte erneut eingeben.</translation>
    </message>
    <message>
        <source>Enter a username.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::UserModel</name>
    <message>
        <source>Locked out (failed sign-ins)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed sign-ins; signing in is refused until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished">Benutzername</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
