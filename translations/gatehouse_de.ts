<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>OperationCatalog</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Who am I</source>
        <translation>Wer bin ich</translation>
    </message>
    <message>
        <source>Change your password</source>
        <translation>Eigenes Passwort ändern</translation>
    </message>
    <message>
        <source>Start enrolling an authenticator</source>
        <translation>Einrichtung eines Authenticators beginnen</translation>
    </message>
    <message>
        <source>Confirm a new authenticator</source>
        <translation>Neuen Authenticator bestätigen</translation>
    </message>
    <message>
        <source>Remove your authenticator</source>
        <translation>Eigenen Authenticator entfernen</translation>
    </message>
    <message>
        <source>New recovery codes</source>
        <translation>Neue Wiederherstellungscodes</translation>
    </message>
    <message>
        <source>Create the first platform owner</source>
        <translation>Ersten Plattform-Eigentümer anlegen</translation>
    </message>
    <message>
        <source>Rotate the master key</source>
        <translation>Hauptschlüssel rotieren</translation>
    </message>
    <message>
        <source>Scan the store&apos;s integrity</source>
        <translation>Integrität des Tresors prüfen</translation>
    </message>
    <message>
        <source>Create a tenant</source>
        <translation>Mandanten anlegen</translation>
    </message>
    <message>
        <source>List tenants</source>
        <translation>Mandanten auflisten</translation>
    </message>
    <message>
        <source>Read a tenant</source>
        <translation>Mandanten lesen</translation>
    </message>
    <message>
        <source>Rename a tenant</source>
        <translation>Mandanten umbenennen</translation>
    </message>
    <message>
        <source>Suspend a tenant</source>
        <translation>Mandanten suspendieren</translation>
    </message>
    <message>
        <source>Resume a tenant</source>
        <translation>Mandanten reaktivieren</translation>
    </message>
    <message>
        <source>Delete a tenant</source>
        <translation>Mandanten löschen</translation>
    </message>
    <message>
        <source>Read tenant settings</source>
        <translation>Mandanteneinstellungen lesen</translation>
    </message>
    <message>
        <source>Change tenant settings</source>
        <translation>Mandanteneinstellungen ändern</translation>
    </message>
    <message>
        <source>Create a workspace</source>
        <translation>Arbeitsbereich anlegen</translation>
    </message>
    <message>
        <source>List workspaces</source>
        <translation>Arbeitsbereiche auflisten</translation>
    </message>
    <message>
        <source>Read a workspace</source>
        <translation>Arbeitsbereich lesen</translation>
    </message>
    <message>
        <source>Rename a workspace</source>
        <translation>Arbeitsbereich umbenennen</translation>
    </message>
    <message>
        <source>Suspend a workspace</source>
        <translation>Arbeitsbereich suspendieren</translation>
    </message>
    <message>
        <source>Resume a workspace</source>
        <translation>Arbeitsbereich reaktivieren</translation>
    </message>
    <message>
        <source>Delete a workspace</source>
        <translation>Arbeitsbereich löschen</translation>
    </message>
    <message>
        <source>Create a user</source>
        <translation>Benutzer anlegen</translation>
    </message>
    <message>
        <source>List users</source>
        <translation>Benutzer auflisten</translation>
    </message>
    <message>
        <source>Read a user</source>
        <translation>Benutzer lesen</translation>
    </message>
    <message>
        <source>Edit a user</source>
        <translation>Benutzer bearbeiten</translation>
    </message>
    <message>
        <source>Lock a user</source>
        <translation>Benutzer sperren</translation>
    </message>
    <message>
        <source>Unlock a user</source>
        <translation>Benutzer entsperren</translation>
    </message>
    <message>
        <source>Disable a user</source>
        <translation>Benutzer deaktivieren</translation>
    </message>
    <message>
        <source>Enable a user</source>
        <translation>Benutzer aktivieren</translation>
    </message>
    <message>
        <source>Reset a user&apos;s password</source>
        <translation>Passwort eines Benutzers zurücksetzen</translation>
    </message>
    <message>
        <source>Reset a user&apos;s two-factor</source>
        <translation>Zwei-Faktor-Authentisierung eines Benutzers zurücksetzen</translation>
    </message>
    <message>
        <source>End a user&apos;s sessions</source>
        <translation>Sitzungen eines Benutzers beenden</translation>
    </message>
    <message>
        <source>Delete a user</source>
        <translation>Benutzer löschen</translation>
    </message>
    <message>
        <source>Create an integration</source>
        <translation>Integration anlegen</translation>
    </message>
    <message>
        <source>List integrations</source>
        <translation>Integrationen auflisten</translation>
    </message>
    <message>
        <source>Lock an integration</source>
        <translation>Integration sperren</translation>
    </message>
    <message>
        <source>Unlock an integration</source>
        <translation>Integration entsperren</translation>
    </message>
    <message>
        <source>Bind a client certificate</source>
        <translation>Client-Zertifikat binden</translation>
    </message>
    <message>
        <source>Unbind the client certificate</source>
        <translation>Bindung des Client-Zertifikats aufheben</translation>
    </message>
    <message>
        <source>Link an integration to a provider subject</source>
        <translation>Integration mit einem Subjekt des Anbieters verknüpfen</translation>
    </message>
    <message>
        <source>Unlink an integration from its provider subject</source>
        <translation>Verknüpfung der Integration mit dem Subjekt des Anbieters lösen</translation>
    </message>
    <message>
        <source>Delete an integration</source>
        <translation>Integration löschen</translation>
    </message>
    <message>
        <source>Issue a token</source>
        <translation>Token ausstellen</translation>
    </message>
    <message>
        <source>List tokens</source>
        <translation>Token auflisten</translation>
    </message>
    <message>
        <source>Revoke a token</source>
        <translation>Token widerrufen</translation>
    </message>
    <message>
        <source>Create a role</source>
        <translation>Rolle anlegen</translation>
    </message>
    <message>
        <source>List roles</source>
        <translation>Rollen auflisten</translation>
    </message>
    <message>
        <source>Edit a role</source>
        <translation>Rolle bearbeiten</translation>
    </message>
    <message>
        <source>Delete a role</source>
        <translation>Rolle löschen</translation>
    </message>
    <message>
        <source>Grant a role</source>
        <translation>Rolle zuweisen</translation>
    </message>
    <message>
        <source>List role bindings</source>
        <translation>Rollenzuweisungen auflisten</translation>
    </message>
    <message>
        <source>Remove a role binding</source>
        <translation>Rollenzuweisung entfernen</translation>
    </message>
    <message>
        <source>Check a permission</source>
        <translation>Berechtigung prüfen</translation>
    </message>
    <message>
        <source>Effective permissions</source>
        <translation>Effektive Berechtigungen</translation>
    </message>
    <message>
        <source>Explain access</source>
        <translation>Zugriff erklären</translation>
    </message>
    <message>
        <source>Create a secret</source>
        <translation>Geheimnis anlegen</translation>
    </message>
    <message>
        <source>Store a new version</source>
        <translation>Neue Version speichern</translation>
    </message>
    <message>
        <source>List secrets</source>
        <translation>Geheimnisse auflisten</translation>
    </message>
    <message>
        <source>List a secret&apos;s versions</source>
        <translation>Versionen eines Geheimnisses auflisten</translation>
    </message>
    <message>
        <source>Reveal a secret</source>
        <translation>Geheimnis offenlegen</translation>
    </message>
    <message>
        <source>Delete a secret</source>
        <translation>Geheimnis löschen</translation>
    </message>
    <message>
        <source>Restore a deleted secret</source>
        <translation>Gelöschtes Geheimnis wiederherstellen</translation>
    </message>
    <message>
        <source>Restore an earlier version</source>
        <translation>Frühere Version wiederherstellen</translation>
    </message>
    <message>
        <source>Destroy a version</source>
        <translation>Version vernichten</translation>
    </message>
    <message>
        <source>Mark rotated</source>
        <translation>Als rotiert markieren</translation>
    </message>
    <message>
        <source>Secrets due for rotation</source>
        <translation>Zur Rotation fällige Geheimnisse</translation>
    </message>
    <message>
        <source>Search the audit trail</source>
        <translation>Audit-Protokoll durchsuchen</translation>
    </message>
    <message>
        <source>Audit histogram</source>
        <translation>Audit-Histogramm</translation>
    </message>
    <message>
        <source>Verify the audit chain</source>
        <translation>Audit-Kette verifizieren</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Audit-Protokoll exportieren</translation>
    </message>
    <message>
        <source>Follow the audit trail</source>
        <translation>Audit-Protokoll verfolgen</translation>
    </message>
    <message>
        <source>The audit signing key</source>
        <translation>Der Signaturschlüssel des Audit-Protokolls</translation>
    </message>
    <message>
        <source>Read the retention policy</source>
        <translation>Aufbewahrungsrichtlinie lesen</translation>
    </message>
    <message>
        <source>Change the retention policy</source>
        <translation>Aufbewahrungsrichtlinie ändern</translation>
    </message>
    <message>
        <source>Prune the audit trail</source>
        <translation>Audit-Protokoll bereinigen</translation>
    </message>
    <message>
        <source>Sign an audit checkpoint now</source>
        <translation>Jetzt einen Audit-Checkpoint signieren</translation>
    </message>
    <message>
        <source>Read metrics</source>
        <translation>Metriken lesen</translation>
    </message>
    <message>
        <source>What needs attention, per tenant</source>
        <translation>Was Aufmerksamkeit erfordert, je Mandant</translation>
    </message>
    <message>
        <source>What needs attention in a tenant</source>
        <translation>Was in einem Mandanten Aufmerksamkeit erfordert</translation>
    </message>
    <message>
        <source>List trust boundaries</source>
        <translation>Vertrauensgrenzen auflisten</translation>
    </message>
    <message>
        <source>Read a trust boundary</source>
        <translation>Vertrauensgrenze lesen</translation>
    </message>
    <message>
        <source>Check a control</source>
        <translation>Kontrolle prüfen</translation>
    </message>
    <message>
        <source>Read deployment ownership</source>
        <translation>Zuständigkeit für das Deployment lesen</translation>
    </message>
    <message>
        <source>State deployment ownership</source>
        <translation>Zuständigkeit für das Deployment festlegen</translation>
    </message>
    <message>
        <source>The newest signed checkpoint</source>
        <translation>Der neueste signierte Checkpoint</translation>
    </message>
    <message>
        <source>Check every control now and keep the results</source>
        <translation>Alle Kontrollen jetzt prüfen und die Ergebnisse aufbewahren</translation>
    </message>
    <message>
        <source>Read a control&apos;s history</source>
        <translation>Verlauf einer Kontrolle lesen</translation>
    </message>
    <message>
        <source>Generate a signed evidence report</source>
        <translation>Signierten Nachweisbericht erstellen</translation>
    </message>
    <message>
        <source>Read audit forwarding status</source>
        <translation>Status der Audit-Weiterleitung lesen</translation>
    </message>
    <message>
        <source>Add a platform forwarding destination</source>
        <translation>Plattformweites Weiterleitungsziel hinzufügen</translation>
    </message>
    <message>
        <source>Change a platform forwarding destination</source>
        <translation>Plattformweites Weiterleitungsziel ändern</translation>
    </message>
    <message>
        <source>Remove a platform forwarding destination</source>
        <translation>Plattformweites Weiterleitungsziel entfernen</translation>
    </message>
    <message>
        <source>Add a tenant forwarding destination</source>
        <translation>Weiterleitungsziel des Mandanten hinzufügen</translation>
    </message>
    <message>
        <source>Change a tenant forwarding destination</source>
        <translation>Weiterleitungsziel des Mandanten ändern</translation>
    </message>
    <message>
        <source>Remove a tenant forwarding destination</source>
        <translation>Weiterleitungsziel des Mandanten entfernen</translation>
    </message>
    <message>
        <source>A forwarding destination unreachable too long</source>
        <translation>Ein Weiterleitungsziel ist zu lange unerreichbar</translation>
    </message>
    <message>
        <source>Start a sign-in at the tenant&apos;s identity provider</source>
        <translation>Anmeldung beim Identitätsanbieter des Mandanten beginnen</translation>
    </message>
    <message>
        <source>Sign in at the tenant&apos;s identity provider</source>
        <translation>Beim Identitätsanbieter des Mandanten anmelden</translation>
    </message>
    <message>
        <source>Exchange a provider&apos;s access token for an integration token</source>
        <translation>Zugriffstoken des Anbieters gegen ein Integrations-Token tauschen</translation>
    </message>
    <message>
        <source>Read the tenant&apos;s identity provider</source>
        <translation>Identitätsanbieter des Mandanten lesen</translation>
    </message>
    <message>
        <source>Set the tenant&apos;s identity provider</source>
        <translation>Identitätsanbieter des Mandanten festlegen</translation>
    </message>
    <message>
        <source>Remove the tenant&apos;s identity provider</source>
        <translation>Identitätsanbieter des Mandanten entfernen</translation>
    </message>
    <message>
        <source>List group mappings</source>
        <translation>Gruppenzuordnungen auflisten</translation>
    </message>
    <message>
        <source>Map provider groups to roles</source>
        <translation>Gruppen des Anbieters Rollen zuordnen</translation>
    </message>
    <message>
        <source>Create a user at their first federated sign-in</source>
        <translation>Benutzer bei der ersten föderierten Anmeldung anlegen</translation>
    </message>
    <message>
        <source>Group-mapped roles follow the provider&apos;s groups</source>
        <translation>Über Gruppen zugeordnete Rollen folgen den Gruppen des Anbieters</translation>
    </message>
