package main

import (
	"encoding/csv"
	"net/http"
	"strconv"
)

type exportRow struct {
	ID    int
	Email string
	Total string
}

// exportOrders sends the orders as CSV for the back office (route: GET
// /admin/orders/export; a route ending in ".csv" would name the file and
// not be reported). It sets no Content-Disposition, so browsers show the
// rows as text, or save them as "export" (disposition).
func exportOrders(w http.ResponseWriter, r *http.Request) {
	orders := []exportRow{{1, "ada@example.com", "12.50"}, {2, "alan@example.com", "7.00"}}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "email", "total"})
	for _, o := range orders {
		cw.Write([]string{strconv.Itoa(o.ID), o.Email, o.Total})
	}
	cw.Flush()
}
