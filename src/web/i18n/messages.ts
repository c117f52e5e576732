// Every string the web app shows, by area, in English, French and Arabic.
export const messages = {
  en: {
    app: { name: "Conduct Ledger", tagline: "Conduct and discipline in UN peace operations", language: "Language", signOut: "Sign out", signOutEverywhere: "Sign out everywhere", loading: "Loading…", error: "Something went wrong. Try again." },
    signIn: { title: "Sign in", email: "Email", password: "Password", submit: "Sign in", code: "Authentication code", codeHelp: "Enter the 6-digit code from your authenticator app.", verify: "Verify", failed: "The email or password is not correct.", codeFailed: "That code is not correct or has expired.", locked: "This account is temporarily locked after repeated failed sign-ins. Try again later." },
    enrol: { title: "Set up two-factor authentication", intro: "Your role can see confidential records, so your account must use an authenticator app.", password: "Confirm your password", start: "Show QR code", scan: "Scan this QR code with your authenticator app, or type the key below.", key: "Key", confirm: "Confirm", backupCodes: "Keep these backup codes somewhere safe:" },
    nav: { cases: "Cases", users: "Users", reference: "Reference data", audit: "Audit trail", tokens: "API tokens" },
    cases: { title: "Cases", empty: "No cases in your scope yet.", reference: "Case", mission: "Mission", reported: "Reported", status: "Status", categories: "Personnel", nationalities: "Nationality" },
    roles: { administrator: "Administrator", cds_officer: "CDS officer", cdt_officer: "CDT officer", investigator: "Investigator", member_state_focal_point: "Member State focal point", victim_assistance: "Victim assistance", analyst: "Analyst", auditor: "Auditor", publisher: "Publisher", cbcm_focal_point: "CBCM focal point" },
    status: { received: "Received", preliminary_assessment: "Preliminary assessment", referred: "Referred", under_investigation: "Under investigation", findings: "Findings", actions: "Actions", closed: "Closed" },
    soon: "This area arrives with the next release.",
  },
  fr: {
    app: { name: "Conduct Ledger", tagline: "Déontologie et discipline dans les opérations de paix des Nations Unies", language: "Langue", signOut: "Se déconnecter", signOutEverywhere: "Se déconnecter partout", loading: "Chargement…", error: "Une erreur s'est produite. Réessayez." },
    signIn: { title: "Connexion", email: "Courriel", password: "Mot de passe", submit: "Se connecter", code: "Code d'authentification", codeHelp: "Saisissez le code à 6 chiffres de votre application d'authentification.", verify: "Vérifier", failed: "Le courriel ou le mot de passe est incorrect.", codeFailed: "Ce code est incorrect ou a expiré.", locked: "Ce compte est temporairement verrouillé après plusieurs échecs de connexion. Réessayez plus tard." },
    enrol: { title: "Configurer l'authentification à deux facteurs", intro: "Votre rôle donne accès à des dossiers confidentiels : votre compte doit utiliser une application d'authentification.", password: "Confirmez votre mot de passe", start: "Afficher le code QR", scan: "Scannez ce code QR avec votre application d'authentification, ou saisissez la clé ci-dessous.", key: "Clé", confirm: "Confirmer", backupCodes: "Conservez ces codes de secours en lieu sûr :" },
    nav: { cases: "Dossiers", users: "Utilisateurs", reference: "Données de référence", audit: "Journal d'audit", tokens: "Jetons d'API" },
    cases: { title: "Dossiers", empty: "Aucun dossier dans votre périmètre pour l'instant.", reference: "Dossier", mission: "Mission", reported: "Signalé", status: "Statut", categories: "Personnel", nationalities: "Nationalité" },
    roles: { administrator: "Administrateur", cds_officer: "Fonctionnaire du CDS", cdt_officer: "Fonctionnaire de l'équipe déontologie et discipline", investigator: "Enquêteur", member_state_focal_point: "Point focal d'État Membre", victim_assistance: "Assistance aux victimes", analyst: "Analyste", auditor: "Auditeur", publisher: "Éditeur", cbcm_focal_point: "Point focal CBCM" },
    status: { received: "Reçu", preliminary_assessment: "Évaluation préliminaire", referred: "Renvoyé", under_investigation: "Enquête en cours", findings: "Conclusions", actions: "Mesures", closed: "Clos" },
    soon: "Cet espace arrive avec la prochaine version.",
  },
  ar: {
    app: { name: "سجل السلوك", tagline: "السلوك والانضباط في عمليات السلام التابعة للأمم المتحدة", language: "اللغة", signOut: "تسجيل الخروج", signOutEverywhere: "تسجيل الخروج من كل الأجهزة", loading: "جارٍ التحميل…", error: "حدث خطأ. حاول مرة أخرى." },
    signIn: { title: "تسجيل الدخول", email: "البريد الإلكتروني", password: "كلمة المرور", submit: "دخول", code: "رمز التحقق", codeHelp: "أدخل الرمز المكوّن من 6 أرقام من تطبيق المصادقة.", verify: "تحقق", failed: "البريد الإلكتروني أو كلمة المرور غير صحيحة.", codeFailed: "الرمز غير صحيح أو انتهت صلاحيته.", locked: "هذا الحساب مقفل مؤقتًا بعد محاولات دخول فاشلة متكررة. حاول لاحقًا." },
    enrol: { title: "إعداد المصادقة الثنائية", intro: "يتيح دورك الاطلاع على سجلات سرية، لذا يجب أن يستخدم حسابك تطبيق مصادقة.", password: "أكّد كلمة المرور", start: "عرض رمز QR", scan: "امسح رمز QR بتطبيق المصادقة، أو اكتب المفتاح أدناه.", key: "المفتاح", confirm: "تأكيد", backupCodes: "احتفظ برموز الاحتياط هذه في مكان آمن:" },
    nav: { cases: "القضايا", users: "المستخدمون", reference: "البيانات المرجعية", audit: "سجل التدقيق", tokens: "رموز الواجهة البرمجية" },
    cases: { title: "القضايا", empty: "لا توجد قضايا ضمن نطاقك بعد.", reference: "القضية", mission: "البعثة", reported: "تاريخ الإبلاغ", status: "الحالة", categories: "فئة الأفراد", nationalities: "الجنسية" },
    roles: { administrator: "مسؤول النظام", cds_officer: "موظف دائرة السلوك والانضباط", cdt_officer: "موظف فريق السلوك والانضباط", investigator: "محقق", member_state_focal_point: "جهة تنسيق الدولة العضو", victim_assistance: "مساعدة الضحايا", analyst: "محلل", auditor: "مدقق", publisher: "ناشر", cbcm_focal_point: "جهة تنسيق آلية الشكاوى المجتمعية" },
    status: { received: "مستلمة", preliminary_assessment: "تقييم أولي", referred: "محالة", under_investigation: "قيد التحقيق", findings: "النتائج", actions: "الإجراءات", closed: "مغلقة" },
    soon: "يصل هذا القسم في الإصدار القادم.",
  },
} as const;

export type Language = keyof typeof messages;
export const languages: { code: Language; label: string; dir: "ltr" | "rtl" }[] = [
  { code: "en", label: "English", dir: "ltr" },
  { code: "fr", label: "Français", dir: "ltr" },
  { code: "ar", label: "العربية", dir: "rtl" },
];
