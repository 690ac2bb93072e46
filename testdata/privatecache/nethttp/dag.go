package nethttp

import (
	"context"
	"encoding/json"
	"net/http"
)

// A graph of helpers that read the same context value and call each
// other, as kin-openapi's Validate methods do, is summarised with that
// read once, not once per path through it (2^24 paths here).
func claimsDAG(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(dag0(r.Context())) // want `handler reads the context value nethttp.claimsKey \(through nethttp.dag0\) but writes`
}

func dag0(ctx context.Context) any { return [2]any{dag1(ctx), dag1(ctx)} }

func dag1(ctx context.Context) any { return [2]any{dag2(ctx), dag2(ctx)} }

func dag2(ctx context.Context) any { return [2]any{dag3(ctx), dag3(ctx)} }

func dag3(ctx context.Context) any { return [2]any{dag4(ctx), dag4(ctx)} }

func dag4(ctx context.Context) any { return [2]any{dag5(ctx), dag5(ctx)} }

func dag5(ctx context.Context) any { return [2]any{dag6(ctx), dag6(ctx)} }

func dag6(ctx context.Context) any { return [2]any{dag7(ctx), dag7(ctx)} }

func dag7(ctx context.Context) any { return [2]any{dag8(ctx), dag8(ctx)} }

func dag8(ctx context.Context) any { return [2]any{dag9(ctx), dag9(ctx)} }

func dag9(ctx context.Context) any { return [2]any{dag10(ctx), dag10(ctx)} }

func dag10(ctx context.Context) any { return [2]any{dag11(ctx), dag11(ctx)} }

func dag11(ctx context.Context) any { return [2]any{dag12(ctx), dag12(ctx)} }

func dag12(ctx context.Context) any { return [2]any{dag13(ctx), dag13(ctx)} }

func dag13(ctx context.Context) any { return [2]any{dag14(ctx), dag14(ctx)} }

func dag14(ctx context.Context) any { return [2]any{dag15(ctx), dag15(ctx)} }

func dag15(ctx context.Context) any { return [2]any{dag16(ctx), dag16(ctx)} }

func dag16(ctx context.Context) any { return [2]any{dag17(ctx), dag17(ctx)} }

func dag17(ctx context.Context) any { return [2]any{dag18(ctx), dag18(ctx)} }

func dag18(ctx context.Context) any { return [2]any{dag19(ctx), dag19(ctx)} }

func dag19(ctx context.Context) any { return [2]any{dag20(ctx), dag20(ctx)} }

func dag20(ctx context.Context) any { return [2]any{dag21(ctx), dag21(ctx)} }

func dag21(ctx context.Context) any { return [2]any{dag22(ctx), dag22(ctx)} }

func dag22(ctx context.Context) any { return [2]any{dag23(ctx), dag23(ctx)} }

func dag23(ctx context.Context) any { return [2]any{dag24(ctx), dag24(ctx)} }

func dag24(ctx context.Context) any { return ctx.Value(claimsKey{}) }
