package jsonleak

// DefaultSecrets matches, in lower snake case, the names of fields that
// hold secrets wherever they are: password hashes and digests, salts,
// MFA/TOTP/OTP secrets, keys and seeds, recovery and backup codes,
// private keys, card numbers, CVVs and social security numbers. Nobody
// means to send these. The secret must be the last word:
// "password_hash" matches, "password_changed_at" does not.
const DefaultSecrets = `(^|_)(pass(word)?|passwd|pwd|passphrase|passcode)_(hash|hashed|digest|crypt|bcrypt|encrypted|enc|salt)$` +
	`|(^|_)(hashed|encrypted|crypted)_(pass(word)?|passwd|pwd)$` +
	`|(^|_)salt$` +
	`|(^|_)secrets?_hash$` +
	`|(^|_)priv(ate)?_keys?(_pem|_bytes)?$` +
	`|(^|_)(totp|otp|mfa|2fa|two_factor)_(secret|key|seed)$` +
	`|(^|_)(recovery|backup)_codes?$` +
	`|(^|_)(credit_card|card|cc)_(number|num|no)$|(^|_)credit_card$` +
	`|(^|_)(cvv2?|cvc2?|csc|card_verification_(value|code))$` +
	`|(^|_)(ssn|social_security(_number)?)$`

// DefaultCredentials matches, in lower snake case, the names of fields
// that hold a password or a secret: reported on accounts (-accounts),
// whose password, stored or hashed under that name, is theirs alone. The
// password of a share link, a protected folder or a webhook is shown to
// its owner on purpose.
const DefaultCredentials = `(^|_)(pass(word)?|passwd|pwd|passphrase|passcode)$|(^|_)secrets?(_key)?$`

// DefaultTokens matches, in lower snake case, the names of fields that
// hold bearer credentials: tokens and API or access keys. They are
// reported on accounts that are persistence models: a response DTO that
// carries a token (a login response) does so on purpose, as does an app
// or device record shown to its owner.
const DefaultTokens = `(^|_)tokens?$|(^|_)api_?keys?$|(^|_)(access|secret_access|auth|session|signing)_keys?$`

// DefaultChosen matches, in lower snake case, the names of secrets that a
// response type may carry on purpose: private keys, MFA secrets, recovery
// codes, secrets and secret keys, tokens and API keys, which key-management
// and integration pages show. Such a field, filled by naming it in a
// struct that is not a persistence model, is not reported (copied.go).
// Passwords, their hashes, salts and card data are never chosen: no
// response needs them.
const DefaultChosen = `(^|_)priv(ate)?_keys?(_pem|_bytes)?$` +
	`|(^|_)(totp|otp|mfa|2fa|two_factor)_(secret|key|seed)$` +
	`|(^|_)(recovery|backup)_codes?$` +
	`|(^|_)secrets?(_key)?$|` + DefaultTokens

// DefaultAccounts matches the names of structs that describe accounts
// (users, members, customers, admins...), whose credentials are theirs
// alone.
const DefaultAccounts = `(?i)user|account|member|customer|admin|person|people|profile|employee|staff|owner|seller|buyer|vendor|merchant|operator|principal|identity|player|student|teacher|patient|subscriber`

// DefaultConfig matches the qualified names ("path.Name") of structs that
// hold the application's own configuration, whose secrets settings pages
// show to administrators on purpose: types named ...Settings, ...Config,
// ...Options, ...Policy, ...Preferences, and the types of config, conf
// and settings packages.
const DefaultConfig = `(?i)(^|/)(conf|configs?|settings?)(/[^.]*)?\.|(settings?|config(uration)?|options|polic(y|ies)|preferences)$`

// DefaultModels matches the import paths of packages whose structs are
// persistence models.
const DefaultModels = `(^|/)(models?|entit(y|ies))(/|$)`
