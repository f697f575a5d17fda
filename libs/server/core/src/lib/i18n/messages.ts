import type { Locale } from '@convergence/shared/domain';

/**
 * Every message the api sends to a person, in the three languages of the product.
 * `{name}` placeholders are filled from the error's parameters.
 */
const catalogue = {
  'error.unauthenticated': {
    fr: 'Vous devez vous connecter pour continuer.',
    ar: 'يجب تسجيل الدخول للمتابعة.',
    en: 'You must sign in to continue.',
  },
  'error.sessionExpired': {
    fr: 'Votre session a expiré ou n’est plus valide. Reconnectez-vous.',
    ar: 'انتهت صلاحية جلستك أو لم تعد صالحة. يرجى تسجيل الدخول من جديد.',
    en: 'Your session has expired or is no longer valid. Please sign in again.',
  },
  'error.invalidCredentials': {
    fr: 'Adresse e-mail ou mot de passe incorrect.',
    ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    en: 'Incorrect e-mail address or password.',
  },
  'error.signInLocked': {
    fr: 'Trop de tentatives de connexion échouées. Réessayez dans {minutes} minutes.',
    ar: 'محاولات تسجيل دخول فاشلة كثيرة. حاول مرة أخرى بعد {minutes} دقيقة.',
    en: 'Too many failed sign-in attempts. Try again in {minutes} minutes.',
  },
  'error.forbidden': {
    fr: 'Vous n’avez pas le droit d’effectuer cette action.',
    ar: 'ليس لديك الصلاحية للقيام بهذا الإجراء.',
    en: 'You are not allowed to do this.',
  },
  'error.notFound': {
    fr: '{subject} introuvable.',
    ar: '{subject} غير موجود.',
    en: '{subject} not found.',
  },
  'error.unknownTerritory': {
    fr: 'Territoire inconnu : « {code} ».',
    ar: 'إقليم غير معروف: «{code}».',
    en: 'Unknown territory: "{code}".',
  },
  'error.invalidInput': {
    fr: 'Certaines valeurs saisies sont invalides.',
    ar: 'بعض القيم المدخلة غير صالحة.',
    en: 'Some values are invalid.',
  },
  'error.conflict': {
    fr: 'Cet élément a été modifié entre-temps par quelqu’un d’autre. Rechargez-le puis recommencez.',
    ar: 'تم تعديل هذا العنصر في الأثناء من طرف شخص آخر. أعد تحميله ثم حاول مجددًا.',
    en: 'Someone else changed this item meanwhile. Reload it and try again.',
  },
  'error.badRequest': {
    fr: 'Requête invalide : {detail}',
    ar: 'طلب غير صالح: {detail}',
    en: 'Invalid request: {detail}',
  },
  'error.payloadTooLarge': {
    fr: 'La requête dépasse la taille maximale autorisée ({limit}).',
    ar: 'يتجاوز الطلب الحجم الأقصى المسموح به ({limit}).',
    en: 'The request is larger than the allowed maximum ({limit}).',
  },
  'error.malformedBody': {
    fr: 'Le corps de la requête n’est pas du JSON valide en UTF-8.',
    ar: 'محتوى الطلب ليس JSON صالحًا بترميز UTF-8.',
    en: 'The request body is not valid UTF-8 JSON.',
  },
  'error.internal': {
    fr: 'Une erreur inattendue est survenue. Elle a été enregistrée ; réessayez plus tard.',
    ar: 'حدث خطأ غير متوقع وتم تسجيله. حاول مرة أخرى لاحقًا.',
    en: 'An unexpected error occurred. It has been logged; please try again later.',
  },
  'subject.Organization': { fr: 'Organisation', ar: 'المؤسسة', en: 'Organisation' },
  'subject.User': { fr: 'Utilisateur', ar: 'المستخدم', en: 'User' },
  'subject.Territory': { fr: 'Territoire', ar: 'الإقليم', en: 'Territory' },
  'validation.isEmail': {
    fr: 'Saisissez une adresse e-mail valide.',
    ar: 'أدخل بريدًا إلكترونيًا صالحًا.',
    en: 'Enter a valid e-mail address.',
  },
  'validation.isNotEmpty': {
    fr: 'Ce champ est obligatoire.',
    ar: 'هذا الحقل إلزامي.',
    en: 'This field is required.',
  },
  'validation.maxLength': {
    fr: '{max} caractères au maximum.',
    ar: '{max} حرفًا على الأكثر.',
    en: 'At most {max} characters.',
  },
  'validation.minLength': {
    fr: '{min} caractères au minimum.',
    ar: '{min} أحرف على الأقل.',
    en: 'At least {min} characters.',
  },
  'validation.isIn': {
    fr: 'Valeur non autorisée.',
    ar: 'قيمة غير مسموح بها.',
    en: 'Value not allowed.',
  },
  'validation.territoryCode': {
    fr: 'Code de territoire HCP invalide (par exemple 06 ou 06.141).',
    ar: 'رمز إقليم غير صالح (مثلًا 06 أو 06.141).',
    en: 'Invalid HCP territory code (for example 06 or 06.141).',
  },
  'validation.cursor': {
    fr: 'Curseur de page invalide : reprenez depuis la première page.',
    ar: 'مؤشر صفحة غير صالح: ابدأ من الصفحة الأولى.',
    en: 'Invalid page cursor: start again from the first page.',
  },
  'validation.min': { fr: 'Au minimum {min}.', ar: '{min} على الأقل.', en: 'At least {min}.' },
  'validation.max': { fr: 'Au maximum {max}.', ar: '{max} على الأكثر.', en: 'At most {max}.' },
  'validation.isInt': {
    fr: 'Un nombre entier est attendu.',
    ar: 'يجب إدخال عدد صحيح.',
    en: 'A whole number is expected.',
  },
  'validation.isUuid': { fr: 'Identifiant invalide.', ar: 'معرّف غير صالح.', en: 'Invalid identifier.' },
  'subject.Project': { fr: 'Projet', ar: 'المشروع', en: 'Project' },
  'subject.Programme': { fr: 'Programme', ar: 'البرنامج', en: 'Programme' },
  'subject.Convention': { fr: 'Convention', ar: 'الاتفاقية', en: 'Convention' },
  'subject.Commitment': { fr: 'Engagement', ar: 'الالتزام', en: 'Commitment' },
  'subject.Action': { fr: 'Action', ar: 'الإجراء', en: 'Action' },
  'subject.Forum': { fr: 'Forum', ar: 'المنتدى', en: 'Forum' },
  'validation.invalidTransition': {
    fr: 'Passage de {from} à {to} impossible ; possibles : {allowed}.',
    ar: 'لا يمكن الانتقال من {from} إلى {to}؛ الممكن: {allowed}.',
    en: 'Cannot go from {from} to {to}; allowed: {allowed}.',
  },
  'validation.finalStatus': {
    fr: 'Le statut {from} est définitif.',
    ar: 'الوضعية {from} نهائية.',
    en: 'Status {from} is final.',
  },
  'validation.reasonRequired': {
    fr: 'Indiquez un motif.',
    ar: 'يرجى تحديد السبب.',
    en: 'Give a reason.',
  },
  'validation.deliveredNeedsFullProgress': {
    fr: 'Un projet livré doit être avancé à 100 %.',
    ar: 'يجب أن يبلغ تقدم المشروع المسلَّم 100 %.',
    en: 'A delivered project must be 100 % complete.',
  },
  'validation.dateInPast': {
    fr: 'La date ne peut pas être passée.',
    ar: 'لا يمكن أن يكون التاريخ في الماضي.',
    en: 'The date cannot be in the past.',
  },
  'validation.endBeforeStart': {
    fr: 'La fin ne peut pas précéder le début.',
    ar: 'لا يمكن أن تسبق النهاية البداية.',
    en: 'The end cannot come before the start.',
  },
  'validation.isDateString': {
    fr: 'Date attendue au format AAAA-MM-JJ.',
    ar: 'يجب إدخال تاريخ بصيغة YYYY-MM-DD.',
    en: 'A date as YYYY-MM-DD is expected.',
  },
  'validation.dateOutOfRange': {
    fr: 'Date hors limites : l’année doit être comprise entre {min} et {max}.',
    ar: 'تاريخ خارج الحدود: يجب أن تكون السنة بين {min} و {max}.',
    en: 'Date out of range: the year must be between {min} and {max}.',
  },
  'validation.decimal': {
    fr: 'Montant invalide : nombre positif d’au plus {max}, avec au plus {scale} décimales.',
    ar: 'مبلغ غير صالح: عدد موجب لا يتجاوز {max} بـ {scale} أرقام عشرية على الأكثر.',
    en: 'Invalid amount: a positive number up to {max}, with at most {scale} decimals.',
  },
  'validation.unknownReference': {
    fr: '{subject} introuvable.',
    ar: '{subject} غير موجود.',
    en: '{subject} not found.',
  },
  'validation.amountOrQuantityRequired': {
    fr: 'Indiquez un montant ou une quantité.',
    ar: 'يرجى تحديد مبلغ أو كمية.',
    en: 'Give an amount or a quantity.',
  },
  'validation.exceedsRemaining': {
    fr: 'Au plus {max} restent à honorer.',
    ar: 'المتبقي للوفاء به {max} على الأكثر.',
    en: 'At most {max} remains to fulfil.',
  },
  'validation.notAwaitingVerification': {
    fr: "Aucune réalisation déclarée n'attend de vérification.",
    ar: 'لا يوجد تنفيذ مصرَّح به في انتظار التحقق.',
    en: 'No declared fulfilment awaits verification.',
  },
  'validation.commitmentClosed': {
    fr: 'Cet engagement est clos ({status}).',
    ar: 'هذا الالتزام مغلق ({status}).',
    en: 'This commitment is closed ({status}).',
  },
  'validation.alreadyDeclared': {
    fr: 'Une réalisation déclarée attend déjà sa vérification.',
    ar: 'هناك تنفيذ مصرَّح به ينتظر التحقق بالفعل.',
    en: 'A declared fulfilment is already awaiting verification.',
  },
  'validation.arrayMaxSize': {
    fr: 'Au plus {max} éléments.',
    ar: '{max} عناصر على الأكثر.',
    en: 'At most {max} items.',
  },
  'validation.regionExpected': {
    fr: 'Choisissez une région, ou aucune pour une portée nationale.',
    ar: 'اختر جهة، أو لا شيء لنطاق وطني.',
    en: 'Choose a region, or none for a national scope.',
  },
  'validation.communeExpected': {
    fr: 'Choisissez une commune (pas une région ni une province).',
    ar: 'اختر جماعة (وليس جهة أو إقليمًا).',
    en: 'Choose a commune (not a region or a province).',
  },
  'validation.codeTaken': {
    fr: 'Ce code est déjà utilisé.',
    ar: 'هذا الرمز مستعمل من قبل.',
    en: 'This code is already in use.',
  },
  'validation.coordinate': {
    fr: 'Coordonnée invalide : entre -{max} et {max}, au plus 6 décimales.',
    ar: 'إحداثية غير صالحة: بين ‎-{max} و {max}، بـ 6 أرقام عشرية على الأكثر.',
    en: 'Invalid coordinate: between -{max} and {max}, at most 6 decimals.',
  },
  'subject.Comment': { fr: 'Commentaire', ar: 'التعليق', en: 'Comment' },
  'validation.mentionNotAllowed': {
    fr: 'Seules les personnes qui peuvent lire ce sujet peuvent être mentionnées.',
    ar: 'لا يمكن الإشارة إلا إلى الأشخاص الذين يمكنهم الاطلاع على هذا الموضوع.',
    en: 'Only people who can read this subject can be mentioned.',
  },
  'validation.replyToTopLevelComment': {
    fr: 'Répondez à un commentaire de ce même sujet qui n’est pas lui-même une réponse.',
    ar: 'أجب عن تعليق في هذا الموضوع نفسه لا يكون هو نفسه ردًّا.',
    en: 'Reply to a comment on this same subject that is not itself a reply.',
  },
  'validation.questionNotOnReply': {
    fr: 'Une réponse ne peut pas être une question formelle.',
    ar: 'لا يمكن أن يكون الرد سؤالًا رسميًا.',
    en: 'A reply cannot be a formal question.',
  },
  'validation.questionWithoutResponsible': {
    fr: 'Ce sujet n’a pas d’organisation responsable à qui poser une question formelle.',
    ar: 'ليس لهذا الموضوع مؤسسة مسؤولة يمكن توجيه سؤال رسمي إليها.',
    en: 'This subject has no responsible organisation to ask a formal question.',
  },
  'validation.commentDeleted': {
    fr: 'Ce commentaire a été supprimé.',
    ar: 'تم حذف هذا التعليق.',
    en: 'This comment was deleted.',
  },
  'subject.Milestone': { fr: 'Jalon', ar: 'المرحلة', en: 'Milestone' },
  'error.queuesUnavailable': {
    fr: 'Les files de traitement sont momentanément injoignables (Redis). Réessayez dans un instant.',
    ar: 'طوابير المعالجة غير متاحة مؤقتًا (Redis). حاول مرة أخرى بعد لحظات.',
    en: 'The job queues are unreachable for now (Redis). Try again in a moment.',
  },
  'validation.inAppMode': {
    fr: 'Dans l’application, une notification est immédiate ou désactivée (IMMEDIATE ou OFF).',
    ar: 'داخل التطبيق، يكون الإشعار فوريًا أو معطلًا (IMMEDIATE أو OFF).',
    en: 'In the app, a notification is either immediate or off (IMMEDIATE or OFF).',
  },
  'validation.duplicatePreference': {
    fr: 'Ce type et ce canal figurent déjà plus haut dans la liste.',
    ar: 'هذا النوع وهذه القناة مذكوران من قبل في القائمة.',
    en: 'This type and channel already appear earlier in the list.',
  },
  'validation.emailTaken': {
    fr: 'Un compte utilise déjà cette adresse e-mail.',
    ar: 'هذا البريد الإلكتروني مستعمل من قبل في حساب آخر.',
    en: 'An account already uses this e-mail address.',
  },
  'validation.organizationNameTaken': {
    fr: 'Une organisation porte déjà ce nom.',
    ar: 'توجد مؤسسة تحمل هذا الاسم من قبل.',
    en: 'An organisation already has this name.',
  },
  'validation.ownAccount': {
    fr: 'Vous ne pouvez ni désactiver votre propre compte ni vous retirer le rôle d’administrateur : demandez-le à un autre administrateur.',
    ar: 'لا يمكنك تعطيل حسابك ولا سحب دور المسؤول من نفسك: اطلب ذلك من مسؤول آخر.',
    en: 'You cannot deactivate your own account or remove your own administrator role: ask another administrator.',
  },
  'validation.invalid': { fr: 'Valeur invalide.', ar: 'قيمة غير صالحة.', en: 'Invalid value.' },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof catalogue;
export type MessageParams = Record<string, string | number>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return fillPlaceholders(catalogue[key][locale], params);
}

/** Replaces each `{name}` that has a value in `params`; the others stay as they are. */
export function fillPlaceholders(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}
