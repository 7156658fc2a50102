import { test } from "node:test";
import assert from "node:assert/strict";
import { total } from "../cart.js";

test("adds prices", () => {
  assert.equal(total([1, 2, 3]), 6);
});