</context>
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
        <translation>Passphrase des Tresors:</translation>
    </message>
    <message>
        <source>New store passphrase (at least 12 characters):</source>
        <translation>Neue Passphrase für den Tresor (mindestens 12 Zeichen):</translation>
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
        <source>The HTTPS API is not served: %1</source>
        <translation>Die HTTPS-API wird nicht bereitgestellt: %1</translation>
    </message>
    <message>
        <source>This is the demo. The platform administrator is admin; every demo account&apos;s password and authenticator secret is in %1.</source>
        <translation>Dies ist die Demo. Der Plattformadministrator ist admin; das Passwort und das Authenticator-Geheimnis jedes Demo-Kontos stehen in %1.</translation>
    </message>
    <message>
        <source>The demo needs at least 1,000 audit events.</source>
        <translation>Die Demo braucht mindestens 1.000 Audit-Ereignisse.</translation>
    </message>
    <message>
        <source>%1 is not empty and holds no Gatehouse store. Choose an empty folder for the demo with --data-dir.</source>
        <translation>%1 ist nicht leer und enthält keinen Gatehouse-Tresor. Wählen Sie mit --data-dir einen leeren Ordner für die Demo.</translation>
    </message>
    <message>
        <source>%1 belongs to an earlier demo. Move it away, then start the demo again.</source>
        <translation>%1 gehört zu einer früheren Demo. Verschieben Sie die Datei und starten Sie die Demo erneut.</translation>
    </message>
    <message>
        <source>Creating the encrypted demo store...</source>
        <translation>Der verschlüsselte Demo-Tresor wird angelegt...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Gatehouse demo</source>
        <translation>Gatehouse-Demo</translation>
    </message>
    <message>
        <source>Demo progress</source>
        <translation>Fortschritt der Demo</translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>Wird angehalten...</translation>
    </message>
    <message>
        <source>Filling the demo: %1 (%2 of %3 audit events)</source>
        <translation>Die Demo wird gefüllt: %1 (%2 von %3 Audit-Ereignissen)</translation>
    </message>
    <message>
        <source>The demo could not be made: %1</source>
        <translation>Die Demo konnte nicht angelegt werden: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AccessPane</name>
    <message>
        <source>Roles &amp; Access</source>
        <translation>Rollen &amp; Zugriff</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Roles &amp; Access sections</source>
        <translation>Bereiche von „Rollen &amp; Zugriff“</translation>
    </message>
    <message>
        <source>R&amp;oles</source>
        <translation>R&amp;ollen</translation>
    </message>
    <message>
        <source>&amp;Bindings</source>
        <translation>&amp;Zuweisungen</translation>
    </message>
    <message>
        <source>&amp;Check Access</source>
        <translation>Zugriff &amp;prüfen</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Role actions</source>
        <translation>Rollenaktionen</translation>
    </message>
    <message>
        <source>&amp;New Role…</source>
        <translation>&amp;Neue Rolle…</translation>
    </message>
    <message>
        <source>&amp;Edit Role…</source>
        <translation>Rolle &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete Role…</source>
        <translation>Rolle &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <source>Selected role</source>
        <translation>Ausgewählte Rolle</translation>
    </message>
    <message>
        <source>Role description</source>
        <translation>Rollenbeschreibung</translation>
    </message>
    <message>
        <source>Permissions of the selected role</source>
        <translation>Berechtigungen der ausgewählten Rolle</translation>
    </message>
    <message>
        <source>Bindings</source>
        <translation>Zuweisungen</translation>
    </message>
    <message>
        <source>Binding actions</source>
        <translation>Aktionen für Zuweisungen</translation>
    </message>
    <message>
        <source>&amp;Grant Role…</source>
        <translation>Rolle zu&amp;weisen…</translation>
    </message>
    <message>
        <source>Re&amp;move Binding…</source>
        <translation>Zuweisung &amp;entfernen…</translation>
    </message>
    <message>
        <source>Bindings shown</source>
        <translation>Angezeigte Zuweisungen</translation>
    </message>
    <message>
        <source>Role bindings</source>
        <translation>Rollenzuweisungen</translation>
    </message>
    <message>
        <source>Check access</source>
        <translation>Zugriff prüfen</translation>
    </message>
    <message>
        <source>Identity to check</source>
        <translation>Zu prüfende Identität</translation>
    </message>
    <message>
        <source>Where to check</source>
        <translation>Wo geprüft wird</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>&amp;Identität:</translation>
    </message>
    <message>
        <source>&amp;Where:</source>
        <translation>&amp;Wo:</translation>
    </message>
    <message>
        <source>Effective permissions</source>
        <translation>Effektive Berechtigungen</translation>
    </message>
    <message>
        <source>&amp;Show Effective Permissions</source>
        <translation>Effektive Berechtigungen &amp;anzeigen</translation>
    </message>
    <message>
        <source>Show effective permissions</source>
        <translation>Effektive Berechtigungen anzeigen</translation>
    </message>
    <message>
        <source>Effective permissions summary</source>
        <translation>Zusammenfassung der effektiven Berechtigungen</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
    <message>
        <source>Permission to explain</source>
        <translation>Zu erklärende Berechtigung</translation>
    </message>
    <message>
        <source>&amp;Permission:</source>
        <translation>&amp;Berechtigung:</translation>
    </message>
    <message>
        <source>E&amp;xplain</source>
        <translation>&amp;Erklären</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Built-in roles cannot be changed or deleted</source>
        <translation>Integrierte Rollen können weder geändert noch gelöscht werden</translation>
    </message>
    <message>
        <source>Needs the permission %1</source>
        <translation>Erfordert die Berechtigung %1</translation>
    </message>
    <message>
        <source>Select a role to see its permissions</source>
        <translation>Wählen Sie eine Rolle, um ihre Berechtigungen zu sehen</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (integriert)</translation>
    </message>
    <message>
        <source>No permissions</source>
        <translation>Keine Berechtigungen</translation>
    </message>
    <message>
        <source>The platform&apos;s role bindings.</source>
        <translation>Die Rollenzuweisungen der Plattform.</translation>
    </message>
    <message>
        <source>Every role binding of the tenant.</source>
        <translation>Alle Rollenzuweisungen des Mandanten.</translation>
    </message>
    <message>
        <source>The role bindings that apply in %1: tenant-wide ones and those of the workspace.</source>
        <translation>Die Rollenzuweisungen, die in %1 gelten: mandantenweite und die des Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>%1 (integration)</source>
        <translation>%1 (Integration)</translation>
    </message>
    <message>
        <source>%1 (user)</source>
        <translation>%1 (Benutzer)</translation>
    </message>
    <message>
        <source>The platform</source>
        <translation>Die Plattform</translation>
    </message>
    <message>
        <source>The whole tenant</source>
        <translation>Der ganze Mandant</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>Arbeitsbereich %1</translation>
    </message>
    <message>
        <source>Reading role bindings needs the permission bindings.read.</source>
        <translation>Das Lesen von Rollenzuweisungen erfordert die Berechtigung bindings.read.</translation>
    </message>
    <message>
        <source>Created the role %1. Grant it in Bindings.</source>
        <translation>Rolle %1 angelegt. Weisen Sie sie unter „Zuweisungen“ zu.</translation>
    </message>
    <message>
        <source>Saved the role %1.</source>
        <translation>Rolle %1 gespeichert.</translation>
    </message>
    <message>
        <source>Delete the role %1? A role still bound to someone cannot be deleted.</source>
        <translation>Rolle %1 löschen? Eine Rolle, die noch jemandem zugewiesen ist, kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>Deleted the role %1.</source>
        <translation>Rolle %1 gelöscht.</translation>
    </message>
    <message>
        <source>Granted %1 to %2.</source>
        <translation>%1 an %2 zugewiesen.</translation>
    </message>
    <message>
        <source>Granted %1 to %2 in %3.</source>
        <translation>%1 an %2 in %3 zugewiesen.</translation>
    </message>
    <message>
        <source>Take the role %1 away from %2?</source>
        <translation>Rolle %1 von %2 entziehen?</translation>
    </message>
    <message>
        <source>Took the role %1 away from %2.</source>
        <translation>Rolle %1 von %2 entzogen.</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>Wird abgefragt…</translation>
    </message>
    <message>
        <source>%1 may do nothing at %2.</source>
        <translation>%1 darf in „%2“ nichts tun.</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n permission(s) at %2:</source>
        <translation>
            <numerusform>%1 hat in „%2“ %n Berechtigung:</numerusform>
            <numerusform>%1 hat in „%2“ %n Berechtigungen:</numerusform>
        </translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Verweigert</translation>
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
    <name>gatehouse::ui::AuditEventModel</name>
    <message>
        <source>success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>verweigert</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>other</source>
        <translation>sonstiges</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditFilter</name>
    <message>
        <source>The quote that starts at %1 is not closed: end the phrase with &quot;.</source>
        <translation>Das Anführungszeichen bei %1 wird nicht geschlossen: beenden Sie den Ausdruck mit &quot;.</translation>
    </message>
    <message>
        <source>The value of %1: is not closed: end it with &quot;.</source>
        <translation>Der Wert von %1: wird nicht geschlossen: beenden Sie ihn mit &quot;.</translation>
    </message>
    <message>
        <source>Unknown filter &quot;%1&quot; in %2. Use one of %3, or put the text in quotes to search for it.</source>
        <translation>Unbekannter Filter „%1“ in %2. Verwenden Sie einen von %3, oder setzen Sie den Text in Anführungszeichen, um danach zu suchen.</translation>
    </message>
    <message>
        <source>%1: is given twice (%2). Give each filter once.</source>
        <translation>%1: ist zweimal angegeben (%2). Geben Sie jeden Filter nur einmal an.</translation>
    </message>
    <message>
        <source>%1: needs a value, as in %1:something.</source>
        <translation>%1: braucht einen Wert, etwa %1:etwas.</translation>
    </message>
    <message>
        <source>%1 is not an outcome: use outcome:success, outcome:denied or outcome:error.</source>
        <translation>%1 ist kein Ergebnis: verwenden Sie outcome:success, outcome:denied oder outcome:error.</translation>
    </message>
    <message>
        <source>%1 is not a span of time: use a number and m, h, d or w, as in since:15m, since:24h or since:7d.</source>
        <translation>%1 ist keine Zeitspanne: verwenden Sie eine Zahl und m, h, d oder w, etwa since:15m, since:24h oder since:7d.</translation>
    </message>
    <message>
        <source>%1 is not a date and time: use the form %2:2026-12-01T09:30 (local time), or a date alone.</source>
        <translation>%1 ist kein Datum mit Uhrzeit: verwenden Sie die Form %2:2026-12-01T09:30 (Ortszeit) oder nur ein Datum.</translation>
    </message>
    <message>
        <source>since: and from:/to: cannot be combined: give either a span back from now or a range.</source>
        <translation>since: und from:/to: lassen sich nicht kombinieren: geben Sie entweder eine Zeitspanne bis jetzt oder einen Bereich an.</translation>
    </message>
    <message>
        <source>from: must be before to:.</source>
        <translation>from: muss vor to: liegen.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditFilterBar</name>
    <message>
        <source>Time span</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Show the events of the last minutes, hours or days, or of a range</source>
        <translation>Die Ereignisse der letzten Minuten, Stunden oder Tage zeigen, oder die eines Bereichs</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>The first moment of the range (local time)</source>
        <translation>Der Beginn des Bereichs (Ortszeit)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>The end of the range, not included (local time)</source>
        <translation>Das Ende des Bereichs, nicht eingeschlossen (Ortszeit)</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>The tenant whose events are shown (only those you can see)</source>
        <translation>Der Mandant, dessen Ereignisse angezeigt werden (nur die für Sie sichtbaren)</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Only the events of one workspace</source>
        <translation>Nur die Ereignisse eines Arbeitsbereichs</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>A user or integration: its id or its name</source>
        <translation>Ein Benutzer oder eine Integration: ID oder Name</translation>
    </message>
    <message>
        <source>alice</source>
        <translation>alice</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>The action, or the start of it: secret. matches every secret action</source>
        <translation>Die Aktion oder ihr Anfang: secret. trifft jede Aktion auf Geheimnissen</translation>
    </message>
    <message>
        <source>secret.</source>
        <translation>secret.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Only events that succeeded, were denied or failed</source>
        <translation>Nur Ereignisse, die erfolgreich waren, verweigert wurden oder fehlschlugen</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Verweigert</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>The id of the object acted on</source>
        <translation>Die ID des Objekts, auf das sich die Aktion bezog</translation>
    </message>
    <message>
        <source>sec_...</source>
        <translation>sec_...</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>The client address the call came from</source>
        <translation>Die Client-Adresse, von der der Aufruf kam</translation>
    </message>
    <message>
        <source>10.0.0.1</source>
        <translation>10.0.0.1</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>Anfrage-ID</translation>
    </message>
    <message>
        <source>The request that caused the events (the X-Request-Id of an API answer)</source>
        <translation>Die Anfrage, die die Ereignisse auslöste (die X-Request-Id einer API-Antwort)</translation>
    </message>
    <message>
        <source>req_...</source>
        <translation>req_...</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Words that must all appear in the action, actor, target or details; &quot;quote&quot; a phrase</source>
        <translation>Wörter, die alle in Aktion, Akteur, Ziel oder Details vorkommen müssen; einen Ausdruck in &quot;Anführungszeichen&quot; setzen</translation>
    </message>
    <message>
        <source>rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>The filter as one line: actor:alice action:secret. outcome:denied since:24h &quot;words&quot;. Press Enter to apply.</source>
        <translation>Der Filter als eine Zeile: actor:alice action:secret. outcome:denied since:24h &quot;Wörter&quot;. Mit der Eingabetaste anwenden.</translation>
    </message>
    <message>
        <source>Filter line</source>
        <translation>Filterzeile</translation>
    </message>
    <message>
        <source>actor:alice action:secret. outcome:denied since:24h</source>
        <translation>actor:alice action:secret. outcome:denied since:24h</translation>
    </message>
    <message>
        <source>The filter line does not parse</source>
        <translation>Die Filterzeile ist ungültig</translation>
    </message>
    <message>
        <source>Filter line error</source>
        <translation>Fehler in der Filterzeile</translation>
    </message>
    <message>
        <source>&amp;Saved filters</source>
        <translation>&amp;Gespeicherte Filter</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Gespeicherte Filter</translation>
    </message>
    <message>
        <source>Apply, save or delete the filters you saved</source>
        <translation>Ihre gespeicherten Filter anwenden, speichern oder löschen</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Zeit:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>Te&amp;nant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation>&amp;Arbeitsbereich:</translation>
    </message>
    <message>
        <source>&amp;Actor:</source>
        <translation>A&amp;kteur:</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation>Akt&amp;ion:</translation>
    </message>
    <message>
        <source>O&amp;utcome:</source>
        <translation>&amp;Ergebnis:</translation>
    </message>
    <message>
        <source>Tar&amp;get:</source>
        <translation>Zie&amp;l:</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>A&amp;dresse:</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>An&amp;frage:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xt:</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>Fil&amp;terzeile:</translation>
    </message>
    <message>
        <source>Current scope</source>
        <translation>Aktueller Geltungsbereich</translation>
    </message>
    <message>
        <source>tenant:%1 is not a tenant you can see. Leave tenant: out to read the current scope.</source>
        <translation>tenant:%1 ist kein für Sie sichtbarer Mandant. Lassen Sie tenant: weg, um den aktuellen Geltungsbereich zu lesen.</translation>
    </message>
    <message>
        <source>tenant:%1 is not a tenant you can see: use one of %2.</source>
        <translation>tenant:%1 ist kein für Sie sichtbarer Mandant: verwenden Sie einen von %2.</translation>
    </message>
    <message>
        <source>workspace:%1 is not a workspace you can see in that tenant: use a workspace id (ws_...).</source>
        <translation>workspace:%1 ist kein für Sie sichtbarer Arbeitsbereich dieses Mandanten: verwenden Sie eine Arbeitsbereichs-ID (ws_...).</translation>
    </message>
    <message>
        <source>Last %1</source>
        <translation>Letzte %1</translation>
    </message>
    <message>
        <source>&amp;Save as...</source>
        <translation>&amp;Speichern unter...</translation>
    </message>
    <message>
        <source>Keep the current filter line under a name</source>
        <translation>Die aktuelle Filterzeile unter einem Namen behalten</translation>
    </message>
    <message>
        <source>&amp;Delete...</source>
        <translation>&amp;Löschen...</translation>
    </message>
    <message>
        <source>Delete one of the saved filters</source>
        <translation>Einen der gespeicherten Filter löschen</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <source>&amp;Name of the filter:</source>
        <translation>&amp;Name des Filters:</translation>
    </message>
    <message>
        <source>Delete saved filter</source>
        <translation>Gespeicherten Filter löschen</translation>
    </message>
    <message>
        <source>&amp;Filter to delete:</source>
        <translation>Zu löschender &amp;Filter:</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditHistogram</name>
    <message>
        <source>Event volume</source>
        <translation>Ereignisvolumen</translation>
    </message>
    <message>
        <source>Events per time bucket, stacked by outcome. Drag across the bars to filter on that time range.</source>
        <translation>Ereignisse je Zeitabschnitt, nach Ergebnis gestapelt. Ziehen Sie über die Balken, um nach diesem Zeitraum zu filtern.</translation>
    </message>
    <message>
        <source>Drag across the bars to show only that time range</source>
        <translation>Über die Balken ziehen, um nur diesen Zeitraum zu zeigen</translation>
    </message>
    <message>
        <source>Event volume status</source>
        <translation>Status des Ereignisvolumens</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Wird geladen...</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Verweigert</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditIntegrityActions</name>
    <message>
        <source>an event was changed after it was written</source>
        <translation>ein Ereignis wurde nach dem Schreiben geändert</translation>
    </message>
    <message>
        <source>an event was deleted</source>
        <translation>ein Ereignis wurde gelöscht</translation>
    </message>
    <message>
        <source>an event was inserted</source>
        <translation>ein Ereignis wurde eingefügt</translation>
    </message>
    <message>
        <source>events were reordered</source>
        <translation>Ereignisse wurden umgeordnet</translation>
    </message>
    <message>
        <source>a checkpoint&apos;s signature does not verify</source>
        <translation>die Signatur eines Prüfpunkts ist ungültig</translation>
    </message>
    <message>
        <source>the newest events were removed</source>
        <translation>die neuesten Ereignisse wurden entfernt</translation>
    </message>
    <message>
        <source>signed checkpoints are missing (the chain after them may have been recomputed)</source>
        <translation>signierte Prüfpunkte fehlen (die Kette danach wurde möglicherweise neu berechnet)</translation>
    </message>
    <message>
        <source>&amp;Verify integrity...</source>
        <translation>Integrität &amp;prüfen...</translation>
    </message>
    <message>
        <source>E&amp;xport...</source>
        <translation>E&amp;xportieren...</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Audit job progress</source>
        <translation>Fortschritt des Audit-Vorgangs</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) written</source>
        <translation>
            <numerusform>%n Ereignis geschrieben</numerusform>
            <numerusform>%n Ereignisse geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying the audit chain and its signed checkpoints...</source>
        <translation>Die Kette des Audit-Protokolls und ihre signierten Prüfpunkte werden geprüft...</translation>
    </message>
    <message>
        <source>Verify integrity</source>
        <translation>Integrität prüfen</translation>
    </message>
    <message>
        <source>The audit trail is broken at event %1: %2.

%3</source>
        <translation>Das Audit-Protokoll ist bei Ereignis %1 beschädigt: %2.

