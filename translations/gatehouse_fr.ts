<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>OperationCatalog</name>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Who am I</source>
        <translation>Qui suis-je</translation>
    </message>
    <message>
        <source>Change your password</source>
        <translation>Changer votre mot de passe</translation>
    </message>
    <message>
        <source>Start enrolling an authenticator</source>
        <translation>Commencer l&apos;enregistrement d&apos;un authentificateur</translation>
    </message>
    <message>
        <source>Confirm a new authenticator</source>
        <translation>Confirmer un nouvel authentificateur</translation>
    </message>
    <message>
        <source>Remove your authenticator</source>
        <translation>Supprimer votre authentificateur</translation>
    </message>
    <message>
        <source>New recovery codes</source>
        <translation>Nouveaux codes de récupération</translation>
    </message>
    <message>
        <source>Create the first platform owner</source>
        <translation>Créer le premier propriétaire de la plateforme</translation>
    </message>
    <message>
        <source>Rotate the master key</source>
        <translation>Effectuer la rotation de la clé maîtresse</translation>
    </message>
    <message>
        <source>Scan the store&apos;s integrity</source>
        <translation>Contrôler l&apos;intégrité du coffre</translation>
    </message>
    <message>
        <source>Create a tenant</source>
        <translation>Créer un locataire</translation>
    </message>
    <message>
        <source>List tenants</source>
        <translation>Lister les locataires</translation>
    </message>
    <message>
        <source>Read a tenant</source>
        <translation>Consulter un locataire</translation>
    </message>
    <message>
        <source>Rename a tenant</source>
        <translation>Renommer un locataire</translation>
    </message>
    <message>
        <source>Suspend a tenant</source>
        <translation>Suspendre un locataire</translation>
    </message>
    <message>
        <source>Resume a tenant</source>
        <translation>Réactiver un locataire</translation>
    </message>
    <message>
        <source>Delete a tenant</source>
        <translation>Supprimer un locataire</translation>
    </message>
    <message>
        <source>Read tenant settings</source>
        <translation>Consulter les paramètres du locataire</translation>
    </message>
    <message>
        <source>Change tenant settings</source>
        <translation>Modifier les paramètres du locataire</translation>
    </message>
    <message>
        <source>Create a workspace</source>
        <translation>Créer un espace de travail</translation>
    </message>
    <message>
        <source>List workspaces</source>
        <translation>Lister les espaces de travail</translation>
    </message>
    <message>
        <source>Read a workspace</source>
        <translation>Consulter un espace de travail</translation>
    </message>
    <message>
        <source>Rename a workspace</source>
        <translation>Renommer un espace de travail</translation>
    </message>
    <message>
        <source>Suspend a workspace</source>
        <translation>Suspendre un espace de travail</translation>
    </message>
    <message>
        <source>Resume a workspace</source>
        <translation>Réactiver un espace de travail</translation>
    </message>
    <message>
        <source>Delete a workspace</source>
        <translation>Supprimer un espace de travail</translation>
    </message>
    <message>
        <source>Create a user</source>
        <translation>Créer un utilisateur</translation>
    </message>
    <message>
        <source>List users</source>
        <translation>Lister les utilisateurs</translation>
    </message>
    <message>
        <source>Read a user</source>
        <translation>Consulter un utilisateur</translation>
    </message>
    <message>
        <source>Edit a user</source>
        <translation>Modifier un utilisateur</translation>
    </message>
    <message>
        <source>Lock a user</source>
        <translation>Verrouiller un utilisateur</translation>
    </message>
    <message>
        <source>Unlock a user</source>
        <translation>Déverrouiller un utilisateur</translation>
    </message>
    <message>
        <source>Disable a user</source>
        <translation>Désactiver un utilisateur</translation>
    </message>
    <message>
        <source>Enable a user</source>
        <translation>Activer un utilisateur</translation>
    </message>
    <message>
        <source>Reset a user&apos;s password</source>
        <translation>Réinitialiser le mot de passe d&apos;un utilisateur</translation>
    </message>
    <message>
        <source>Reset a user&apos;s two-factor</source>
        <translation>Réinitialiser l&apos;authentification à deux facteurs d&apos;un utilisateur</translation>
    </message>
    <message>
        <source>End a user&apos;s sessions</source>
        <translation>Mettre fin aux sessions d&apos;un utilisateur</translation>
    </message>
    <message>
        <source>Delete a user</source>
        <translation>Supprimer un utilisateur</translation>
    </message>
    <message>
        <source>Create an integration</source>
        <translation>Créer une intégration</translation>
    </message>
    <message>
        <source>List integrations</source>
        <translation>Lister les intégrations</translation>
    </message>
    <message>
        <source>Lock an integration</source>
        <translation>Verrouiller une intégration</translation>
    </message>
    <message>
        <source>Unlock an integration</source>
        <translation>Déverrouiller une intégration</translation>
    </message>
    <message>
        <source>Bind a client certificate</source>
        <translation>Lier un certificat client</translation>
    </message>
    <message>
        <source>Unbind the client certificate</source>
        <translation>Délier le certificat client</translation>
    </message>
    <message>
        <source>Link an integration to a provider subject</source>
        <translation>Lier une intégration à un sujet du fournisseur</translation>
    </message>
    <message>
        <source>Unlink an integration from its provider subject</source>
        <translation>Délier une intégration de son sujet du fournisseur</translation>
    </message>
    <message>
        <source>Delete an integration</source>
        <translation>Supprimer une intégration</translation>
    </message>
    <message>
        <source>Issue a token</source>
        <translation>Émettre un jeton</translation>
    </message>
    <message>
        <source>List tokens</source>
        <translation>Lister les jetons</translation>
    </message>
    <message>
        <source>Revoke a token</source>
        <translation>Révoquer un jeton</translation>
    </message>
    <message>
        <source>Create a role</source>
        <translation>Créer un rôle</translation>
    </message>
    <message>
        <source>List roles</source>
        <translation>Lister les rôles</translation>
    </message>
    <message>
        <source>Edit a role</source>
        <translation>Modifier un rôle</translation>
    </message>
    <message>
        <source>Delete a role</source>
        <translation>Supprimer un rôle</translation>
    </message>
    <message>
        <source>Grant a role</source>
        <translation>Attribuer un rôle</translation>
    </message>
    <message>
        <source>List role bindings</source>
        <translation>Lister les attributions de rôles</translation>
    </message>
    <message>
        <source>Remove a role binding</source>
        <translation>Retirer une attribution de rôle</translation>
    </message>
    <message>
        <source>Check a permission</source>
        <translation>Vérifier une permission</translation>
    </message>
    <message>
        <source>Effective permissions</source>
        <translation>Permissions effectives</translation>
    </message>
    <message>
        <source>Explain access</source>
        <translation>Expliquer un accès</translation>
    </message>
    <message>
        <source>Create a secret</source>
        <translation>Créer un secret</translation>
    </message>
    <message>
        <source>Store a new version</source>
        <translation>Enregistrer une nouvelle version</translation>
    </message>
    <message>
        <source>List secrets</source>
        <translation>Lister les secrets</translation>
    </message>
    <message>
        <source>List a secret&apos;s versions</source>
        <translation>Lister les versions d&apos;un secret</translation>
    </message>
    <message>
        <source>Reveal a secret</source>
        <translation>Révéler un secret</translation>
    </message>
    <message>
        <source>Delete a secret</source>
        <translation>Supprimer un secret</translation>
    </message>
    <message>
        <source>Restore a deleted secret</source>
        <translation>Restaurer un secret supprimé</translation>
    </message>
    <message>
        <source>Restore an earlier version</source>
        <translation>Restaurer une version antérieure</translation>
    </message>
    <message>
        <source>Destroy a version</source>
        <translation>Détruire une version</translation>
    </message>
    <message>
        <source>Mark rotated</source>
        <translation>Marquer la rotation</translation>
    </message>
    <message>
        <source>Secrets due for rotation</source>
        <translation>Secrets dont la rotation est due</translation>
    </message>
    <message>
        <source>Search the audit trail</source>
        <translation>Rechercher dans le journal d&apos;audit</translation>
    </message>
    <message>
        <source>Audit histogram</source>
        <translation>Histogramme d&apos;audit</translation>
    </message>
    <message>
        <source>Verify the audit chain</source>
        <translation>Vérifier la chaîne d&apos;audit</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Exporter le journal d&apos;audit</translation>
    </message>
    <message>
        <source>Follow the audit trail</source>
        <translation>Suivre le journal d&apos;audit</translation>
    </message>
    <message>
        <source>The audit signing key</source>
        <translation>La clé de signature du journal d&apos;audit</translation>
    </message>
    <message>
        <source>Read the retention policy</source>
        <translation>Consulter la politique de conservation</translation>
    </message>
    <message>
        <source>Change the retention policy</source>
        <translation>Modifier la politique de conservation</translation>
    </message>
    <message>
        <source>Prune the audit trail</source>
        <translation>Purger le journal d&apos;audit</translation>
    </message>
    <message>
        <source>Sign an audit checkpoint now</source>
        <translation>Signer maintenant un point de contrôle d&apos;audit</translation>
    </message>
    <message>
        <source>Read metrics</source>
        <translation>Consulter les métriques</translation>
    </message>
    <message>
        <source>What needs attention, per tenant</source>
        <translation>Points à surveiller, par locataire</translation>
    </message>
    <message>
        <source>What needs attention in a tenant</source>
        <translation>Points à surveiller dans un locataire</translation>
    </message>
    <message>
        <source>List trust boundaries</source>
        <translation>Lister les limites de confiance</translation>
    </message>
    <message>
        <source>Read a trust boundary</source>
        <translation>Consulter une limite de confiance</translation>
    </message>
    <message>
        <source>Check a control</source>
        <translation>Vérifier un contrôle</translation>
    </message>
    <message>
        <source>Read deployment ownership</source>
        <translation>Consulter la responsabilité du déploiement</translation>
    </message>
    <message>
        <source>State deployment ownership</source>
        <translation>Déclarer la responsabilité du déploiement</translation>
    </message>
    <message>
        <source>The newest signed checkpoint</source>
        <translation>Le dernier point de contrôle signé</translation>
    </message>
    <message>
        <source>Check every control now and keep the results</source>
        <translation>Vérifier tous les contrôles maintenant et conserver les résultats</translation>
    </message>
    <message>
        <source>Read a control&apos;s history</source>
        <translation>Lire l’historique d’un contrôle</translation>
    </message>
    <message>
        <source>Generate a signed evidence report</source>
        <translation>Produire un rapport de preuves signé</translation>
    </message>
    <message>
        <source>Read audit forwarding status</source>
        <translation>Lire l&apos;état du transfert d&apos;audit</translation>
    </message>
    <message>
        <source>Add a platform forwarding destination</source>
        <translation>Ajouter une destination de transfert de la plateforme</translation>
    </message>
    <message>
        <source>Change a platform forwarding destination</source>
        <translation>Modifier une destination de transfert de la plateforme</translation>
    </message>
    <message>
        <source>Remove a platform forwarding destination</source>
        <translation>Supprimer une destination de transfert de la plateforme</translation>
    </message>
    <message>
        <source>Add a tenant forwarding destination</source>
        <translation>Ajouter une destination de transfert du locataire</translation>
    </message>
    <message>
        <source>Change a tenant forwarding destination</source>
        <translation>Modifier une destination de transfert du locataire</translation>
    </message>
    <message>
        <source>Remove a tenant forwarding destination</source>
        <translation>Supprimer une destination de transfert du locataire</translation>
    </message>
    <message>
        <source>A forwarding destination unreachable too long</source>
        <translation>Une destination de transfert injoignable depuis trop longtemps</translation>
    </message>
    <message>
        <source>Start a sign-in at the tenant&apos;s identity provider</source>
        <translation>Commencer une connexion auprès du fournisseur d&apos;identité du locataire</translation>
    </message>
    <message>
        <source>Sign in at the tenant&apos;s identity provider</source>
        <translation>Se connecter auprès du fournisseur d&apos;identité du locataire</translation>
    </message>
    <message>
        <source>Exchange a provider&apos;s access token for an integration token</source>
        <translation>Échanger le jeton d&apos;accès du fournisseur contre un jeton d&apos;intégration</translation>
    </message>
    <message>
        <source>Read the tenant&apos;s identity provider</source>
        <translation>Lire le fournisseur d&apos;identité du locataire</translation>
    </message>
    <message>
        <source>Set the tenant&apos;s identity provider</source>
        <translation>Définir le fournisseur d&apos;identité du locataire</translation>
    </message>
    <message>
        <source>Remove the tenant&apos;s identity provider</source>
        <translation>Retirer le fournisseur d&apos;identité du locataire</translation>
    </message>
    <message>
        <source>List group mappings</source>
        <translation>Lister les correspondances de groupes</translation>
    </message>
    <message>
        <source>Map provider groups to roles</source>
        <translation>Associer des groupes du fournisseur à des rôles</translation>
    </message>
    <message>
        <source>Create a user at their first federated sign-in</source>
        <translation>Créer un utilisateur à sa première connexion fédérée</translation>
    </message>
    <message>
        <source>Group-mapped roles follow the provider&apos;s groups</source>
        <translation>Les rôles associés aux groupes suivent les groupes du fournisseur</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Unlock Gatehouse</source>
        <translation>Déverrouiller Gatehouse</translation>
    </message>
    <message>
        <source>no passphrase was entered</source>
        <translation>aucune phrase secrète n&apos;a été saisie</translation>
    </message>
    <message>
        <source>Store passphrase:</source>
        <translation>Phrase secrète du coffre&#xa0;:</translation>
    </message>
    <message>
        <source>New store passphrase (at least 12 characters):</source>
        <translation>Nouvelle phrase secrète du coffre (au moins 12 caractères)&#xa0;:</translation>
    </message>
    <message>
        <source>Repeat the passphrase:</source>
        <translation>Répétez la phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>the two passphrases differ; nothing was created</source>
        <translation>les deux phrases secrètes diffèrent&#xa0;; rien n&apos;a été créé</translation>
    </message>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>The HTTPS API is not served: %1</source>
        <translation>L&apos;API HTTPS n&apos;est pas servie&#xa0;: %1</translation>
    </message>
    <message>
        <source>This is the demo. The platform administrator is admin; every demo account&apos;s password and authenticator secret is in %1.</source>
        <translation>Ceci est la démo. L&apos;administrateur de la plateforme est admin ; le mot de passe et le secret d&apos;authentificateur de chaque compte de démo sont dans %1.</translation>
    </message>
    <message>
        <source>The demo needs at least 1,000 audit events.</source>
        <translation>La démo nécessite au moins 1 000 événements d&apos;audit.</translation>
    </message>
    <message>
        <source>%1 is not empty and holds no Gatehouse store. Choose an empty folder for the demo with --data-dir.</source>
        <translation>%1 n&apos;est pas vide et ne contient aucun coffre Gatehouse. Choisissez un dossier vide pour la démo avec --data-dir.</translation>
    </message>
    <message>
        <source>%1 belongs to an earlier demo. Move it away, then start the demo again.</source>
        <translation>%1 appartient à une démo précédente. Déplacez-le, puis relancez la démo.</translation>
    </message>
    <message>
        <source>Creating the encrypted demo store...</source>
        <translation>Création du coffre de démo chiffré...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Gatehouse demo</source>
        <translation>Démo Gatehouse</translation>
    </message>
    <message>
        <source>Demo progress</source>
        <translation>Progression de la démo</translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>Arrêt en cours...</translation>
    </message>
    <message>
        <source>Filling the demo: %1 (%2 of %3 audit events)</source>
        <translation>Remplissage de la démo : %1 (%2 sur %3 événements d&apos;audit)</translation>
    </message>
    <message>
        <source>The demo could not be made: %1</source>
        <translation>La démo n&apos;a pas pu être créée : %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AccessPane</name>
    <message>
        <source>Roles &amp; Access</source>
        <translation>Rôles et accès</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Roles &amp; Access sections</source>
        <translation>Sections de « Rôles et accès »</translation>
    </message>
    <message>
        <source>R&amp;oles</source>
        <translation>&amp;Rôles</translation>
    </message>
    <message>
        <source>&amp;Bindings</source>
        <translation>&amp;Attributions</translation>
    </message>
    <message>
        <source>&amp;Check Access</source>
        <translation>Vér&amp;ifier l&apos;accès</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>Role actions</source>
        <translation>Actions sur les rôles</translation>
    </message>
    <message>
        <source>&amp;New Role…</source>
        <translation>&amp;Nouveau rôle…</translation>
    </message>
    <message>
        <source>&amp;Edit Role…</source>
        <translation>&amp;Modifier le rôle…</translation>
    </message>
    <message>
        <source>&amp;Delete Role…</source>
        <translation>&amp;Supprimer le rôle…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actualis&amp;er</translation>
    </message>
    <message>
        <source>Selected role</source>
        <translation>Rôle sélectionné</translation>
    </message>
    <message>
        <source>Role description</source>
        <translation>Description du rôle</translation>
    </message>
    <message>
        <source>Permissions of the selected role</source>
        <translation>Permissions du rôle sélectionné</translation>
    </message>
    <message>
        <source>Bindings</source>
        <translation>Attributions</translation>
    </message>
    <message>
        <source>Binding actions</source>
        <translation>Actions sur les attributions</translation>
    </message>
    <message>
        <source>&amp;Grant Role…</source>
        <translation>Attri&amp;buer un rôle…</translation>
    </message>
    <message>
        <source>Re&amp;move Binding…</source>
        <translation>Re&amp;tirer l&apos;attribution…</translation>
    </message>
    <message>
        <source>Bindings shown</source>
        <translation>Attributions affichées</translation>
    </message>
    <message>
        <source>Role bindings</source>
        <translation>Attributions de rôles</translation>
    </message>
    <message>
        <source>Check access</source>
        <translation>Vérifier l&apos;accès</translation>
    </message>
    <message>
        <source>Identity to check</source>
        <translation>Identité à vérifier</translation>
    </message>
    <message>
        <source>Where to check</source>
        <translation>Où vérifier</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>I&amp;dentité&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Where:</source>
        <translation>&amp;Où&#xa0;:</translation>
    </message>
    <message>
        <source>Effective permissions</source>
        <translation>Permissions effectives</translation>
    </message>
    <message>
        <source>&amp;Show Effective Permissions</source>
        <translation>Affic&amp;her les permissions effectives</translation>
    </message>
    <message>
        <source>Show effective permissions</source>
        <translation>Afficher les permissions effectives</translation>
    </message>
    <message>
        <source>Effective permissions summary</source>
        <translation>Résumé des permissions effectives</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Expliquer</translation>
    </message>
    <message>
        <source>Permission to explain</source>
        <translation>Permission à expliquer</translation>
    </message>
    <message>
        <source>&amp;Permission:</source>
        <translation>Per&amp;mission&#xa0;:</translation>
    </message>
    <message>
        <source>E&amp;xplain</source>
        <translation>E&amp;xpliquer</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Built-in roles cannot be changed or deleted</source>
        <translation>Les rôles intégrés ne peuvent être ni modifiés ni supprimés</translation>
    </message>
    <message>
        <source>Needs the permission %1</source>
        <translation>Nécessite la permission %1</translation>
    </message>
    <message>
        <source>Select a role to see its permissions</source>
        <translation>Sélectionnez un rôle pour voir ses permissions</translation>
    </message>
    <message>
        <source>%1 (built-in)</source>
        <translation>%1 (intégré)</translation>
    </message>
    <message>
        <source>No permissions</source>
        <translation>Aucune permission</translation>
    </message>
    <message>
        <source>The platform&apos;s role bindings.</source>
        <translation>Les attributions de rôles de la plateforme.</translation>
    </message>
    <message>
        <source>Every role binding of the tenant.</source>
        <translation>Toutes les attributions de rôles du locataire.</translation>
    </message>
    <message>
        <source>The role bindings that apply in %1: tenant-wide ones and those of the workspace.</source>
        <translation>Les attributions de rôles qui s&apos;appliquent dans %1&#xa0;: celles valables pour tout le locataire et celles de l&apos;espace de travail.</translation>
    </message>
    <message>
        <source>%1 (integration)</source>
        <translation>%1 (intégration)</translation>
    </message>
    <message>
        <source>%1 (user)</source>
        <translation>%1 (utilisateur)</translation>
    </message>
    <message>
        <source>The platform</source>
        <translation>La plateforme</translation>
    </message>
    <message>
        <source>The whole tenant</source>
        <translation>Tout le locataire</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>Espace de travail %1</translation>
    </message>
    <message>
        <source>Reading role bindings needs the permission bindings.read.</source>
        <translation>La lecture des attributions de rôles nécessite la permission bindings.read.</translation>
    </message>
    <message>
        <source>Created the role %1. Grant it in Bindings.</source>
        <translation>Rôle %1 créé. Attribuez-le dans « Attributions ».</translation>
    </message>
    <message>
        <source>Saved the role %1.</source>
        <translation>Rôle %1 enregistré.</translation>
    </message>
    <message>
        <source>Delete the role %1? A role still bound to someone cannot be deleted.</source>
        <translation>Supprimer le rôle %1&#xa0;? Un rôle encore attribué à quelqu&apos;un ne peut pas être supprimé.</translation>
    </message>
    <message>
        <source>Deleted the role %1.</source>
        <translation>Rôle %1 supprimé.</translation>
    </message>
    <message>
        <source>Granted %1 to %2.</source>
        <translation>%1 attribué à %2.</translation>
    </message>
    <message>
        <source>Granted %1 to %2 in %3.</source>
        <translation>%1 attribué à %2 dans %3.</translation>
    </message>
    <message>
        <source>Take the role %1 away from %2?</source>
        <translation>Retirer le rôle %1 à %2&#xa0;?</translation>
    </message>
    <message>
        <source>Took the role %1 away from %2.</source>
        <translation>Rôle %1 retiré à %2.</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>Interrogation…</translation>
    </message>
    <message>
        <source>%1 may do nothing at %2.</source>
        <translation>%1 ne peut rien faire dans « %2 ».</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n permission(s) at %2:</source>
        <translation>
            <numerusform>%1 détient %n permission dans « %2 »&#xa0;:</numerusform>
            <numerusform>%1 détient %n permissions dans « %2 »&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Autorisé</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Refusé</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AdministratorDialog</name>
    <message>
        <source>Create the platform administrator</source>
        <translation>Créer l&apos;administrateur de la plateforme</translation>
    </message>
    <message>
        <source>This administrator manages tenants and reads the platform audit trail. The password needs 12 to 128 characters and must not be a common one.</source>
        <translation>Cet administrateur gère les locataires et consulte le journal d&apos;audit de la plateforme. Le mot de passe doit compter de 12 à 128 caractères et ne pas être un mot de passe courant.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Répétez le mot de passe</translation>
    </message>
    <message>
        <source>The two passwords differ; type them again.</source>
        <translation>Les deux mots de passe diffèrent&#xa0;; saisissez-les à nouveau.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditEventModel</name>
    <message>
        <source>success</source>
        <translation>succès</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditFilter</name>
    <message>
        <source>The quote that starts at %1 is not closed: end the phrase with &quot;.</source>
        <translation>Le guillemet qui commence à %1 n&apos;est pas fermé&#xa0;: terminez l&apos;expression par &quot;.</translation>
    </message>
    <message>
        <source>The value of %1: is not closed: end it with &quot;.</source>
        <translation>La valeur de %1: n&apos;est pas fermée&#xa0;: terminez-la par &quot;.</translation>
    </message>
    <message>
        <source>Unknown filter &quot;%1&quot; in %2. Use one of %3, or put the text in quotes to search for it.</source>
        <translation>Filtre inconnu «&#xa0;%1&#xa0;» dans %2. Utilisez l&apos;un de %3, ou mettez le texte entre guillemets pour le rechercher.</translation>
    </message>
    <message>
        <source>%1: is given twice (%2). Give each filter once.</source>
        <translation>%1: est donné deux fois (%2). Donnez chaque filtre une seule fois.</translation>
    </message>
    <message>
        <source>%1: needs a value, as in %1:something.</source>
        <translation>%1: demande une valeur, par exemple %1:quelquechose.</translation>
    </message>
    <message>
        <source>%1 is not an outcome: use outcome:success, outcome:denied or outcome:error.</source>
        <translation>%1 n&apos;est pas un résultat&#xa0;: utilisez outcome:success, outcome:denied ou outcome:error.</translation>
    </message>
    <message>
        <source>%1 is not a span of time: use a number and m, h, d or w, as in since:15m, since:24h or since:7d.</source>
        <translation>%1 n&apos;est pas une durée&#xa0;: utilisez un nombre et m, h, d ou w, par exemple since:15m, since:24h ou since:7d.</translation>
    </message>
    <message>
        <source>%1 is not a date and time: use the form %2:2026-12-01T09:30 (local time), or a date alone.</source>
        <translation>%1 n&apos;est pas une date et heure&#xa0;: utilisez la forme %2:2026-12-01T09:30 (heure locale), ou une date seule.</translation>
    </message>
    <message>
        <source>since: and from:/to: cannot be combined: give either a span back from now or a range.</source>
        <translation>since: et from:/to: ne peuvent pas être combinés&#xa0;: donnez soit une durée jusqu&apos;à maintenant, soit une plage.</translation>
    </message>
    <message>
        <source>from: must be before to:.</source>
        <translation>from: doit précéder to:.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditFilterBar</name>
    <message>
        <source>Time span</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Show the events of the last minutes, hours or days, or of a range</source>
        <translation>Afficher les événements des dernières minutes, heures ou jours, ou d&apos;une plage</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Toute la période</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Les 15 dernières minutes</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>La dernière heure</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Les dernières 24 heures</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Les 7 derniers jours</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Les 30 derniers jours</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Plage</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>The first moment of the range (local time)</source>
        <translation>Le début de la plage (heure locale)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>The end of the range, not included (local time)</source>
        <translation>La fin de la plage, non incluse (heure locale)</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Locataire</translation>
    </message>
    <message>
        <source>The tenant whose events are shown (only those you can see)</source>
        <translation>Le locataire dont les événements sont affichés (seulement ceux que vous pouvez voir)</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>Only the events of one workspace</source>
        <translation>Seulement les événements d&apos;un espace de travail</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <source>A user or integration: its id or its name</source>
        <translation>Un utilisateur ou une intégration&#xa0;: son identifiant ou son nom</translation>
    </message>
    <message>
        <source>alice</source>
        <translation>alice</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>The action, or the start of it: secret. matches every secret action</source>
        <translation>L&apos;action, ou son début&#xa0;: secret. correspond à toute action sur les secrets</translation>
    </message>
    <message>
        <source>secret.</source>
        <translation>secret.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Only events that succeeded, were denied or failed</source>
        <translation>Seulement les événements réussis, refusés ou en erreur</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Succès</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>The id of the object acted on</source>
        <translation>L&apos;identifiant de l&apos;objet visé</translation>
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
        <translation>L&apos;adresse du client d&apos;où venait l&apos;appel</translation>
    </message>
    <message>
        <source>10.0.0.1</source>
        <translation>10.0.0.1</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>Identifiant de requête</translation>
    </message>
    <message>
        <source>The request that caused the events (the X-Request-Id of an API answer)</source>
        <translation>La requête à l&apos;origine des événements (le X-Request-Id d&apos;une réponse de l&apos;API)</translation>
    </message>
    <message>
        <source>req_...</source>
        <translation>req_...</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Words that must all appear in the action, actor, target or details; &quot;quote&quot; a phrase</source>
        <translation>Mots qui doivent tous figurer dans l&apos;action, l&apos;acteur, la cible ou les détails&#xa0;; mettez une expression entre &quot;guillemets&quot;</translation>
    </message>
    <message>
        <source>rotation</source>
        <translation>rotation</translation>
    </message>
    <message>
        <source>The filter as one line: actor:alice action:secret. outcome:denied since:24h &quot;words&quot;. Press Enter to apply.</source>
        <translation>Le filtre sur une ligne&#xa0;: actor:alice action:secret. outcome:denied since:24h &quot;mots&quot;. Appuyez sur Entrée pour l&apos;appliquer.</translation>
    </message>
    <message>
        <source>Filter line</source>
        <translation>Ligne de filtre</translation>
    </message>
    <message>
        <source>actor:alice action:secret. outcome:denied since:24h</source>
        <translation>actor:alice action:secret. outcome:denied since:24h</translation>
    </message>
    <message>
        <source>The filter line does not parse</source>
        <translation>La ligne de filtre n&apos;est pas valide</translation>
    </message>
    <message>
        <source>Filter line error</source>
        <translation>Erreur dans la ligne de filtre</translation>
    </message>
    <message>
        <source>&amp;Saved filters</source>
        <translation>Filtres enre&amp;gistrés</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Filtres enregistrés</translation>
    </message>
    <message>
        <source>Apply, save or delete the filters you saved</source>
        <translation>Appliquer, enregistrer ou supprimer vos filtres enregistrés</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>A&amp;u&#xa0;:</translation>
    </message>
    <message>
        <source>Te&amp;nant:</source>
        <translation>&amp;Locataire&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation>&amp;Espace de travail&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Actor:</source>
        <translation>A&amp;cteur&#xa0;:</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation>Ac&amp;tion&#xa0;:</translation>
    </message>
    <message>
        <source>O&amp;utcome:</source>
        <translation>&amp;Résultat&#xa0;:</translation>
    </message>
    <message>
        <source>Tar&amp;get:</source>
        <translation>Ci&amp;ble&#xa0;:</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>Adre&amp;sse&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>Re&amp;quête&#xa0;:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xte&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtre&#xa0;:</translation>
    </message>
    <message>
        <source>Current scope</source>
        <translation>Portée actuelle</translation>
    </message>
    <message>
        <source>tenant:%1 is not a tenant you can see. Leave tenant: out to read the current scope.</source>
        <translation>tenant:%1 n&apos;est pas un locataire que vous pouvez voir. Omettez tenant: pour lire la portée actuelle.</translation>
    </message>
    <message>
        <source>tenant:%1 is not a tenant you can see: use one of %2.</source>
        <translation>tenant:%1 n&apos;est pas un locataire que vous pouvez voir&#xa0;: utilisez l&apos;un de %2.</translation>
    </message>
    <message>
        <source>workspace:%1 is not a workspace you can see in that tenant: use a workspace id (ws_...).</source>
        <translation>workspace:%1 n&apos;est pas un espace de travail que vous pouvez voir chez ce locataire&#xa0;: utilisez un identifiant d&apos;espace de travail (ws_...).</translation>
    </message>
    <message>
        <source>Last %1</source>
        <translation>Dernières %1</translation>
    </message>
    <message>
        <source>&amp;Save as...</source>
        <translation>&amp;Enregistrer sous...</translation>
    </message>
    <message>
        <source>Keep the current filter line under a name</source>
        <translation>Conserver la ligne de filtre actuelle sous un nom</translation>
    </message>
    <message>
        <source>&amp;Delete...</source>
        <translation>&amp;Supprimer...</translation>
    </message>
    <message>
        <source>Delete one of the saved filters</source>
        <translation>Supprimer l&apos;un des filtres enregistrés</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>Enregistrer le filtre</translation>
    </message>
    <message>
        <source>&amp;Name of the filter:</source>
        <translation>&amp;Nom du filtre&#xa0;:</translation>
    </message>
    <message>
        <source>Delete saved filter</source>
        <translation>Supprimer un filtre enregistré</translation>
    </message>
    <message>
        <source>&amp;Filter to delete:</source>
        <translation>&amp;Filtre à supprimer&#xa0;:</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditHistogram</name>
    <message>
        <source>Event volume</source>
        <translation>Volume d&apos;événements</translation>
    </message>
    <message>
        <source>Events per time bucket, stacked by outcome. Drag across the bars to filter on that time range.</source>
        <translation>Événements par intervalle de temps, empilés par résultat. Faites glisser sur les barres pour filtrer sur cette période.</translation>
    </message>
    <message>
        <source>Drag across the bars to show only that time range</source>
        <translation>Faites glisser sur les barres pour ne montrer que cette période</translation>
    </message>
    <message>
        <source>Event volume status</source>
        <translation>État du volume d&apos;événements</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Chargement...</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Succès</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::AuditIntegrityActions</name>
    <message>
        <source>an event was changed after it was written</source>
        <translation>un événement a été modifié après son écriture</translation>
    </message>
    <message>
        <source>an event was deleted</source>
        <translation>un événement a été supprimé</translation>
    </message>
    <message>
        <source>an event was inserted</source>
        <translation>un événement a été inséré</translation>
    </message>
    <message>
        <source>events were reordered</source>
        <translation>des événements ont été réordonnés</translation>
    </message>
    <message>
        <source>a checkpoint&apos;s signature does not verify</source>
        <translation>la signature d&apos;un point de contrôle n&apos;est pas valide</translation>
    </message>
    <message>
        <source>the newest events were removed</source>
        <translation>les événements les plus récents ont été retirés</translation>
    </message>
    <message>
        <source>signed checkpoints are missing (the chain after them may have been recomputed)</source>
        <translation>des points de contrôle signés manquent (la chaîne qui suit a pu être recalculée)</translation>
    </message>
    <message>
        <source>&amp;Verify integrity...</source>
        <translation>&amp;Vérifier l&apos;intégrité...</translation>
    </message>
    <message>
        <source>E&amp;xport...</source>
        <translation>E&amp;xporter...</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Audit job progress</source>
        <translation>Progression de la tâche d&apos;audit</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) written</source>
        <translation>
            <numerusform>%n événement écrit</numerusform>
            <numerusform>%n événements écrits</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying the audit chain and its signed checkpoints...</source>
        <translation>Vérification de la chaîne du journal d&apos;audit et de ses points de contrôle signés...</translation>
    </message>
    <message>
        <source>Verify integrity</source>
        <translation>Vérifier l&apos;intégrité</translation>
    </message>
    <message>
        <source>The audit trail is broken at event %1: %2.

