// Package directives has well-formed and malformed //resplint:ignore
// directives; each problem is reported once.
package directives

func valid() {
	//resplint:ignore cookieflags TLS ends at the proxy, which adds Secure
	_ = 1 //resplint:ignore cookieflags	a tab separates the reason
}

func problems() {
	/* want `//resplint:ignore cookieflags has no reason, so it suppresses nothing` */ //resplint:ignore cookieflags

	/* want `names unknown analyzer "cookieflag", which it does not suppress; the analyzers are cookiedelete, cookieflags` */ //resplint:ignore cookieflag a typo

	/* want `unknown analyzers "a", "b"` */ //resplint:ignore a,cookieflags,b,a two unknown names, each named once

	/* want `unknown analyzer "nosuchcheck"` `has no reason` */ //resplint:ignore nosuchcheck

	/* want `needs the analyzers to suppress and a reason` */ //resplint:ignore

	/* want `has an empty analyzer name in "cookieflags,"` */ //resplint:ignore cookieflags, reason

	/* want `"// resplint:ignore" is not a directive: write //resplint:ignore with no space` */ // resplint:ignore cookieflags reason

	/* want `unknown directive //resplint:disable: the only resplint directive is //resplint:ignore NAME\[,NAME\] reason` */ //resplint:disable cookieflags reason

	/* want `unknown directive //resplint:ignorecookieflags` */ //resplint:ignorecookieflags reason
}

/* want `has no reason` */ //resplint:ignore cookieflags

// Comments that merely mention resplint:ignore, such as this one, or
// //resplint-style text in prose, are not directives.