%3</translation>
    </message>
    <message numerus="yes">
        <source>The audit trail is intact: %n event(s) checked</source>
        <translation>
            <numerusform>Das Audit-Protokoll ist unversehrt: %n Ereignis geprüft</numerusform>
            <numerusform>Das Audit-Protokoll ist unversehrt: %n Ereignisse geprüft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>against %n signed checkpoint(s).</source>
        <translation>
            <numerusform>gegen %n signierten Prüfpunkt.</numerusform>
            <numerusform>gegen %n signierte Prüfpunkte.</numerusform>
        </translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>CEF (*.cef)</source>
        <translation>CEF (*.cef)</translation>
    </message>
    <message>
        <source>OCSF (*.ocsf.jsonl)</source>
        <translation>OCSF (*.ocsf.jsonl)</translation>
    </message>
    <message>
        <source>Offline verification bundle, a new folder (*)</source>
        <translation>Paket zur Offline-Prüfung, ein neuer Ordner (*)</translation>
    </message>
    <message>
        <source>Export audit events</source>
        <translation>Audit-Ereignisse exportieren</translation>
    </message>
    <message>
        <source>%1 exists already: choose a new folder name.</source>
        <translation>%1 existiert bereits: wählen Sie einen neuen Ordnernamen.</translation>
    </message>
    <message>
        <source>Exporting to %1...</source>
        <translation>Export nach %1...</translation>
    </message>
    <message>
        <source>The bundle could not be moved to %1.</source>
        <translation>Das Paket konnte nicht nach %1 verschoben werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) exported with their signed checkpoints to %1.</source>
        <translation>
            <numerusform>%n Ereignis mit den signierten Prüfpunkten nach %1 exportiert.</numerusform>
            <numerusform>%n Ereignisse mit den signierten Prüfpunkten nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) exported to %1.</source>
        <translation>
            <numerusform>%n Ereignis nach %1 exportiert.</numerusform>
            <numerusform>%n Ereignisse nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>Der Export wurde abgebrochen; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Verify integrity of</source>
        <translation>Integrität prüfen von</translation>
    </message>
    <message>
        <source>&amp;Whole chain</source>
        <translation>&amp;Ganze Kette</translation>
    </message>
    <message>
        <source>Walk every event and every signed checkpoint</source>
        <translation>Jedes Ereignis und jeden signierten Prüfpunkt durchgehen</translation>
    </message>
    <message>
        <source>&amp;Range of events...</source>
        <translation>&amp;Bereich von Ereignissen...</translation>
    </message>
    <message>
        <source>Verify only the events from one number to another, against the signed checkpoints around them</source>
        <translation>Nur die Ereignisse von einer Nummer bis zu einer anderen prüfen, gegen die signierten Prüfpunkte um sie herum</translation>
    </message>
    <message>
        <source>Verify a range of events</source>
        <translation>Einen Bereich von Ereignissen prüfen</translation>
    </message>
    <message>
        <source>First event</source>
        <translation>Erstes Ereignis</translation>
    </message>
    <message>
        <source>The number (seq) of the first event to verify; prefilled from the selected event or the events in view</source>
        <translation>Die Nummer (seq) des ersten zu prüfenden Ereignisses; vorausgefüllt aus dem ausgewählten Ereignis oder den angezeigten Ereignissen</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>Letztes Ereignis</translation>
    </message>
    <message>
        <source>The number (seq) of the last event to verify, at most the newest</source>
        <translation>Die Nummer (seq) des letzten zu prüfenden Ereignisses, höchstens die des neuesten</translation>
    </message>
    <message>
        <source>Gatehouse recomputes every event of the range from the signed checkpoint before it to the one after it; the rest of the chain is not read.</source>
        <translation>Gatehouse berechnet jedes Ereignis des Bereichs neu, vom signierten Prüfpunkt davor bis zu dem danach; der Rest der Kette wird nicht gelesen.</translation>
    </message>
    <message>
        <source>How a range is verified</source>
        <translation>Wie ein Bereich geprüft wird</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Verify the range</source>
        <translation>Den Bereich prüfen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Range problem</source>
        <translation>Problem mit dem Bereich</translation>
    </message>
    <message>
        <source>The first event comes after the last: swap them.</source>
        <translation>Das erste Ereignis liegt nach dem letzten: vertauschen Sie sie.</translation>
    </message>
    <message>
        <source>&amp;From event:</source>
        <translation>&amp;Von Ereignis:</translation>
    </message>
    <message>
        <source>&amp;To event:</source>
        <translation>&amp;Bis Ereignis:</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) checked</source>
        <translation>
            <numerusform>%n Ereignis geprüft</numerusform>
            <numerusform>%n Ereignisse geprüft</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying events %1 to %2 against the signed checkpoints around them...</source>
        <translation>Ereignisse %1 bis %2 werden gegen die signierten Prüfpunkte um sie herum geprüft...</translation>
    </message>
    <message>
        <source>Events %1 to %2 are intact:</source>
        <translation>Die Ereignisse %1 bis %2 sind unversehrt:</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditPane</name>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Audit view actions</source>
        <translation>Aktionen der Audit-Ansicht</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Folgen</translation>
    </message>
    <message>
        <source>Keep the newest event in view</source>
        <translation>Das neueste Ereignis im Blick behalten</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Keep the view still; new events wait and are counted (Ctrl+P)</source>
        <translation>Die Ansicht anhalten; neue Ereignisse warten und werden gezählt (Strg+P)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>&amp;Ende</translation>
    </message>
    <message>
        <source>Back to the live end of the trail (Ctrl+End)</source>
        <translation>Zurück zum aktuellen Ende des Protokolls (Strg+Ende)</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>&amp;Newest First</source>
        <translation>&amp;Neueste zuerst</translation>
    </message>
    <message>
        <source>Newest events at the top; off: in chain order, the newest at the bottom</source>
        <translation>Neueste Ereignisse oben; aus: in Kettenreihenfolge, die neuesten unten</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Verify integrity</source>
        <translation>Integrität prüfen</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Events waiting</source>
        <translation>Wartende Ereignisse</translation>
    </message>
    <message>
        <source>View state</source>
        <translation>Zustand der Ansicht</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Audit-Ereignisse</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>Ereignisdetails</translation>
    </message>
    <message>
        <source>Select an event to see every field, its hashes and its checkpoint.</source>
        <translation>Wählen Sie ein Ereignis, um alle Felder, seine Hashes und seinen Prüfpunkt zu sehen.</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Reading the audit trail needs the permission %1 at this scope.</source>
        <translation>Das Lesen des Audit-Protokolls erfordert in diesem Bereich die Berechtigung %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n neu</numerusform>
            <numerusform>%n neue</numerusform>
        </translation>
    </message>
    <message>
        <source>Not live: End returns to the newest events</source>
        <translation>Nicht live: Ende kehrt zu den neuesten Ereignissen zurück</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Live, following</source>
        <translation>Live, folgt</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Event %1 is not in this view: it does not match the filter, or it is outside this scope.</source>
        <translation>Ereignis %1 ist nicht in dieser Ansicht: Es passt nicht zum Filter oder liegt außerhalb dieses Bereichs.</translation>
    </message>
    <message>
        <source>Loading event %1…</source>
        <translation>Ereignis %1 wird geladen…</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Show this actor&apos;s events</source>
        <translation>Ereignisse dieses Akteurs anzeigen</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Show the events on this target</source>
        <translation>Ereignisse zu diesem Ziel anzeigen</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>the platform</source>
        <translation>die Plattform</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Show every event of this request</source>
        <translation>Alle Ereignisse dieser Anfrage anzeigen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation>Vorheriger Hash</translation>
    </message>
    <message>
        <source>Checkpoints sign the whole trail: a platform auditor reads them.</source>
        <translation>Prüfpunkte signieren das ganze Protokoll: Ein Plattform-Auditor liest sie.</translation>
    </message>
    <message>
        <source>Checkpoint at event %1, signed %2; chain hash %3</source>
        <translation>Prüfpunkt bei Ereignis %1, signiert %2; Ketten-Hash %3</translation>
    </message>
    <message>
        <source>Not signed yet: the next checkpoint will cover it.</source>
        <translation>Noch nicht signiert: Der nächste Prüfpunkt wird es abdecken.</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Prüfpunkt</translation>
    </message>
    <message>
        <source>For&amp;warding...</source>
        <translation>&amp;Weiterleitung...</translation>
    </message>
    <message>
        <source>Forwarding status</source>
        <translation>Status der Weiterleitung</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::BindingDialog</name>
    <message>
        <source>Grant a role</source>
        <translation>Rolle zuweisen</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>%1 (integration)</source>
        <translation>%1 (Integration)</translation>
    </message>
    <message>
        <source>%1 (user)</source>
        <translation>%1 (Benutzer)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>You do not hold %1</source>
        <translation>Sie besitzen %1 nicht</translation>
    </message>
    <message>
        <source>Where the role applies</source>
        <translation>Wo die Rolle gilt</translation>
    </message>
    <message>
        <source>The platform</source>
        <translation>Die Plattform</translation>
    </message>
    <message>
        <source>The whole tenant</source>
        <translation>Der ganze Mandant</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>Arbeitsbereich %1</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>&amp;Identität:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>&amp;Applies to:</source>
        <translation>&amp;Gilt für:</translation>
    </message>
    <message>
        <source>Greyed-out roles hold permissions you do not hold.</source>
        <translation>Ausgegraute Rollen enthalten Berechtigungen, die Sie nicht besitzen.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>&amp;Grant</source>
        <translation>&amp;Zuweisen</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Choose an identity.</source>
        <translation>Wählen Sie eine Identität.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Wählen Sie eine Rolle.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::BindingModel</name>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Tenant-wide</source>
        <translation>Mandantenweit</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Applies in the whole tenant and every workspace of it</source>
        <translation>Gilt im ganzen Mandanten und in jedem seiner Arbeitsbereiche</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Geltungsbereich</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::BoundaryFlowView</name>
    <message>
        <source>TLS, listener exposure</source>
        <translation>TLS, Erreichbarkeit des Listeners</translation>
    </message>
    <message>
        <source>sessions, tokens, MFA</source>
        <translation>Sitzungen, Tokens, MFA</translation>
    </message>
    <message>
        <source>encrypted store</source>
        <translation>verschlüsselter Tresor</translation>
    </message>
    <message>
        <source>tenant keys</source>
        <translation>Mandantenschlüssel</translation>
    </message>
    <message>
        <source>audit trail</source>
        <translation>Audit-Protokoll</translation>
    </message>
    <message>
        <source>migrations, keys, admin changes</source>
        <translation>Migrationen, Schlüssel, Admin-Änderungen</translation>
    </message>
    <message>
        <source>%1 pass, %2 warn, %3 fail, %4 not applicable</source>
        <translation>%1 bestanden, %2 Warnungen, %3 fehlgeschlagen, %4 nicht zutreffend</translation>
    </message>
    <message>
        <source>Trust boundary flow</source>
        <translation>Ablauf über die Vertrauensgrenzen</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>No trust boundaries checked yet.</source>
        <translation>Noch keine Vertrauensgrenze geprüft.</translation>
    </message>
    <message>
        <source>User or integration</source>
        <translation>Benutzer oder Integration</translation>
    </message>
    <message>
        <source>Selected: %1</source>
        <translation>Ausgewählt: %1</translation>
    </message>
    <message>
        <source>Focused: %1</source>
        <translation>Fokus: %1</translation>
    </message>
    <message>
        <source>tenants and workspaces</source>
        <translation>Mandanten und Arbeitsbereiche</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ClipboardCountdown</name>
    <message>
        <source>Clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <source>C&amp;lear now</source>
        <translation>Jetzt &amp;leeren</translation>
    </message>
    <message>
        <source>Clear the clipboard now</source>
        <translation>Zwischenablage jetzt leeren</translation>
    </message>
    <message>
        <source>Empty the clipboard now, if it still holds the copied value</source>
        <translation>Die Zwischenablage jetzt leeren, falls sie noch den kopierten Wert enthält</translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard clears in %n s.</source>
        <translation>
            <numerusform>Kopiert. Die Zwischenablage wird in %n s geleert.</numerusform>
            <numerusform>Kopiert. Die Zwischenablage wird in %n s geleert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ConflictDialog</name>
    <message>
        <source>Differences</source>
        <translation>Unterschiede</translation>
    </message>
    <message>
        <source>When you opened</source>
        <translation>Beim Öffnen</translation>
    </message>
    <message>
        <source>Theirs (now)</source>
        <translation>Deren (jetzt)</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Ihre</translation>
    </message>
    <message>
        <source>&amp;Reload (take theirs)</source>
        <translation>&amp;Neu laden (deren übernehmen)</translation>
    </message>
    <message>
        <source>Reload, taking their version</source>
        <translation>Neu laden und deren Fassung übernehmen</translation>
    </message>
    <message>
        <source>&amp;Overwrite (write mine)</source>
        <translation>Ü&amp;berschreiben (meine schreiben)</translation>
    </message>
    <message>
        <source>Overwrite with my version</source>
        <translation>Mit meiner Fassung überschreiben</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ConsoleBridge</name>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>This console is locked for %1. Sign in as %1, or sign out to change identity.</source>
        <translation>Diese Konsole ist für %1 gesperrt. Melden Sie sich als %1 an oder melden Sie sich ab, um die Identität zu wechseln.</translation>
    </message>
    <message>
        <source>Your tenant requires administrators to use two-factor authentication. Enrol an authenticator first (over the API or with gatehoused), then sign in here.</source>
        <translation>Ihr Mandant verlangt von Administratoren die Zwei-Faktor-Authentisierung. Richten Sie zuerst einen Authenticator ein (über die API oder mit gatehoused) und melden Sie sich dann hier an.</translation>
    </message>
    <message>
        <source>a session</source>
        <translation>eine Sitzung</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ControlModel</name>
    <message>
        <source>Boundary</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>Kontrolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Gemessen</translation>
    </message>
    <message>
        <source>Evidence domain</source>
        <translation>Nachweisbereich</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ControlTimeline</name>
    <message>
        <source>Control history</source>
        <translation>Verlauf der Kontrolle</translation>
    </message>
    <message>
        <source>No history shown: select a control</source>
        <translation>Kein Verlauf angezeigt: wählen Sie eine Kontrolle</translation>
    </message>
    <message>
        <source>%1: no stored runs yet</source>
        <translation>%1: noch keine gespeicherten Prüfläufe</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n run(s) since %2, %3 now; failing in %4, warning in %5, %6 change(s)</source>
        <translation>
            <numerusform>%1: %n Prüflauf seit %2, jetzt %3; fehlgeschlagen in %4, Warnung in %5, %6 Änderung(en)</numerusform>
            <numerusform>%1: %n Prüfläufe seit %2, jetzt %3; fehlgeschlagen in %4, Warnung in %5, %6 Änderung(en)</numerusform>
        </translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Verlauf von %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::DestinationDialog</name>
    <message>
        <source>New Forwarding Destination</source>
        <translation>Neues Weiterleitungsziel</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Hinz&amp;ufügen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>A syslog collector (RFC 5424) that receives the audit events of %1. Over TLS, pin the collector with the CA that issued its certificate or with the certificate&apos;s fingerprint.</source>
        <translation>Ein Syslog-Empfänger (RFC 5424), der die Audit-Ereignisse %1 erhält. Über TLS binden Sie den Empfänger an die CA, die sein Zertifikat ausgestellt hat, oder an den Fingerabdruck des Zertifikats.</translation>
    </message>
    <message>
        <source>It receives the audit events of %1. A change applies from the next connection; the events the collector already took are not sent again.</source>
        <translation>Es erhält die Audit-Ereignisse %1. Eine Änderung gilt ab der nächsten Verbindung; Ereignisse, die der Empfänger bereits angenommen hat, werden nicht erneut gesendet.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>siem</source>
        <translation>siem</translation>
    </message>
    <message>
        <source>Collector host</source>
        <translation>Host des Empfängers</translation>
    </message>
    <message>
        <source>collector.example.com</source>
        <translation>collector.example.com</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>TLS (RFC 5425)</source>
        <translation>TLS (RFC 5425)</translation>
    </message>
    <message>
        <source>Plain TCP, to a relay on this machine only</source>
        <translation>Unverschlüsseltes TCP, nur zu einem Relay auf diesem Rechner</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>CEF</source>
        <translation>CEF</translation>
    </message>
    <message>
        <source>OCSF</source>
        <translation>OCSF</translation>
    </message>
    <message>
        <source>Pin the collector by</source>
        <translation>Empfänger binden an</translation>
    </message>
    <message>
        <source>The CA that issued its certificate</source>
        <translation>Die CA, die sein Zertifikat ausgestellt hat</translation>
    </message>
    <message>
        <source>Its certificate&apos;s SHA-256 fingerprint</source>
        <translation>Den SHA-256-Fingerabdruck seines Zertifikats</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>The CA certificate (PEM)</source>
        <translation>Das CA-Zertifikat (PEM)</translation>
    </message>
    <message>
        <source>Choose the CA file</source>
        <translation>CA-Datei wählen</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>AB:CD:… (64 hexadecimal digits)</source>
        <translation>AB:CD:… (64 Hexadezimalziffern)</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>Servername</translation>
    </message>
    <message>
        <source>The host</source>
        <translation>Der Host</translation>
    </message>
    <message>
        <source>&amp;Present a client certificate</source>
        <translation>Client-Zertifikat vor&amp;legen</translation>
    </message>
    <message>
        <source>Present a client certificate</source>
        <translation>Client-Zertifikat vorlegen</translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation>Datei des Client-Zertifikats</translation>
    </message>
    <message>
        <source>The client certificate (PEM)</source>
        <translation>Das Client-Zertifikat (PEM)</translation>
    </message>
    <message>
        <source>Choose the client certificate file</source>
        <translation>Datei des Client-Zertifikats wählen</translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation>Datei des Client-Schlüssels</translation>
    </message>
    <message>
        <source>Its private key (PEM, not encrypted)</source>
        <translation>Sein privater Schlüssel (PEM, unverschlüsselt)</translation>
    </message>
    <message>
        <source>Choose the client key file</source>
        <translation>Datei des Client-Schlüssels wählen</translation>
    </message>
    <message>
        <source>&amp;Enabled: forward events to this collector</source>
        <translation>&amp;Aktiv: Ereignisse an diesen Empfänger weiterleiten</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>&amp;Transport:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>P&amp;in by:</source>
        <translation>B&amp;inden an:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>Ser&amp;ver name:</source>
        <translation>Ser&amp;vername:</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>Schlü&amp;sseldatei:</translation>
    </message>
    <message>
        <source>Send the &amp;whole audit trail, not only the events from now on</source>
        <translation>Das ganze Audit-Protokoll senden, nicht nur die Ereignisse a&amp;b jetzt</translation>
    </message>
    <message>
        <source>Send the whole audit trail</source>
        <translation>Das ganze Audit-Protokoll senden</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Choose the Collector&apos;s CA</source>
        <translation>CA des Empfängers wählen</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose the Client Certificate</source>
        <translation>Client-Zertifikat wählen</translation>
    </message>
    <message>
        <source>Choose the Client Key</source>
        <translation>Client-Schlüssel wählen</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>PEM-Schlüssel (*.pem *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The CA given before (choose a file to replace it)</source>
        <translation>Die bisherige CA (zum Ersetzen eine Datei wählen)</translation>
    </message>
    <message>
        <source>The certificate given before (choose a file to replace it)</source>
        <translation>Das bisherige Zertifikat (zum Ersetzen eine Datei wählen)</translation>
    </message>
    <message>
        <source>The key given before (give one with a new certificate)</source>
        <translation>Der bisherige Schlüssel (mit einem neuen Zertifikat einen neuen angeben)</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: choose a readable PEM file.</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden: Wählen Sie eine lesbare PEM-Datei.</translation>
    </message>
    <message>
        <source>Cannot read the client certificate file %1: choose a readable PEM file.</source>
        <translation>Die Datei des Client-Zertifikats %1 kann nicht gelesen werden: Wählen Sie eine lesbare PEM-Datei.</translation>
    </message>
    <message>
        <source>Cannot read the client key file %1: choose a readable PEM file.</source>
        <translation>Die Datei des Client-Schlüssels %1 kann nicht gelesen werden: Wählen Sie eine lesbare PEM-Datei.</translation>
    </message>
    <message>
        <source>Give the destination a name (lower-case letters, digits and dashes).</source>
        <translation>Geben Sie dem Ziel einen Namen (Kleinbuchstaben, Ziffern und Bindestriche).</translation>
    </message>
    <message>
        <source>Give the collector&apos;s host name or address.</source>
        <translation>Geben Sie den Hostnamen oder die Adresse des Empfängers an.</translation>
    </message>
    <message>
        <source>Fin&amp;gerprint:</source>
        <translation>Fin&amp;gerabdruck:</translation>
    </message>
    <message>
        <source>Certificate fi&amp;le:</source>
        <translation>&amp;Zertifikatsdatei:</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::FederatedSignIn</name>
    <message numerus="yes">
        <source>The sign-in at your identity provider did not finish within %n minute(s). Start it again.</source>
        <translation>
            <numerusform>Die Anmeldung bei Ihrem Identitätsanbieter wurde nicht innerhalb von %n Minute abgeschlossen. Beginnen Sie sie erneut.</numerusform>
            <numerusform>Die Anmeldung bei Ihrem Identitätsanbieter wurde nicht innerhalb von %n Minuten abgeschlossen. Beginnen Sie sie erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter your tenant&apos;s name: sign-in with an identity provider is set up per tenant.</source>
        <translation>Geben Sie den Namen Ihres Mandanten ein: Die Anmeldung über einen Identitätsanbieter wird pro Mandant eingerichtet.</translation>
    </message>
    <message>
        <source>The console could not listen on the loopback address for the provider&apos;s answer. Check that no firewall rule blocks 127.0.0.1, then try again.</source>
        <translation>Die Konsole konnte auf der Loopback-Adresse nicht auf die Antwort des Anbieters warten. Prüfen Sie, dass keine Firewall-Regel 127.0.0.1 blockiert, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Gatehouse received your sign-in. You can close this tab and return to the console.</source>
        <translation>Gatehouse hat Ihre Anmeldung erhalten. Sie können diesen Tab schließen und zur Konsole zurückkehren.</translation>
    </message>
    <message>
        <source>The identity provider&apos;s sign-in address is not a web address. Ask an administrator to check the tenant&apos;s provider settings.</source>
        <translation>Die Anmeldeadresse des Identitätsanbieters ist keine Webadresse. Bitten Sie einen Administrator, die Anbietereinstellungen des Mandanten zu prüfen.</translation>
    </message>
    <message>
        <source>The console could not open your web browser. Set a default browser for your desktop and try again.</source>
        <translation>Die Konsole konnte Ihren Webbrowser nicht öffnen. Legen Sie einen Standardbrowser für Ihren Desktop fest und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <source>Your identity provider refused the sign-in (%1).</source>
        <translation>Ihr Identitätsanbieter hat die Anmeldung abgelehnt (%1).</translation>
    </message>
    <message>
        <source>Your identity provider refused the sign-in: %1</source>
        <translation>Ihr Identitätsanbieter hat die Anmeldung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Your identity provider sent no authorization code. Start the sign-in again.</source>
        <translation>Ihr Identitätsanbieter hat keinen Autorisierungscode gesendet. Beginnen Sie die Anmeldung erneut.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::FederationDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Remo&amp;ve Provider…</source>
        <translation>Anbieter &amp;entfernen…</translation>
    </message>
    <message>
        <source>Identity Provider of %1</source>
        <translation>Identitätsanbieter von %1</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Identity provider settings</source>
        <translation>Einstellungen des Identitätsanbieters</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>&amp;Anbieter</translation>
    </message>
    <message>
        <source>C&amp;laims</source>
        <translation>C&amp;laims</translation>
    </message>
    <message>
        <source>P&amp;olicies</source>
        <translation>&amp;Richtlinien</translation>
    </message>
    <message>
        <source>&amp;Group Mappings</source>
        <translation>&amp;Gruppenzuordnungen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Remove provider</source>
        <translation>Anbieter entfernen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Issuer URL</source>
        <translation>Aussteller-URL</translation>
    </message>
    <message>
        <source>https://login.example.com/realms/staff</source>
        <translation>https://login.example.com/realms/staff</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>As the provider registered Gatehouse</source>
        <translation>Wie der Anbieter Gatehouse registriert hat</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Geheimnis</translation>
    </message>
    <message>
        <source>Client secret state</source>
        <translation>Status des Client-Geheimnisses</translation>
    </message>
    <message>
        <source>Scopes, separated by spaces</source>
        <translation>Scopes, durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <source>openid profile email</source>
        <translation>openid profile email</translation>
    </message>
    <message>
        <source>Provider CA certificate</source>
        <translation>CA-Zertifikat des Anbieters</translation>
    </message>
    <message>
        <source>Load CA Ce&amp;rtificate…</source>
        <translation>CA-Zertifikat la&amp;den…</translation>
    </message>
    <message>
        <source>Load CA certificate</source>
        <translation>CA-Zertifikat laden</translation>
    </message>
    <message>
        <source>&amp;Use System Trust Store</source>
        <translation>S&amp;ystem-Zertifikatsspeicher verwenden</translation>
    </message>
    <message>
        <source>Use the system&apos;s trust store</source>
        <translation>Den Zertifikatsspeicher des Systems verwenden</translation>
    </message>
    <message>
        <source>Sig&amp;n-in with this provider is enabled</source>
        <translation>Anmeldung über diesen Anbieter ist akti&amp;viert</translation>
    </message>
    <message>
        <source>Sign-in with this provider is enabled</source>
        <translation>Anmeldung über diesen Anbieter ist aktiviert</translation>
    </message>
    <message>
        <source>&amp;Issuer URL:</source>
        <translation>Aussteller-&amp;URL:</translation>
    </message>
    <message>
        <source>Client I&amp;D:</source>
        <translation>Client-&amp;ID:</translation>
    </message>
    <message>
        <source>Client secre&amp;t:</source>
        <translation>Client-Gehei&amp;mnis:</translation>
    </message>
    <message>
        <source>Scop&amp;es:</source>
        <translation>Sc&amp;opes:</translation>
    </message>
    <message>
        <source>Provider C&amp;A:</source>
        <translation>CA des A&amp;nbieters:</translation>
    </message>
    <message>
        <source>Where the ID token says who someone is: a claim&apos;s name, or a path into nested claims joined by dots (org.groups). Only the subject is required; leave another empty to not take it from the provider.</source>
        <translation>Wo das ID-Token angibt, wer jemand ist: der Name eines Claims oder ein Pfad in verschachtelte Claims, durch Punkte verbunden (org.groups). Nur das Subject ist erforderlich; lassen Sie ein anderes Feld leer, um es nicht vom Anbieter zu übernehmen.</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>Su&amp;bject:</translation>
    </message>
    <message>
        <source>Subject claim</source>
        <translation>Subject-Claim</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Benutzer&amp;name:</translation>
    </message>
    <message>
        <source>Username claim</source>
        <translation>Benutzername-Claim</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>E-&amp;Mail:</translation>
    </message>
    <message>
        <source>Email claim</source>
        <translation>E-Mail-Claim</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Anze&amp;igename:</translation>
    </message>
    <message>
        <source>Display name claim</source>
        <translation>Anzeigename-Claim</translation>
    </message>
    <message>
        <source>G&amp;roups:</source>
        <translation>Gr&amp;uppen:</translation>
    </message>
    <message>
        <source>Groups claim</source>
        <translation>Gruppen-Claim</translation>
    </message>
    <message>
        <source>Rese&amp;t to Defaults</source>
        <translation>Auf Standard&amp;werte zurücksetzen</translation>
    </message>
    <message>
        <source>Reset the claim paths to the defaults</source>
        <translation>Claim-Pfade auf die Standardwerte zurücksetzen</translation>
    </message>
    <message>
        <source>Create a user at their first sign-in (&amp;just-in-time provisioning)</source>
        <translation>Benutzer bei der ersten Anmeldung anlegen (&amp;Just-in-time-Bereitstellung)</translation>
    </message>
    <message>
        <source>Just-in-time provisioning</source>
        <translation>Just-in-time-Bereitstellung</translation>
    </message>
    <message>
        <source>Off: only people this provider has signed in before can sign in. An existing account is never matched by its username.</source>
        <translation>Aus: Nur Personen, die dieser Anbieter bereits angemeldet hat, können sich anmelden. Ein bestehendes Konto wird nie über seinen Benutzernamen zugeordnet.</translation>
    </message>
    <message>
        <source>Allow local pass&amp;words</source>
        <translation>Lokale &amp;Passwörter erlauben</translation>
    </message>
    <message>
        <source>Allow local passwords</source>
        <translation>Lokale Passwörter erlauben</translation>
    </message>
    <message>
        <source>A Tenant Owner can always sign in with their Gatehouse password, so the tenant is never locked out when the provider is down (break-glass).</source>
        <translation>Ein Mandanteninhaber (Tenant Owner) kann sich immer mit seinem Gatehouse-Passwort anmelden, sodass der Mandant nie ausgesperrt ist, wenn der Anbieter ausfällt (Notfallzugang).</translation>
    </message>
    <message>
        <source>Accept provider access tokens from &amp;integrations (token exchange)</source>
        <translation>Zugriffstoken des Anbieters von &amp;Integrationen annehmen (Token-Austausch)</translation>
    </message>
    <message>
        <source>Token exchange for integrations</source>
        <translation>Token-Austausch für Integrationen</translation>
    </message>
    <message>
        <source>Accepted audience</source>
        <translation>Akzeptierte Audience</translation>
    </message>
    <message>
        <source>The audience the provider&apos;s access tokens carry for Gatehouse</source>
        <translation>Die Audience, die die Zugriffstoken des Anbieters für Gatehouse tragen</translation>
    </message>
    <message>
        <source>Accepted a&amp;udience:</source>
        <translation>Akzeptierte A&amp;udience:</translation>
    </message>
    <message>
        <source>&amp;Mappings (members of a provider group get its role at each sign-in):</source>
        <translation>&amp;Zuordnungen (Mitglieder einer Anbietergruppe erhalten bei jeder Anmeldung deren Rolle):</translation>
    </message>
    <message>
        <source>Group mappings</source>
        <translation>Gruppenzuordnungen</translation>
    </message>
    <message>
        <source>Provider Group</source>
        <translation>Anbietergruppe</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Applies To</source>
        <translation>Gilt für</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Add a group mapping</source>
        <translation>Gruppenzuordnung hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove the selected group mapping</source>
        <translation>Ausgewählte Gruppenzuordnung entfernen</translation>
    </message>
    <message>
        <source>Needs the permission %1</source>
        <translation>Erfordert die Berechtigung %1</translation>
    </message>
    <message>
        <source>The provider&apos;s https:// URL as its discovery document names it (http:// only on a loopback address)</source>
        <translation>Die https://-URL des Anbieters, wie sein Discovery-Dokument sie nennt (http:// nur auf einer Loopback-Adresse)</translation>
    </message>
    <message>
        <source>Separated by spaces; openid is required</source>
        <translation>Durch Leerzeichen getrennt; openid ist erforderlich</translation>
    </message>
    <message>
        <source>Typed here, it replaces the current secret; left empty, the current one is kept. It is never shown again.</source>
        <translation>Hier eingegeben, ersetzt es das aktuelle Geheimnis; leer gelassen, bleibt das aktuelle erhalten. Es wird nie wieder angezeigt.</translation>
    </message>
    <message>
        <source>The CA that issued the provider&apos;s TLS certificate, when it is not one the system trusts</source>
        <translation>Die CA, die das TLS-Zertifikat des Anbieters ausgestellt hat, wenn das System ihr nicht vertraut</translation>
    </message>
    <message>
        <source>Reading the group mappings needs the permission %1.</source>
        <translation>Das Lesen der Gruppenzuordnungen erfordert die Berechtigung %1.</translation>
    </message>
    <message>
        <source>Read-only: changing the identity provider needs the permission %1, and its group mappings %2.</source>
        <translation>Nur lesen: Das Ändern des Identitätsanbieters erfordert die Berechtigung %1, das seiner Gruppenzuordnungen %2.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Only the group mappings can be changed here: the provider needs the permission %1.</source>
        <translation>Hier können nur die Gruppenzuordnungen geändert werden: Der Anbieter erfordert die Berechtigung %1.</translation>
    </message>
    <message>
        <source>Only the provider can be changed here: the group mappings need the permission %1.</source>
        <translation>Hier kann nur der Anbieter geändert werden: Die Gruppenzuordnungen erfordern die Berechtigung %1.</translation>
    </message>
    <message>
        <source>People of %1 sign in at this OpenID Connect provider. Last changed %2.</source>
        <translation>Die Personen von %1 melden sich bei diesem OpenID-Connect-Anbieter an. Zuletzt geändert: %2.</translation>
    </message>
    <message>
        <source>%1 has no identity provider yet. Fill in the provider&apos;s details and save, and its people can sign in there.</source>
        <translation>%1 hat noch keinen Identitätsanbieter. Geben Sie die Angaben des Anbieters ein und speichern Sie, dann können sich seine Personen dort anmelden.</translation>
    </message>
    <message>
        <source>None: the system&apos;s trust store is used.</source>
        <translation>Keine: Der Zertifikatsspeicher des Systems wird verwendet.</translation>
    </message>
    <message>
        <source>A CA that is not a PEM certificate; load it again.</source>
        <translation>Eine CA, die kein PEM-Zertifikat ist; laden Sie sie erneut.</translation>
    </message>
    <message>
        <source>%1, expired %2</source>
        <translation>%1, abgelaufen am %2</translation>
    </message>
    <message>
        <source>%1, expires %2</source>
        <translation>%1, läuft ab am %2</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more certificate(s))</source>
        <translation>
            <numerusform>(und %n weiteres Zertifikat)</numerusform>
            <numerusform>(und %n weitere Zertifikate)</numerusform>
        </translation>
    </message>
    <message>
        <source>A client secret is set.</source>
        <translation>Ein Client-Geheimnis ist gesetzt.</translation>
    </message>
    <message>
        <source>No client secret is set.</source>
        <translation>Kein Client-Geheimnis gesetzt.</translation>
    </message>
    <message>
        <source>Set, never shown</source>
        <translation>Gesetzt, wird nie angezeigt</translation>
    </message>
    <message>
        <source>A client secret is set. Type a new one to replace it.</source>
        <translation>Ein Client-Geheimnis ist gesetzt. Geben Sie ein neues ein, um es zu ersetzen.</translation>
    </message>
    <message>
        <source>Leave empty to keep the current secret</source>
        <translation>Leer lassen, um das aktuelle Geheimnis zu behalten</translation>
    </message>
    <message>
        <source>As the provider issued it (none for a public client)</source>
        <translation>Wie der Anbieter es ausgestellt hat (keines bei einem öffentlichen Client)</translation>
    </message>
    <message>
        <source>The whole tenant</source>
        <translation>Der ganze Mandant</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>Arbeitsbereich %1</translation>
    </message>
    <message>
        <source>Load the Provider&apos;s CA Certificate</source>
        <translation>CA-Zertifikat des Anbieters laden</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1 as a CA certificate: choose a PEM file of at most 64 KiB.</source>
        <translation>%1 kann nicht als CA-Zertifikat gelesen werden: Wählen Sie eine PEM-Datei von höchstens 64 KiB.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate. Choose the CA&apos;s certificate (-----BEGIN CERTIFICATE-----), not a key.</source>
        <translation>%1 enthält kein PEM-Zertifikat. Wählen Sie das Zertifikat der CA (-----BEGIN CERTIFICATE-----), keinen Schlüssel.</translation>
    </message>
    <message>
        <source>The group %1 is already mapped to that role there.</source>
        <translation>Die Gruppe %1 ist dort bereits dieser Rolle zugeordnet.</translation>
    </message>
    <message>
        <source>The provider was saved, but not the group mappings: %1</source>
        <translation>Der Anbieter wurde gespeichert, die Gruppenzuordnungen aber nicht: %1</translation>
    </message>
    <message>
        <source>Remove the identity provider of %1? Nobody can sign in there until a provider is set again; the users it created and the group mappings stay.</source>
        <translation>Den Identitätsanbieter von %1 entfernen? Niemand kann sich dort anmelden, bis wieder ein Anbieter festgelegt ist; die von ihm angelegten Benutzer und die Gruppenzuordnungen bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::FirstRunWizard</name>
    <message>
        <source>Set up Gatehouse</source>
        <translation>Gatehouse einrichten</translation>
    </message>
    <message>
        <source>Where Gatehouse keeps its data</source>
        <translation>Wo Gatehouse seine Daten ablegt</translation>
    </message>
    <message>
        <source>Tenants, identities, secrets and the audit trail live in one encrypted store in this folder. Nothing in it is readable without the master key.</source>
        <translation>Mandanten, Identitäten, Geheimnisse und das Audit-Protokoll liegen in einem verschlüsselten Tresor in diesem Ordner. Ohne den Hauptschlüssel ist nichts davon lesbar.</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation>Datenordner auswählen</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>Daten&amp;ordner:</translation>
    </message>
    <message>
        <source>Who holds the master key</source>
        <translation>Wer den Hauptschlüssel verwahrt</translation>
    </message>
    <message>
        <source>The store is encrypted with a random 256-bit master key. Choose where that key is kept.</source>
        <translation>Der Tresor wird mit einem zufälligen 256-Bit-Hauptschlüssel verschlüsselt. Wählen Sie, wo dieser Schlüssel verwahrt wird.</translation>
    </message>
    <message>
        <source>In this computer&apos;s &amp;keychain (recommended for a desktop)</source>
        <translation>Im &amp;Schlüsselbund dieses Computers (empfohlen für Arbeitsplatzrechner)</translation>
    </message>
    <message>
        <source>In a key &amp;file (for servers and backups; keep it apart from the data)</source>
        <translation>In einer Schlüssel&amp;datei (für Server und Sicherungen; getrennt von den Daten aufbewahren)</translation>
    </message>
    <message>
        <source>Derived from a &amp;passphrase, asked at every start</source>
        <translation>Aus einer &amp;Passphrase abgeleitet, bei jedem Start abgefragt</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>B&amp;rowse...</source>
        <translation>Dur&amp;chsuchen...</translation>
    </message>
    <message>
        <source>Choose the key file</source>
        <translation>Schlüsseldatei auswählen</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Stärke:</translation>
    </message>
    <message>
        <source>Whoever holds the master key can read everything in the store. Losing it loses the store: keep a backup of the key file or remember the passphrase.</source>
        <translation>Wer den Hauptschlüssel besitzt, kann alles im Tresor lesen. Geht der Schlüssel verloren, ist der Tresor verloren: Bewahren Sie eine Sicherung der Schlüsseldatei auf oder merken Sie sich die Passphrase.</translation>
    </message>
    <message>
        <source>The platform administrator</source>
        <translation>Der Plattform-Administrator</translation>
    </message>
    <message>
        <source>This person creates tenants and platform administrators and reads the platform audit trail. The store is created when you continue.</source>
        <translation>Diese Person legt Mandanten und Plattform-Administratoren an und liest das Audit-Protokoll der Plattform. Der Tresor wird angelegt, sobald Sie fortfahren.</translation>
    </message>
    <message>
        <source>&amp;Create store</source>
        <translation>Tresor &amp;anlegen</translation>
    </message>
    <message>
        <source>Administrator username</source>
        <translation>Benutzername des Administrators</translation>
    </message>
    <message>
        <source>Administrator password</source>
        <translation>Passwort des Administrators</translation>
    </message>
    <message>
        <source>Repeat the administrator password</source>
        <translation>Passwort des Administrators wiederholen</translation>
    </message>
    <message>
        <source>Password policy</source>
        <translation>Passwortrichtlinie</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>Wieder&amp;holen:</translation>
    </message>
    <message>
        <source>Creating the store</source>
        <translation>Tresor wird angelegt</translation>
    </message>
    <message>
        <source>Two-factor authentication</source>
        <translation>Zwei-Faktor-Authentisierung</translation>
    </message>
    <message>
        <source>Scan the code with an authenticator app (or type the secret into it), then enter the six-digit code it shows.</source>
        <translation>Scannen Sie den Code mit einer Authenticator-App (oder geben Sie das Geheimnis dort ein) und tragen Sie dann den angezeigten sechsstelligen Code ein.</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>Authenticator QR code</source>
        <translation>QR-Code für den Authenticator</translation>
    </message>
    <message>
        <source>Authenticator secret</source>
        <translation>Geheimnis für den Authenticator</translation>
    </message>
    <message>
        <source>Code from the authenticator</source>
        <translation>Code aus dem Authenticator</translation>
    </message>
    <message>
        <source>Secret:</source>
        <translation>Geheimnis:</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>C&amp;ode:</translation>
    </message>
    <message>
        <source>Recovery codes</source>
        <translation>Wiederherstellungscodes</translation>
    </message>
    <message>
        <source>Each code signs you in once if the authenticator is lost. They are shown only now: copy or save them, and keep them somewhere safe, away from this computer.</source>
        <translation>Jeder Code ermöglicht eine einmalige Anmeldung, falls der Authenticator verloren geht. Die Codes werden nur jetzt angezeigt: Kopieren oder speichern Sie sie und bewahren Sie sie an einem sicheren Ort auf, getrennt von diesem Computer.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the recovery codes</source>
        <translation>Wiederherstellungscodes kopieren</translation>
    </message>
    <message>
        <source>&amp;Save...</source>
        <translation>&amp;Speichern...</translation>
    </message>
    <message>
        <source>Save the recovery codes to a file</source>
        <translation>Wiederherstellungscodes in einer Datei speichern</translation>
    </message>
    <message>
        <source>I have &amp;stored these codes</source>
        <translation>Ich habe diese Codes sicher &amp;abgelegt</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in 30 seconds.</source>
        <translation>Kopiert. Die Zwischenablage wird in 30 Sekunden geleert.</translation>
    </message>
    <message>
        <source>The clipboard was cleared.</source>
        <translation>Die Zwischenablage wurde geleert.</translation>
    </message>
    <message>
        <source>Save recovery codes</source>
        <translation>Wiederherstellungscodes speichern</translation>
    </message>
    <message>
        <source>Saved to %1 (readable by you only).</source>
        <translation>In %1 gespeichert (nur für Sie lesbar).</translation>
    </message>
    <message>
        <source>Could not save to %1: %2. Choose another place.</source>
        <translation>Speichern in %1 fehlgeschlagen: %2. Wählen Sie einen anderen Ort.</translation>
    </message>
    <message>
        <source>The first tenant (optional)</source>
        <translation>Der erste Mandant (optional)</translation>
    </message>
    <message>
        <source>A tenant is an organisation with its own people, workspaces and secrets, isolated from every other tenant. You can also create tenants later.</source>
        <translation>Ein Mandant ist eine Organisation mit eigenen Personen, Arbeitsbereichen und Geheimnissen, getrennt von allen anderen Mandanten. Mandanten können Sie auch später anlegen.</translation>
    </message>
    <message>
        <source>Create a &amp;tenant now</source>
        <translation>Jetzt einen &amp;Mandanten anlegen</translation>
    </message>
    <message>
        <source>Tenant name</source>
        <translation>Name des Mandanten</translation>
    </message>
    <message>
        <source>lower-case letters, digits and dashes, e.g. acme</source>
        <translation>Kleinbuchstaben, Ziffern und Bindestriche, z. B. acme</translation>
    </message>
    <message>
        <source>Tenant display name</source>
        <translation>Anzeigename des Mandanten</translation>
    </message>
    <message>
        <source>Tenant owner username</source>
        <translation>Benutzername des Mandanten-Eigentümers</translation>
    </message>
    <message>
        <source>Tenant owner password</source>
        <translation>Passwort des Mandanten-Eigentümers</translation>
    </message>
    <message>
        <source>Repeat the tenant owner password</source>
        <translation>Passwort des Mandanten-Eigentümers wiederholen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>Owner &amp;username:</source>
        <translation>&amp;Benutzername des Eigentümers:</translation>
    </message>
    <message>
        <source>Owner &amp;password:</source>
        <translation>&amp;Passwort des Eigentümers:</translation>
    </message>
    <message>
        <source>12 to 128 characters; not a common password and not the username.</source>
        <translation>12 bis 128 Zeichen; kein gängiges Passwort und nicht der Benutzername.</translation>
    </message>
    <message>
        <source>Acceptable. Now type it again below.</source>
        <translation>Akzeptabel. Geben Sie es nun unten erneut ein.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter unterscheiden sich.</translation>
    </message>
    <message>
        <source>✓ The password meets the policy.</source>
        <translation>✓ Das Passwort erfüllt die Richtlinie.</translation>
    </message>
    <message>
        <source>Give the folder as a full path, e.g. %1.</source>
        <translation>Geben Sie den Ordner als vollständigen Pfad an, z. B. %1.</translation>
    </message>
    <message>
        <source>%1 already holds a Gatehouse store. Open it with gatehouse --data-dir, or choose an empty folder.</source>
        <translation>%1 enthält bereits einen Gatehouse-Tresor. Öffnen Sie ihn mit gatehouse --data-dir oder wählen Sie einen leeren Ordner.</translation>
    </message>
    <message>
        <source>%1 is not empty. Choose an empty or new folder.</source>
        <translation>%1 ist nicht leer. Wählen Sie einen leeren oder neuen Ordner.</translation>
    </message>
    <message>
        <source>Give the key file as a full path.</source>
        <translation>Geben Sie die Schlüsseldatei als vollständigen Pfad an.</translation>
    </message>
    <message>
        <source>%1 exists already. Choose a new file name, so no other key is overwritten.</source>
        <translation>%1 existiert bereits. Wählen Sie einen neuen Dateinamen, damit kein anderer Schlüssel überschrieben wird.</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist.</source>
        <translation>Der Ordner von %1 existiert nicht.</translation>
    </message>
    <message>
        <source>The passphrase needs at least 12 characters; several unrelated words are easy to remember and hard to guess.</source>
        <translation>Die Passphrase braucht mindestens 12 Zeichen; mehrere unzusammenhängende Wörter sind leicht zu merken und schwer zu erraten.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>Die beiden Passphrasen unterscheiden sich; bitte erneut eingeben.</translation>
    </message>
    <message>
        <source>This passphrase is easy to guess. Add more unrelated words.</source>
        <translation>Diese Passphrase ist leicht zu erraten. Fügen Sie weitere unzusammenhängende Wörter hinzu.</translation>
    </message>
    <message>
        <source>The store was not created: %1</source>
        <translation>Der Tresor wurde nicht angelegt: %1</translation>
    </message>
    <message>
        <source>Enter the six digits the authenticator shows.</source>
        <translation>Geben Sie die sechs Ziffern ein, die der Authenticator anzeigt.</translation>
    </message>
    <message>
        <source>A tenant needs a name and an owner&apos;s username.</source>
        <translation>Ein Mandant braucht einen Namen und den Benutzernamen eines Eigentümers.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ForwardingDialog</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Audit Forwarding</source>
        <translation>Audit-Weiterleitung</translation>
    </message>
    <message>
        <source>Forwarding status</source>
        <translation>Status der Weiterleitung</translation>
    </message>
    <message>
        <source>Forwarding destinations</source>
        <translation>Weiterleitungsziele</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Collector</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Behind (events)</source>
        <translation>Rückstand (Ereignisse)</translation>
    </message>
    <message>
        <source>Behind (time)</source>
        <translation>Rückstand (Zeit)</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh forwarding status</source>
        <translation>Status der Weiterleitung aktualisieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Reading the forwarding status...</source>
        <translation>Status der Weiterleitung wird gelesen...</translation>
    </message>
    <message>
        <source>Could not read the forwarding status: %1</source>
        <translation>Status der Weiterleitung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>This tenant</source>
        <translation>Dieser Mandant</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No forwarding destinations in this scope.</source>
        <translation>Keine Weiterleitungsziele in diesem Bereich.</translation>
    </message>
    <message>
        <source>One destination.</source>
        <translation>Ein Ziel.</translation>
    </message>
    <message>
        <source>%1 destinations.</source>
        <translation>%1 Ziele.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>Ä&amp;ndern…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Where the audit trail of %1 is sent (syslog over TLS to a SIEM), and how far each collector is behind.</source>
        <translation>Wohin das Audit-Protokoll %1 gesendet wird (Syslog über TLS an ein SIEM) und wie weit jeder Empfänger zurückliegt.</translation>
    </message>
    <message>
        <source>Add a forwarding destination</source>
        <translation>Weiterleitungsziel hinzufügen</translation>
    </message>
    <message>
        <source>Change the selected destination</source>
        <translation>Ausgewähltes Ziel ändern</translation>
    </message>
    <message>
        <source>Remove the selected destination</source>
        <translation>Ausgewähltes Ziel entfernen</translation>
    </message>
    <message>
        <source>the platform (every event)</source>
        <translation>der Plattform (alle Ereignisse)</translation>
    </message>
    <message>
        <source>the tenant %1</source>
        <translation>des Mandanten %1</translation>
    </message>
    <message>
        <source>Needs the permission %1.</source>
        <translation>Erfordert die Berechtigung %1.</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Remove the forwarding destination %1? Events are no longer sent to it; what it already received stays with the collector.</source>
        <translation>Weiterleitungsziel %1 entfernen? Es werden keine Ereignisse mehr dorthin gesendet; was es bereits erhalten hat, bleibt beim Empfänger.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 entfernt.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::GroupMappingDialog</name>
    <message>
        <source>Map a Provider Group</source>
        <translation>Anbietergruppe zuordnen</translation>
    </message>
    <message>
        <source>Provider group</source>
        <translation>Anbietergruppe</translation>
    </message>
    <message>
        <source>As the provider sends it, e.g. gatehouse-admins</source>
        <translation>Wie der Anbieter sie sendet, z. B. gatehouse-admins</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>You do not hold %1</source>
        <translation>Sie besitzen %1 nicht</translation>
    </message>
    <message>
        <source>Where the role applies</source>
        <translation>Wo die Rolle gilt</translation>
    </message>
    <message>
        <source>The whole tenant</source>
        <translation>Der ganze Mandant</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>Arbeitsbereich %1</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>Gru&amp;ppe:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>A&amp;pplies to:</source>
        <translation>&amp;Gilt für:</translation>
    </message>
    <message>
        <source>Members of the group get the role when they sign in, and lose it at their next sign-in once the provider no longer lists them. Greyed-out roles hold permissions you do not hold.</source>
        <translation>Mitglieder der Gruppe erhalten die Rolle bei der Anmeldung und verlieren sie bei ihrer nächsten Anmeldung, sobald der Anbieter sie nicht mehr aufführt. Ausgegraute Rollen enthalten Berechtigungen, die Sie nicht besitzen.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Type the group&apos;s name as the provider sends it.</source>
        <translation>Geben Sie den Namen der Gruppe so ein, wie der Anbieter ihn sendet.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Wählen Sie eine Rolle.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::IdentitiesPane</name>
    <message>
        <source>Identities</source>
        <translation>Identitäten</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>User actions</source>
        <translation>Benutzeraktionen</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>Bearbei&amp;ten…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>Reset &amp;Password…</source>
        <translation>&amp;Passwort zurücksetzen…</translation>
    </message>
    <message>
        <source>Reset &amp;Two-Factor…</source>
        <translation>&amp;Zwei-Faktor-Authentisierung zurücksetzen…</translation>
    </message>
    <message>
        <source>End &amp;Sessions…</source>
        <translation>Sitzungen &amp;beenden…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Benutzer suchen</translation>
    </message>
    <message>
        <source>Search users (Ctrl+F)</source>
        <translation>Benutzer suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Created %1. Grant a role in Roles &amp; Access to let them do anything.</source>
        <translation>%1 angelegt. Weisen Sie unter „Rollen &amp; Zugriff“ eine Rolle zu, damit dieser Benutzer etwas tun darf.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>Locked %1: they cannot sign in until unlocked.</source>
        <translation>%1 gesperrt: Eine Anmeldung ist erst nach dem Entsperren wieder möglich.</translation>
    </message>
    <message>
        <source>Unlocked %1.</source>
        <translation>%1 entsperrt.</translation>
    </message>
    <message>
        <source>Disable %1? They cannot sign in, and their sessions end, until enabled again.</source>
        <translation>%1 deaktivieren? Bis zur erneuten Aktivierung ist keine Anmeldung möglich, und die Sitzungen werden beendet.</translation>
    </message>
    <message>
        <source>Disabled %1.</source>
        <translation>%1 deaktiviert.</translation>
    </message>
    <message>
        <source>Enabled %1.</source>
        <translation>%1 aktiviert.</translation>
    </message>
    <message>
        <source>Reset the password of %1.</source>
        <translation>Das Passwort von %1 wurde zurückgesetzt.</translation>
    </message>
    <message>
        <source>Remove the authenticator and recovery codes of %1? They sign in with their password alone until they enrol again.</source>
        <translation>Authenticator und Wiederherstellungscodes von %1 entfernen? Bis zur erneuten Einrichtung erfolgt die Anmeldung nur mit dem Passwort.</translation>
    </message>
    <message>
        <source>Reset the two-factor authentication of %1.</source>
        <translation>Die Zwei-Faktor-Authentisierung von %1 wurde zurückgesetzt.</translation>
    </message>
    <message>
        <source>End every session of %1? They must sign in again.</source>
        <translation>Alle Sitzungen von %1 beenden? Eine erneute Anmeldung ist dann nötig.</translation>
    </message>
    <message>
        <source>Ended the sessions of %1.</source>
        <translation>Die Sitzungen von %1 wurden beendet.</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>Ben&amp;utzer</translation>
    </message>
    <message>
        <source>&amp;Integrations</source>
        <translation>&amp;Integrationen</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::IntegrationDialog</name>
    <message>
        <source>New Integration</source>
        <translation>Neue Integration</translation>
    </message>
    <message>
        <source>An integration is a program that acts through the API with tokens you issue to it. It can do nothing until you grant it a role in Roles &amp; Access.</source>
        <translation>Eine Integration ist ein Programm, das mit von Ihnen ausgestellten Token über die API handelt. Sie kann nichts tun, bis Sie ihr unter „Rollen &amp; Zugriff“ eine Rolle zuweisen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>deploy-bot</source>
        <translation>deploy-bot</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>What it is for, who runs it</source>
        <translation>Wofür sie dient, wer sie betreibt</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>Bind %1 to a Client Certificate</source>
        <translation>%1 an ein Client-Zertifikat binden</translation>
    </message>
    <message>
        <source>Once bound, the tokens of %1 work only over a mutual-TLS connection that presents this certificate. Paste its SHA-256 fingerprint, or choose the certificate&apos;s PEM file.</source>
        <translation>Nach dem Binden funktionieren die Token von %1 nur noch über eine Mutual-TLS-Verbindung, die dieses Zertifikat vorweist. Fügen Sie seinen SHA-256-Fingerabdruck ein oder wählen Sie die PEM-Datei des Zertifikats.</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>AB:CD:… (64 hexadecimal digits)</source>
        <translation>AB:CD:… (64 Hexadezimalziffern)</translation>
    </message>
    <message>
        <source>&amp;Choose PEM File…</source>
        <translation>PEM-Datei &amp;wählen…</translation>
    </message>
    <message>
        <source>Choose a PEM certificate file</source>
        <translation>PEM-Zertifikatsdatei wählen</translation>
    </message>
    <message>
        <source>&amp;SHA-256:</source>
        <translation>&amp;SHA-256:</translation>
    </message>
    <message>
        <source>&amp;Bind</source>
        <translation>&amp;Binden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate. Choose the client certificate (-----BEGIN CERTIFICATE-----), not its key.</source>
        <translation>%1 enthält kein PEM-Zertifikat. Wählen Sie das Client-Zertifikat (-----BEGIN CERTIFICATE-----), nicht seinen Schlüssel.</translation>
    </message>
    <message>
        <source>Choose the Client Certificate</source>
        <translation>Client-Zertifikat wählen</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Give the integration a name.</source>
        <translation>Geben Sie der Integration einen Namen.</translation>
    </message>
    <message>
        <source>A SHA-256 fingerprint is 64 hexadecimal digits (colons allowed). Paste it again, or choose the certificate&apos;s PEM file.</source>
        <translation>Ein SHA-256-Fingerabdruck besteht aus 64 Hexadezimalziffern (Doppelpunkte erlaubt). Fügen Sie ihn erneut ein oder wählen Sie die PEM-Datei des Zertifikats.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::IntegrationModel</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Not bound</source>
        <translation>Nicht gebunden</translation>
    </message>
    <message>
        <source>Bound (%1…)</source>
        <translation>Gebunden (%1…)</translation>
    </message>
    <message>
        <source>Its tokens work over any TLS connection</source>
        <translation>Ihre Token funktionieren über jede TLS-Verbindung</translation>
    </message>
    <message>
        <source>Its tokens work only over mutual TLS with the certificate of SHA-256 %1</source>
        <translation>Ihre Token funktionieren nur über Mutual TLS mit dem Zertifikat mit SHA-256 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::IntegrationsPane</name>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integrationen</translation>
    </message>
    <message>
        <source>Integration actions</source>
        <translation>Aktionen für Integrationen</translation>
    </message>
    <message>
        <source>&amp;New Integration…</source>
        <translation>&amp;Neue Integration…</translation>
    </message>
    <message>
        <source>Loc&amp;k</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>Unl&amp;ock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Bind Certificate…</source>
        <translation>Zertifikat &amp;binden…</translation>
    </message>
    <message>
        <source>Unbin&amp;d</source>
        <translation>Bindung auf&amp;heben</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Token actions</source>
        <translation>Aktionen für Token</translation>
    </message>
    <message>
        <source>Issue &amp;Token…</source>
        <translation>&amp;Token ausstellen…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>Search integrations</source>
        <translation>Integrationen suchen</translation>
    </message>
    <message>
        <source>Search integrations (Ctrl+F)</source>
        <translation>Integrationen suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Tokens of %1</source>
        <translation>Token von %1</translation>
    </message>
    <message>
        <source>Integrations belong to a tenant: choose one to see its integrations.</source>
        <translation>Integrationen gehören zu einem Mandanten: Wählen Sie einen, um seine Integrationen zu sehen.</translation>
    </message>
    <message>
        <source>Listing integrations needs the permission %1.</source>
        <translation>Das Auflisten von Integrationen erfordert die Berechtigung %1.</translation>
    </message>
    <message>
        <source>Created %1. Grant it a role in Roles &amp; Access, then issue it a token.</source>
        <translation>%1 angelegt. Weisen Sie ihr unter „Rollen &amp; Zugriff“ eine Rolle zu und stellen Sie ihr dann ein Token aus.</translation>
    </message>
    <message>
        <source>Locked %1: its tokens are refused until it is unlocked.</source>
        <translation>%1 gesperrt: Ihre Token werden bis zum Entsperren abgewiesen.</translation>
    </message>
    <message>
        <source>Unlocked %1.</source>
        <translation>%1 entsperrt.</translation>
    </message>
    <message>
        <source>Delete %1? Its tokens stop working at once, and its role bindings go with it. This cannot be undone.</source>
        <translation>%1 löschen? Ihre Token funktionieren sofort nicht mehr, und ihre Rollenzuweisungen werden mit entfernt. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>Bound %1 to the certificate %2: its tokens now work only over mutual TLS with it.</source>
        <translation>%1 an das Zertifikat %2 gebunden: Ihre Token funktionieren jetzt nur noch über Mutual TLS mit diesem Zertifikat.</translation>
    </message>
    <message>
        <source>Unbind %1 from its client certificate? Its tokens then work over any TLS connection.</source>
        <translation>Bindung von %1 an ihr Client-Zertifikat aufheben? Ihre Token funktionieren dann über jede TLS-Verbindung.</translation>
    </message>
    <message>
        <source>Unbound %1 from its client certificate.</source>
        <translation>Bindung von %1 an ihr Client-Zertifikat aufgehoben.</translation>
    </message>
    <message>
        <source>Issued a token to %1, expiring %2.</source>
        <translation>Token für %1 ausgestellt, gültig bis %2.</translation>
    </message>
    <message>
        <source>Revoke the token %1… of %2? Whatever uses it is refused from now on. This cannot be undone.</source>
        <translation>Token %1… von %2 widerrufen? Alles, was es verwendet, wird ab sofort abgewiesen. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Revoked the token that begins %1.</source>
        <translation>Das mit %1 beginnende Token wurde widerrufen.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::LockPage</name>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Why the console is locked</source>
        <translation>Warum die Konsole gesperrt ist</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Forget this identity and sign in as someone else</source>
        <translation>Diese Identität vergessen und als jemand anderes anmelden</translation>
    </message>
    <message>
        <source>Gatehouse is locked</source>
        <translation>Gatehouse ist gesperrt</translation>
    </message>
    <message>
        <source>Sign in to Gatehouse</source>
        <translation>Bei Gatehouse anmelden</translation>
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
        <translation>Verschlüsselter Tresor</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity.</source>
        <translation>
            <numerusform>Sperrung nach %n Minute ohne Aktivität.</numerusform>
            <numerusform>Sperrung nach %n Minuten ohne Aktivität.</numerusform>
        </translation>
    </message>
    <message>
        <source>Panes</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Tenants &amp; Workspaces</source>
        <translation>Mandanten &amp; Arbeitsbereiche</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identitäten</translation>
    </message>
    <message>
        <source>Roles &amp; Access</source>
        <translation>Rollen &amp; Zugriff</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Geheimnisse</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>Console toolbar</source>
        <translation>Konsolen-Werkzeugleiste</translation>
    </message>
    <message>
        <source>S&amp;cope:</source>
        <translation>&amp;Geltungsbereich:</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Geltungsbereich</translation>
    </message>
    <message>
        <source>The tenant or workspace the panes show and act in</source>
        <translation>Der Mandant oder Arbeitsbereich, den die Ansichten zeigen und in dem sie handeln</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>Lock the console now (Ctrl+L)</source>
        <translation>Konsole jetzt sperren (Strg+L)</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>End the session and forget this identity</source>
        <translation>Sitzung beenden und diese Identität vergessen</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Wird ausgeführt</translation>
    </message>
    <message>
        <source>Identity and scope</source>
        <translation>Identität und Geltungsbereich</translation>
    </message>
    <message>
        <source>API not served</source>
        <translation>API nicht bereitgestellt</translation>
    </message>
    <message>
        <source>Local API</source>
        <translation>Lokale API</translation>
    </message>
    <message>
        <source>Copy the API address and certificate fingerprint</source>
        <translation>API-Adresse und Zertifikat-Fingerabdruck kopieren</translation>
    </message>
    <message>
        <source>%1
