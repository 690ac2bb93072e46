package gin

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
)

const outcomeOK = "ok"

func audit(outcome string) {}

// A result writer that answers on success and, after its bookkeeping,
// returns on the same test: the error answer is on the other paths.
func finish(c *gin.Context, outcome string, result any) {
	if outcome == outcomeOK {
		b, err := json.Marshal(result)
		if err != nil {
			outcome = "encoding failed"
		} else {
			c.Data(http.StatusOK, "application/json", b)
		}
	}
	audit(outcome)
	if outcome == outcomeOK {
		return
	}
	c.JSON(http.StatusInternalServerError, gin.H{"error": outcome})
}

// Without the second test, the error answer follows the success.
func finishUnchecked(c *gin.Context, outcome string, result any) {
	if outcome == outcomeOK {
		c.JSON(http.StatusOK, result)
	}
	audit(outcome)
	c.JSON(http.StatusInternalServerError, gin.H{"error": outcome}) // want `c.JSON writes to the response after c.JSON at line \d+, which completed the response and does not return`
}
