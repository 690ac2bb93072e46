// Package jsonleak defines an Analyzer that reports JSON responses that
// serialise secrets: raw models and hand-built maps sent where a filtered
// response type belongs.
//
// # Analyzer jsonleak
//
// jsonleak: report JSON responses that send password hashes, secrets or tokens to the client
//
// A handler that writes a model straight to the response
// (json.NewEncoder(w).Encode(user), c.JSON(200, user)) sends every field
// encoding/json writes, including the ones a response DTO would have left
// out. jsonleak walks the static type of each JSON body the way
// encoding/json does (exported fields, embedded structs and their
// promotion rules, json names, json:"-", pointers, slices, arrays and
// maps; a type's own MarshalJSON or MarshalText ends the walk, and
// omitempty does not hide a set field) and reports:
//
//   - secret fields, in any struct: password hashes, salts, MFA/TOTP/OTP
//     secrets, recovery codes, private keys, card numbers, CVVs, social
//     security numbers; and passwords and secrets of accounts (structs
//     named for users, members, customers, admins...) (category secret);
//   - token and API key fields of accounts that are persistence models:
//     structs with gorm, db, bson or sql tags, structs embedding
//     gorm.Model, and structs of models and entity packages (with -strict,
//     of every persistence model). A login response DTO that returns a
//     token does so on purpose and is not reported (category token);
//   - map literals (map[string]any, gin.H, echo.Map, fiber.Map, render.M)
//     whose entries write stored secret data: a value read from a struct
//     field under a secret key, or a value read from a secret field
//     (category map). A value computed in the handler, such as a new 2FA
//     secret shown once to its owner, is sent on purpose.
//
// Fields the handler blanks before the write (u.PasswordHash = "", a
// sanitizing call such as u.HideSecrets() in any package, also for each
// element of a slice it ranges over), write-only passwords (not persisted,
// a plain Password beside a stored hash tagged json:"-", or an omitempty
// password of a request type), secrets of configuration structs shown to
// administrators on purpose, and ent edges, filled only when loaded, are
// not reported. Nor are the private keys, secrets, tokens and API keys of
// a response type that is not a persistence model by its tags, when the
// code fills the field by naming it (PrivateKey: src.PrivateKey, in any
// package): the author chose to send it. Passwords, their hashes, salts
// and card data are reported on every type.
//
// Bodies are found in json.NewEncoder(w).Encode on the response, in
// bytes from json.Marshal written with Write (or gin's Data, echo's
// JSONBlob and Blob, fiber's Send), in gin's JSON, IndentedJSON,
// SecureJSON, PureJSON, AsciiJSON, JSONP and AbortWithStatusJSON, echo's
// JSON, JSONPretty and JSONP, fiber's JSON and JSONP, hertz's JSON,
// PureJSON, IndentedJSON and AbortWithStatusJSON, go-zero's httpx.OkJson,
// OkJsonCtx, WriteJson and WriteJsonCtx, and chi render's JSON, Render,
// RenderList, DefaultResponder and Respond; through
// variables, interface-typed variables with one assignment, the values
// composite literals put in interface-typed fields (or the function sets
// on such fields of a local variable, or a function in any package sets
// on such fields of the value it returns), and helpers in any package
// that write their argument.
//
// The suggested fix tags the field json:"-", offered only for fields
// declared in the analysed package that it never decodes JSON (or a
// request body) into.
//
// Flags: -secrets, -credentials and -tokens, regular expressions matched
// against field names and map keys in lower snake case (PasswordHash is
// "password_hash"); -accounts, a regular expression of the names of
// account structs; -models, of the import paths of persistence-model
// packages; -config, of the qualified names of configuration structs;
// -strict, report the secrets of response types filled by naming the
// field too, and the tokens of every persistence model.
package jsonleak
