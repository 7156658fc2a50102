export function total(prices) {
  return prices.reduce((sum, p) => sum + p, 0);
}
