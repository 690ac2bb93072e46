package fixes

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

func ginMe(c *gin.Context) {
	c.JSON(http.StatusOK, c.MustGet("user")) // want "without Cache-Control private or no-store"
}

func echoMe(c echo.Context) error {
	return c.JSON(http.StatusOK, c.Get("user")) // want "without Cache-Control private or no-store"
}

func fiberMe(c *fiber.Ctx) error {
	return c.JSON(c.Locals("user")) // want "without Cache-Control private or no-store"
}
