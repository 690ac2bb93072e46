module example.com/resplint-demo

go 1.26
