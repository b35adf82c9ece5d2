import type { MainTexts } from './catalogue';

// French for what main and the domain say (see catalogue.ts): every problem code (message and action; main's
// English stays under "Show details", with the names and numbers of the case) and every sentence code of
// shared/contract/said.ts (with the same {{values}}). Loaded right after the first screen, in French only.

export const frMain: MainTexts = {
  problems: {
    // the stamp's admin Resource Manager (status, re-registration details)
    'stamp-arm-failed': {
      message: 'Le Resource Manager d’administration de l’instance n’a pas mené à bien la lecture.',
      action: 'Lisez le détail ci-dessous ; recommencez, et si l’échec persiste, vérifiez l’instance dans le portail d’administration.',
    },
    'stamp-arm-unreachable': {
      message: 'Le Resource Manager d’administration de l’instance est injoignable.',
      action: 'Vérifiez le point de terminaison (https://adminmanagement.<région>.<FQDN externe>) et que cet ordinateur l’atteint (DNS, pare-feu, réseau de l’instance), puis recommencez.',
    },
    'stamp-arm-certificate': {
      message: 'Le Resource Manager d’administration de l’instance présente un certificat que cet ordinateur n’approuve pas.',
      action: 'Importez le certificat racine de l’instance dans les Autorités de certification racines de confiance de cet ordinateur, puis recommencez. AzS Registrar ne désactive jamais la vérification des certificats.',
    },
    'stamp-arm-not-admin-arm': {
      message: 'Ce point de terminaison ne répond pas comme un Resource Manager d’administration Azure Stack Hub.',
      action: 'Indiquez le Resource Manager d’administration de l’instance (https://adminmanagement.<région>.<FQDN externe>).',
    },
    'stamp-arm-wrong-directory': {
      message: 'Vous êtes connecté à un annuaire qui n’est pas celui de l’instance.',
      action: 'Reconnectez-vous à l’annuaire de l’instance (AADTenantID dans les informations de l’instance), pas à celui de votre abonnement Azure.',
    },
    'stamp-arm-forbidden': {
      message: 'Ce compte n’est pas opérateur de l’instance.',
      action: 'Connectez-vous avec un compte d’opérateur Azure Stack Hub (propriétaire de l’abonnement fournisseur par défaut).',
    },
    'stamp-arm-not-signed-in': {
      message: 'Vous n’êtes pas connecté au Resource Manager d’administration de l’instance.',
      action: 'Connectez-vous à l’instance sur l’écran État de l’inscription.',
    },
    'stamp-not-registered': {
      message: 'L’instance n’a pas d’enregistrement d’activation : elle n’est pas inscrite, il n’y a pas de détails à reprendre.',
      action: 'Inscrivez l’instance comme une nouvelle inscription.',
    },
    // registration lifecycle and connected registration
    'registration-other-stamp': {
      message: 'L’inscription trouvée sous ce nom appartient à une autre instance (un autre ID de cloud). Rien n’a été modifié.',
      action: 'Vérifiez le nom dans le portail d’administration de cette instance (Gestion des régions > Propriétés).',
    },
    'removal-partial': {
      message: 'L’instance est désactivée, mais la suppression de l’inscription dans Azure a échoué.',
      action: 'Relancez la suppression : elle saute l’instance, déjà désactivée, et termine dans Azure.',
    },
    'renewal-name-taken': {
      message: 'Ce nom est encore pris par l’ancienne inscription : une inscription Capacity renouvelée a besoin d’un nouveau nom unique, sauf si l’ancienne est d’abord supprimée.',
      action: 'Désinscrivez d’abord l’ancienne inscription, ou utilisez un nouveau nom unique.',
    },
    'pep-refresh-token-refused': {
      message: 'L’instance n’a pas pu utiliser votre connexion Azure pour créer son principal de service Azure Bridge : Entra ID a refusé le jeton d’actualisation.',
      action: 'Rien n’a encore été inscrit dans Azure. Reconnectez-vous à Azure de façon interactive (navigateur ou code ; terminez l’authentification multifacteur si votre annuaire la demande), puis relancez l’inscription connectée.',
    },
    // transport and plumbing
    'bad-request': {
      message: 'L’application a refusé cette demande : elle n’est pas valable en l’état.',
      action: 'Lisez le détail en anglais ci-dessous, corrigez la saisie ou attendez la fin de l’opération en cours, puis recommencez.',
    },
    'untrusted-sender': {
      message: 'La demande ne vient pas de la fenêtre de l’application : elle a été refusée.',
      action: 'Fermez et rouvrez l’application. Si cela se reproduit, signalez-le.',
    },
    internal: {
      message: 'Une erreur interne est survenue dans l’application.',
      action: 'Recommencez ; si cela se reproduit, exportez le diagnostic et signalez le problème avec le détail ci-dessous.',
    },
    cancelled: { message: 'L’opération a été annulée.', action: 'Relancez-la quand vous le souhaitez.' },
    timeout: {
      message: 'L’opération a pris trop de temps et a été arrêtée.',
      action: 'Vérifiez l’état de l’instance ou d’Azure avant de relancer : elle a pu aboutir en partie.',
    },
    'not-found': {
      message: 'L’élément demandé est introuvable sur cette machine (passation, fichier ou session).',
      action: 'Actualisez l’écran, puis choisissez de nouveau l’élément ou relisez le fichier sur la clé USB.',
    },
    'session-missing': {
      message: 'La session au point de terminaison privilégié est fermée.',
      action: 'Reconnectez-vous au point de terminaison privilégié, puis recommencez.',
    },
    // tokens, keys and files
    'input-not-text': {
      message: 'Ce fichier n’est pas un fichier texte : ce n’est ni un jeton ni une clé.',
      action: 'Choisissez le fichier .txt écrit par l’autre machine.',
    },
    'input-empty': { message: 'Ce texte ou ce fichier est vide.', action: 'Choisissez le fichier du jeton ou de la clé, ou collez son contenu complet.' },
    'input-not-base64': {
      message: 'Ce texte n’est pas un jeton ou une clé valide : il contient des caractères qui n’y ont pas leur place.',
      action: 'Relisez le fichier d’origine sans le modifier, ou réécrivez-le sur l’autre machine.',
    },
    'input-not-json': {
      message: 'Le contenu de ce jeton ou de cette clé ne se décode pas : il a été altéré en route.',
      action: 'Réécrivez le fichier sur l’autre machine et reportez-le sans le modifier.',
    },
    'input-no-cloud-id': {
      message: 'Ce jeton ou cette clé ne porte pas d’identifiant de cloud (cloud ID).',
      action: 'Utilisez un jeton exporté par l’instance ou une clé émise par Azure pour ce jeton.',
    },
    'input-is-key': { message: 'C’est une clé d’activation, pas un jeton d’inscription.', action: 'Lisez-la à l’étape de la clé, sur l’instance (étape 3).' },
    'input-is-token': { message: 'C’est un jeton d’inscription, pas une clé d’activation.', action: 'Lisez-le sur l’hôte connecté, à l’étape du jeton (étape 2).' },
    'input-malformed': {
      message: 'Ce texte n’a pas la forme d’un jeton d’inscription ou d’une clé d’activation.',
      action: 'Vérifiez que le fichier est complet et n’a pas été modifié, ou réécrivez-le sur l’autre machine.',
    },
    'key-wrong-stamp': {
      message: 'Cette clé d’activation a été émise pour une autre instance.',
      action: 'Lisez la clé produite à partir du jeton de cette instance.',
    },
    'key-expired': { message: 'Cette clé d’activation a expiré.', action: 'Relancez l’inscription sur l’hôte connecté pour obtenir une nouvelle clé.' },
    'key-token-mismatch': {
      message: 'Cette clé d’activation ne répond pas au jeton d’inscription exporté par cette instance.',
      action: 'Utilisez la clé émise pour le dernier jeton, ou inscrivez de nouveau le dernier jeton dans Azure et rapportez sa clé.',
    },
    'file-too-large': {
      message: 'Ce fichier est bien trop grand pour être un jeton ou une clé.',
      action: 'Choisissez le fichier .txt écrit par l’autre machine.',
    },
    'file-not-regular': {
      message: 'Cet élément n’est pas un fichier ordinaire (dossier, lien ou périphérique) : il n’est pas ouvert.',
      action: 'Choisissez le fichier .txt écrit par l’autre machine.',
    },
    'file-unreadable': {
      message: 'Ce fichier ne peut pas être lu.',
      action: 'Vérifiez les droits d’accès et la clé USB (elle est peut-être défaillante), puis réessayez ou réécrivez le fichier.',
    },
    'file-changed': {
      message: 'Ce fichier a changé depuis son écriture : il ne correspond plus à son fichier de métadonnées.',
      action: 'Réécrivez le fichier sur l’autre machine.',
    },
    'sidecar-damaged': {
      message: 'Le fichier de métadonnées (.azsregistrar.json) à côté de ce fichier est endommagé.',
      action: 'Réécrivez le fichier et ses métadonnées sur l’autre machine.',
    },
    'practice-file-in-live': {
      message: 'Ce fichier vient du mode entraînement et ne peut pas servir en mode réel.',
      action: 'Utilisez un jeton ou une clé produits en mode réel.',
    },
    'live-file-in-practice': {
      message: 'Ce fichier vient du mode réel et ne sert pas en mode entraînement.',
      action: 'Utilisez un fichier produit en mode entraînement.',
    },
    'media-missing': { message: 'Le lecteur choisi n’est plus disponible.', action: 'Rebranchez la clé USB ou choisissez un autre lecteur.' },
    'media-write-failed': {
      message: 'Le fichier n’a pas pu être écrit sur la clé USB (pleine, protégée en écriture ou retirée).',
      action: 'Libérez de la place, retirez la protection ou rebranchez la clé, puis réessayez : le jeton ou la clé reste conservé.',
    },
    'media-verify-failed': {
      message: 'Ce qui a été relu sur la clé USB diffère de ce qui a été écrit : la clé est peut-être défaillante.',
      action: 'Écrivez de nouveau, sur une autre clé USB de préférence : le jeton ou la clé reste conservé.',
    },
    // billing and stamp versions
    'billing-invalid': {
      message: 'Les choix de facturation ne sont pas acceptés pour cette instance.',
      action: 'Modifiez les choix de facturation, puis recommencez.',
    },
    'stamp-version-too-old': {
      message: 'La version de cette instance est trop ancienne pour cette opération.',
      action: 'Mettez à jour l’instance Azure Stack Hub, puis recommencez.',
    },
    // privileged endpoint
    'pep-powershell-missing': {
      message: 'PowerShell n’a pas pu être démarré sur cet ordinateur.',
      action: 'Vérifiez que Windows PowerShell 5.1 est présent, ou choisissez PowerShell 7 dans les paramètres.',
    },
    'pep-language-mode': {
      message: 'PowerShell ne fonctionne pas en mode FullLanguage sur cet ordinateur.',
      action: 'Utilisez un poste où PowerShell fonctionne en FullLanguage (la stratégie AppLocker ou WDAC le restreint ici).',
    },
    'pep-execution-policy': {
      message: 'La stratégie d’exécution de PowerShell a bloqué le script de l’application.',
      action: 'Demandez à l’administrateur du poste d’autoriser le script signé de l’application, puis relancez la vérification.',
    },
    'pep-trusted-hosts': {
      message: 'Le client WinRM de cet ordinateur ne fait pas confiance aux adresses du point de terminaison privilégié (TrustedHosts).',
      action: 'Ajoutez les adresses ERCS à TrustedHosts avec la commande proposée par la vérification, dans une invite administrateur.',
    },
    'pep-access-denied': {
      message: 'Le point de terminaison privilégié a refusé le compte ou le mot de passe.',
      action: 'Vérifiez le compte <DOMAINE>\\CloudAdmin et son mot de passe.',
    },
    'pep-unreachable': {
      message: 'Aucune adresse du point de terminaison privilégié n’a répondu.',
      action: 'Vérifiez les adresses ERCS, le réseau et le port WinRM, puis relancez la vérification de la connexion.',
    },
    'pep-not-privileged-endpoint': {
      message: 'Cette adresse ne mène pas à un point de terminaison privilégié Azure Stack Hub.',
      action: 'Saisissez les adresses des machines virtuelles ERCS de l’instance.',
    },
    'pep-scripts-not-allowed': {
      message: 'Le point de terminaison privilégié n’accepte pas les scripts : la commande a été refusée.',
      action: 'Réessayez ; si cela se reproduit, exportez le diagnostic et signalez le problème.',
    },
    'pep-unknown-parameter': {
      message: 'Le point de terminaison privilégié ne connaît pas un paramètre de la commande : la version de l’instance ne le propose pas.',
      action: 'Vérifiez la version de l’instance ; mettez-la à jour si l’opération l’exige.',
    },
    'pep-unknown-cmdlet': {
      message: 'Le point de terminaison privilégié ne connaît pas cette commande : la version de l’instance ne la propose pas.',
      action: 'Vérifiez la version de l’instance ; mettez-la à jour si l’opération l’exige.',
    },
    'pep-busy': {
      message: 'L’instance exécute déjà une autre action (par exemple une mise à jour).',
      action: 'Attendez la fin de cette action, puis recommencez.',
    },
    'pep-hardware-info': {
      message: 'L’instance n’a pas pu lire les informations matérielles d’un de ses nœuds.',
      action: 'Vérifiez l’état des nœuds dans le portail administrateur, puis recommencez.',
    },
    'pep-empty-activation-key': {
      message: 'La clé d’activation est vide.',
      action: 'Lisez de nouveau le fichier de la clé écrit par l’hôte connecté.',
    },
    'pep-already-registered': {
      message: 'L’instance est déjà inscrite et activée.',
      action: 'Pour changer l’inscription, retirez d’abord l’activation, puis recommencez avec un nouveau jeton.',
    },
    'pep-host-crashed': {
      message: 'Le processus PowerShell de l’application s’est arrêté de façon inattendue.',
      action: 'Reconnectez-vous au point de terminaison privilégié ; si une commande modifiait l’instance, vérifiez d’abord son état.',
    },
    'pep-outcome-unknown': {
      message: 'La commande qui modifiait l’instance a été interrompue : elle a peut-être abouti, ou non.',
      action: 'Vérifiez l’état de l’activation dans le portail administrateur (Gestion des régions > Propriétés) avant de recommencer.',
    },
    'pep-protocol': {
      message: 'Le processus PowerShell de l’application a répondu de façon inattendue.',
      action: 'Reconnectez-vous ; si cela se reproduit, exportez le diagnostic et signalez le problème.',
    },
    'pep-failed': {
      message: 'La commande a échoué sur le point de terminaison privilégié.',
      action: 'Lisez le message de l’instance dans le détail ci-dessous, corrigez la cause, puis recommencez.',
    },
    // Azure
    'azure-cloud-unsupported': {
      message: 'Ce cloud Azure ne peut pas recevoir d’inscription Azure Stack Hub.',
      action: 'Choisissez Azure, Azure Government ou Azure China (21Vianet).',
    },
    'azure-sign-in': {
      message: 'La connexion à Azure n’a pas abouti.',
      action: 'Recommencez la connexion ; si le navigateur ne s’ouvre pas, utilisez un code d’appareil.',
    },
    'azure-not-signed-in': { message: 'Vous n’êtes pas connecté à Azure.', action: 'Connectez-vous à Azure, puis recommencez.' },
    'azure-credential-expired': { message: 'La connexion à Azure a expiré.', action: 'Reconnectez-vous à Azure, puis recommencez.' },
    'azure-forbidden': {
      message: 'Azure a refusé l’opération : le compte n’en a pas le droit.',
      action: 'Demandez le rôle nécessaire à un propriétaire de l’abonnement (voir l’étape des autorisations), puis recommencez.',
    },
    'azure-lock-forbidden': {
      message: 'Azure a refusé de poser ou de lever le verrou de l’inscription : le compte n’en a pas le droit.',
      action: 'Demandez le rôle d’inscription actuel (avec les droits sur les verrous) à un propriétaire de l’abonnement, puis relancez l’inscription.',
    },
    'azure-throttled': {
      message: 'Azure limite les requêtes pour le moment.',
      action: 'Patientez quelques instants, puis recommencez : l’application a déjà réessayé.',
    },
    'azure-unavailable': { message: 'Azure ne répond pas pour le moment.', action: 'Recommencez dans quelques minutes.' },
    'azure-network': {
      message: 'Azure n’a pas pu être joint depuis cet ordinateur : c’est le réseau, pas le compte.',
      action: 'Vérifiez la connexion réseau et le proxy indiqués dans le détail, puis recommencez.',
    },
    'azure-provider-unregistered': {
      message: 'Le fournisseur de ressources Microsoft.AzureStack n’est pas inscrit dans cet abonnement, et le compte ne peut pas l’inscrire.',
      action: 'Demandez à un propriétaire de l’abonnement d’inscrire Microsoft.AzureStack, puis recommencez.',
    },
    'azure-unknown-location': {
      message: 'Cet emplacement n’est pas disponible dans l’abonnement. Rien n’a été modifié dans Azure.',
      action: 'Choisissez un autre emplacement dans la liste, puis recommencez.',
    },
    'azure-invalid-token': {
      message: 'Azure a refusé le jeton d’inscription.',
      action: 'Exportez un nouveau jeton sur l’instance et reportez-le sans le modifier.',
    },
    'azure-name-conflict': {
      message: 'Ce nom d’inscription est déjà pris par une autre instance. Rien n’a été modifié.',
      action: 'Choisissez un autre nom d’inscription (le nom proposé contient l’identifiant de cloud de l’instance).',
    },
    'azure-cloud-already-registered': {
      message: 'Cette instance est déjà inscrite sous un autre nom. Azure n’accepte pas de seconde inscription. Rien n’a été créé.',
      action: 'Réutilisez l’inscription existante (son nom est dans le détail), ou désinscrivez-la d’abord.',
    },
    'azure-scope-locked': {
      message: 'D’autres verrous (posés par d’autres administrateurs) bloquent l’opération. Rien n’a été modifié.',
      action: 'Demandez à leurs propriétaires de lever ces verrous (ils sont nommés dans le détail), puis recommencez.',
    },
    'azure-policy-denied': {
      message: 'Une stratégie Azure (Azure Policy) interdit cette opération.',
      action: 'Demandez à l’administrateur de l’abonnement une exemption de l’affectation de stratégie nommée dans le détail, ou choisissez un autre groupe de ressources.',
    },
    'azure-subscription-disabled': {
      message: 'Cet abonnement n’est pas actif : il ne peut pas recevoir l’inscription.',
      action: 'Choisissez un abonnement actif, ou réactivez celui-ci dans le portail Azure.',
    },
    'azure-outcome-unknown': {
      message: 'La demande a été envoyée à Azure, mais son résultat est inconnu : elle peut encore aboutir.',
      action: 'Utilisez le contrôle proposé pour savoir où en est l’inscription avant de recommencer.',
    },
    'azure-not-found': {
      message: 'Azure ne trouve pas cette inscription ou cette ressource.',
      action: 'Vérifiez l’abonnement, le groupe de ressources et le nom, puis actualisez la liste.',
    },
    'azure-confirmation-mismatch': {
      message: 'Le nom saisi pour confirmer ne correspond pas à celui de l’inscription. Rien n’a été supprimé.',
      action: 'Saisissez exactement le nom affiché, puis recommencez.',
    },
    'azure-partial': {
      message: 'L’opération n’est allée qu’en partie à son terme dans Azure.',
      action: 'Lisez le détail ci-dessous pour savoir ce qui reste, puis relancez l’opération : elle reprend là où elle s’est arrêtée.',
    },
    'azure-failed': {
      message: 'Azure a refusé ou n’a pas mené à bien l’opération.',
      action: 'Lisez la réponse d’Azure dans le détail ci-dessous, corrigez la cause, puis recommencez.',
    },
  },
  said: {
    'progress.connected-permissions': 'Vérification de vos droits pour inscrire et attribuer le rôle…',
    'progress.connected-stamp': 'Lecture des informations de l’instance (Get-AzureStackStampInformation)…',
    'progress.connected-principal': 'Création du principal de service Azure Bridge sur l’instance (New-AzureBridgeServicePrincipal)…',
    'progress.remove-find': 'Recherche de l’inscription {{name}} dans le groupe de ressources {{group}} de l’abonnement {{subscription}}…',
    'progress.remove-gone': 'Azure n’a plus l’inscription : l’exécution précédente l’avait finalement supprimée.',
    'progress.remove-stamp-skipped': 'L’instance a été désactivée par une exécution précédente : il ne reste que la partie Azure.',
    'progress.remove-deactivate': 'Suppression de l’activation de l’instance (Remove-AzureStackActivation) : la syndication de la Place de marché et les rapports d’utilisation s’arrêtent…',
    'progress.remove-deactivated': 'L’instance est désactivée. Ensuite : l’inscription dans Azure.',
    'progress.role-owner-check': 'Recherche de l’attribution {{role}} du principal de service de l’instance',
    'progress.role-owner-present': 'Le principal de service de l’instance a déjà {{role}} sur {{name}}.',
    'progress.role-owner-assign': 'Attribution de {{role}} au principal de service de l’instance sur {{name}}',
    'connected.previous-missing':
      'Indiquez l’inscription sous laquelle cette instance est inscrite (son nom et son groupe de ressources : l’écran d’état, ou Gestion des régions > Propriétés dans le portail d’administration).',
    'connected.change-same-names':
      'Un changement de modèle de facturation ou d’option relance l’inscription connectée avec le même nom d’inscription et le même groupe de ressources ({{name}} dans {{group}}). Un autre nom ferait une deuxième inscription pour cette instance, ce qu’Azure refuse (son ID de cloud est déjà inscrit).',
    'connected.scale-same-names':
      'Un changement d’échelle relance l’inscription connectée avec le même nom d’inscription et le même groupe de ressources ({{name}} dans {{group}}). Un autre nom ferait une deuxième inscription pour cette instance, ce qu’Azure refuse (son ID de cloud est déjà inscrit).',
    'connected.renew-capacity':
      'Le renouvellement s’applique à une inscription Capacity : choisissez le modèle Capacity avec le nouveau numéro de contrat, ou utilisez « Changer le modèle de facturation ».',
    'connected.renew-new-name':
      'Une inscription Capacity expirée ne peut pas être renouvelée sous le même nom : choisissez un nouveau nom unique (par exemple {{suggestion}}), ou supprimez d’abord l’ancienne inscription {{name}} puis reprenez son nom.',
    'ercs.empty': 'Saisissez une adresse ERCS.',
    'ercs.ipv4-parts': '« {{address}} » n’est pas une adresse IPv4 : il faut quatre nombres séparés par des points, comme 10.0.0.224.',
    'ercs.ipv4-empty': '« {{address}} » n’est pas une adresse IPv4 : chacun des quatre nombres doit aller de 0 à 255 (l’un d’eux est vide).',
    'ercs.ipv4-range': '« {{address}} » n’est pas une adresse IPv4 : chacun des quatre nombres doit aller de 0 à 255 ({{number}} ne l’est pas).',
    'ercs.ipv6': '« {{address}} » n’est pas une adresse IPv6.',
    'ercs.host-name':
      '« {{address}} » n’est pas un nom d’hôte : utilisez des lettres, des chiffres et des tirets entre les points, ou une adresse IP comme 10.0.0.224.',
    'billing.capacity-needs-agreement':
      'Le numéro de contrat est vide alors que le modèle de facturation est Capacity. Saisissez le numéro du contrat Entreprise (un kit de développement utilise Development).',
    'billing.capacity-no-usage': 'Rapport d’utilisation désactivé : il n’est pas pris en charge avec le modèle de facturation Capacity.',
    'billing.payg-disconnected':
      'PayAsYouUse n’est pas possible pour une instance déconnectée : l’utilisation ne peut pas parvenir à Azure. Choisissez Capacity avec votre numéro de contrat EA, ou Development.',
    'billing.payg-usage-stays-on': 'Le rapport d’utilisation ne peut pas être désactivé avec le modèle PayAsYouUse : il reste activé.',
    'billing.custom-too-old': 'Le modèle Custom n’est pas pris en charge par les instances de version inférieure à {{gate}}. Mettez à jour l’instance ou choisissez un autre modèle.',
    'billing.custom-needs-tag': 'L’étiquette d’actif MS (MsAssetTag) est obligatoire avec le modèle Custom. Saisissez-la.',
    'billing.ruggedized-disconnected':
      'L’applet officielle du jeton refuse le modèle Ruggedized pour une instance déconnectée. Les instances Ruggedized s’inscrivent en mode déconnecté avec le modèle Capacity, le numéro de contrat EA et l’étiquette d’actif MS imprimée sur le produit.',
    'billing.ruggedized-needs-tag': 'L’étiquette d’actif MS est obligatoire avec le modèle Ruggedized ; elle est imprimée sur le produit.',
    'billing.ruggedized-too-old': 'Cette instance ({{version}}) n’accepte pas d’étiquette d’actif MS ; il faut la version {{gate}} ou ultérieure.',
    'billing.usage-disconnected': 'Le rapport d’utilisation est activé, mais une instance déconnectée ne peut pas envoyer ses données d’utilisation à Azure.',
    'billing.tag-not-sent': 'Étiquette d’actif MS non envoyée : les instances antérieures à {{gate}} ne l’acceptent pas.',
    'billing.token-version-rule':
      'Version du jeton : aucune sur les instances antérieures à {{gate}} (elles choisissent la leur) ; 4.0 à partir de {{gate}} ; 6.0 sur les instances plus récentes que {{v6Gate}}. Il en va de même pour chaque cloud Azure, comme dans le module officiel actuel.',
    'billing.token-version-not-sent': 'Version du jeton {{version}} non envoyée : les instances antérieures à {{gate}} choisissent la leur.',
    'billing.token-version-none': 'Aucune version du jeton envoyée : les instances antérieures à {{gate}} choisissent la leur.',
    'billing.token-version-chosen': 'Version du jeton {{version}}, comme choisi.',
    'billing.token-version-6': 'Version du jeton 6.0 : l’instance {{stampVersion}} est plus récente que {{gate}}.',
    'billing.token-version-4': 'Version du jeton 4.0 : l’instance {{stampVersion}} n’est pas plus récente que {{gate}}.',
    'key.billing-capacity': 'Facturation Capacity : le contrat Entreprise paie les cœurs, sans frais d’utilisation.',
    'key.billing-payg': 'Facturation à l’utilisation : l’utilisation est facturée sur l’abonnement Azure.',
    'key.billing-development': 'Facturation Development : pour l’évaluation et les kits de développement, sans frais.',
    'key.billing-custom': 'Facturation Custom, liée à l’étiquette d’actif MS.',
    'key.billing-ruggedized': 'Facturation Ruggedized, liée à l’étiquette d’actif MS.',
    'key.billing-other': 'Modèle de facturation {{model}}.',
    'key.usage-on': 'Les données d’utilisation sont envoyées à Azure.',
    'key.usage-off': 'Les données d’utilisation ne sont pas envoyées à Azure.',
    'key.syndication-on': 'Les éléments de la Place de marché peuvent être téléchargés depuis Azure (syndication).',
    'key.syndication-off': 'Pas de syndication en ligne de la Place de marché : apportez les éléments avec l’outil de syndication hors ligne.',
    'key.registration': 'Inscription {{name}}.',
    'key.registration-group': 'Inscription {{name}} dans le groupe de ressources {{group}}.',
    'key.registration-subscription': 'Inscription {{name}} dans l’abonnement {{subscription}}.',
    'key.registration-group-subscription': 'Inscription {{name}} dans le groupe de ressources {{group}}, abonnement {{subscription}}.',
    'key.no-expiry': 'L’inscription n’expire pas.',
    'key.valid-until': 'L’inscription est valable jusqu’au {{date}}.',
    'key.expiry-unreadable': 'La date d’expiration de la clé « {{expires}} » est illisible.',
    'key.expired-on': 'Cette clé a expiré le {{date}}.',
    'key.other-stamp': 'Cette clé est pour le cloud ID {{keyCloudId}}, mais l’instance connectée a le cloud ID {{stampCloudId}}.',
    'key.other-token': 'Cette clé est pour le cloud ID {{keyCloudId}}, mais le jeton d’inscription a été produit pour {{tokenCloudId}}.',
    'key.other-object': 'L’identifiant d’objet de la clé {{keyObjectId}} diffère de celui du jeton {{tokenObjectId}} : elle répond à un autre jeton.',
    'key.hosts-differ': 'La clé liste les hôtes {{keyHosts}}, le jeton liste {{tokenHosts}}.',
    'key.host-count-differs': 'La clé couvre {{keyCount}} hôtes, le jeton {{tokenCount}}.',
    'key.signature':
      'La signature de la clé ne peut pas être vérifiée ici : seul Azure Stack Hub peut la vérifier pendant l’activation. L’application vérifie que la clé est bien formée et correspond à cette instance et à son jeton.',
    'preflight.title-powershell': 'PowerShell',
    'preflight.title-language-mode': 'Mode de langage PowerShell',
    'preflight.title-execution-policy': 'Stratégie d’exécution',
    'preflight.title-trusted-hosts': 'TrustedHosts de WinRM',
    'preflight.title-winrm-port': 'Port WinRM {{port}}',
    'preflight.powershell': 'PowerShell {{version}} ({{edition}})',
    'preflight.pswsman-missing': 'PowerShell {{version}} ({{edition}}) n’a pas de client WinRM ici : le module PSWSMan n’est pas installé.',
    'preflight.pswsman-3':
      'PowerShell {{version}} ({{edition}}) sous {{os}}, avec PSWSMan {{pswsman}} pour WinRM. Il s’authentifie par son fournisseur Devolutions intégré (NTLM ou Kerberos) : gss-ntlmssp n’est pas nécessaire.',
    'preflight.pswsman-2':
      'PowerShell {{version}} ({{edition}}) sous {{os}}, avec PSWSMan {{pswsman}} pour WinRM (NTLM par le GSSAPI du système). PSWSMan 3 (pwsh 7.4 ou ultérieur) ne demande aucune bibliothèque système.',
    'preflight.pswsman-2-no-ntlm':
      'PowerShell {{version}} ({{edition}}) sous Linux, avec PSWSMan {{pswsman}} : il s’authentifie en NTLM par GSSAPI, et gss-ntlmssp n’est pas installé (/etc/gss/mech.d/ntlmssp.conf est absent) ; la connexion au point de terminaison privilégié échouerait.',
    'preflight.pswsman-2-step': 'PSWSMan 3 demande pwsh 7.4 ou ultérieur ; sinon installez gss-ntlmssp, par exemple sudo apt install gss-ntlmssp.',
    'preflight.trusted-hosts-empty': 'TrustedHosts est vide.',
    'preflight.trusted-hosts-list': 'TrustedHosts vaut « {{list}} ».',
    'preflight.trusted-hosts-policy-empty': 'TrustedHosts (défini par stratégie de groupe) est vide.',
    'preflight.trusted-hosts-policy-list': 'TrustedHosts (défini par stratégie de groupe) vaut « {{list}} ».',
    'preflight.winrm-service': 'Le service WinRM est à l’état {{state}} : Set-Item sur WSMan:\\ a besoin qu’il tourne.',
    'preflight.no-reason': 'aucune raison donnée',
    'preflight.trusted-hosts-unknown':
      'Inconnu : TrustedHosts n’a pas pu être lu dans le registre ({{reason}}). Vérifiez-le dans un PowerShell élevé.',
    'preflight.trusted-hosts-all': '{{current}} Toutes les adresses ERCS sont approuvées.',
    'preflight.trusted-hosts-policy-missing':
      '{{current}} Manquantes : {{missing}}. Une stratégie de groupe définit cette liste, Set-Item ne peut donc pas la modifier : demandez aux administrateurs de cette stratégie (Configuration ordinateur > Modèles d’administration > Composants Windows > Gestion à distance de Windows > Client WinRM > Hôtes approuvés) de les ajouter.',
    'preflight.trusted-hosts-policy-step': 'Ajoutez {{missing}} à la liste « Hôtes approuvés » de la stratégie de groupe, puis exécutez gpupdate /force.',
    'preflight.trusted-hosts-missing':
      '{{current}} Manquantes : {{missing}}. Exécutez la commande ci-dessous dans un PowerShell élevé (-Concatenate conserve les entrées existantes).',
    'preflight.trusted-hosts-off-windows':
      'Sans objet hors de Windows : PSWSMan n’a pas de liste TrustedHosts (pas de lecteur WSMan:) ; il s’authentifie en NTLM (Negotiate) avec les identifiants que vous saisissez.',
    'preflight.ports-reachable': 'Joignables : {{hosts}}.',
    'preflight.ports-silent': 'Sans réponse : {{hosts}}.',
    'preflight.ports-mixed': 'Joignables : {{reachable}} ; sans réponse : {{silent}}.',
    'preflight.port-step': 'Vérifiez le chemin réseau et le pare-feu de cet ordinateur vers le port TCP {{port}} des adresses ERCS.',
    'preflight.not-run-language': 'Non vérifié : le script hôte a besoin du mode FullLanguage.',
    'preflight.not-run-host': 'Non vérifié : l’hôte PowerShell n’a pas démarré.',
    'preflight.execution-policy-refused': 'PowerShell démarre, mais a refusé d’exécuter le script hôte.',
    'preflight.language-mode': 'Mode de langage : {{mode}}.',
    'preflight.language-mode-step': 'Autorisez le script signé d’AzS Registrar dans la stratégie AppLocker/WDAC, ou utilisez un autre poste de travail.',
    'preflight.execution-policy': 'Stratégie effective {{policy}} ; le script hôte signé s’exécute.',
    'preflight.execution-policy-scope': 'Stratégie effective {{policy}} (définie au niveau {{scope}}) ; le script hôte signé s’exécute.',
    'subscription.quota-id': 'ID de quota {{quotaId}}',
    'subscription.no-quota-id': 'pas d’ID de quota',
    'subscription.disconnected-unknown': 'L’inscription déconnectée demande un abonnement EA ; le type de celui-ci ne peut pas être déterminé ({{seen}}).',
    'subscription.disconnected-offer': 'L’inscription déconnectée demande un abonnement EA ; celui-ci semble être {{offer}} ({{seen}}).',
    'subscription.connected-unknown':
      'L’inscription connectée demande un abonnement EA, CSP ou CSP services partagés ; le type de celui-ci ne peut pas être déterminé ({{seen}}).',
    'subscription.connected-offer': 'L’inscription connectée demande un abonnement EA, CSP ou CSP services partagés ; celui-ci semble être {{offer}} ({{seen}}).',
    'subscription.disabled':
      'Cet abonnement est désactivé (résilié, expiré ou au-delà de sa limite de dépense) : Azure y refuse toute modification. Choisissez un abonnement activé, ou demandez à son administrateur de compte de le réactiver.',
    'subscription.warned':
      'Cet abonnement est à l’état Warned (problème de facturation) : Azure va bientôt le désactiver. Choisissez un abonnement activé, ou demandez à son administrateur de compte de régler d’abord la facturation.',
    'subscription.past-due':
      'Cet abonnement est à l’état PastDue (impayé) : Azure le désactivera s’il n’est pas payé. Choisissez un abonnement activé, ou demandez à son administrateur de compte de régler d’abord le paiement.',
    'subscription.deleted': 'Cet abonnement est supprimé. Choisissez un abonnement activé.',
    'subscription.other-state': 'Cet abonnement est à l’état {{state}}, pas Enabled. Choisissez un abonnement activé.',
    'file.not-read': 'Non lu : seuls les {{limit}} fichiers candidats les plus récents d’un support sont lus.',
    'file.unreadable': 'Il n’a pas pu être lu ({{error}}).',
    'powershell.not-started': '{{command}} n’a pas pu être démarré : {{error}}',
    'powershell.not-powershell': '{{command}} n’a pas répondu comme PowerShell (code de sortie {{exit}}).',
    'powershell.not-powershell-said': '{{command}} n’a pas répondu comme PowerShell (code de sortie {{exit}}). {{output}}',
    'powershell.no-version': '{{command}} n’a pas donné sa version en {{seconds}} s.',
    'powershell.too-old': 'C’est PowerShell {{version}} ({{edition}}), pas PowerShell 7.',
    'session.address-failed': '{{address}} n’a pas ouvert de session : {{reason}}',
    'session.host-said': 'L’hôte PowerShell signale : {{words}}',
    'session.host-restarted': 'L’hôte PowerShell a redémarré et la session a été rouverte par {{host}}.',
    'session.retry': 'Le point de terminaison privilégié n’a pas répondu à {{cmd}} : nouvel essai dans {{seconds}} s ({{attempt}} sur {{limit}}).',
    'session.transcripts-host-stopped': 'Les transcriptions de cette session restent sur le point de terminaison privilégié : l’hôte PowerShell s’était déjà arrêté.',
    'session.transcripts-no-share': 'Les transcriptions de cette session restent sur le point de terminaison privilégié : aucun partage de transcriptions n’a été indiqué.',
    'session.transcripts-probably-copied':
      'La session s’est terminée pendant Close-PrivilegedEndpoint, sa réponse n’a donc pas été vue : les transcriptions ont probablement été copiées. Vérifiez-les dans {{share}}.',
    'session.transcripts-copy-failed': 'Les transcriptions de cette session restent sur le point de terminaison privilégié : leur copie vers {{share}} a échoué.',
    'session.transcripts-copy-failed-because':
      'Les transcriptions de cette session restent sur le point de terminaison privilégié : leur copie vers {{share}} a échoué : {{warnings}}',
    'history.read-from': 'Lu depuis {{path}}',
    'history.pasted': 'Collé',
    'history.note-and': '{{note}} ; {{more}}',
    'history.token-read-again': 'Jeton relu',
    'history.saved-to': 'Enregistré dans {{path}}',
    'history.registered': '{{id}}',
    'history.registered-existing': '{{id}} (existait déjà)',
    'history.activation-confirmed': 'Activation de l’instance confirmée par l’opérateur',
    'history.activation-confirmed-unknown': 'Activation confirmée par l’opérateur après une issue inconnue',
    'history.restored': 'Restauré depuis les archives par l’opérateur',
    'progress.key-pair': 'Préparation de la paire de clés de l’instance (Set-RegistrationKeyPair)…',
    'progress.token': 'Demande d’un jeton d’inscription à l’instance (New-RegistrationToken)…',
    'progress.activate': 'Activation de l’instance (New-AzureStackActivation). Cela peut prendre jusqu’à 30 minutes.',
    'progress.deactivate': 'Retrait de l’activation de l’instance (Remove-AzureStackActivation)…',
    'progress.key': 'Récupération de la clé d’activation…',
    'progress.key-of': 'Obtention de la clé d’activation de {{name}}',
    'progress.retry-asked': 'Azure a demandé d’attendre {{seconds}} s ({{reason}}), puis nouvel essai ({{attempt}} sur {{limit}}).',
    'progress.retry-waiting': '{{reason}} : attente de {{seconds}} s, puis nouvel essai ({{attempt}} sur {{limit}}).',
    'progress.lock-propagating':
      'Azure applique encore le verrou qui vient d’être levé (la levée met un moment à atteindre tout Azure) ; nouvel essai dans {{seconds}} s',
    'retry.throttled': 'limitation du débit (429)',
    'retry.http': 'HTTP {{status}}',
    'retry.timeout': 'pas de réponse à temps',
    'retry.connection': 'erreur de connexion {{code}}',
    'progress.register-check': 'Vérification de l’emplacement, du fournisseur, du groupe de ressources et de toute inscription de ce nom',
    'progress.register-check-existing': 'Recherche d’une inscription de ce nom',
    'progress.group-elsewhere': 'Le groupe de ressources {{group}} existe déjà dans {{location}} ; il y reste (vous aviez choisi {{chosen}}).',
    'progress.create-group': 'Création du groupe de ressources {{group}} dans {{location}}',
    'progress.create-registration': 'Création de l’inscription {{name}}',
    'progress.update-registration': 'Mise à jour de l’inscription {{name}}',
    'progress.lock-in-place': 'Le verrou de l’inscription est déjà en place.',
    'progress.place-lock': 'Pose du verrou de l’inscription (CanNotDelete)',
    'progress.provider-register': 'Inscription du fournisseur de ressources Microsoft.AzureStack dans l’abonnement',
    'progress.provider-waiting': 'Microsoft.AzureStack est à l’état {{state}} ; nouvelle vérification sous peu (cela peut prendre plusieurs minutes ; vous pouvez annuler)',
    'progress.unregister-find': 'Recherche de l’inscription',
    'progress.unregister-locks': 'Vérification des verrous de l’inscription, de son groupe de ressources et de son abonnement',
    'progress.unregister-unlock': 'Levée du verrou de l’inscription',
    'progress.unregister-delete': 'Suppression de l’inscription {{name}}',
    'progress.unregister-verify': 'Vérification qu’Azure n’a plus l’inscription',
    'progress.unregister-gone':
      'La désinscription lancée le {{at}}, interrompue par la fermeture de l’application, l’avait déjà supprimée : Azure n’a aucune inscription {{name}} dans {{group}} ; il ne reste rien à faire.',
    'progress.unregister-gone-cloud':
      'La désinscription lancée le {{at}}, interrompue par la fermeture de l’application, l’avait déjà supprimée : Azure n’a aucune inscription pour l’ID de cloud {{cloudId}} dans l’abonnement {{subscription}} ; il ne reste rien à faire.',
    'progress.unregister-gone-cloud-group':
      'La désinscription lancée le {{at}}, interrompue par la fermeture de l’application, l’avait déjà supprimée : Azure n’a aucune inscription pour l’ID de cloud {{cloudId}} dans le groupe de ressources {{group}} de l’abonnement {{subscription}} ; il ne reste rien à faire.',
    'progress.move-read-group': 'Lecture de l’emplacement du groupe de ressources {{group}}',
    'progress.move-create-target': 'Le groupe de ressources cible {{target}} n’existe pas : création dans {{location}}, l’emplacement de {{group}}',
    'progress.move-cross-subscription':
      'Déplacement entre abonnements : Azure ne l’accepte que si les deux abonnements CSP relèvent du même identifiant de partenaire.',
    'progress.move-validate': 'Azure vérifie si le déplacement est possible',
    'progress.move-move': 'Déplacement de {{name}} vers le groupe de ressources {{target}}',
    'progress.move-check': 'Vérification de l’inscription et du groupe de ressources cible',
    'progress.move-check-subscriptions': 'Vérification des deux abonnements',
    'progress.move-locks': 'Vérification des verrous de l’inscription, des groupes de ressources et des abonnements source et cible',
    'progress.move-unlock': 'Levée du verrou de l’inscription pour le déplacement',
    'progress.move-lock': 'Verrouillage de l’inscription à sa nouvelle place',
    'progress.move-already-there': '{{name}} est déjà dans le groupe de ressources {{target}} (un déplacement précédent a abouti) : verrouillage à cet endroit.',
    'progress.principal-not-visible':
      'Le nouveau principal de service n’est pas encore visible dans l’annuaire (PrincipalNotFound) ; nouvel essai dans {{seconds}} s.',
    'progress.move-old-id':
      'L’activation de l’instance désigne encore l’ancien identifiant de ressource ; si la syndication échoue ensuite, obtenez une nouvelle clé d’activation et activez de nouveau.',
  },
};