SHA-256 fingerprint %2</source>
        <translation>%1
SHA-256-Fingerabdruck %2</translation>
    </message>
    <message>
        <source>Copied the API address and certificate fingerprint.</source>
        <translation>API-Adresse und Zertifikat-Fingerabdruck kopiert.</translation>
    </message>
    <message>
        <source>Store encryption and key custody</source>
        <translation>Verschlüsselung des Tresors und Schlüsselverwahrung</translation>
    </message>
    <message>
        <source>SQLCipher %1 · key: %2</source>
        <translation>SQLCipher %1 · Schlüssel: %2</translation>
    </message>
    <message>
        <source>API %1 · SHA-256 %2</source>
        <translation>API %1 · SHA-256 %2</translation>
    </message>
    <message>
        <source>Local HTTPS API at %1
Certificate SHA-256 fingerprint:
%2</source>
        <translation>Lokale HTTPS-API unter %1
SHA-256-Fingerabdruck des Zertifikats:
%2</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>%1 (platform)</source>
        <translation>%1 (Plattform)</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>%1 · locked</source>
        <translation>%1 · gesperrt</translation>
    </message>
    <message>
        <source>Signed in as %1 · scope %2</source>
        <translation>Angemeldet als %1 · Geltungsbereich %2</translation>
    </message>
    <message>
        <source>Locked with the screen.</source>
        <translation>Zusammen mit dem Bildschirm gesperrt.</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Einstell&amp;ungen…</translation>
    </message>
    <message>
        <source>Console settings: when to lock</source>
        <translation>Konsoleneinstellungen: wann gesperrt wird</translation>
    </message>
    <message>
        <source>Store %1 in %2, encrypted with %3
