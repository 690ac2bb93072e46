package gin

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
)

// --- two error answers in a row, each without return ---

func twoErrors(c *gin.Context) {
	p, err := strconv.Atoi(c.DefaultQuery("page", "1"))
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"message": err.Error()})
	}
	pp, err := strconv.Atoi(c.DefaultQuery("per_page", "30"))
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"message": err.Error()}) // want `c.JSON writes to the response after c.JSON at line \d+, which completed the response and does not return`
	}
	c.JSON(http.StatusOK, []int{p, pp}) // want `c.JSON writes to the response after c.JSON at line \d+, which completed the response and does not return`
}

func respErr(c *gin.Context, err error) {
	c.JSON(http.StatusBadRequest, gin.H{"message": err.Error()})
}

// The same through a helper that always answers.
func twoHelperErrors(c *gin.Context) {
	p, err := strconv.Atoi(c.DefaultQuery("page", "1"))
	if err != nil {
		respErr(c, err)
	}
	pp, err := strconv.Atoi(c.DefaultQuery("per_page", "30"))
	if err != nil {
		respErr(c, err) // want `respErr is called after gin.respErr at line \d+, which completed the response and does not return`
	}
	c.JSON(http.StatusOK, []int{p, pp}) // want `c.JSON writes to the response after gin.respErr at line \d+, which completed the response and does not return`
}

// Exclusive error answers: a report for each at the answer both let
// through.
func eitherError(c *gin.Context, a, b bool) {
	if a {
		c.JSON(http.StatusBadRequest, gin.H{"message": "a"})
	} else if b {
		c.JSON(http.StatusNotFound, gin.H{"message": "b"})
	}
	c.JSON(http.StatusOK, gin.H{}) // want `c.JSON writes to the response after c.JSON at line 45, which completed the response and does not return` `after c.JSON at line 47`
}