%3</source>
        <translation>Le journal d&apos;audit est rompu à l&apos;événement %1&#xa0;: %2.

%3</translation>
    </message>
    <message numerus="yes">
        <source>The audit trail is intact: %n event(s) checked</source>
        <translation>
            <numerusform>Le journal d&apos;audit est intact&#xa0;: %n événement vérifié</numerusform>
            <numerusform>Le journal d&apos;audit est intact&#xa0;: %n événements vérifiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>against %n signed checkpoint(s).</source>
        <translation>
            <numerusform>par rapport à %n point de contrôle signé.</numerusform>
            <numerusform>par rapport à %n points de contrôle signés.</numerusform>
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
        <translation>Paquet de vérification hors ligne, un nouveau dossier (*)</translation>
    </message>
    <message>
        <source>Export audit events</source>
        <translation>Exporter les événements d&apos;audit</translation>
    </message>
    <message>
        <source>%1 exists already: choose a new folder name.</source>
        <translation>%1 existe déjà&#xa0;: choisissez un nouveau nom de dossier.</translation>
    </message>
    <message>
        <source>Exporting to %1...</source>
        <translation>Exportation vers %1...</translation>
    </message>
    <message>
        <source>The bundle could not be moved to %1.</source>
        <translation>Le paquet n&apos;a pas pu être déplacé vers %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) exported with their signed checkpoints to %1.</source>
        <translation>
            <numerusform>%n événement exporté avec ses points de contrôle signés vers %1.</numerusform>
            <numerusform>%n événements exportés avec leurs points de contrôle signés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 ne peut pas être écrit&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) exported to %1.</source>
        <translation>
            <numerusform>%n événement exporté vers %1.</numerusform>
            <numerusform>%n événements exportés vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>L&apos;exportation a été annulée&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportation</translation>
    </message>
    <message>
        <source>Verify integrity of</source>
        <translation>Vérifier l&apos;intégrité de</translation>
    </message>
    <message>
        <source>&amp;Whole chain</source>
        <translation>&amp;Chaîne entière</translation>
    </message>
    <message>
        <source>Walk every event and every signed checkpoint</source>
        <translation>Parcourir chaque événement et chaque point de contrôle signé</translation>
    </message>
    <message>
        <source>&amp;Range of events...</source>
        <translation>&amp;Plage d&apos;événements...</translation>
    </message>
    <message>
        <source>Verify only the events from one number to another, against the signed checkpoints around them</source>
        <translation>Vérifier seulement les événements d&apos;un numéro à un autre, par rapport aux points de contrôle signés qui les entourent</translation>
    </message>
    <message>
        <source>Verify a range of events</source>
        <translation>Vérifier une plage d&apos;événements</translation>
    </message>
    <message>
        <source>First event</source>
        <translation>Premier événement</translation>
    </message>
    <message>
        <source>The number (seq) of the first event to verify; prefilled from the selected event or the events in view</source>
        <translation>Le numéro (seq) du premier événement à vérifier ; prérempli d&apos;après l&apos;événement sélectionné ou les événements affichés</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>Dernier événement</translation>
    </message>
    <message>
        <source>The number (seq) of the last event to verify, at most the newest</source>
        <translation>Le numéro (seq) du dernier événement à vérifier, au plus celui du plus récent</translation>
    </message>
    <message>
        <source>Gatehouse recomputes every event of the range from the signed checkpoint before it to the one after it; the rest of the chain is not read.</source>
        <translation>Gatehouse recalcule chaque événement de la plage, du point de contrôle signé qui la précède à celui qui la suit ; le reste de la chaîne n&apos;est pas lu.</translation>
    </message>
    <message>
        <source>How a range is verified</source>
        <translation>Comment une plage est vérifiée</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>Verify the range</source>
        <translation>Vérifier la plage</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Range problem</source>
        <translation>Problème de plage</translation>
    </message>
    <message>
        <source>The first event comes after the last: swap them.</source>
        <translation>Le premier événement vient après le dernier : inversez-les.</translation>
    </message>
    <message>
        <source>&amp;From event:</source>
        <translation>&amp;De l&apos;événement :</translation>
    </message>
    <message>
        <source>&amp;To event:</source>
        <translation>&amp;À l&apos;événement :</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) checked</source>
        <translation>
            <numerusform>%n événement vérifié</numerusform>
            <numerusform>%n événements vérifiés</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying events %1 to %2 against the signed checkpoints around them...</source>
        <translation>Vérification des événements %1 à %2 par rapport aux points de contrôle signés qui les entourent...</translation>
    </message>
    <message>
        <source>Events %1 to %2 are intact:</source>
        <translation>Les événements %1 à %2 sont intacts :</translation>
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
        <translation>Actions de la vue d&apos;audit</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>&amp;Suivre</translation>
    </message>
    <message>
        <source>Keep the newest event in view</source>
        <translation>Garder l&apos;événement le plus récent en vue</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Suivre</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Keep the view still; new events wait and are counted (Ctrl+P)</source>
        <translation>Figer la vue&#xa0;; les nouveaux événements attendent et sont comptés (Ctrl+P)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>&amp;Fin</translation>
    </message>
    <message>
        <source>Back to the live end of the trail (Ctrl+End)</source>
        <translation>Revenir à la fin du journal, en direct (Ctrl+Fin)</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>&amp;Newest First</source>
        <translation>Plus &amp;récents en premier</translation>
    </message>
    <message>
        <source>Newest events at the top; off: in chain order, the newest at the bottom</source>
        <translation>Événements les plus récents en haut&#xa0;; désactivé&#xa0;: dans l&apos;ordre de la chaîne, les plus récents en bas</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Plus récents en premier</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Actualis&amp;er</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Verify integrity</source>
        <translation>Vérifier l&apos;intégrité</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Events waiting</source>
        <translation>Événements en attente</translation>
    </message>
    <message>
        <source>View state</source>
        <translation>État de la vue</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Événements d&apos;audit</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>Détails de l&apos;événement</translation>
    </message>
    <message>
        <source>Select an event to see every field, its hashes and its checkpoint.</source>
        <translation>Sélectionnez un événement pour voir tous ses champs, ses empreintes et son point de contrôle.</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Conseil</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Reading the audit trail needs the permission %1 at this scope.</source>
        <translation>La lecture du journal d&apos;audit nécessite l&apos;autorisation %1 dans ce périmètre.</translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n nouveau</numerusform>
            <numerusform>%n nouveaux</numerusform>
        </translation>
    </message>
    <message>
        <source>Not live: End returns to the newest events</source>
        <translation>Pas en direct&#xa0;: Fin revient aux événements les plus récents</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Live, following</source>
        <translation>En direct, suivi</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Event %1 is not in this view: it does not match the filter, or it is outside this scope.</source>
        <translation>L&apos;événement %1 n&apos;est pas dans cette vue&#xa0;: il ne correspond pas au filtre, ou il est hors de ce périmètre.</translation>
    </message>
    <message>
        <source>Loading event %1…</source>
        <translation>Chargement de l&apos;événement %1…</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Acteur</translation>
    </message>
    <message>
        <source>Show this actor&apos;s events</source>
        <translation>Afficher les événements de cet acteur</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Show the events on this target</source>
        <translation>Afficher les événements sur cette cible</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Locataire</translation>
    </message>
    <message>
        <source>the platform</source>
        <translation>la plateforme</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Show every event of this request</source>
        <translation>Afficher tous les événements de cette requête</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation>Empreinte précédente</translation>
    </message>
    <message>
        <source>Checkpoints sign the whole trail: a platform auditor reads them.</source>
        <translation>Les points de contrôle signent tout le journal&#xa0;: un auditeur de la plateforme les lit.</translation>
    </message>
    <message>
        <source>Checkpoint at event %1, signed %2; chain hash %3</source>
        <translation>Point de contrôle à l&apos;événement %1, signé %2&#xa0;; empreinte de la chaîne %3</translation>
    </message>
    <message>
        <source>Not signed yet: the next checkpoint will cover it.</source>
        <translation>Pas encore signé&#xa0;: le prochain point de contrôle le couvrira.</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Point de contrôle</translation>
    </message>
    <message>
        <source>For&amp;warding...</source>
        <translation>&amp;Transfert...</translation>
    </message>
    <message>
        <source>Forwarding status</source>
        <translation>État du transfert</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::BindingDialog</name>
    <message>
        <source>Grant a role</source>
        <translation>Attribuer un rôle</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>%1 (integration)</source>
        <translation>%1 (intégration)</translation>
    </message>
    <message>
        <source>%1 (user)</source>
        <translation>%1 (utilisateur)</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>You do not hold %1</source>
        <translation>Vous ne détenez pas %1</translation>
    </message>
    <message>
        <source>Where the role applies</source>
        <translation>Où le rôle s&apos;applique</translation>
    </message>
    <message>
        <source>The platform</source>
        <translation>La plateforme</translation>
    </message>
    <message>
        <source>The whole tenant</source>
        <translation>Tout le locataire</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>Espace de travail %1</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>&amp;Identité&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Applies to:</source>
        <translation>&amp;S&apos;applique à&#xa0;:</translation>
    </message>
    <message>
        <source>Greyed-out roles hold permissions you do not hold.</source>
        <translation>Les rôles grisés comportent des permissions que vous ne détenez pas.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>&amp;Grant</source>
        <translation>A&amp;ttribuer</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Attribuer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Choose an identity.</source>
        <translation>Choisissez une identité.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Choisissez un rôle.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::BindingModel</name>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Tenant-wide</source>
        <translation>Tout le locataire</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Intégration</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Applies in the whole tenant and every workspace of it</source>
        <translation>S&apos;applique à tout le locataire et à chacun de ses espaces de travail</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::BoundaryFlowView</name>
    <message>
        <source>TLS, listener exposure</source>
        <translation>TLS, exposition de l’écoute</translation>
    </message>
    <message>
        <source>sessions, tokens, MFA</source>
        <translation>sessions, jetons, MFA</translation>
    </message>
    <message>
        <source>encrypted store</source>
        <translation>coffre chiffré</translation>
    </message>
    <message>
        <source>tenant keys</source>
        <translation>clés des locataires</translation>
    </message>
    <message>
        <source>audit trail</source>
        <translation>journal d’audit</translation>
    </message>
    <message>
        <source>migrations, keys, admin changes</source>
        <translation>migrations, clés, changements d’administration</translation>
    </message>
    <message>
        <source>%1 pass, %2 warn, %3 fail, %4 not applicable</source>
        <translation>%1 réussis, %2 avertissements, %3 échecs, %4 sans objet</translation>
    </message>
    <message>
        <source>Trust boundary flow</source>
        <translation>Flux à travers les frontières de confiance</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1 : %2 (%3)</translation>
    </message>
    <message>
        <source>No trust boundaries checked yet.</source>
        <translation>Aucune frontière de confiance vérifiée pour l’instant.</translation>
    </message>
    <message>
        <source>User or integration</source>
        <translation>Utilisateur ou intégration</translation>
    </message>
    <message>
        <source>Selected: %1</source>
        <translation>Sélectionnée : %1</translation>
    </message>
    <message>
        <source>Focused: %1</source>
        <translation>Focus : %1</translation>
    </message>
    <message>
        <source>tenants and workspaces</source>
        <translation>locataires et espaces de travail</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ClipboardCountdown</name>
    <message>
        <source>Clipboard</source>
        <translation>Presse-papiers</translation>
    </message>
    <message>
        <source>C&amp;lear now</source>
        <translation>&amp;Vider maintenant</translation>
    </message>
    <message>
        <source>Clear the clipboard now</source>
        <translation>Vider le presse-papiers maintenant</translation>
    </message>
    <message>
        <source>Empty the clipboard now, if it still holds the copied value</source>
        <translation>Vider le presse-papiers maintenant, s&apos;il contient encore la valeur copiée</translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard clears in %n s.</source>
        <translation>
            <numerusform>Copié. Le presse-papiers sera vidé dans %n s.</numerusform>
            <numerusform>Copié. Le presse-papiers sera vidé dans %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ConflictDialog</name>
    <message>
        <source>Differences</source>
        <translation>Différences</translation>
    </message>
    <message>
        <source>When you opened</source>
        <translation>À l’ouverture</translation>
    </message>
    <message>
        <source>Theirs (now)</source>
        <translation>Les leurs (maintenant)</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Les vôtres</translation>
    </message>
    <message>
        <source>&amp;Reload (take theirs)</source>
        <translation>&amp;Recharger (prendre les leurs)</translation>
    </message>
    <message>
        <source>Reload, taking their version</source>
        <translation>Recharger en prenant leur version</translation>
    </message>
    <message>
        <source>&amp;Overwrite (write mine)</source>
        <translation>É&amp;craser (écrire les miens)</translation>
    </message>
    <message>
        <source>Overwrite with my version</source>
        <translation>Écraser avec ma version</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ConsoleBridge</name>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>This console is locked for %1. Sign in as %1, or sign out to change identity.</source>
        <translation>Cette console est verrouillée pour %1. Connectez-vous en tant que %1, ou déconnectez-vous pour changer d&apos;identité.</translation>
    </message>
    <message>
        <source>Your tenant requires administrators to use two-factor authentication. Enrol an authenticator first (over the API or with gatehoused), then sign in here.</source>
        <translation>Votre locataire exige l&apos;authentification à deux facteurs pour les administrateurs. Enregistrez d&apos;abord un authentificateur (via l&apos;API ou avec gatehoused), puis connectez-vous ici.</translation>
    </message>
    <message>
        <source>a session</source>
        <translation>une session</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ControlModel</name>
    <message>
        <source>Boundary</source>
        <translation>Frontière</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Preuve</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>Mesuré</translation>
    </message>
    <message>
        <source>Evidence domain</source>
        <translation>Domaine de preuve</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::ControlTimeline</name>
    <message>
        <source>Control history</source>
        <translation>Historique du contrôle</translation>
    </message>
    <message>
        <source>No history shown: select a control</source>
        <translation>Aucun historique affiché : sélectionnez un contrôle</translation>
    </message>
    <message>
        <source>%1: no stored runs yet</source>
        <translation>%1 : aucune vérification enregistrée pour l’instant</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n run(s) since %2, %3 now; failing in %4, warning in %5, %6 change(s)</source>
        <translation>
            <numerusform>%1 : %n vérification depuis %2, %3 maintenant ; en échec dans %4, en avertissement dans %5, %6 changement(s)</numerusform>
            <numerusform>%1 : %n vérifications depuis %2, %3 maintenant ; en échec dans %4, en avertissement dans %5, %6 changement(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>Historique de %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::DestinationDialog</name>
    <message>
        <source>New Forwarding Destination</source>
        <translation>Nouvelle destination de transfert</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>En&amp;registrer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>A syslog collector (RFC 5424) that receives the audit events of %1. Over TLS, pin the collector with the CA that issued its certificate or with the certificate&apos;s fingerprint.</source>
        <translation>Un collecteur syslog (RFC 5424) qui reçoit les événements d&apos;audit %1. En TLS, épinglez le collecteur par l&apos;autorité (CA) qui a émis son certificat ou par l&apos;empreinte de ce certificat.</translation>
    </message>
    <message>
        <source>It receives the audit events of %1. A change applies from the next connection; the events the collector already took are not sent again.</source>
        <translation>Elle reçoit les événements d&apos;audit %1. Une modification s&apos;applique dès la prochaine connexion ; les événements que le collecteur a déjà reçus ne sont pas renvoyés.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>siem</source>
        <translation>siem</translation>
    </message>
    <message>
        <source>Collector host</source>
        <translation>Hôte du collecteur</translation>
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
        <translation>TCP en clair, uniquement vers un relais sur cette machine</translation>
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
        <translation>Épingler le collecteur par</translation>
    </message>
    <message>
        <source>The CA that issued its certificate</source>
        <translation>L&apos;autorité (CA) qui a émis son certificat</translation>
    </message>
    <message>
        <source>Its certificate&apos;s SHA-256 fingerprint</source>
        <translation>L&apos;empreinte SHA-256 de son certificat</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Fichier de la CA</translation>
    </message>
    <message>
        <source>The CA certificate (PEM)</source>
        <translation>Le certificat de la CA (PEM)</translation>
    </message>
    <message>
        <source>Choose the CA file</source>
        <translation>Choisir le fichier de la CA</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>Empreinte SHA-256</translation>
    </message>
    <message>
        <source>AB:CD:… (64 hexadecimal digits)</source>
        <translation>AB:CD:… (64 chiffres hexadécimaux)</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>Nom du serveur</translation>
    </message>
    <message>
        <source>The host</source>
        <translation>L&apos;hôte</translation>
    </message>
    <message>
        <source>&amp;Present a client certificate</source>
        <translation>&amp;Présenter un certificat client</translation>
    </message>
    <message>
        <source>Present a client certificate</source>
        <translation>Présenter un certificat client</translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation>Fichier du certificat client</translation>
    </message>
    <message>
        <source>The client certificate (PEM)</source>
        <translation>Le certificat client (PEM)</translation>
    </message>
    <message>
        <source>Choose the client certificate file</source>
        <translation>Choisir le fichier du certificat client</translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation>Fichier de la clé client</translation>
    </message>
    <message>
        <source>Its private key (PEM, not encrypted)</source>
        <translation>Sa clé privée (PEM, non chiffrée)</translation>
    </message>
    <message>
        <source>Choose the client key file</source>
        <translation>Choisir le fichier de la clé client</translation>
    </message>
    <message>
        <source>&amp;Enabled: forward events to this collector</source>
        <translation>&amp;Activée&#xa0;: transférer les événements à ce collecteur</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activée</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>&amp;Transport&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;in by:</source>
        <translation>Ép&amp;ingler par&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>Fichier de la &amp;CA&#xa0;:</translation>
    </message>
    <message>
        <source>Ser&amp;ver name:</source>
        <translation>Nom du ser&amp;veur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>Fichier de la c&amp;lé&#xa0;:</translation>
    </message>
    <message>
        <source>Send the &amp;whole audit trail, not only the events from now on</source>
        <translation>Envoyer tout le journal d&apos;a&amp;udit, pas seulement les événements à partir de maintenant</translation>
    </message>
    <message>
        <source>Send the whole audit trail</source>
        <translation>Envoyer tout le journal d&apos;audit</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Choose the Collector&apos;s CA</source>
        <translation>Choisir la CA du collecteur</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Choose the Client Certificate</source>
        <translation>Choisir le certificat client</translation>
    </message>
    <message>
        <source>Choose the Client Key</source>
        <translation>Choisir la clé client</translation>
    </message>
    <message>
        <source>PEM keys (*.pem *.key);;All files (*)</source>
        <translation>Clés PEM (*.pem *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The CA given before (choose a file to replace it)</source>
        <translation>La CA donnée auparavant (choisissez un fichier pour la remplacer)</translation>
    </message>
    <message>
        <source>The certificate given before (choose a file to replace it)</source>
        <translation>Le certificat donné auparavant (choisissez un fichier pour le remplacer)</translation>
    </message>
    <message>
        <source>The key given before (give one with a new certificate)</source>
        <translation>La clé donnée auparavant (donnez-en une avec un nouveau certificat)</translation>
    </message>
    <message>
        <source>Cannot read the CA file %1: choose a readable PEM file.</source>
        <translation>Impossible de lire le fichier de la CA %1&#xa0;: choisissez un fichier PEM lisible.</translation>
    </message>
    <message>
        <source>Cannot read the client certificate file %1: choose a readable PEM file.</source>
        <translation>Impossible de lire le fichier du certificat client %1&#xa0;: choisissez un fichier PEM lisible.</translation>
    </message>
    <message>
        <source>Cannot read the client key file %1: choose a readable PEM file.</source>
        <translation>Impossible de lire le fichier de la clé client %1&#xa0;: choisissez un fichier PEM lisible.</translation>
    </message>
    <message>
        <source>Give the destination a name (lower-case letters, digits and dashes).</source>
        <translation>Donnez un nom à la destination (lettres minuscules, chiffres et tirets).</translation>
    </message>
    <message>
        <source>Give the collector&apos;s host name or address.</source>
        <translation>Indiquez le nom d&apos;hôte ou l&apos;adresse du collecteur.</translation>
    </message>
    <message>
        <source>Fin&amp;gerprint:</source>
        <translation>Empreint&amp;e&#xa0;:</translation>
    </message>
    <message>
        <source>Certificate fi&amp;le:</source>
        <translation>Fichier &amp;du certificat&#xa0;:</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::FederatedSignIn</name>
    <message numerus="yes">
        <source>The sign-in at your identity provider did not finish within %n minute(s). Start it again.</source>
        <translation>
            <numerusform>La connexion auprès de votre fournisseur d&apos;identité ne s&apos;est pas terminée en %n minute. Recommencez-la.</numerusform>
            <numerusform>La connexion auprès de votre fournisseur d&apos;identité ne s&apos;est pas terminée en %n minutes. Recommencez-la.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter your tenant&apos;s name: sign-in with an identity provider is set up per tenant.</source>
        <translation>Saisissez le nom de votre locataire&#xa0;: la connexion par un fournisseur d&apos;identité se configure par locataire.</translation>
    </message>
    <message>
        <source>The console could not listen on the loopback address for the provider&apos;s answer. Check that no firewall rule blocks 127.0.0.1, then try again.</source>
        <translation>La console n&apos;a pas pu écouter sur l&apos;adresse de bouclage pour recevoir la réponse du fournisseur. Vérifiez qu&apos;aucune règle de pare-feu ne bloque 127.0.0.1, puis réessayez.</translation>
    </message>
    <message>
        <source>Gatehouse received your sign-in. You can close this tab and return to the console.</source>
        <translation>Gatehouse a reçu votre connexion. Vous pouvez fermer cet onglet et revenir à la console.</translation>
    </message>
    <message>
        <source>The identity provider&apos;s sign-in address is not a web address. Ask an administrator to check the tenant&apos;s provider settings.</source>
        <translation>L&apos;adresse de connexion du fournisseur d&apos;identité n&apos;est pas une adresse web. Demandez à un administrateur de vérifier les paramètres du fournisseur du locataire.</translation>
    </message>
    <message>
        <source>The console could not open your web browser. Set a default browser for your desktop and try again.</source>
        <translation>La console n&apos;a pas pu ouvrir votre navigateur web. Définissez un navigateur par défaut pour votre bureau, puis réessayez.</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Connexion annulée.</translation>
    </message>
    <message>
        <source>Your identity provider refused the sign-in (%1).</source>
        <translation>Votre fournisseur d&apos;identité a refusé la connexion (%1).</translation>
    </message>
    <message>
        <source>Your identity provider refused the sign-in: %1</source>
        <translation>Votre fournisseur d&apos;identité a refusé la connexion&#xa0;: %1</translation>
    </message>
    <message>
        <source>Your identity provider sent no authorization code. Start the sign-in again.</source>
        <translation>Votre fournisseur d&apos;identité n&apos;a envoyé aucun code d&apos;autorisation. Recommencez la connexion.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::FederationDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Remo&amp;ve Provider…</source>
        <translation>&amp;Supprimer le fournisseur…</translation>
    </message>
    <message>
        <source>Identity Provider of %1</source>
        <translation>Fournisseur d&apos;identité de %1</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>Identity provider settings</source>
        <translation>Paramètres du fournisseur d&apos;identité</translation>
    </message>
    <message>
        <source>&amp;Provider</source>
        <translation>Fo&amp;urnisseur</translation>
    </message>
    <message>
        <source>C&amp;laims</source>
        <translation>&amp;Revendications</translation>
    </message>
    <message>
        <source>P&amp;olicies</source>
        <translation>Politi&amp;ques</translation>
    </message>
    <message>
        <source>&amp;Group Mappings</source>
        <translation>Correspondances de &amp;groupes</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Remove provider</source>
        <translation>Supprimer le fournisseur</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Issuer URL</source>
        <translation>URL de l&apos;émetteur</translation>
    </message>
    <message>
        <source>https://login.example.com/realms/staff</source>
        <translation>https://login.example.com/realms/staff</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>As the provider registered Gatehouse</source>
        <translation>Tel que le fournisseur a enregistré Gatehouse</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secret client</translation>
    </message>
    <message>
        <source>Client secret state</source>
        <translation>État du secret client</translation>
    </message>
    <message>
        <source>Scopes, separated by spaces</source>
        <translation>Portées, séparées par des espaces</translation>
    </message>
    <message>
        <source>openid profile email</source>
        <translation>openid profile email</translation>
    </message>
    <message>
        <source>Provider CA certificate</source>
        <translation>Certificat d&apos;AC du fournisseur</translation>
    </message>
    <message>
        <source>Load CA Ce&amp;rtificate…</source>
        <translation>&amp;Charger le certificat d&apos;AC…</translation>
    </message>
    <message>
        <source>Load CA certificate</source>
        <translation>Charger le certificat d&apos;AC</translation>
    </message>
    <message>
        <source>&amp;Use System Trust Store</source>
        <translation>Utiliser le magasin de confiance du s&amp;ystème</translation>
    </message>
    <message>
        <source>Use the system&apos;s trust store</source>
        <translation>Utiliser le magasin de confiance du système</translation>
    </message>
    <message>
        <source>Sig&amp;n-in with this provider is enabled</source>
        <translation>La connexion par ce fournisseur est acti&amp;vée</translation>
    </message>
    <message>
        <source>Sign-in with this provider is enabled</source>
        <translation>La connexion par ce fournisseur est activée</translation>
    </message>
    <message>
        <source>&amp;Issuer URL:</source>
        <translation>URL de l&apos;é&amp;metteur&#xa0;:</translation>
    </message>
    <message>
        <source>Client I&amp;D:</source>
        <translation>&amp;ID client&#xa0;:</translation>
    </message>
    <message>
        <source>Client secre&amp;t:</source>
        <translation>Secre&amp;t client&#xa0;:</translation>
    </message>
    <message>
        <source>Scop&amp;es:</source>
        <translation>P&amp;ortées&#xa0;:</translation>
    </message>
    <message>
        <source>Provider C&amp;A:</source>
        <translation>&amp;AC du fournisseur&#xa0;:</translation>
    </message>
    <message>
        <source>Where the ID token says who someone is: a claim&apos;s name, or a path into nested claims joined by dots (org.groups). Only the subject is required; leave another empty to not take it from the provider.</source>
        <translation>Où le jeton d&apos;identité indique qui est la personne&#xa0;: le nom d&apos;une revendication, ou un chemin dans des revendications imbriquées, reliées par des points (org.groups). Seul le sujet est obligatoire&#xa0;; laissez un autre champ vide pour ne pas le reprendre du fournisseur.</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>Su&amp;jet&#xa0;:</translation>
    </message>
    <message>
        <source>Subject claim</source>
        <translation>Revendication du sujet</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Nom d&apos;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Username claim</source>
        <translation>Revendication du nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>E-&amp;mail&#xa0;:</translation>
    </message>
    <message>
        <source>Email claim</source>
        <translation>Revendication de l&apos;e-mail</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Nom &amp;affiché&#xa0;:</translation>
    </message>
    <message>
        <source>Display name claim</source>
        <translation>Revendication du nom affiché</translation>
    </message>
    <message>
        <source>G&amp;roups:</source>
        <translation>Grou&amp;pes&#xa0;:</translation>
    </message>
    <message>
        <source>Groups claim</source>
        <translation>Revendication des groupes</translation>
    </message>
    <message>
        <source>Rese&amp;t to Defaults</source>
        <translation>Rétablir les valeurs par &amp;défaut</translation>
    </message>
    <message>
        <source>Reset the claim paths to the defaults</source>
        <translation>Rétablir les chemins des revendications par défaut</translation>
    </message>
    <message>
        <source>Create a user at their first sign-in (&amp;just-in-time provisioning)</source>
        <translation>Créer l&apos;utilisateur à sa première connexion (provisionnement &amp;juste-à-temps)</translation>
    </message>
    <message>
        <source>Just-in-time provisioning</source>
        <translation>Provisionnement juste-à-temps</translation>
    </message>
    <message>
        <source>Off: only people this provider has signed in before can sign in. An existing account is never matched by its username.</source>
        <translation>Désactivé&#xa0;: seules les personnes que ce fournisseur a déjà connectées peuvent se connecter. Un compte existant n&apos;est jamais rapproché par son nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>Allow local pass&amp;words</source>
        <translation>Autoriser les mots de passe &amp;locaux</translation>
    </message>
    <message>
        <source>Allow local passwords</source>
        <translation>Autoriser les mots de passe locaux</translation>
    </message>
    <message>
        <source>A Tenant Owner can always sign in with their Gatehouse password, so the tenant is never locked out when the provider is down (break-glass).</source>
        <translation>Un propriétaire du locataire (Tenant Owner) peut toujours se connecter avec son mot de passe Gatehouse, de sorte que le locataire n&apos;est jamais bloqué lorsque le fournisseur est indisponible (accès de secours).</translation>
    </message>
    <message>
        <source>Accept provider access tokens from &amp;integrations (token exchange)</source>
        <translation>Accepter les jetons d&apos;accès du fournisseur venant des &amp;intégrations (échange de jetons)</translation>
    </message>
    <message>
        <source>Token exchange for integrations</source>
        <translation>Échange de jetons pour les intégrations</translation>
    </message>
    <message>
        <source>Accepted audience</source>
        <translation>Audience acceptée</translation>
    </message>
    <message>
        <source>The audience the provider&apos;s access tokens carry for Gatehouse</source>
        <translation>L&apos;audience que portent les jetons d&apos;accès du fournisseur pour Gatehouse</translation>
    </message>
    <message>
        <source>Accepted a&amp;udience:</source>
        <translation>&amp;Audience acceptée&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Mappings (members of a provider group get its role at each sign-in):</source>
        <translation>&amp;Correspondances (les membres d&apos;un groupe du fournisseur reçoivent son rôle à chaque connexion)&#xa0;:</translation>
    </message>
    <message>
        <source>Group mappings</source>
        <translation>Correspondances de groupes</translation>
    </message>
    <message>
        <source>Provider Group</source>
        <translation>Groupe du fournisseur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Applies To</source>
        <translation>S&apos;applique à</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <source>Add a group mapping</source>
        <translation>Ajouter une correspondance de groupe</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Re&amp;tirer</translation>
    </message>
    <message>
        <source>Remove the selected group mapping</source>
        <translation>Retirer la correspondance de groupe sélectionnée</translation>
    </message>
    <message>
        <source>Needs the permission %1</source>
        <translation>Nécessite la permission %1</translation>
    </message>
    <message>
        <source>The provider&apos;s https:// URL as its discovery document names it (http:// only on a loopback address)</source>
        <translation>L&apos;URL https:// du fournisseur telle que la nomme son document de découverte (http:// uniquement sur une adresse de bouclage)</translation>
    </message>
    <message>
        <source>Separated by spaces; openid is required</source>
        <translation>Séparées par des espaces&#xa0;; openid est obligatoire</translation>
    </message>
    <message>
        <source>Typed here, it replaces the current secret; left empty, the current one is kept. It is never shown again.</source>
        <translation>Saisi ici, il remplace le secret actuel&#xa0;; laissé vide, le secret actuel est conservé. Il n&apos;est plus jamais affiché.</translation>
    </message>
    <message>
        <source>The CA that issued the provider&apos;s TLS certificate, when it is not one the system trusts</source>
        <translation>L&apos;AC qui a émis le certificat TLS du fournisseur, lorsque le système ne lui fait pas confiance</translation>
    </message>
    <message>
        <source>Reading the group mappings needs the permission %1.</source>
        <translation>Lire les correspondances de groupes nécessite la permission %1.</translation>
    </message>
    <message>
        <source>Read-only: changing the identity provider needs the permission %1, and its group mappings %2.</source>
        <translation>Lecture seule&#xa0;: modifier le fournisseur d&apos;identité nécessite la permission %1, et ses correspondances de groupes %2.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Only the group mappings can be changed here: the provider needs the permission %1.</source>
        <translation>Seules les correspondances de groupes peuvent être modifiées ici&#xa0;: le fournisseur nécessite la permission %1.</translation>
    </message>
    <message>
        <source>Only the provider can be changed here: the group mappings need the permission %1.</source>
        <translation>Seul le fournisseur peut être modifié ici&#xa0;: les correspondances de groupes nécessitent la permission %1.</translation>
    </message>
    <message>
        <source>People of %1 sign in at this OpenID Connect provider. Last changed %2.</source>
        <translation>Les personnes de %1 se connectent auprès de ce fournisseur OpenID Connect. Dernière modification&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 has no identity provider yet. Fill in the provider&apos;s details and save, and its people can sign in there.</source>
        <translation>%1 n&apos;a pas encore de fournisseur d&apos;identité. Renseignez les informations du fournisseur et enregistrez pour que ses membres puissent s&apos;y connecter.</translation>
    </message>
    <message>
        <source>None: the system&apos;s trust store is used.</source>
        <translation>Aucune&#xa0;: le magasin de confiance du système est utilisé.</translation>
    </message>
    <message>
        <source>A CA that is not a PEM certificate; load it again.</source>
        <translation>Une AC qui n&apos;est pas un certificat PEM&#xa0;; chargez-la de nouveau.</translation>
    </message>
    <message>
        <source>%1, expired %2</source>
        <translation>%1, a expiré le %2</translation>
    </message>
    <message>
        <source>%1, expires %2</source>
        <translation>%1, expire le %2</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more certificate(s))</source>
        <translation>
            <numerusform>(et %n autre certificat)</numerusform>
            <numerusform>(et %n autres certificats)</numerusform>
        </translation>
    </message>
    <message>
        <source>A client secret is set.</source>
        <translation>Un secret client est défini.</translation>
    </message>
    <message>
        <source>No client secret is set.</source>
        <translation>Aucun secret client n&apos;est défini.</translation>
    </message>
    <message>
        <source>Set, never shown</source>
        <translation>Défini, jamais affiché</translation>
    </message>
    <message>
        <source>A client secret is set. Type a new one to replace it.</source>
        <translation>Un secret client est défini. Saisissez-en un nouveau pour le remplacer.</translation>
    </message>
    <message>
        <source>Leave empty to keep the current secret</source>
        <translation>Laissez vide pour conserver le secret actuel</translation>
    </message>
    <message>
        <source>As the provider issued it (none for a public client)</source>
        <translation>Tel que le fournisseur l&apos;a émis (aucun pour un client public)</translation>
    </message>
    <message>
        <source>The whole tenant</source>
        <translation>Tout le locataire</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>Espace de travail %1</translation>
    </message>
    <message>
        <source>Load the Provider&apos;s CA Certificate</source>
        <translation>Charger le certificat d&apos;AC du fournisseur</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read %1 as a CA certificate: choose a PEM file of at most 64 KiB.</source>
        <translation>Impossible de lire %1 comme certificat d&apos;AC&#xa0;: choisissez un fichier PEM de 64&#xa0;Kio au plus.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate. Choose the CA&apos;s certificate (-----BEGIN CERTIFICATE-----), not a key.</source>
        <translation>%1 ne contient aucun certificat PEM. Choisissez le certificat de l&apos;AC (-----BEGIN CERTIFICATE-----), pas une clé.</translation>
    </message>
    <message>
        <source>The group %1 is already mapped to that role there.</source>
        <translation>Le groupe %1 est déjà associé à ce rôle à cet endroit.</translation>
    </message>
    <message>
        <source>The provider was saved, but not the group mappings: %1</source>
        <translation>Le fournisseur a été enregistré, mais pas les correspondances de groupes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Remove the identity provider of %1? Nobody can sign in there until a provider is set again; the users it created and the group mappings stay.</source>
        <translation>Supprimer le fournisseur d&apos;identité de %1&#xa0;? Personne ne pourra s&apos;y connecter tant qu&apos;un fournisseur n&apos;aura pas été défini de nouveau&#xa0;; les utilisateurs qu&apos;il a créés et les correspondances de groupes sont conservés.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::FirstRunWizard</name>
    <message>
        <source>Set up Gatehouse</source>
        <translation>Configurer Gatehouse</translation>
    </message>
    <message>
        <source>Where Gatehouse keeps its data</source>
        <translation>Où Gatehouse conserve ses données</translation>
    </message>
    <message>
        <source>Tenants, identities, secrets and the audit trail live in one encrypted store in this folder. Nothing in it is readable without the master key.</source>
        <translation>Les locataires, les identités, les secrets et le journal d&apos;audit se trouvent dans un coffre chiffré unique, dans ce dossier. Rien n&apos;y est lisible sans la clé maîtresse.</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier de données</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Parcourir...</translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation>Choisir le dossier de données</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>&amp;Dossier de données&#xa0;:</translation>
    </message>
    <message>
        <source>Who holds the master key</source>
        <translation>Qui conserve la clé maîtresse</translation>
    </message>
    <message>
        <source>The store is encrypted with a random 256-bit master key. Choose where that key is kept.</source>
        <translation>Le coffre est chiffré avec une clé maîtresse aléatoire de 256 bits. Choisissez où cette clé est conservée.</translation>
    </message>
    <message>
        <source>In this computer&apos;s &amp;keychain (recommended for a desktop)</source>
        <translation>Dans le &amp;trousseau de cet ordinateur (recommandé pour un poste de travail)</translation>
    </message>
    <message>
        <source>In a key &amp;file (for servers and backups; keep it apart from the data)</source>
        <translation>Dans un &amp;fichier clé (pour les serveurs et les sauvegardes&#xa0;; à conserver à l&apos;écart des données)</translation>
    </message>
    <message>
        <source>Derived from a &amp;passphrase, asked at every start</source>
        <translation>&amp;Dérivée d&apos;une phrase secrète, demandée à chaque démarrage</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Fichier clé</translation>
    </message>
    <message>
        <source>B&amp;rowse...</source>
        <translation>Pa&amp;rcourir...</translation>
    </message>
    <message>
        <source>Choose the key file</source>
        <translation>Choisir le fichier clé</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Répétez la phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Répéter&#xa0;:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Robustesse&#xa0;:</translation>
    </message>
    <message>
        <source>Whoever holds the master key can read everything in the store. Losing it loses the store: keep a backup of the key file or remember the passphrase.</source>
        <translation>Quiconque détient la clé maîtresse peut lire tout le contenu du coffre. Perdre la clé, c&apos;est perdre le coffre&#xa0;: conservez une sauvegarde du fichier clé ou retenez la phrase secrète.</translation>
    </message>
    <message>
        <source>The platform administrator</source>
        <translation>L&apos;administrateur de la plateforme</translation>
    </message>
    <message>
        <source>This person creates tenants and platform administrators and reads the platform audit trail. The store is created when you continue.</source>
        <translation>Cette personne crée les locataires et les administrateurs de la plateforme, et consulte le journal d&apos;audit de la plateforme. Le coffre est créé lorsque vous continuez.</translation>
    </message>
    <message>
        <source>&amp;Create store</source>
        <translation>&amp;Créer le coffre</translation>
    </message>
    <message>
        <source>Administrator username</source>
        <translation>Nom d&apos;utilisateur de l&apos;administrateur</translation>
    </message>
    <message>
        <source>Administrator password</source>
        <translation>Mot de passe de l&apos;administrateur</translation>
    </message>
    <message>
        <source>Repeat the administrator password</source>
        <translation>Répétez le mot de passe de l&apos;administrateur</translation>
    </message>
    <message>
        <source>Password policy</source>
        <translation>Politique de mot de passe</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Nom d&apos;&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Répéter&#xa0;:</translation>
    </message>
    <message>
        <source>Creating the store</source>
        <translation>Création du coffre</translation>
    </message>
    <message>
        <source>Two-factor authentication</source>
        <translation>Authentification à deux facteurs</translation>
    </message>
    <message>
        <source>Scan the code with an authenticator app (or type the secret into it), then enter the six-digit code it shows.</source>
        <translation>Scannez le code avec une application d&apos;authentification (ou saisissez-y le secret), puis entrez le code à six chiffres qu&apos;elle affiche.</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>&amp;Confirmer</translation>
    </message>
    <message>
        <source>Authenticator QR code</source>
        <translation>Code QR pour l&apos;authentificateur</translation>
    </message>
    <message>
        <source>Authenticator secret</source>
        <translation>Secret pour l&apos;authentificateur</translation>
    </message>
    <message>
        <source>Code from the authenticator</source>
        <translation>Code de l&apos;authentificateur</translation>
    </message>
    <message>
        <source>Secret:</source>
        <translation>Secret&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>C&amp;ode&#xa0;:</translation>
    </message>
    <message>
        <source>Recovery codes</source>
        <translation>Codes de récupération</translation>
    </message>
    <message>
        <source>Each code signs you in once if the authenticator is lost. They are shown only now: copy or save them, and keep them somewhere safe, away from this computer.</source>
        <translation>Chaque code permet de se connecter une seule fois si l&apos;authentificateur est perdu. Ils ne sont affichés que maintenant&#xa0;: copiez-les ou enregistrez-les, et conservez-les en lieu sûr, à l&apos;écart de cet ordinateur.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the recovery codes</source>
        <translation>Copier les codes de récupération</translation>
    </message>
    <message>
        <source>&amp;Save...</source>
        <translation>&amp;Enregistrer...</translation>
    </message>
    <message>
        <source>Save the recovery codes to a file</source>
        <translation>Enregistrer les codes de récupération dans un fichier</translation>
    </message>
    <message>
        <source>I have &amp;stored these codes</source>
        <translation>J&apos;ai mis ces codes en &amp;lieu sûr</translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in 30 seconds.</source>
        <translation>Copié. Le presse-papiers sera vidé dans 30 secondes.</translation>
    </message>
    <message>
        <source>The clipboard was cleared.</source>
        <translation>Le presse-papiers a été vidé.</translation>
    </message>
    <message>
        <source>Save recovery codes</source>
        <translation>Enregistrer les codes de récupération</translation>
    </message>
    <message>
        <source>Saved to %1 (readable by you only).</source>
        <translation>Enregistré dans %1 (lisible par vous seul).</translation>
    </message>
    <message>
        <source>Could not save to %1: %2. Choose another place.</source>
        <translation>Impossible d&apos;enregistrer dans %1&#xa0;: %2. Choisissez un autre emplacement.</translation>
    </message>
    <message>
        <source>The first tenant (optional)</source>
        <translation>Le premier locataire (facultatif)</translation>
    </message>
    <message>
        <source>A tenant is an organisation with its own people, workspaces and secrets, isolated from every other tenant. You can also create tenants later.</source>
        <translation>Un locataire est une organisation avec ses propres personnes, espaces de travail et secrets, isolée de tous les autres locataires. Vous pouvez aussi créer des locataires plus tard.</translation>
    </message>
    <message>
        <source>Create a &amp;tenant now</source>
        <translation>Créer un &amp;locataire maintenant</translation>
    </message>
    <message>
        <source>Tenant name</source>
        <translation>Nom du locataire</translation>
    </message>
    <message>
        <source>lower-case letters, digits and dashes, e.g. acme</source>
        <translation>lettres minuscules, chiffres et tirets, par ex. acme</translation>
    </message>
    <message>
        <source>Tenant display name</source>
        <translation>Nom d&apos;affichage du locataire</translation>
    </message>
    <message>
        <source>Tenant owner username</source>
        <translation>Nom d&apos;utilisateur du propriétaire du locataire</translation>
    </message>
    <message>
        <source>Tenant owner password</source>
        <translation>Mot de passe du propriétaire du locataire</translation>
    </message>
    <message>
        <source>Repeat the tenant owner password</source>
        <translation>Répétez le mot de passe du propriétaire du locataire</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Nom d&apos;&amp;affichage&#xa0;:</translation>
    </message>
    <message>
        <source>Owner &amp;username:</source>
        <translation>Nom d&apos;&amp;utilisateur du propriétaire&#xa0;:</translation>
    </message>
    <message>
        <source>Owner &amp;password:</source>
        <translation>&amp;Mot de passe du propriétaire&#xa0;:</translation>
    </message>
    <message>
        <source>12 to 128 characters; not a common password and not the username.</source>
        <translation>De 12 à 128 caractères&#xa0;; ni un mot de passe courant, ni le nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <source>Acceptable. Now type it again below.</source>
        <translation>Acceptable. Saisissez-le à nouveau ci-dessous.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
    <message>
        <source>✓ The password meets the policy.</source>
        <translation>✓ Le mot de passe respecte la politique.</translation>
    </message>
    <message>
        <source>Give the folder as a full path, e.g. %1.</source>
        <translation>Indiquez le dossier sous forme de chemin complet, par ex. %1.</translation>
    </message>
    <message>
        <source>%1 already holds a Gatehouse store. Open it with gatehouse --data-dir, or choose an empty folder.</source>
        <translation>%1 contient déjà un coffre Gatehouse. Ouvrez-le avec gatehouse --data-dir, ou choisissez un dossier vide.</translation>
    </message>
    <message>
        <source>%1 is not empty. Choose an empty or new folder.</source>
        <translation>%1 n&apos;est pas vide. Choisissez un dossier vide ou nouveau.</translation>
    </message>
    <message>
        <source>Give the key file as a full path.</source>
        <translation>Indiquez le fichier clé sous forme de chemin complet.</translation>
    </message>
    <message>
        <source>%1 exists already. Choose a new file name, so no other key is overwritten.</source>
        <translation>%1 existe déjà. Choisissez un nouveau nom de fichier, afin qu&apos;aucune autre clé ne soit écrasée.</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist.</source>
        <translation>Le dossier de %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>The passphrase needs at least 12 characters; several unrelated words are easy to remember and hard to guess.</source>
        <translation>La phrase secrète doit compter au moins 12 caractères&#xa0;; plusieurs mots sans rapport entre eux sont faciles à retenir et difficiles à deviner.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>Les deux phrases secrètes diffèrent&#xa0;; saisissez-les à nouveau.</translation>
    </message>
    <message>
        <source>This passphrase is easy to guess. Add more unrelated words.</source>
        <translation>Cette phrase secrète est facile à deviner. Ajoutez d&apos;autres mots sans rapport entre eux.</translation>
    </message>
    <message>
        <source>The store was not created: %1</source>
        <translation>Le coffre n&apos;a pas été créé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Enter the six digits the authenticator shows.</source>
        <translation>Entrez les six chiffres affichés par l&apos;authentificateur.</translation>
    </message>
    <message>
        <source>A tenant needs a name and an owner&apos;s username.</source>
        <translation>Un locataire doit avoir un nom et le nom d&apos;utilisateur d&apos;un propriétaire.</translation>
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
        <translation>Transfert de l&apos;audit</translation>
    </message>
    <message>
        <source>Forwarding status</source>
        <translation>État du transfert</translation>
    </message>
    <message>
        <source>Forwarding destinations</source>
        <translation>Destinations de transfert</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>Collector</source>
        <translation>Collecteur</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Behind (events)</source>
        <translation>Retard (événements)</translation>
    </message>
    <message>
        <source>Behind (time)</source>
        <translation>Retard (durée)</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Refresh forwarding status</source>
        <translation>Actualiser l&apos;état du transfert</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Reading the forwarding status...</source>
        <translation>Lecture de l&apos;état du transfert...</translation>
    </message>
    <message>
        <source>Could not read the forwarding status: %1</source>
        <translation>Impossible de lire l&apos;état du transfert : %1</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>connectée</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connectée</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>This tenant</source>
        <translation>Ce locataire</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>à jour</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No forwarding destinations in this scope.</source>
        <translation>Aucune destination de transfert dans cette portée.</translation>
    </message>
    <message>
        <source>One destination.</source>
        <translation>Une destination.</translation>
    </message>
    <message>
        <source>%1 destinations.</source>
        <translation>%1 destinations.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>Aj&amp;outer…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Where the audit trail of %1 is sent (syslog over TLS to a SIEM), and how far each collector is behind.</source>
        <translation>Où le journal d&apos;audit %1 est envoyé (syslog sur TLS vers un SIEM), et le retard de chaque collecteur.</translation>
    </message>
    <message>
        <source>Add a forwarding destination</source>
        <translation>Ajouter une destination de transfert</translation>
    </message>
    <message>
        <source>Change the selected destination</source>
        <translation>Modifier la destination sélectionnée</translation>
    </message>
    <message>
        <source>Remove the selected destination</source>
        <translation>Supprimer la destination sélectionnée</translation>
    </message>
    <message>
        <source>the platform (every event)</source>
        <translation>de la plateforme (tous les événements)</translation>
    </message>
    <message>
        <source>the tenant %1</source>
        <translation>du locataire %1</translation>
    </message>
    <message>
        <source>Needs the permission %1.</source>
        <translation>Nécessite l&apos;autorisation %1.</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 ajoutée.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 enregistrée.</translation>
    </message>
    <message>
        <source>Remove the forwarding destination %1? Events are no longer sent to it; what it already received stays with the collector.</source>
        <translation>Supprimer la destination de transfert %1&#xa0;? Les événements ne lui sont plus envoyés&#xa0;; ce qu&apos;elle a déjà reçu reste chez le collecteur.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>%1 supprimée.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::GroupMappingDialog</name>
    <message>
        <source>Map a Provider Group</source>
        <translation>Associer un groupe du fournisseur</translation>
    </message>
    <message>
        <source>Provider group</source>
        <translation>Groupe du fournisseur</translation>
    </message>
    <message>
        <source>As the provider sends it, e.g. gatehouse-admins</source>
        <translation>Tel que le fournisseur l&apos;envoie, p.&#xa0;ex. gatehouse-admins</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>You do not hold %1</source>
        <translation>Vous ne détenez pas %1</translation>
    </message>
    <message>
        <source>Where the role applies</source>
        <translation>Où le rôle s&apos;applique</translation>
    </message>
    <message>
        <source>The whole tenant</source>
        <translation>Tout le locataire</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>Espace de travail %1</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Groupe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>A&amp;pplies to:</source>
        <translation>&amp;S&apos;applique à&#xa0;:</translation>
    </message>
    <message>
        <source>Members of the group get the role when they sign in, and lose it at their next sign-in once the provider no longer lists them. Greyed-out roles hold permissions you do not hold.</source>
        <translation>Les membres du groupe reçoivent le rôle à leur connexion et le perdent à leur connexion suivante dès que le fournisseur ne les liste plus. Les rôles grisés comportent des permissions que vous ne détenez pas.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Type the group&apos;s name as the provider sends it.</source>
        <translation>Saisissez le nom du groupe tel que le fournisseur l&apos;envoie.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Choisissez un rôle.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::IdentitiesPane</name>
    <message>
        <source>Identities</source>
        <translation>Identités</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>User actions</source>
        <translation>Actions sur les utilisateurs</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>Dés&amp;activer</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>Ac&amp;tiver</translation>
    </message>
    <message>
        <source>Reset &amp;Password…</source>
        <translation>Réinitialiser le mot de pass&amp;e…</translation>
    </message>
    <message>
        <source>Reset &amp;Two-Factor…</source>
        <translation>Réinitialiser l&apos;authentification à deu&amp;x facteurs…</translation>
    </message>
    <message>
        <source>End &amp;Sessions…</source>
        <translation>Mettre fin aux &amp;sessions…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actualise&amp;r</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Rechercher des utilisateurs</translation>
    </message>
    <message>
        <source>Search users (Ctrl+F)</source>
        <translation>Rechercher des utilisateurs (Ctrl+F)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Created %1. Grant a role in Roles &amp; Access to let them do anything.</source>
        <translation>%1 a été créé. Attribuez un rôle dans « Rôles et accès » pour lui permettre d&apos;agir.</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
    <message>
        <source>Locked %1: they cannot sign in until unlocked.</source>
        <translation>%1 verrouillé&#xa0;: aucune connexion n&apos;est possible avant le déverrouillage.</translation>
    </message>
    <message>
        <source>Unlocked %1.</source>
        <translation>%1 déverrouillé.</translation>
    </message>
    <message>
        <source>Disable %1? They cannot sign in, and their sessions end, until enabled again.</source>
        <translation>Désactiver %1&#xa0;? Jusqu&apos;à sa réactivation, aucune connexion n&apos;est possible et ses sessions prennent fin.</translation>
    </message>
    <message>
        <source>Disabled %1.</source>
        <translation>%1 désactivé.</translation>
    </message>
    <message>
        <source>Enabled %1.</source>
        <translation>%1 activé.</translation>
    </message>
    <message>
        <source>Reset the password of %1.</source>
        <translation>Le mot de passe de %1 a été réinitialisé.</translation>
    </message>
    <message>
        <source>Remove the authenticator and recovery codes of %1? They sign in with their password alone until they enrol again.</source>
        <translation>Supprimer l&apos;authentificateur et les codes de récupération de %1&#xa0;? La connexion se fera avec le seul mot de passe jusqu&apos;à un nouvel enregistrement.</translation>
    </message>
    <message>
        <source>Reset the two-factor authentication of %1.</source>
        <translation>L&apos;authentification à deux facteurs de %1 a été réinitialisée.</translation>
    </message>
    <message>
        <source>End every session of %1? They must sign in again.</source>
        <translation>Mettre fin à toutes les sessions de %1&#xa0;? Une nouvelle connexion sera nécessaire.</translation>
    </message>
    <message>
        <source>Ended the sessions of %1.</source>
        <translation>Les sessions de %1 ont pris fin.</translation>
    </message>
    <message>
        <source>&amp;Users</source>
        <translation>&amp;Utilisateurs</translation>
    </message>
    <message>
        <source>&amp;Integrations</source>
        <translation>&amp;Intégrations</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::IntegrationDialog</name>
    <message>
        <source>New Integration</source>
        <translation>Nouvelle intégration</translation>
    </message>
    <message>
        <source>An integration is a program that acts through the API with tokens you issue to it. It can do nothing until you grant it a role in Roles &amp; Access.</source>
        <translation>Une intégration est un programme qui agit via l&apos;API avec les jetons que vous lui émettez. Elle ne peut rien faire tant que vous ne lui avez pas attribué de rôle dans « Rôles et accès ».</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>deploy-bot</source>
        <translation>deploy-bot</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>What it is for, who runs it</source>
        <translation>À quoi elle sert, qui l&apos;exploite</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description&#xa0;:</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>C&amp;réer</translation>
    </message>
    <message>
        <source>Bind %1 to a Client Certificate</source>
        <translation>Lier %1 à un certificat client</translation>
    </message>
    <message>
        <source>Once bound, the tokens of %1 work only over a mutual-TLS connection that presents this certificate. Paste its SHA-256 fingerprint, or choose the certificate&apos;s PEM file.</source>
        <translation>Une fois liée, les jetons de %1 ne fonctionnent que sur une connexion TLS mutuelle présentant ce certificat. Collez son empreinte SHA-256 ou choisissez le fichier PEM du certificat.</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>Empreinte SHA-256</translation>
    </message>
    <message>
        <source>AB:CD:… (64 hexadecimal digits)</source>
        <translation>AB:CD:… (64 chiffres hexadécimaux)</translation>
    </message>
    <message>
        <source>&amp;Choose PEM File…</source>
        <translation>&amp;Choisir un fichier PEM…</translation>
    </message>
    <message>
        <source>Choose a PEM certificate file</source>
        <translation>Choisir un fichier de certificat PEM</translation>
    </message>
    <message>
        <source>&amp;SHA-256:</source>
        <translation>&amp;SHA-256&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Bind</source>
        <translation>&amp;Lier</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate. Choose the client certificate (-----BEGIN CERTIFICATE-----), not its key.</source>
        <translation>%1 ne contient aucun certificat PEM. Choisissez le certificat client (-----BEGIN CERTIFICATE-----), pas sa clé.</translation>
    </message>
    <message>
        <source>Choose the Client Certificate</source>
        <translation>Choisir le certificat client</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificats PEM (*.pem *.crt *.cer);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Give the integration a name.</source>
        <translation>Donnez un nom à l&apos;intégration.</translation>
    </message>
    <message>
        <source>A SHA-256 fingerprint is 64 hexadecimal digits (colons allowed). Paste it again, or choose the certificate&apos;s PEM file.</source>
        <translation>Une empreinte SHA-256 compte 64 chiffres hexadécimaux (deux-points autorisés). Collez-la à nouveau ou choisissez le fichier PEM du certificat.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::IntegrationModel</name>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillée</translation>
    </message>
    <message>
        <source>Not bound</source>
        <translation>Non liée</translation>
    </message>
    <message>
        <source>Bound (%1…)</source>
        <translation>Liée (%1…)</translation>
    </message>
    <message>
        <source>Its tokens work over any TLS connection</source>
        <translation>Ses jetons fonctionnent sur toute connexion TLS</translation>
    </message>
    <message>
        <source>Its tokens work only over mutual TLS with the certificate of SHA-256 %1</source>
        <translation>Ses jetons ne fonctionnent qu&apos;en TLS mutuel avec le certificat d&apos;empreinte SHA-256 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Certificat client</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::IntegrationsPane</name>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Intégrations</translation>
    </message>
    <message>
        <source>Integration actions</source>
        <translation>Actions sur les intégrations</translation>
    </message>
    <message>
        <source>&amp;New Integration…</source>
        <translation>&amp;Nouvelle intégration…</translation>
    </message>
    <message>
        <source>Loc&amp;k</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>Unl&amp;ock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>S&amp;upprimer…</translation>
    </message>
    <message>
        <source>&amp;Bind Certificate…</source>
        <translation>&amp;Lier un certificat…</translation>
    </message>
    <message>
        <source>Unbin&amp;d</source>
        <translation>Dé&amp;lier</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Actualis&amp;er</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Token actions</source>
        <translation>Actions sur les jetons</translation>
    </message>
    <message>
        <source>Issue &amp;Token…</source>
        <translation>Émettre un &amp;jeton…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Ré&amp;voquer…</translation>
    </message>
    <message>
        <source>Search integrations</source>
        <translation>Rechercher des intégrations</translation>
    </message>
    <message>
        <source>Search integrations (Ctrl+F)</source>
        <translation>Rechercher des intégrations (Ctrl+F)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Tokens of %1</source>
        <translation>Jetons de %1</translation>
    </message>
    <message>
        <source>Integrations belong to a tenant: choose one to see its integrations.</source>
        <translation>Les intégrations appartiennent à un locataire&#xa0;: choisissez-en un pour voir ses intégrations.</translation>
    </message>
    <message>
        <source>Listing integrations needs the permission %1.</source>
        <translation>Lister les intégrations nécessite la permission %1.</translation>
    </message>
    <message>
        <source>Created %1. Grant it a role in Roles &amp; Access, then issue it a token.</source>
        <translation>%1 créée. Attribuez-lui un rôle dans « Rôles et accès », puis émettez-lui un jeton.</translation>
    </message>
    <message>
        <source>Locked %1: its tokens are refused until it is unlocked.</source>
        <translation>%1 verrouillée&#xa0;: ses jetons sont refusés jusqu&apos;à son déverrouillage.</translation>
    </message>
    <message>
        <source>Unlocked %1.</source>
        <translation>%1 déverrouillée.</translation>
    </message>
    <message>
        <source>Delete %1? Its tokens stop working at once, and its role bindings go with it. This cannot be undone.</source>
        <translation>Supprimer %1&#xa0;? Ses jetons cessent aussitôt de fonctionner et ses attributions de rôles sont supprimées avec elle. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 supprimée.</translation>
    </message>
    <message>
        <source>Bound %1 to the certificate %2: its tokens now work only over mutual TLS with it.</source>
        <translation>%1 liée au certificat %2&#xa0;: ses jetons ne fonctionnent plus qu&apos;en TLS mutuel avec celui-ci.</translation>
    </message>
    <message>
        <source>Unbind %1 from its client certificate? Its tokens then work over any TLS connection.</source>
        <translation>Délier %1 de son certificat client&#xa0;? Ses jetons fonctionneront alors sur toute connexion TLS.</translation>
    </message>
    <message>
        <source>Unbound %1 from its client certificate.</source>
        <translation>%1 déliée de son certificat client.</translation>
    </message>
    <message>
        <source>Issued a token to %1, expiring %2.</source>
        <translation>Jeton émis pour %1, expirant le %2.</translation>
    </message>
    <message>
        <source>Revoke the token %1… of %2? Whatever uses it is refused from now on. This cannot be undone.</source>
        <translation>Révoquer le jeton %1… de %2&#xa0;? Tout ce qui l&apos;utilise sera refusé dès maintenant. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Revoked the token that begins %1.</source>
        <translation>Le jeton commençant par %1 a été révoqué.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::LockPage</name>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Se dé&amp;connecter</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillée</translation>
    </message>
    <message>
        <source>Why the console is locked</source>
        <translation>Pourquoi la console est verrouillée</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Forget this identity and sign in as someone else</source>
        <translation>Oublier cette identité et se connecter sous une autre</translation>
    </message>
    <message>
        <source>Gatehouse is locked</source>
        <translation>Gatehouse est verrouillé</translation>
    </message>
    <message>
        <source>Sign in to Gatehouse</source>
        <translation>Se connecter à Gatehouse</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::MainWindow</name>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity.</source>
        <translation>
            <numerusform>Verrouillage après %n minute d&apos;inactivité.</numerusform>
            <numerusform>Verrouillage après %n minutes d&apos;inactivité.</numerusform>
        </translation>
    </message>
    <message>
        <source>Panes</source>
        <translation>Volets</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>Encrypted store</source>
        <translation>Coffre chiffré</translation>
    </message>
    <message>
        <source>Tenants &amp; Workspaces</source>
        <translation>Locataires et espaces de travail</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identités</translation>
    </message>
    <message>
        <source>Roles &amp; Access</source>
        <translation>Rôles et accès</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <source>Console toolbar</source>
        <translation>Barre d&apos;outils de la console</translation>
    </message>
    <message>
        <source>S&amp;cope:</source>
        <translation>&amp;Portée&#xa0;:</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>The tenant or workspace the panes show and act in</source>
        <translation>Le locataire ou l&apos;espace de travail que les volets affichent et dans lequel ils agissent</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>Lock the console now (Ctrl+L)</source>
        <translation>Verrouiller la console maintenant (Ctrl+L)</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Se dé&amp;connecter</translation>
    </message>
    <message>
        <source>End the session and forget this identity</source>
        <translation>Mettre fin à la session et oublier cette identité</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Traitement en cours</translation>
    </message>
    <message>
        <source>Identity and scope</source>
        <translation>Identité et portée</translation>
    </message>
    <message>
        <source>API not served</source>
        <translation>API non servie</translation>
    </message>
    <message>
        <source>Local API</source>
        <translation>API locale</translation>
    </message>
    <message>
        <source>Copy the API address and certificate fingerprint</source>
        <translation>Copier l&apos;adresse de l&apos;API et l&apos;empreinte du certificat</translation>
    </message>
    <message>
        <source>%1
SHA-256 fingerprint %2</source>
        <translation>%1
Empreinte SHA-256 %2</translation>
    </message>
    <message>
        <source>Copied the API address and certificate fingerprint.</source>
        <translation>Adresse de l&apos;API et empreinte du certificat copiées.</translation>
    </message>
    <message>
        <source>Store encryption and key custody</source>
        <translation>Chiffrement du coffre et conservation de la clé</translation>
    </message>
    <message>
        <source>SQLCipher %1 · key: %2</source>
        <translation>SQLCipher %1 · clé&#xa0;: %2</translation>
    </message>
    <message>
        <source>API %1 · SHA-256 %2</source>
        <translation>API %1 · SHA-256 %2</translation>
    </message>
    <message>
        <source>Local HTTPS API at %1
Certificate SHA-256 fingerprint:
%2</source>
        <translation>API HTTPS locale à l&apos;adresse %1
Empreinte SHA-256 du certificat&#xa0;:
%2</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Session fermée.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>%1 (platform)</source>
        <translation>%1 (plateforme)</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 dans %2</translation>
    </message>
    <message>
        <source>%1 · locked</source>
        <translation>%1 · console verrouillée</translation>
    </message>
    <message>
        <source>Signed in as %1 · scope %2</source>
        <translation>Connecté en tant que %1 · portée %2</translation>
    </message>
    <message>
        <source>Locked with the screen.</source>
        <translation>Console verrouillée avec l&apos;écran.</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Ré&amp;glages…</translation>
    </message>
    <message>
        <source>Console settings: when to lock</source>
        <translation>Réglages de la console&#xa0;: quand verrouiller</translation>
    </message>
    <message>
        <source>Store %1 in %2, encrypted with %3
Master key: %4</source>
        <translation>Coffre %1 dans %2, chiffré avec %3
Clé maîtresse&#xa0;: %4</translation>
    </message>
    <message>
        <source>Sign in again to continue.</source>
        <translation>Reconnectez-vous pour continuer.</translation>
    </message>
    <message>
        <source>Newest signed audit checkpoint</source>
        <translation>Dernier point de contrôle signé du journal d&apos;audit</translation>
    </message>
    <message>
        <source>Audit signed to #%1 · %2…</source>
        <translation>Audit signé jusqu’à n°&#xa0;%1 · %2…</translation>
    </message>
    <message>
        <source>Newest signed checkpoint: event %1, %2
SHA-256 of that event: %3
Note it outside the store: a rewritten history would not match it.</source>
        <translation>Dernier point de contrôle signé&#xa0;: événement %1, %2
SHA-256 de cet événement&#xa0;: %3
Notez-le hors du coffre&#xa0;: un historique réécrit ne lui correspondrait pas.</translation>
    </message>
    <message>
        <source>Trust Boundaries</source>
        <translation>Frontières de confiance</translation>
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
        <translation>Connectez-vous d&apos;abord</translation>
    </message>
    <message>
        <source>Needs the permission %1</source>
        <translation>Nécessite la permission %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::OverviewModel</name>
    <message>
        <source>Platform administrators</source>
        <translation>Administrateurs de la plateforme</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>not visible to you</source>
        <translation>non visible pour vous</translation>
    </message>
    <message>
        <source>You may not read what this counts.</source>
        <translation>Vous n&apos;êtes pas autorisé à consulter ce qui est compté ici.</translation>
    </message>
    <message>
        <source>Double-click to see them.</source>
        <translation>Double-cliquez pour les afficher.</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Locataire</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Espaces de travail</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillés</translation>
    </message>
    <message>
        <source>Admins without 2FA</source>
        <translation>Administrateurs sans 2FA</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <source>Due in 7 days</source>
        <translation>Échéance sous 7 jours</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Failed sign-ins (24 h)</source>
        <translation>Échecs de connexion (24 h)</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::OverviewPane</name>
    <message>
        <source>What needs attention</source>
        <translation>Points à surveiller</translation>
    </message>
    <message>
        <source>Secrets overdue</source>
        <translation>Secrets en retard</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>Échéance sous 7 jours</translation>
    </message>
    <message>
        <source>Locked accounts</source>
        <translation>Comptes verrouillés</translation>
    </message>
    <message>
        <source>Admins without 2FA</source>
        <translation>Administrateurs sans 2FA</translation>
    </message>
    <message>
        <source>Failed sign-ins, 24 h</source>
        <translation>Échecs de connexion, 24 h</translation>
    </message>
    <message>
        <source>Tenants and what needs attention in each</source>
        <translation>Locataires et points à surveiller dans chacun</translation>
    </message>
    <message>
        <source>%1: not visible to you</source>
        <translation>%1&#xa0;: non visible pour vous</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>Les afficher</translation>
    </message>
    <message>
        <source>Nothing to summarize at this scope for you: %1</source>
        <translation>Rien à résumer pour vous dans cette portée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::PasswordStrengthMeter</name>
    <message>
        <source>Passphrase strength</source>
        <translation>Robustesse de la phrase secrète</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bonne</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>Excellente</translation>
    </message>
    <message>
        <source>%1 (%2 bits)</source>
        <translation>%1 (%2 bits)</translation>
    </message>
    <message>
        <source>No passphrase yet</source>
        <translation>Aucune phrase secrète pour l&apos;instant</translation>
    </message>
    <message>
        <source>Estimated strength: %1</source>
        <translation>Robustesse estimée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::QrCodeWidget</name>
    <message>
        <source>QR code</source>
        <translation>Code QR</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RoleDialog</name>
    <message>
        <source>Tenants</source>
        <translation>Locataires</translation>
    </message>
    <message>
        <source>Tenant settings</source>
        <translation>Paramètres du locataire</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Espaces de travail</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Intégrations</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>Role bindings</source>
        <translation>Attributions de rôles</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Trust boundaries</source>
        <translation>Limites de confiance</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Preuves</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Métriques</translation>
    </message>
    <message>
        <source>Ownership</source>
        <translation>Propriété</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>Nouveau rôle</translation>
    </message>
    <message>
        <source>Role name</source>
        <translation>Nom du rôle</translation>
    </message>
    <message>
        <source>lower-case, for example deploy-operators</source>
        <translation>en minuscules, par exemple deploy-operators</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Edit role %1</source>
        <translation>Modifier le rôle %1</translation>
    </message>
    <message>
        <source>Role description</source>
        <translation>Description du rôle</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description&#xa0;:</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Permissions</translation>
    </message>
    <message>
        <source>&amp;Permissions:</source>
        <translation>&amp;Permissions&#xa0;:</translation>
    </message>
    <message>
        <source>You do not hold %1, so you cannot grant it</source>
        <translation>Vous ne détenez pas %1 et ne pouvez donc pas l&apos;accorder</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>This role holds permissions you do not hold (%1); only someone who holds them can change it.</source>
        <translation>Ce rôle comporte des permissions que vous ne détenez pas (%1)&#xa0;; seule une personne qui les détient peut le modifier.</translation>
    </message>
    <message>
        <source>Greyed-out permissions are ones you do not hold: nobody grants what they do not have.</source>
        <translation>Les permissions grisées sont celles que vous ne détenez pas&#xa0;: nul ne peut accorder ce qu&apos;il n&apos;a pas.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Enter a name for the role.</source>
        <translation>Saisissez un nom pour le rôle.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::RoleModel</name>
    <message>
        <source>Built-in</source>
        <translation>Intégré</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Not known: reading bindings needs the permission bindings.read</source>
        <translation>Inconnu&#xa0;: la lecture des attributions nécessite la permission bindings.read</translation>
    </message>
    <message>
        <source>Defined by Gatehouse; it cannot be changed or deleted</source>
        <translation>Défini par Gatehouse&#xa0;; il ne peut être ni modifié ni supprimé</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Permissions</translation>
    </message>
    <message>
        <source>Bindings</source>
        <translation>Attributions</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SecretDialog</name>
    <message>
        <source>New secret</source>
        <translation>Nouveau secret</translation>
    </message>
    <message>
        <source>For example db/prod/password</source>
        <translation>Par exemple db/prod/password</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description&#xa0;:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Comma-separated: database, production</source>
        <translation>Séparées par des virgules&#xa0;: database, production</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>É&amp;tiquettes&#xa0;:</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>No rotation period</source>
        <translation>Aucune période de rotation</translation>
    </message>
    <message>
        <source>&amp;Rotate every:</source>
        <translation>&amp;Rotation tous les&#xa0;:</translation>
    </message>
    <message>
        <source>Rotation period in days</source>
        <translation>Période de rotation en jours</translation>
    </message>
    <message>
        <source>E&amp;xpires on</source>
        <translation>E&amp;xpire le</translation>
    </message>
    <message>
        <source>The secret expires</source>
        <translation>Le secret expire</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Date d&apos;expiration</translation>
    </message>
    <message>
        <source>New version of %1</source>
        <translation>Nouvelle version de %1</translation>
    </message>
    <message>
        <source>Sh&amp;ow the value</source>
        <translation>Affi&amp;cher la valeur</translation>
    </message>
    <message>
        <source>Show the value while typing</source>
        <translation>Afficher la valeur pendant la saisie</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Valeur&#xa0;:</translation>
    </message>
    <message>
        <source>New &amp;value:</source>
        <translation>Nouvelle &amp;valeur&#xa0;:</translation>
    </message>
    <message>
        <source>Secret value</source>
        <translation>Valeur secrète</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The new value becomes the current version; the earlier versions are kept up to the secret&apos;s limit, and can be restored.</source>
        <translation>La nouvelle valeur devient la version actuelle&#xa0;; les versions antérieures sont conservées dans la limite fixée pour le secret et peuvent être restaurées.</translation>
    </message>
    <message>
        <source>Enter a name, such as db/prod/password.</source>
        <translation>Saisissez un nom, par exemple db/prod/password.</translation>
    </message>
    <message>
        <source>Enter the value to store.</source>
        <translation>Saisissez la valeur à stocker.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SecretModel</name>
    <message>
        <source>Overdue since %1</source>
        <translation>En retard depuis le %1</translation>
    </message>
    <message numerus="yes">
        <source>Due %1 (in %n day(s))</source>
        <translation>
            <numerusform>Échéance le %1 (dans %n jour)</numerusform>
            <numerusform>Échéance le %1 (dans %n jours)</numerusform>
        </translation>
    </message>
    <message>
        <source>No rotation period</source>
        <translation>Aucune période de rotation</translation>
    </message>
    <message>
        <source>Does not expire</source>
        <translation>N&apos;expire pas</translation>
    </message>
    <message>
        <source>Expired %1</source>
        <translation>Expiré le %1</translation>
    </message>
    <message numerus="yes">
        <source>Version %1 is current; up to %n version(s) are kept. Versions… lists them.</source>
        <translation>
            <numerusform>La version %1 est l&apos;actuelle&#xa0;; jusqu&apos;à %n version est conservée. « Versions… » les liste.</numerusform>
            <numerusform>La version %1 est l&apos;actuelle&#xa0;; jusqu&apos;à %n versions sont conservées. « Versions… » les liste.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rotated every %n day(s)</source>
        <translation>
            <numerusform>Période de rotation&#xa0;: %n jour</numerusform>
            <numerusform>Période de rotation&#xa0;: %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Rotation due</source>
        <translation>Rotation prévue</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expiration</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SecretRevealDialog</name>
    <message>
        <source>Reveal %1</source>
        <translation>Révéler %1</translation>
    </message>
    <message numerus="yes">
        <source>Revealing a secret is recorded in the audit trail with your reason. The value is cleared from this window after %n second(s).</source>
        <translation>
            <numerusform>La révélation d&apos;un secret est consignée dans le journal d&apos;audit avec votre motif. La valeur est effacée de cette fenêtre au bout de %n seconde.</numerusform>
            <numerusform>La révélation d&apos;un secret est consignée dans le journal d&apos;audit avec votre motif. La valeur est effacée de cette fenêtre au bout de %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Required: incident 4711, rotating the database password…</source>
        <translation>Obligatoire&#xa0;: incident 4711, rotation du mot de passe de la base de données…</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>&amp;Révéler</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Révéler</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the value</source>
        <translation>Copier la valeur</translation>
    </message>
    <message numerus="yes">
        <source>Copy to the clipboard, marked as a secret; cleared after %n second(s)</source>
        <translation>
            <numerusform>Copier dans le presse-papiers, marqué comme secret&#xa0;; effacé au bout de %n seconde</numerusform>
            <numerusform>Copier dans le presse-papiers, marqué comme secret&#xa0;; effacé au bout de %n secondes</numerusform>
        </translation>
    </message>
    <message>
        <source>The value was cleared from this window. Reveal it again to see it.</source>
        <translation>La valeur a été effacée de cette fenêtre. Révélez-la à nouveau pour la voir.</translation>
    </message>
    <message>
        <source>Re&amp;ason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Valeur&#xa0;:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Say why you reveal this secret: the reason goes into the audit trail.</source>
        <translation>Indiquez pourquoi vous révélez ce secret&#xa0;: le motif est consigné dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Version %1, revealed and recorded.</source>
        <translation>Version %1, révélée et consignée.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SecretValueField</name>
    <message>
        <source>Secret value</source>
        <translation>Valeur secrète</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <source>Show the value</source>
        <translation>Afficher la valeur</translation>
    </message>
    <message>
        <source>Show or hide the value (Alt+S)</source>
        <translation>Afficher ou masquer la valeur (Alt+A)</translation>
    </message>
    <message>
        <source>Time until the value is cleared</source>
        <translation>Temps restant avant l&apos;effacement de la valeur</translation>
    </message>
    <message>
        <source>The value is removed from this window then</source>
        <translation>La valeur sera alors retirée de cette fenêtre</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Masquer</translation>
    </message>
    <message>
        <source>Hide the value</source>
        <translation>Masquer la valeur</translation>
    </message>
    <message numerus="yes">
        <source>Removed in %n s</source>
        <translation>
            <numerusform>Retrait dans %n s</numerusform>
            <numerusform>Retrait dans %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SecretVersionModel</name>
    <message>
        <source>Destroyed %1</source>
        <translation>Détruite le %1</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Actuelle</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Conservée</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée le</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Créée par</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SecretVersionsDialog</name>
    <message>
        <source>Versions of %1</source>
        <translation>Versions de %1</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Restore the selected version</source>
        <translation>Restaurer la version sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Destroy…</source>
        <translation>&amp;Détruire…</translation>
    </message>
    <message>
        <source>Destroy the selected version</source>
        <translation>Détruire la version sélectionnée</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Needs the permission %1</source>
        <translation>Nécessite la permission %1</translation>
    </message>
    <message>
        <source>Make the selected earlier version the newest again (as a new version)</source>
        <translation>Faire de la version antérieure sélectionnée la version la plus récente (sous forme de nouvelle version)</translation>
    </message>
    <message>
        <source>Destroy the selected earlier version&apos;s value for good</source>
        <translation>Détruire définitivement la valeur de la version antérieure sélectionnée</translation>
    </message>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>Destroy version %1 of %2? Its value is gone for good; this cannot be undone.</source>
        <translation>Détruire la version %1 de %2&#xa0;? Sa valeur sera définitivement perdue&#xa0;; cette action est irréversible.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SecretsPane</name>
    <message>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation>Espace de tr&amp;avail&#xa0;:</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>Secrets live in a workspace; this is the scope the console acts in</source>
        <translation>Les secrets se trouvent dans un espace de travail&#xa0;; c&apos;est la portée dans laquelle la console agit</translation>
    </message>
    <message>
        <source>Secret actions</source>
        <translation>Actions sur les secrets</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <source>New &amp;Version…</source>
        <translation>Nouvelle vers&amp;ion…</translation>
    </message>
    <message>
        <source>Ver&amp;sions…</source>
        <translation>Ver&amp;sions…</translation>
    </message>
    <message>
        <source>&amp;Reveal…</source>
        <translation>&amp;Révéler…</translation>
    </message>
    <message>
        <source>&amp;Mark Rotated</source>
        <translation>&amp;Marquer la rotation</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>S&amp;upprimer…</translation>
    </message>
    <message>
        <source>&amp;Undelete…</source>
        <translation>Res&amp;taurer…</translation>
    </message>
    <message>
        <source>Due &amp;Only</source>
        <translation>À échéance uni&amp;quement</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Actualis&amp;er</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Search secrets</source>
        <translation>Rechercher des secrets</translation>
    </message>
    <message>
        <source>Search names, tags, descriptions (Ctrl+F)</source>
        <translation>Rechercher dans les noms, étiquettes, descriptions (Ctrl+F)</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Conseil</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Pick a workspace…</source>
        <translation>Choisissez un espace de travail…</translation>
    </message>
    <message>
        <source>Secrets live in a workspace. Pick one above, or in the scope selector.</source>
        <translation>Les secrets se trouvent dans un espace de travail. Choisissez-en un ci-dessus, ou dans le sélecteur de portée.</translation>
    </message>
    <message>
        <source>Secrets live in a workspace, and this identity sees none here. Choose a tenant with workspaces in the scope selector.</source>
        <translation>Les secrets se trouvent dans un espace de travail, et cette identité n&apos;en voit aucun ici. Choisissez un locataire doté d&apos;espaces de travail dans le sélecteur de portée.</translation>
    </message>
    <message>
        <source>Created %1 (version 1).</source>
        <translation>%1 créé (version 1).</translation>
    </message>
    <message>
        <source>Stored version %1 of %2.</source>
        <translation>Version %1 de %2 enregistrée.</translation>
    </message>
    <message>
        <source>Restored version %1 as version %2.</source>
        <translation>Version %1 restaurée en tant que version %2.</translation>
    </message>
    <message>
        <source>Destroyed the value of version %1.</source>
        <translation>La valeur de la version %1 a été détruite.</translation>
    </message>
    <message>
        <source>Marked %1 rotated; the next rotation is due %2.</source>
        <translation>Rotation de %1 enregistrée&#xa0;; la prochaine rotation est prévue le %2.</translation>
    </message>
    <message>
        <source>Delete %1? It is hidden and cannot be revealed; Undelete restores it within 30 days.</source>
        <translation>Supprimer %1&#xa0;? Il sera masqué et ne pourra pas être révélé&#xa0;; « Restaurer » le rétablit dans un délai de 30 jours.</translation>
    </message>
    <message>
        <source>Deleted %1. Undelete restores it within 30 days.</source>
        <translation>%1 supprimé. « Restaurer » le rétablit dans un délai de 30 jours.</translation>
    </message>
    <message>
        <source>Undelete a secret</source>
        <translation>Restaurer un secret</translation>
    </message>
    <message>
        <source>&amp;Name of the deleted secret (within 30 days of its deletion):</source>
        <translation>&amp;Nom du secret supprimé (dans les 30 jours suivant sa suppression)&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Undelete</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation>%1 restauré.</translation>
    </message>
    <message numerus="yes">
        <source>Showing the secrets whose rotation or expiry is overdue or due within %n day(s).</source>
        <translation>
            <numerusform>Affichage des secrets dont la rotation ou l&apos;expiration est dépassée ou arrive à échéance d&apos;ici %n jour.</numerusform>
            <numerusform>Affichage des secrets dont la rotation ou l&apos;expiration est dépassée ou arrive à échéance d&apos;ici %n jours.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SettingsDialog</name>
    <message>
        <source>Console settings</source>
        <translation>Réglages de la console</translation>
    </message>
    <message>
        <source>Lock after minutes without activity</source>
        <translation>Minutes d&apos;inactivité avant le verrouillage</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>&amp;Lock after:</source>
        <translation>&amp;Verrouiller après&#xa0;:</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème&#xa0;:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Without keyboard or mouse input for this long, the console locks and asks for your password again. It also locks with the screen. A new language applies at the next start.</source>
        <translation>Sans saisie au clavier ni à la souris pendant cette durée, la console se verrouille et redemande votre mot de passe. Elle se verrouille aussi avec l&apos;écran. Une nouvelle langue s&apos;applique au prochain démarrage.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SignInDialog</name>
    <message>
        <source>Sign in to Gatehouse</source>
        <translation>Se connecter à Gatehouse</translation>
    </message>
    <message>
        <source>The console acts as you: it can do what your roles allow, and everything it does is recorded in the audit trail.</source>
        <translation>La console agit en votre nom&#xa0;: elle peut faire ce que vos rôles autorisent, et tout ce qu&apos;elle fait est consigné dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::SignInForm</name>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Se connecter</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Locataire</translation>
    </message>
    <message>
        <source>The tenant&apos;s name; leave empty to sign in as a platform administrator</source>
        <translation>Le nom du locataire&#xa0;; laissez vide pour vous connecter en tant qu&apos;administrateur de la plateforme</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Authenticator or recovery code</source>
        <translation>Code de l&apos;authentificateur ou code de récupération</translation>
    </message>
    <message>
        <source>Only when two-factor authentication is on</source>
        <translation>Uniquement si l&apos;authentification à deux facteurs est activée</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Message de connexion</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Locataire&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Nom d&apos;&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code&#xa0;:</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Saisissez votre nom d&apos;utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>Sign In with &amp;Identity Provider…</source>
        <translation>Se connecter avec le fournisseur d&apos;&amp;identité…</translation>
    </message>
    <message>
        <source>Sign in with identity provider</source>
        <translation>Se connecter avec le fournisseur d&apos;identité</translation>
    </message>
    <message>
        <source>Sign in at your organization&apos;s identity provider in your web browser; enter your tenant first</source>
        <translation>Se connecter auprès du fournisseur d&apos;identité de votre organisation dans votre navigateur web&#xa0;; saisissez d&apos;abord votre locataire</translation>
    </message>
    <message>
        <source>&amp;Cancel Sign-In</source>
        <translation>&amp;Annuler la connexion</translation>
    </message>
    <message>
        <source>Cancel sign-in with identity provider</source>
        <translation>Annuler la connexion avec le fournisseur d&apos;identité</translation>
    </message>
    <message>
        <source>Continue in your web browser: sign in at your identity provider, then come back here.</source>
        <translation>Continuez dans votre navigateur web&#xa0;: connectez-vous auprès de votre fournisseur d&apos;identité, puis revenez ici.</translation>
    </message>
    <message>
        <source>Enter your tenant&apos;s name first: sign-in with an identity provider is set up per tenant.</source>
        <translation>Saisissez d&apos;abord le nom de votre locataire&#xa0;: la connexion par un fournisseur d&apos;identité se configure par locataire.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::StatusGlyph</name>
    <message>
        <source>Pass</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Warn</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Sans objet</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::StorePane</name>
    <message>
        <source>Store</source>
        <translation>Coffre</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Répertoire de données</translation>
    </message>
    <message>
        <source>Schema version</source>
        <translation>Version du schéma</translation>
    </message>
    <message>
        <source>Master key custody</source>
        <translation>Conservation de la clé maîtresse</translation>
    </message>
    <message>
        <source>Encryption at rest</source>
        <translation>Chiffrement des données au repos</translation>
    </message>
    <message>
        <source>Durability</source>
        <translation>Durabilité</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Integrity check</source>
        <translation>Contrôle d&apos;intégrité</translation>
    </message>
    <message>
        <source>%1 (this build supports %2)</source>
        <translation>%1 (cette version prend en charge %2)</translation>
    </message>
    <message>
        <source>SQLCipher %1, %2, per-page HMAC %3, page size %4, raw 256-bit key</source>
        <translation>SQLCipher %1, %2, HMAC par page %3, taille de page %4, clé brute de 256 bits</translation>
    </message>
    <message>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>journal %1, synchronous %2, secure delete %3</source>
        <translation>journal %1, synchronous %2, suppression sécurisée %3</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TenancyDialog</name>
    <message>
        <source>New tenant</source>
        <translation>Nouveau locataire</translation>
    </message>
    <message>
        <source>The name is what its people type to sign in; its first owner can do everything inside it.</source>
        <translation>Le nom est ce que ses membres saisissent pour se connecter&#xa0;; son premier propriétaire peut tout y faire.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Nom d&apos;&amp;affichage&#xa0;:</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom d&apos;affichage</translation>
    </message>
    <message>
        <source>&amp;Owner&apos;s username:</source>
        <translation>Nom d&apos;&amp;utilisateur du propriétaire&#xa0;:</translation>
    </message>
    <message>
        <source>Owner&apos;s username</source>
        <translation>Nom d&apos;utilisateur du propriétaire</translation>
    </message>
    <message>
        <source>Owner&apos;s &amp;password:</source>
        <translation>&amp;Mot de passe du propriétaire&#xa0;:</translation>
    </message>
    <message>
        <source>Owner&apos;s password</source>
        <translation>Mot de passe du propriétaire</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Répéter&#xa0;:</translation>
    </message>
    <message>
        <source>Repeat the owner&apos;s password</source>
        <translation>Répétez le mot de passe du propriétaire</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Nouvel espace de travail</translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>Renommer %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>This destroys %1 and everything in it, for good. Type its name to confirm.</source>
        <translation>Cette action détruit définitivement %1 et tout son contenu. Saisissez son nom pour confirmer.</translation>
    </message>
    <message>
        <source>Type the name to confirm</source>
        <translation>Saisissez le nom pour confirmer</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The two passwords differ; type them again.</source>
        <translation>Les deux mots de passe diffèrent&#xa0;; saisissez-les à nouveau.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TenancyPane</name>
    <message>
        <source>Tenants &amp; Workspaces</source>
        <translation>Locataires et espaces de travail</translation>
    </message>
    <message>
        <source>Tenant and workspace actions</source>
        <translation>Actions sur les locataires et espaces de travail</translation>
    </message>
    <message>
        <source>New &amp;Tenant…</source>
        <translation>Nouveau &amp;locataire…</translation>
    </message>
    <message>
        <source>New &amp;Workspace…</source>
        <translation>Nouvel &amp;espace de travail…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Re&amp;nommer…</translation>
    </message>
    <message>
        <source>&amp;Suspend</source>
        <translation>Suspen&amp;dre</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>Réac&amp;tiver</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Actualise&amp;r</translation>
    </message>
    <message>
        <source>Search tenants and workspaces</source>
        <translation>Rechercher des locataires et des espaces de travail</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Rechercher (Ctrl+F)</translation>
    </message>
    <message>
        <source>Tenants and workspaces</source>
        <translation>Locataires et espaces de travail</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Created tenant %1.</source>
        <translation>Locataire %1 créé.</translation>
    </message>
    <message>
        <source>Created workspace %1.</source>
        <translation>Espace de travail %1 créé.</translation>
    </message>
    <message>
        <source>Suspended %1.</source>
        <translation>%1 suspendu.</translation>
    </message>
    <message>
        <source>Resumed %1.</source>
        <translation>%1 réactivé.</translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation>%1 supprimé.</translation>
    </message>
    <message>
        <source>Settin&amp;gs…</source>
        <translation>Paramètre&amp;s…</translation>
    </message>
    <message>
        <source>Saved the settings of %1.</source>
        <translation>Paramètres de %1 enregistrés.</translation>
    </message>
    <message>
        <source>&amp;Identity Provider…</source>
        <translation>Fournisseur d&apos;&amp;identité…</translation>
    </message>
    <message>
        <source>Saved the identity provider of %1.</source>
        <translation>Fournisseur d&apos;identité de %1 enregistré.</translation>
    </message>
    <message>
        <source>Removed the identity provider of %1.</source>
        <translation>Fournisseur d&apos;identité de %1 supprimé.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TenantModel</name>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspendu</translation>
    </message>
    <message>
        <source>Workspace %1 of tenant %2</source>
        <translation>Espace de travail %1 du locataire %2</translation>
    </message>
    <message>
        <source>Tenant %1</source>
        <translation>Locataire %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom d&apos;affichage</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TenantSettingsDialog</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n seconde</numerusform>
            <numerusform>%n secondes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>Not required</source>
        <translation>Non obligatoire</translation>
    </message>
    <message>
        <source>Require &amp;MFA for administrators</source>
        <translation>Exiger la &amp;MFA pour les administrateurs</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Settings of %1</source>
        <translation>Paramètres de %1</translation>
    </message>
    <message>
        <source>Session idle timeout in minutes</source>
        <translation>Délai d&apos;inactivité de la session en minutes</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Session absolute lifetime in minutes</source>
        <translation>Durée de vie maximale de la session en minutes</translation>
    </message>
    <message>
        <source>Failed sign-ins before lockout</source>
        <translation>Connexions échouées avant le verrouillage</translation>
    </message>
    <message>
        <source> failures</source>
        <translation> échecs</translation>
    </message>
    <message>
        <source>Lockout duration in minutes</source>
        <translation>Durée du verrouillage en minutes</translation>
    </message>
    <message>
        <source>1 minute to 24 hours</source>
        <translation>1 minute à 24 heures</translation>
    </message>
    <message>
        <source>At least the idle timeout, at most 30 days</source>
        <translation>Au moins le délai d&apos;inactivité, au plus 30 jours</translation>
    </message>
    <message>
        <source>3 to 100 failed sign-ins</source>
        <translation>3 à 100 connexions échouées</translation>
    </message>
    <message>
        <source>Require MFA for administrators</source>
        <translation>Exiger la MFA pour les administrateurs</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>&amp;Idle timeout:</source>
        <translation>Délai d&apos;&amp;inactivité&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Absolute lifetime:</source>
        <translation>Durée de vie m&amp;aximale&#xa0;:</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Lock af&amp;ter:</source>
        <translation>Verrouiller a&amp;près&#xa0;:</translation>
    </message>
    <message>
        <source>Lock f&amp;or:</source>
        <translation>Verrouiller pend&amp;ant&#xa0;:</translation>
    </message>
    <message>
        <source>Password policy</source>
        <translation>Politique de mot de passe</translation>
    </message>
    <message>
        <source>%1 to %2 characters, any characters, no composition rules; the username and common passwords are refused. The policy is fixed and applies to every tenant.</source>
        <translation>%1 à %2 caractères, tous caractères admis, sans règles de composition&#xa0;; le nom d&apos;utilisateur et les mots de passe courants sont refusés. La politique est fixe et s&apos;applique à chaque locataire.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Needs the permission %1</source>
        <translation>Nécessite la permission %1</translation>
    </message>
    <message>
        <source>Read-only: changing these settings needs the permission %1.</source>
        <translation>Lecture seule&#xa0;: modifier ces paramètres nécessite la permission %1.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The absolute lifetime must be at least the idle timeout (%1).</source>
        <translation>La durée de vie maximale doit être au moins égale au délai d&apos;inactivité (%1).</translation>
    </message>
    <message>
        <source>Someone else changed these settings</source>
        <translation>Quelqu’un d’autre a modifié ces paramètres</translation>
    </message>
    <message>
        <source>&lt;b&gt;Someone else changed these settings&lt;/b&gt; after you opened them. Keep theirs, or write yours over them?</source>
        <translation>&lt;b&gt;Quelqu’un d’autre a modifié ces paramètres&lt;/b&gt; après que vous les avez ouverts. Garder les siens, ou écrire les vôtres par-dessus&#xa0;?</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>Délai d&apos;inactivité</translation>
    </message>
    <message>
        <source>Absolute lifetime</source>
        <translation>Durée de vie maximale</translation>
    </message>
    <message numerus="yes">
        <source>%n failure(s)</source>
        <translation>
            <numerusform>%n échec</numerusform>
            <numerusform>%n échecs</numerusform>
        </translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Verrouiller après</translation>
    </message>
    <message>
        <source>Lock for</source>
        <translation>Verrouiller pendant</translation>
    </message>
    <message>
        <source>MFA for administrators</source>
        <translation>MFA pour les administrateurs</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TokenIssueDialog</name>
    <message>
        <source>Token:</source>
        <translation>Jeton&#xa0;:</translation>
    </message>
    <message>
        <source>Issue a Token to %1</source>
        <translation>Émettre un jeton pour %1</translation>
    </message>
    <message>
        <source>The token lets %1 act through the API as the integration, within its role bindings, until it expires or is revoked. Its use is recorded in the audit trail.</source>
        <translation>Le jeton permet à %1 d&apos;agir via l&apos;API en tant qu&apos;intégration, dans la limite de ses attributions de rôles, jusqu&apos;à son expiration ou sa révocation. Son utilisation est consignée dans le journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Expires after days</source>
        <translation>Durée de validité en jours</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Workspace limit</source>
        <translation>Limite à un espace de travail</translation>
    </message>
    <message>
        <source>No limit (wherever its bindings allow)</source>
        <translation>Aucune limite (partout où ses attributions le permettent)</translation>
    </message>
    <message>
        <source>Only %1</source>
        <translation>Uniquement %1</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>É&amp;mettre</translation>
    </message>
    <message>
        <source>Issue the token</source>
        <translation>Émettre le jeton</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the token</source>
        <translation>Copier le jeton</translation>
    </message>
    <message numerus="yes">
        <source>Copy to the clipboard, marked as a secret; cleared after %n second(s)</source>
        <translation>
            <numerusform>Copier dans le presse-papiers, marqué comme secret&#xa0;; effacé au bout de %n seconde</numerusform>
            <numerusform>Copier dans le presse-papiers, marqué comme secret&#xa0;; effacé au bout de %n secondes</numerusform>
        </translation>
    </message>
    <message>
        <source>The token was cleared from this window. It cannot be shown again: if you did not keep it, revoke it and issue a new one.</source>
        <translation>Le jeton a été effacé de cette fenêtre. Il ne peut plus être affiché&#xa0;: si vous ne l&apos;avez pas conservé, révoquez-le et émettez-en un nouveau.</translation>
    </message>
    <message>
        <source>E&amp;xpires after:</source>
        <translation>E&amp;xpire après&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation>Espace de tr&amp;avail&#xa0;:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Copy the token now and keep it where the integration reads it: it will never be shown again. Gatehouse keeps only a hash of it.</source>
        <translation>Copiez le jeton maintenant et placez-le là où l&apos;intégration le lit&#xa0;: il ne sera plus jamais affiché. Gatehouse n&apos;en conserve qu&apos;une empreinte (hash).</translation>
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
        <translation>Tous</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Revoked %1</source>
        <translation>Révoqué le %1</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Acts wherever the integration&apos;s role bindings allow</source>
        <translation>Agit partout où les attributions de rôles de l&apos;intégration le permettent</translation>
    </message>
    <message>
        <source>Acts only in this workspace</source>
        <translation>Agit uniquement dans cet espace de travail</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Émis le</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Dernière utilisation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::TrustBoundariesPane</name>
    <message>
        <source>Infrastructure runtime</source>
        <translation>Exécution de l’infrastructure</translation>
    </message>
    <message>
        <source>Environment hardening</source>
        <translation>Durcissement de l’environnement</translation>
    </message>
    <message>
        <source>Secrets backend</source>
        <translation>Stockage des secrets</translation>
    </message>
    <message>
        <source>Private connectivity</source>
        <translation>Connectivité privée</translation>
    </message>
    <message>
        <source>Incident response</source>
        <translation>Réponse aux incidents</translation>
    </message>
    <message>
        <source>Trust Boundaries</source>
        <translation>Frontières de confiance</translation>
    </message>
    <message>
        <source>Trust boundary actions</source>
        <translation>Actions sur les frontières de confiance</translation>
    </message>
    <message>
        <source>&amp;Check Now</source>
        <translation>&amp;Vérifier maintenant</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Vérification en cours</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Dernière vérification</translation>
    </message>
    <message>
        <source>&amp;Boundary:</source>
        <translation>&amp;Frontière :</translation>
    </message>
    <message>
        <source>Boundary shown in the controls table</source>
        <translation>Frontière affichée dans le tableau des contrôles</translation>
    </message>
    <message>
        <source>Show the controls of one boundary; or click its box in the flow</source>
        <translation>Afficher les contrôles d’une frontière ; ou cliquer sur sa case dans le flux</translation>
    </message>
    <message>
        <source>All boundaries</source>
        <translation>Toutes les frontières</translation>
    </message>
    <message>
        <source>Controls</source>
        <translation>Contrôles</translation>
    </message>
    <message>
        <source>Who owns what</source>
        <translation>Qui est responsable de quoi</translation>
    </message>
    <message>
        <source>Deployment ownership</source>
        <translation>Responsabilités du déploiement</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <source>Hosted</source>
        <translation>Hébergé</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Who owns the area when the service is hosted for you</source>
        <translation>Qui est responsable du domaine quand le service est hébergé pour vous</translation>
    </message>
    <message>
        <source>Who owns the area in this deployment: customer, operator, or a team&apos;s name</source>
        <translation>Qui est responsable du domaine dans ce déploiement : customer, operator ou le nom d’une équipe</translation>
    </message>
    <message>
        <source>Ownership actions</source>
        <translation>Actions sur les responsabilités</translation>
    </message>
    <message>
        <source>&amp;Save Ownership</source>
        <translation>&amp;Enregistrer les responsabilités</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Annuler les modifications</translation>
    </message>
    <message>
        <source>Ownership statement</source>
        <translation>Déclaration des responsabilités</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Indication</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Reading the trust boundaries needs the permission %1, which this identity does not have here. They are a platform view: sign in as a platform administrator or auditor.</source>
        <translation>La lecture des frontières de confiance nécessite la permission %1, que cette identité n’a pas ici. C’est une vue de la plateforme : connectez-vous en tant qu’administrateur ou auditeur de la plateforme.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Checked %1</source>
        <translation>Vérifié à %1</translation>
    </message>
    <message>
        <source>Sign in first</source>
        <translation>Connectez-vous d’abord</translation>
    </message>
    <message>
        <source>Changing the ownership needs the permission %1</source>
        <translation>La modification des responsabilités nécessite la permission %1</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <source>Hosted: the service&apos;s operator owns this area</source>
        <translation>Hébergé : l’exploitant du service est responsable de ce domaine</translation>
    </message>
    <message>
        <source>customer, operator, or a team&apos;s name</source>
        <translation>customer, operator ou le nom d’une équipe</translation>
    </message>
    <message>
        <source>Whom to reach (optional)</source>
        <translation>Qui contacter (facultatif)</translation>
    </message>
    <message>
        <source>Not stated yet: a self-hosted deployment is the customer&apos;s in every area.</source>
        <translation>Pas encore déclaré : un déploiement auto-hébergé relève du client dans tous les domaines.</translation>
    </message>
    <message>
        <source>Stated by %1 on %2.</source>
        <translation>Déclaré par %1 le %2.</translation>
    </message>
    <message>
        <source>Ownership saved.</source>
        <translation>Responsabilités enregistrées.</translation>
    </message>
    <message>
        <source>%1: owner</source>
        <translation>%1 : responsable</translation>
    </message>
    <message>
        <source>%1: contact</source>
        <translation>%1 : contact</translation>
    </message>
    <message>
        <source>Someone else changed the ownership</source>
        <translation>Quelqu’un d’autre a modifié les responsabilités</translation>
    </message>
    <message>
        <source>&lt;b&gt;Someone else changed the ownership&lt;/b&gt; after you read it. Keep theirs, or write yours over it?</source>
        <translation>&lt;b&gt;Quelqu’un d’autre a modifié les responsabilités&lt;/b&gt; après votre lecture. Garder les leurs, ou écrire les vôtres par-dessus ?</translation>
    </message>
    <message>
        <source>&amp;Export Evidence...</source>
        <translation>&amp;Exporter les preuves...</translation>
    </message>
    <message>
        <source>Export evidence</source>
        <translation>Exporter les preuves</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation>PDF (*.pdf);;HTML (*.html)</translation>
    </message>
    <message>
        <source>A signed report of every control, its history, the audit trail, roles, keys and TLS, for a reviewer (PDF or HTML, with its signature and public key beside it)</source>
        <translation>Un rapport signé de chaque contrôle, de son historique, du journal d’audit, des rôles, des clés et de TLS, pour un auditeur (PDF ou HTML, avec sa signature et sa clé publique à côté)</translation>
    </message>
    <message>
        <source>&amp;History (7 days):</source>
        <translation>&amp;Historique (7 jours) :</translation>
    </message>
    <message>
        <source>History summary</source>
        <translation>Résumé de l’historique</translation>
    </message>
    <message>
        <source>Choose a file name ending in .pdf or .html</source>
        <translation>Choisissez un nom de fichier se terminant par .pdf ou .html</translation>
    </message>
    <message>
        <source>Wrote %1 (SHA-256 %2) with its signature (.sig) and public key (.pub.pem).</source>
        <translation>%1 écrit (SHA-256 %2), avec sa signature (.sig) et sa clé publique (.pub.pem).</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::UserDialog</name>
    <message>
        <source>New user</source>
        <translation>Nouvel utilisateur</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>Nom d&apos;&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>Reset the password of %1</source>
        <translation>Réinitialiser le mot de passe de %1</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Nom d&apos;&amp;affichage&#xa0;:</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom d&apos;affichage</translation>
    </message>
    <message>
        <source>The username, unless given</source>
        <translation>Le nom d&apos;utilisateur, si rien n&apos;est indiqué</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>New &amp;password:</source>
        <translation>Nouveau &amp;mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Répéter&#xa0;:</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Répétez le mot de passe</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The user signs in with this password from now on; their sessions end.</source>
        <translation>L&apos;utilisateur se connectera désormais avec ce mot de passe&#xa0;; ses sessions prennent fin.</translation>
    </message>
    <message>
        <source>The two passwords differ; type them again.</source>
        <translation>Les deux mots de passe diffèrent&#xa0;; saisissez-les à nouveau.</translation>
    </message>
    <message>
        <source>Enter a username.</source>
        <translation>Saisissez un nom d&apos;utilisateur.</translation>
    </message>
</context>
<context>
    <name>gatehouse::ui::UserModel</name>
    <message>
        <source>Locked out (failed sign-ins)</source>
        <translation>Bloqué (échecs de connexion)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Too many failed sign-ins; signing in is refused until %1</source>
        <translation>Trop d&apos;échecs de connexion&#xa0;; toute connexion est refusée jusqu&apos;à %1</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Nom d&apos;affichage</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Two-factor</source>
        <translation>Deux facteurs</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
</context>
</TS>
