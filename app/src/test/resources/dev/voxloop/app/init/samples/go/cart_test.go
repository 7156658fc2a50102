package shop

import "testing"

func TestTotal(t *testing.T) {
	if Total([]int{1, 2, 3}) != 6 {
		t.Fatal("wrong total")
	}
}
