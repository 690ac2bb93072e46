package jsonleak

import (
	"strings"
	"unicode"
)

// DefaultSecrets matches, in lower snake case, the names of fields that
// hold secrets: passwords and their hashes, salts, secrets (client, MFA,
// TOTP/OTP), private keys, recovery codes, card numbers, CVVs and social
// security numbers. The secret must be the last word: "password_hash" and
// "client_secret" match, "password_changed_at" and "secret_name" do not.
const DefaultSecrets = `(^|_)(pass(word)?|passwd|pwd|passphrase|passcode)(_(hash|hashed|digest|crypt|bcrypt|encrypted|enc|salt))?$` +
	`|(^|_)(hashed|encrypted|crypted)_(pass(word)?|passwd|pwd)$` +
	`|(^|_)salt$` +
	`|(^|_)secrets?(_(key|hash))?$` +
	`|(^|_)priv(ate)?_keys?(_pem|_bytes)?$` +
	`|(^|_)(totp|otp|mfa|2fa|two_factor)_(secret|key|seed)$` +
	`|(^|_)(recovery|backup)_codes?$` +
	`|(^|_)(credit_card|card|cc)_(number|num|no)$|(^|_)credit_card$` +
	`|(^|_)(cvv2?|cvc2?|csc|card_verification_(value|code))$` +
	`|(^|_)(ssn|social_security(_number)?)$`

// DefaultTokens matches, in lower snake case, the names of fields that
// hold bearer credentials: tokens and API or access keys. They are
// reported only on persistence models, since a response DTO that carries
// a token (a login response) carries it on purpose.
const DefaultTokens = `(^|_)tokens?$|(^|_)api_?keys?$|(^|_)(access|secret_access|auth|session|signing)_keys?$`

// DefaultConfig matches the qualified names ("path.Name") of structs that
// hold the application's own configuration, whose secrets settings pages
// show to administrators on purpose: types named ...Settings, ...Config,
// ...Options, ...Policy, ...Preferences, and the types of config, conf
// and settings packages.
const DefaultConfig = `(?i)(^|/)(conf|configs?|settings?)(/[^.]*)?\.|(settings?|config(uration)?|options|polic(y|ies)|preferences)$`

// DefaultModels matches the import paths of packages whose structs are
// persistence models.
const DefaultModels = `(^|/)(models?|entit(y|ies))(/|$)`

// snake returns name in lower snake case: "PasswordHash", "passwordHash"
// and "password-hash" all become "password_hash"; "TOTPSecret" becomes
// "totp_secret".
func snake(name string) string {
	rs := []rune(name)
	var b strings.Builder
	for i, r := range rs {
		switch {
		case r == '-' || r == ' ' || r == '.':
			r = '_'
		case unicode.IsUpper(r):
			prevLower := i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]))
			acronymEnd := i > 0 && unicode.IsUpper(rs[i-1]) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || acronymEnd {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
