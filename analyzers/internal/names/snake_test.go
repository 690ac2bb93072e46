package names

import "testing"

func TestSnake(t *testing.T) {
	for in, want := range map[string]string{
		"PasswordHash":    "password_hash",
		"passwordHash":    "password_hash",
		"password-hash":   "password_hash",
		"TOTPSecret":      "totp_secret",
		"APIKey":          "api_key",
		"SSN":             "ssn",
		"CVV2":            "cvv2",
		"PrivateKeyPEM":   "private_key_pem",
		"upload.s3.key":   "upload_s3_key",
		"User2FASecret":   "user2_fa_secret",
		"already_snake":   "already_snake",
		"HasPassword":     "has_password",
		"RecoveryCodes":   "recovery_codes",
		"ClientSecretKey": "client_secret_key",
	} {
		if got := Snake(in); got != want {
			t.Errorf("Snake(%q) = %q, want %q", in, got, want)
		}
	}
}