Master key: %4</source>
        <translation>Tresor %1 in %2, verschlüsselt mit %3
Hauptschlüssel: %4</translation>
    </message>
    <message>
        <source>Sign in again to continue.</source>
        <translation>Melden Sie sich erneut an, um fortzufahren.</translation>
    </message>
    <message>
        <source>Newest signed audit checkpoint</source>
        <translation>Neuester signierter Checkpoint des Audit-Protokolls</translation>
    </message>
    <message>
        <source>Audit signed to #%1 · %2…</source>
        <translation>Audit signiert bis #%1 · %2…</translation>
    </message>
    <message>
        <source>Newest signed checkpoint: event %1, %2
SHA-256 of that event: %3
Note it outside the store: a rewritten history would not match it.</source>
        <translation>Neuester signierter Checkpoint: Ereignis %1, %2
SHA-256 dieses Ereignisses: %3
Notieren Sie ihn außerhalb des Tresors: Eine umgeschriebene Historie würde nicht dazu passen.</translation>
    </message>
    <message>
        <source>Trust Boundaries</source>
        <translation>Vertrauensgrenzen</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::OperationActions</name>
    <message>
        <source>Sign in first</source>
        <translation>Zuerst anmelden</translation>
    </message>
    <message>
        <source>Needs the permission %1</source>
        <translation>Erfordert die Berechtigung %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::OverviewModel</name>
    <message>
        <source>Platform administrators</source>
        <translation>Plattform-Administratoren</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendiert</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>not visible to you</source>
        <translation>für Sie nicht sichtbar</translation>
    </message>
    <message>
        <source>You may not read what this counts.</source>
        <translation>Sie dürfen nicht lesen, was hier gezählt wird.</translation>
    </message>
    <message>
        <source>Double-click to see them.</source>
        <translation>Doppelklicken, um sie anzuzeigen.</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Arbeitsbereiche</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Admins without 2FA</source>
        <translation>Administratoren ohne 2FA</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Geheimnisse</translation>
    </message>
    <message>
        <source>Due in 7 days</source>
        <translation>In 7 Tagen fällig</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Failed sign-ins (24 h)</source>
        <translation>Fehlgeschlagene Anmeldungen (24 h)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::OverviewPane</name>
    <message>
        <source>What needs attention</source>
        <translation>Was Aufmerksamkeit erfordert</translation>
    </message>
    <message>
        <source>Secrets overdue</source>
        <translation>Überfällige Geheimnisse</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>Innerhalb von 7 Tagen fällig</translation>
    </message>
    <message>
        <source>Locked accounts</source>
        <translation>Gesperrte Konten</translation>
    </message>
    <message>
        <source>Admins without 2FA</source>
        <translation>Administratoren ohne 2FA</translation>
    </message>
    <message>
        <source>Failed sign-ins, 24 h</source>
        <translation>Fehlgeschlagene Anmeldungen, 24 h</translation>
    </message>
    <message>
        <source>Tenants and what needs attention in each</source>
        <translation>Mandanten und was in jedem Aufmerksamkeit erfordert</translation>
    </message>
    <message>
        <source>%1: not visible to you</source>
        <translation>%1: für Sie nicht sichtbar</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Nothing to summarize at this scope for you: %1</source>
        <translation>In diesem Geltungsbereich gibt es für Sie nichts zusammenzufassen: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::PasswordStrengthMeter</name>
    <message>
        <source>Passphrase strength</source>
        <translation>Stärke der Passphrase</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Mäßig</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>Ausgezeichnet</translation>
    </message>
    <message>
        <source>%1 (%2 bits)</source>
        <translation>%1 (%2 Bit)</translation>
    </message>
    <message>
        <source>No passphrase yet</source>
        <translation>Noch keine Passphrase</translation>
    </message>
    <message>
        <source>Estimated strength: %1</source>
        <translation>Geschätzte Stärke: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::QrCodeWidget</name>
    <message>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RoleDialog</name>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>Tenant settings</source>
        <translation>Mandanteneinstellungen</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Arbeitsbereiche</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integrationen</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Role bindings</source>
        <translation>Rollenzuweisungen</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Geheimnisse</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Trust boundaries</source>
        <translation>Vertrauensgrenzen</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweise</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Ownership</source>
        <translation>Eigentümerschaft</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>Neue Rolle</translation>
    </message>
    <message>
        <source>Role name</source>
        <translation>Rollenname</translation>
    </message>
    <message>
        <source>lower-case, for example deploy-operators</source>
        <translation>Kleinbuchstaben, zum Beispiel deploy-operators</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Edit role %1</source>
        <translation>Rolle %1 bearbeiten</translation>
    </message>
    <message>
        <source>Role description</source>
        <translation>Rollenbeschreibung</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>&amp;Permissions:</source>
        <translation>Be&amp;rechtigungen:</translation>
    </message>
    <message>
        <source>You do not hold %1, so you cannot grant it</source>
        <translation>Sie besitzen %1 nicht und können es daher nicht vergeben</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>This role holds permissions you do not hold (%1); only someone who holds them can change it.</source>
        <translation>Diese Rolle enthält Berechtigungen, die Sie nicht besitzen (%1); nur wer sie besitzt, kann die Rolle ändern.</translation>
    </message>
    <message>
        <source>Greyed-out permissions are ones you do not hold: nobody grants what they do not have.</source>
        <translation>Ausgegraute Berechtigungen besitzen Sie nicht: Niemand vergibt, was er nicht selbst hat.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter a name for the role.</source>
        <translation>Geben Sie einen Namen für die Rolle ein.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RoleModel</name>
    <message>
        <source>Built-in</source>
        <translation>Integriert</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Not known: reading bindings needs the permission bindings.read</source>
        <translation>Unbekannt: Das Lesen von Zuweisungen erfordert die Berechtigung bindings.read</translation>
    </message>
    <message>
        <source>Defined by Gatehouse; it cannot be changed or deleted</source>
        <translation>Von Gatehouse vorgegeben; kann weder geändert noch gelöscht werden</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Bindings</source>
        <translation>Zuweisungen</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SecretDialog</name>
    <message>
        <source>New secret</source>
        <translation>Neues Geheimnis</translation>
    </message>
    <message>
        <source>For example db/prod/password</source>
        <translation>Zum Beispiel db/prod/password</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Comma-separated: database, production</source>
        <translation>Durch Kommas getrennt: database, production</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>No rotation period</source>
        <translation>Keine Rotationsfrist</translation>
    </message>
    <message>
        <source>&amp;Rotate every:</source>
        <translation>&amp;Rotation alle:</translation>
    </message>
    <message>
        <source>Rotation period in days</source>
        <translation>Rotationsfrist in Tagen</translation>
    </message>
    <message>
        <source>E&amp;xpires on</source>
        <translation>Läuft &amp;ab am</translation>
    </message>
    <message>
        <source>The secret expires</source>
        <translation>Das Geheimnis läuft ab</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Ablaufdatum</translation>
    </message>
    <message>
        <source>New version of %1</source>
        <translation>Neue Version von %1</translation>
    </message>
    <message>
        <source>Sh&amp;ow the value</source>
        <translation>Wert an&amp;zeigen</translation>
    </message>
    <message>
        <source>Show the value while typing</source>
        <translation>Wert beim Eingeben anzeigen</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Wert:</translation>
    </message>
    <message>
        <source>New &amp;value:</source>
        <translation>Neuer &amp;Wert:</translation>
    </message>
    <message>
        <source>Secret value</source>
        <translation>Geheimer Wert</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The new value becomes the current version; the earlier versions are kept up to the secret&apos;s limit, and can be restored.</source>
        <translation>Der neue Wert wird zur aktuellen Version; frühere Versionen werden bis zur Obergrenze des Geheimnisses aufbewahrt und können wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>Enter a name, such as db/prod/password.</source>
        <translation>Geben Sie einen Namen ein, etwa db/prod/password.</translation>
    </message>
    <message>
        <source>Enter the value to store.</source>
        <translation>Geben Sie den zu speichernden Wert ein.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SecretModel</name>
    <message>
        <source>Overdue since %1</source>
        <translation>Überfällig seit %1</translation>
    </message>
    <message numerus="yes">
        <source>Due %1 (in %n day(s))</source>
        <translation>
            <numerusform>Fällig am %1 (in %n Tag)</numerusform>
            <numerusform>Fällig am %1 (in %n Tagen)</numerusform>
        </translation>
    </message>
    <message>
        <source>No rotation period</source>
        <translation>Keine Rotationsfrist</translation>
    </message>
    <message>
        <source>Does not expire</source>
        <translation>Läuft nicht ab</translation>
    </message>
    <message>
        <source>Expired %1</source>
        <translation>Abgelaufen am %1</translation>
    </message>
    <message numerus="yes">
        <source>Version %1 is current; up to %n version(s) are kept. Versions… lists them.</source>
        <translation>
            <numerusform>Version %1 ist aktuell; bis zu %n Version wird aufbewahrt. „Versionen…“ listet sie auf.</numerusform>
            <numerusform>Version %1 ist aktuell; bis zu %n Versionen werden aufbewahrt. „Versionen…“ listet sie auf.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rotated every %n day(s)</source>
        <translation>
            <numerusform>Rotationsfrist: %n Tag</numerusform>
            <numerusform>Rotationsfrist: %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Rotation due</source>
        <translation>Rotation fällig</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SecretRevealDialog</name>
    <message>
        <source>Reveal %1</source>
        <translation>%1 offenlegen</translation>
    </message>
    <message numerus="yes">
        <source>Revealing a secret is recorded in the audit trail with your reason. The value is cleared from this window after %n second(s).</source>
        <translation>
            <numerusform>Das Offenlegen eines Geheimnisses wird mit Ihrer Begründung im Audit-Protokoll festgehalten. Der Wert wird nach %n Sekunde aus diesem Fenster entfernt.</numerusform>
            <numerusform>Das Offenlegen eines Geheimnisses wird mit Ihrer Begründung im Audit-Protokoll festgehalten. Der Wert wird nach %n Sekunden aus diesem Fenster entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Required: incident 4711, rotating the database password…</source>
        <translation>Pflichtangabe: Vorfall 4711, Rotation des Datenbank-Passworts…</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>&amp;Offenlegen</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Offenlegen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Copy to the clipboard, marked as a secret; cleared after %n second(s)</source>
        <translation>
            <numerusform>In die Zwischenablage kopieren, als geheim markiert; wird nach %n Sekunde geleert</numerusform>
            <numerusform>In die Zwischenablage kopieren, als geheim markiert; wird nach %n Sekunden geleert</numerusform>
        </translation>
    </message>
    <message>
        <source>The value was cleared from this window. Reveal it again to see it.</source>
        <translation>Der Wert wurde aus diesem Fenster entfernt. Legen Sie ihn erneut offen, um ihn zu sehen.</translation>
    </message>
    <message>
        <source>Re&amp;ason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Wert:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Say why you reveal this secret: the reason goes into the audit trail.</source>
        <translation>Geben Sie an, warum Sie dieses Geheimnis offenlegen: Die Begründung wird im Audit-Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>Version %1, revealed and recorded.</source>
        <translation>Version %1, offengelegt und protokolliert.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SecretValueField</name>
    <message>
        <source>Secret value</source>
        <translation>Geheimer Wert</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>Show the value</source>
        <translation>Wert anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the value (Alt+S)</source>
        <translation>Wert anzeigen oder verbergen (Alt+A)</translation>
    </message>
    <message>
        <source>Time until the value is cleared</source>
        <translation>Zeit bis zum Entfernen des Werts</translation>
    </message>
    <message>
        <source>The value is removed from this window then</source>
        <translation>Dann wird der Wert aus diesem Fenster entfernt</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Verbergen</translation>
    </message>
    <message>
        <source>Hide the value</source>
        <translation>Wert verbergen</translation>
    </message>
    <message numerus="yes">
        <source>Removed in %n s</source>
        <translation>
            <numerusform>Wird in %n s entfernt</numerusform>
            <numerusform>Wird in %n s entfernt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SecretVersionModel</name>
    <message>
        <source>Destroyed %1</source>
        <translation>Vernichtet am %1</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Aufbewahrt</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Angelegt von</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SecretVersionsDialog</name>
    <message>
        <source>Versions of %1</source>
        <translation>Versionen von %1</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the selected version</source>
        <translation>Ausgewählte Version wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Destroy…</source>
        <translation>&amp;Vernichten…</translation>
    </message>
    <message>
        <source>Destroy the selected version</source>
        <translation>Ausgewählte Version vernichten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Needs the permission %1</source>
        <translation>Erfordert die Berechtigung %1</translation>
    </message>
    <message>
        <source>Make the selected earlier version the newest again (as a new version)</source>
        <translation>Die ausgewählte frühere Version wieder zur neuesten machen (als neue Version)</translation>
    </message>
    <message>
        <source>Destroy the selected earlier version&apos;s value for good</source>
        <translation>Den Wert der ausgewählten früheren Version endgültig vernichten</translation>
    </message>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>Destroy version %1 of %2? Its value is gone for good; this cannot be undone.</source>
        <translation>Version %1 von %2 vernichten? Ihr Wert ist dann endgültig verloren; dies kann nicht rückgängig gemacht werden.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SecretsPane</name>
    <message>
        <source>Secrets</source>
        <translation>Geheimnisse</translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation>&amp;Arbeitsbereich:</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Secrets live in a workspace; this is the scope the console acts in</source>
        <translation>Geheimnisse liegen in einem Arbeitsbereich; dies ist der Geltungsbereich, in dem die Konsole handelt</translation>
    </message>
    <message>
        <source>Secret actions</source>
        <translation>Aktionen für Geheimnisse</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>New &amp;Version…</source>
        <translation>Neue &amp;Version…</translation>
    </message>
    <message>
        <source>Ver&amp;sions…</source>
        <translation>Vers&amp;ionen…</translation>
    </message>
    <message>
        <source>&amp;Reveal…</source>
        <translation>&amp;Offenlegen…</translation>
    </message>
    <message>
        <source>&amp;Mark Rotated</source>
        <translation>Als ro&amp;tiert markieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Undelete…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>Due &amp;Only</source>
        <translation>Nur &amp;fällige</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Search secrets</source>
        <translation>Geheimnisse suchen</translation>
    </message>
    <message>
        <source>Search names, tags, descriptions (Ctrl+F)</source>
        <translation>Namen, Tags, Beschreibungen durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Pick a workspace…</source>
        <translation>Arbeitsbereich wählen…</translation>
    </message>
    <message>
        <source>Secrets live in a workspace. Pick one above, or in the scope selector.</source>
        <translation>Geheimnisse liegen in einem Arbeitsbereich. Wählen Sie oben einen aus oder in der Auswahl des Geltungsbereichs.</translation>
    </message>
    <message>
        <source>Secrets live in a workspace, and this identity sees none here. Choose a tenant with workspaces in the scope selector.</source>
        <translation>Geheimnisse liegen in einem Arbeitsbereich, und diese Identität sieht hier keinen. Wählen Sie in der Auswahl des Geltungsbereichs einen Mandanten mit Arbeitsbereichen.</translation>
    </message>
    <message>
        <source>Created %1 (version 1).</source>
        <translation>%1 angelegt (Version 1).</translation>
    </message>
    <message>
        <source>Stored version %1 of %2.</source>
        <translation>Version %1 von %2 gespeichert.</translation>
    </message>
    <message>
        <source>Restored version %1 as version %2.</source>
        <translation>Version %1 als Version %2 wiederhergestellt.</translation>
    </message>
    <message>
        <source>Destroyed the value of version %1.</source>
        <translation>Der Wert von Version %1 wurde vernichtet.</translation>
    </message>
    <message>
        <source>Marked %1 rotated; the next rotation is due %2.</source>
        <translation>%1 als rotiert markiert; die nächste Rotation ist am %2 fällig.</translation>
    </message>
    <message>
        <source>Delete %1? It is hidden and cannot be revealed; Undelete restores it within 30 days.</source>
        <translation>%1 löschen? Es wird ausgeblendet und kann nicht offengelegt werden; „Wiederherstellen“ holt es innerhalb von 30 Tagen zurück.</translation>
    </message>
    <message>
        <source>Deleted %1. Undelete restores it within 30 days.</source>
        <translation>%1 gelöscht. „Wiederherstellen“ holt es innerhalb von 30 Tagen zurück.</translation>
    </message>
    <message>
        <source>Undelete a secret</source>
        <translation>Geheimnis wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Name of the deleted secret (within 30 days of its deletion):</source>
        <translation>&amp;Name des gelöschten Geheimnisses (innerhalb von 30 Tagen nach dem Löschen):</translation>
    </message>
    <message>
        <source>&amp;Undelete</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>%1 wiederhergestellt.</translation>
    </message>
    <message numerus="yes">
        <source>Showing the secrets whose rotation or expiry is overdue or due within %n day(s).</source>
        <translation>
            <numerusform>Angezeigt werden die Geheimnisse, deren Rotation oder Ablauf überfällig ist oder innerhalb von %n Tag fällig wird.</numerusform>
            <numerusform>Angezeigt werden die Geheimnisse, deren Rotation oder Ablauf überfällig ist oder innerhalb von %n Tagen fällig wird.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SettingsDialog</name>
    <message>
        <source>Console settings</source>
        <translation>Konsoleneinstellungen</translation>
    </message>
    <message>
        <source>Lock after minutes without activity</source>
        <translation>Minuten ohne Aktivität bis zur Sperrung</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>&amp;Lock after:</source>
        <translation>&amp;Sperren nach:</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Spr&amp;ache:</translation>
    </message>
    <message>
        <source>Without keyboard or mouse input for this long, the console locks and asks for your password again. It also locks with the screen. A new language applies at the next start.</source>
        <translation>Gibt es so lange keine Eingabe über Tastatur oder Maus, sperrt sich die Konsole und fragt erneut nach Ihrem Passwort. Sie sperrt sich auch zusammen mit dem Bildschirm. Eine neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SignInDialog</name>
    <message>
        <source>Sign in to Gatehouse</source>
        <translation>Bei Gatehouse anmelden</translation>
    </message>
    <message>
        <source>The console acts as you: it can do what your roles allow, and everything it does is recorded in the audit trail.</source>
        <translation>Die Konsole handelt in Ihrem Namen: Sie darf, was Ihre Rollen erlauben, und alles, was sie tut, wird im Audit-Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SignInForm</name>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>The tenant&apos;s name; leave empty to sign in as a platform administrator</source>
        <translation>Der Name des Mandanten; leer lassen, um sich als Plattform-Administrator anzumelden</translation>
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
        <source>Authenticator or recovery code</source>
        <translation>Authenticator- oder Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Only when two-factor authentication is on</source>
        <translation>Nur bei aktivierter Zwei-Faktor-Authentisierung</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Meldung zur Anmeldung</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Geben Sie Benutzername und Passwort ein.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Sign In with &amp;Identity Provider…</source>
        <translation>Mit &amp;Identitätsanbieter anmelden…</translation>
    </message>
    <message>
        <source>Sign in with identity provider</source>
        <translation>Mit Identitätsanbieter anmelden</translation>
    </message>
    <message>
        <source>Sign in at your organization&apos;s identity provider in your web browser; enter your tenant first</source>
        <translation>Im Webbrowser beim Identitätsanbieter Ihrer Organisation anmelden; geben Sie zuerst Ihren Mandanten ein</translation>
    </message>
    <message>
        <source>&amp;Cancel Sign-In</source>
        <translation>Anmeldung abbrec&amp;hen</translation>
    </message>
    <message>
        <source>Cancel sign-in with identity provider</source>
        <translation>Anmeldung über Identitätsanbieter abbrechen</translation>
    </message>
    <message>
        <source>Continue in your web browser: sign in at your identity provider, then come back here.</source>
        <translation>Fahren Sie in Ihrem Webbrowser fort: Melden Sie sich bei Ihrem Identitätsanbieter an und kehren Sie dann hierher zurück.</translation>
    </message>
    <message>
        <source>Enter your tenant&apos;s name first: sign-in with an identity provider is set up per tenant.</source>
        <translation>Geben Sie zuerst den Namen Ihres Mandanten ein: Die Anmeldung über einen Identitätsanbieter wird pro Mandant eingerichtet.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::StatusGlyph</name>
    <message>
        <source>Pass</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Nicht zutreffend</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::StorePane</name>
    <message>
        <source>Store</source>
        <translation>Tresor</translation>
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
    <name>gatehouse::ui::TenancyDialog</name>
    <message>
        <source>New tenant</source>
        <translation>Neuer Mandant</translation>
    </message>
    <message>
        <source>The name is what its people type to sign in; its first owner can do everything inside it.</source>
        <translation>Den Namen geben seine Mitglieder bei der Anmeldung ein; sein erster Eigentümer darf darin alles tun.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>&amp;Owner&apos;s username:</source>
        <translation>&amp;Benutzername des Eigentümers:</translation>
    </message>
    <message>
        <source>Owner&apos;s username</source>
        <translation>Benutzername des Eigentümers</translation>
    </message>
    <message>
        <source>Owner&apos;s &amp;password:</source>
        <translation>&amp;Passwort des Eigentümers:</translation>
    </message>
    <message>
        <source>Owner&apos;s password</source>
        <translation>Passwort des Eigentümers</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Repeat the owner&apos;s password</source>
        <translation>Passwort des Eigentümers wiederholen</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>%1 umbenennen</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>This destroys %1 and everything in it, for good. Type its name to confirm.</source>
        <translation>Dies vernichtet %1 mit allem, was darin ist, endgültig. Geben Sie zur Bestätigung den Namen ein.</translation>
    </message>
    <message>
        <source>Type the name to confirm</source>
        <translation>Zur Bestätigung den Namen eingeben</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The two passwords differ; type them again.</source>
        <translation>Die beiden Passwörter unterscheiden sich; bitte erneut eingeben.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TenancyPane</name>
    <message>
        <source>Tenants &amp; Workspaces</source>
        <translation>Mandanten &amp; Arbeitsbereiche</translation>
    </message>
    <message>
        <source>Tenant and workspace actions</source>
        <translation>Aktionen für Mandanten und Arbeitsbereiche</translation>
    </message>
    <message>
        <source>New &amp;Tenant…</source>
        <translation>Neuer Man&amp;dant…</translation>
    </message>
    <message>
        <source>New &amp;Workspace…</source>
        <translation>Neuer &amp;Arbeitsbereich…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>Sus&amp;pendieren</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Rea&amp;ktivieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <source>Search tenants and workspaces</source>
        <translation>Mandanten und Arbeitsbereiche suchen</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Tenants and workspaces</source>
        <translation>Mandanten und Arbeitsbereiche</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Created tenant %1.</source>
        <translation>Mandant %1 angelegt.</translation>
    </message>
    <message>
        <source>Created workspace %1.</source>
        <translation>Arbeitsbereich %1 angelegt.</translation>
    </message>
    <message>
        <source>Suspended %1.</source>
        <translation>%1 suspendiert.</translation>
    </message>
    <message>
        <source>Resumed %1.</source>
        <translation>%1 reaktiviert.</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>Settin&amp;gs…</source>
        <translation>Einstellun&amp;gen…</translation>
    </message>
    <message>
        <source>Saved the settings of %1.</source>
        <translation>Die Einstellungen von %1 wurden gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Identity Provider…</source>
        <translation>&amp;Identitätsanbieter…</translation>
    </message>
    <message>
        <source>Saved the identity provider of %1.</source>
        <translation>Der Identitätsanbieter von %1 wurde gespeichert.</translation>
    </message>
    <message>
        <source>Removed the identity provider of %1.</source>
        <translation>Der Identitätsanbieter von %1 wurde entfernt.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TenantModel</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendiert</translation>
    </message>
    <message>
        <source>Workspace %1 of tenant %2</source>
        <translation>Arbeitsbereich %1 des Mandanten %2</translation>
    </message>
    <message>
        <source>Tenant %1</source>
        <translation>Mandant %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TenantSettingsDialog</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Not required</source>
        <translation>Nicht erforderlich</translation>
    </message>
    <message>
        <source>Require &amp;MFA for administrators</source>
        <translation>&amp;MFA für Administratoren verlangen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Settings of %1</source>
        <translation>Einstellungen von %1</translation>
    </message>
    <message>
        <source>Session idle timeout in minutes</source>
        <translation>Leerlaufzeit der Sitzung in Minuten</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Session absolute lifetime in minutes</source>
        <translation>Maximale Lebensdauer der Sitzung in Minuten</translation>
    </message>
    <message>
        <source>Failed sign-ins before lockout</source>
        <translation>Fehlgeschlagene Anmeldungen bis zur Sperre</translation>
    </message>
    <message>
        <source> failures</source>
        <translation> Fehlversuche</translation>
    </message>
    <message>
        <source>Lockout duration in minutes</source>
        <translation>Dauer der Sperre in Minuten</translation>
    </message>
    <message>
        <source>1 minute to 24 hours</source>
        <translation>1 Minute bis 24 Stunden</translation>
    </message>
    <message>
        <source>At least the idle timeout, at most 30 days</source>
        <translation>Mindestens die Leerlaufzeit, höchstens 30 Tage</translation>
    </message>
    <message>
        <source>3 to 100 failed sign-ins</source>
        <translation>3 bis 100 fehlgeschlagene Anmeldungen</translation>
    </message>
    <message>
        <source>Require MFA for administrators</source>
        <translation>MFA für Administratoren verlangen</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>&amp;Idle timeout:</source>
        <translation>&amp;Leerlaufzeit:</translation>
    </message>
    <message>
        <source>&amp;Absolute lifetime:</source>
        <translation>Maximale Leb&amp;ensdauer:</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Lock af&amp;ter:</source>
        <translation>Sperren n&amp;ach:</translation>
    </message>
    <message>
        <source>Lock f&amp;or:</source>
        <translation>Sperren f&amp;ür:</translation>
    </message>
    <message>
        <source>Password policy</source>
        <translation>Passwortrichtlinie</translation>
    </message>
    <message>
        <source>%1 to %2 characters, any characters, no composition rules; the username and common passwords are refused. The policy is fixed and applies to every tenant.</source>
        <translation>%1 bis %2 Zeichen, beliebige Zeichen, keine Zusammensetzungsregeln; der Benutzername und gängige Passwörter werden abgelehnt. Die Richtlinie ist fest und gilt für jeden Mandanten.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Needs the permission %1</source>
        <translation>Benötigt die Berechtigung %1</translation>
    </message>
    <message>
        <source>Read-only: changing these settings needs the permission %1.</source>
        <translation>Nur lesen: Das Ändern dieser Einstellungen benötigt die Berechtigung %1.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The absolute lifetime must be at least the idle timeout (%1).</source>
        <translation>Die maximale Lebensdauer muss mindestens der Leerlaufzeit entsprechen (%1).</translation>
    </message>
    <message>
        <source>Someone else changed these settings</source>
        <translation>Jemand anderes hat diese Einstellungen geändert</translation>
    </message>
    <message>
        <source>&lt;b&gt;Someone else changed these settings&lt;/b&gt; after you opened them. Keep theirs, or write yours over them?</source>
        <translation>&lt;b&gt;Jemand anderes hat diese Einstellungen geändert&lt;/b&gt;, nachdem Sie sie geöffnet haben. Deren Werte übernehmen oder Ihre darüber schreiben?</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>Leerlaufzeit</translation>
    </message>
    <message>
        <source>Absolute lifetime</source>
        <translation>Maximale Lebensdauer</translation>
    </message>
    <message numerus="yes">
        <source>%n failure(s)</source>
        <translation>
            <numerusform>%n Fehlversuch</numerusform>
            <numerusform>%n Fehlversuche</numerusform>
        </translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Sperren nach</translation>
    </message>
    <message>
        <source>Lock for</source>
        <translation>Sperren für</translation>
    </message>
    <message>
        <source>MFA for administrators</source>
        <translation>MFA für Administratoren</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokenIssueDialog</name>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Issue a Token to %1</source>
        <translation>Token für %1 ausstellen</translation>
    </message>
    <message>
        <source>The token lets %1 act through the API as the integration, within its role bindings, until it expires or is revoked. Its use is recorded in the audit trail.</source>
        <translation>Mit dem Token handelt %1 über die API als Integration, im Rahmen ihrer Rollenzuweisungen, bis es abläuft oder widerrufen wird. Seine Verwendung wird im Audit-Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>Expires after days</source>
        <translation>Gültigkeit in Tagen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tagen</translation>
    </message>
    <message>
        <source>Workspace limit</source>
        <translation>Beschränkung auf Arbeitsbereich</translation>
    </message>
    <message>
        <source>No limit (wherever its bindings allow)</source>
        <translation>Keine Beschränkung (überall, wo die Zuweisungen es erlauben)</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>Nur %1</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>&amp;Ausstellen</translation>
    </message>
    <message>
        <source>Issue the token</source>
        <translation>Token ausstellen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the token</source>
        <translation>Token kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Copy to the clipboard, marked as a secret; cleared after %n second(s)</source>
        <translation>
            <numerusform>In die Zwischenablage kopieren, als geheim markiert; wird nach %n Sekunde geleert</numerusform>
            <numerusform>In die Zwischenablage kopieren, als geheim markiert; wird nach %n Sekunden geleert</numerusform>
        </translation>
    </message>
    <message>
        <source>The token was cleared from this window. It cannot be shown again: if you did not keep it, revoke it and issue a new one.</source>
        <translation>Das Token wurde aus diesem Fenster entfernt. Es kann nicht erneut angezeigt werden: Falls Sie es nicht aufbewahrt haben, widerrufen Sie es und stellen Sie ein neues aus.</translation>
    </message>
    <message>
        <source>E&amp;xpires after:</source>
        <translation>Läuft &amp;ab nach:</translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation>Arbeits&amp;bereich:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Copy the token now and keep it where the integration reads it: it will never be shown again. Gatehouse keeps only a hash of it.</source>
        <translation>Kopieren Sie das Token jetzt und legen Sie es dort ab, wo die Integration es liest: Es wird nie wieder angezeigt. Gatehouse speichert nur einen Hash davon.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokenModel</name>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Revoked %1</source>
        <translation>Widerrufen am %1</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Acts wherever the integration&apos;s role bindings allow</source>
        <translation>Handelt überall, wo die Rollenzuweisungen der Integration es erlauben</translation>
    </message>
    <message>
        <source>Acts only in this workspace</source>
        <translation>Handelt nur in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ausgestellt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TrustBoundariesPane</name>
    <message>
        <source>Infrastructure runtime</source>
        <translation>Infrastruktur-Betrieb</translation>
    </message>
    <message>
        <source>Environment hardening</source>
        <translation>Härtung der Umgebung</translation>
    </message>
    <message>
        <source>Secrets backend</source>
        <translation>Geheimnis-Backend</translation>
    </message>
    <message>
        <source>Private connectivity</source>
        <translation>Private Anbindung</translation>
    </message>
    <message>
        <source>Incident response</source>
        <translation>Vorfallbehandlung</translation>
    </message>
    <message>
        <source>Trust Boundaries</source>
        <translation>Vertrauensgrenzen</translation>
    </message>
    <message>
        <source>Trust boundary actions</source>
        <translation>Aktionen zu Vertrauensgrenzen</translation>
    </message>
    <message>
        <source>&amp;Check Now</source>
        <translation>&amp;Jetzt prüfen</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Prüfung läuft</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Zuletzt geprüft</translation>
    </message>
    <message>
        <source>&amp;Boundary:</source>
        <translation>&amp;Grenze:</translation>
    </message>
    <message>
        <source>Boundary shown in the controls table</source>
        <translation>In der Kontrolltabelle gezeigte Grenze</translation>
    </message>
    <message>
        <source>Show the controls of one boundary; or click its box in the flow</source>
        <translation>Die Kontrollen einer Grenze zeigen; oder ihr Feld im Ablauf anklicken</translation>
    </message>
    <message>
        <source>All boundaries</source>
        <translation>Alle Grenzen</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>Kontrollen</translation>
    </message>
    <message>
        <source>Who owns what</source>
        <translation>Wem was gehört</translation>
    </message>
    <message>
        <source>Deployment ownership</source>
        <translation>Zuständigkeiten der Installation</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Hosted</source>
        <translation>Gehostet</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Who owns the area when the service is hosted for you</source>
        <translation>Wer für den Bereich zuständig ist, wenn der Dienst für Sie gehostet wird</translation>
    </message>
    <message>
        <source>Who owns the area in this deployment: customer, operator, or a team&apos;s name</source>
        <translation>Wer in dieser Installation für den Bereich zuständig ist: customer, operator oder der Name eines Teams</translation>
    </message>
    <message>
        <source>Ownership actions</source>
        <translation>Aktionen zu Zuständigkeiten</translation>
    </message>
    <message>
        <source>&amp;Save Ownership</source>
        <translation>Zuständigkeiten &amp;speichern</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Ownership statement</source>
        <translation>Erklärung der Zuständigkeiten</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Reading the trust boundaries needs the permission %1, which this identity does not have here. They are a platform view: sign in as a platform administrator or auditor.</source>
        <translation>Das Lesen der Vertrauensgrenzen erfordert die Berechtigung %1, die diese Identität hier nicht hat. Sie sind eine Plattformansicht: Melden Sie sich als Plattformadministrator oder -prüfer an.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfe…</translation>
    </message>
    <message>
        <source>Checked %1</source>
        <translation>Geprüft %1</translation>
    </message>
    <message>
        <source>Sign in first</source>
        <translation>Zuerst anmelden</translation>
    </message>
    <message>
        <source>Changing the ownership needs the permission %1</source>
        <translation>Das Ändern der Zuständigkeiten erfordert die Berechtigung %1</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <source>Hosted: the service&apos;s operator owns this area</source>
        <translation>Gehostet: Der Betreiber des Dienstes ist für diesen Bereich zuständig</translation>
    </message>
    <message>
        <source>customer, operator, or a team&apos;s name</source>
        <translation>customer, operator oder der Name eines Teams</translation>
    </message>
    <message>
        <source>Whom to reach (optional)</source>
        <translation>Wen man erreicht (optional)</translation>
    </message>
    <message>
        <source>Not stated yet: a self-hosted deployment is the customer&apos;s in every area.</source>
        <translation>Noch nicht erklärt: Eine selbst gehostete Installation liegt in jedem Bereich beim Kunden.</translation>
    </message>
    <message>
        <source>Stated by %1 on %2.</source>
        <translation>Erklärt von %1 am %2.</translation>
    </message>
    <message>
        <source>Ownership saved.</source>
        <translation>Zuständigkeiten gespeichert.</translation>
    </message>
    <message>
        <source>%1: owner</source>
        <translation>%1: Zuständig</translation>
    </message>
    <message>
        <source>%1: contact</source>
        <translation>%1: Kontakt</translation>
    </message>
    <message>
        <source>Someone else changed the ownership</source>
        <translation>Jemand anderes hat die Zuständigkeiten geändert</translation>
    </message>
    <message>
        <source>&lt;b&gt;Someone else changed the ownership&lt;/b&gt; after you read it. Keep theirs, or write yours over it?</source>
        <translation>&lt;b&gt;Jemand anderes hat die Zuständigkeiten geändert&lt;/b&gt;, nachdem Sie sie gelesen haben. Deren behalten oder Ihre darüber schreiben?</translation>
    </message>
    <message>
        <source>&amp;Export Evidence...</source>
        <translation>Nachweise &amp;exportieren...</translation>
    </message>
    <message>
        <source>Export evidence</source>
        <translation>Nachweise exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation>PDF (*.pdf);;HTML (*.html)</translation>
    </message>
    <message>
        <source>A signed report of every control, its history, the audit trail, roles, keys and TLS, for a reviewer (PDF or HTML, with its signature and public key beside it)</source>
        <translation>Ein signierter Bericht über jede Kontrolle, ihren Verlauf, das Audit-Protokoll, Rollen, Schlüssel und TLS für Prüfer (PDF oder HTML, mit Signatur und öffentlichem Schlüssel daneben)</translation>
    </message>
    <message>
        <source>&amp;History (7 days):</source>
        <translation>&amp;Verlauf (7 Tage):</translation>
    </message>
    <message>
        <source>History summary</source>
        <translation>Zusammenfassung des Verlaufs</translation>
    </message>
    <message>
        <source>Choose a file name ending in .pdf or .html</source>
        <translation>Wählen Sie einen Dateinamen, der auf .pdf oder .html endet</translation>
    </message>
    <message>
        <source>Wrote %1 (SHA-256 %2) with its signature (.sig) and public key (.pub.pem).</source>
        <translation>%1 geschrieben (SHA-256 %2), mit Signatur (.sig) und öffentlichem Schlüssel (.pub.pem).</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::UserDialog</name>
    <message>
        <source>New user</source>
        <translation>Neuer Benutzer</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Reset the password of %1</source>
        <translation>Passwort von %1 zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>The username, unless given</source>
        <translation>Der Benutzername, falls nicht angegeben</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Neues &amp;Passwort:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The user signs in with this password from now on; their sessions end.</source>
        <translation>Der Benutzer meldet sich ab jetzt mit diesem Passwort an; seine Sitzungen werden beendet.</translation>
    </message>
    <message>
        <source>The two passwords differ; type them again.</source>
        <translation>Die beiden Passwörter unterscheiden sich; bitte erneut eingeben.</translation>
    </message>
    <message>
        <source>Enter a username.</source>
        <translation>Geben Sie einen Benutzernamen ein.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::UserModel</name>
    <message>
        <source>Locked out (failed sign-ins)</source>
        <translation>Ausgesperrt (fehlgeschlagene Anmeldungen)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Too many failed sign-ins; signing in is refused until %1</source>
        <translation>Zu viele fehlgeschlagene Anmeldungen; Anmeldung bis %1 verweigert</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Two-factor</source>
        <translation>Zwei-Faktor</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
</context>
</TS>
