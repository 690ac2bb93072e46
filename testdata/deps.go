package deps

import (
	_ "github.com/cloudwego/hertz/pkg/app/server"
	_ "github.com/gin-contrib/cors"
	_ "github.com/gin-gonic/gin"
	_ "github.com/go-chi/chi/v5"
	_ "github.com/go-chi/cors"
	_ "github.com/go-chi/render"
	_ "github.com/gofiber/fiber/v2"
	_ "github.com/gofiber/fiber/v3"
	_ "github.com/gorilla/handlers"
	_ "github.com/gorilla/mux"
	_ "github.com/gorilla/sessions"
	_ "github.com/julienschmidt/httprouter"
	_ "github.com/labstack/echo/v4"
	_ "github.com/labstack/echo/v5"
	_ "github.com/resplint/resplint/httpsafe"
	_ "github.com/rs/cors"
	_ "github.com/zeromicro/go-zero/rest"
	_ "github.com/zeromicro/go-zero/rest/httpx"
)
