package jsonleak

import (
	"regexp"
	"testing"
)

// The default patterns: the secret must be the last word.
func TestDefaultPatterns(t *testing.T) {
	for _, c := range []struct {
		pattern string
		yes, no []string
	}{
		{DefaultSecrets,
			[]string{"password_hash", "hashed_password", "encrypted_password", "pwd_digest", "salt", "password_salt",
				"totp_secret", "private_key", "priv_key_pem", "otp_seed", "mfa_key",
				"recovery_codes", "backup_code", "credit_card", "card_number", "cc_num", "cvv", "cvc2", "ssn", "social_security_number"},
			[]string{"password", "secret", "password_changed_at", "password_length", "secret_name", "secret_question_id", "salted",
				"token", "api_key", "key", "card_holder", "last4", "compass", "bypass", "password_hint", "otp_enabled"}},
		{DefaultCredentials,
			[]string{"password", "pwd", "passphrase", "new_password", "secret", "secrets", "client_secret", "secret_key"},
			[]string{"password_hash", "has_password_set", "secret_name", "password_reset_at", "passenger"}},
		{DefaultAccounts,
			[]string{"User", "SysUser", "UserDTO", "Account", "Member", "Customer", "AdminUser", "Profile", "Seller"},
			[]string{"Share", "Application", "Device", "Webhook", "FileRequest", "Meta"}},
		{DefaultTokens,
			[]string{"token", "api_token", "access_token", "refresh_token", "tokens", "api_key", "apikey", "access_key", "secret_access_key", "session_key"},
			[]string{"token_type", "token_expires_at", "key", "tokenizer", "public_key"}},
		{DefaultChosen,
			[]string{"private_key", "priv_key_pem", "totp_secret", "mfa_seed", "recovery_codes", "secret", "client_secret", "secret_key", "token", "api_key", "access_key"},
			[]string{"password", "password_hash", "salt", "secrets_hash", "card_number", "cvv", "ssn", "passphrase", "public_key"}},
		{DefaultConfig,
			[]string{"example.com/app/config.Redis", "example.com/app/config/db.Postgres", "example.com/app/models.Settings",
				"example.com/app/ent.StoragePolicy", "example.com/app/types.QBittorrentSetting", "example.com/app/setting.Mail", "example.com/app/api.SMTPOptions"},
			[]string{"example.com/app/models.User", "example.com/app/configurator.User", "example.com/app/models.Policyholder", "example.com/app/settingsui.Account"}},
	} {
		re := regexp.MustCompile(c.pattern)
		for _, s := range c.yes {
			if !re.MatchString(s) {
				t.Errorf("%q does not match %s", s, c.pattern)
			}
		}
		for _, s := range c.no {
			if re.MatchString(s) {
				t.Errorf("%q matches %s", s, c.pattern)
			}
		}
	}
}
