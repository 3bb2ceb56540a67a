/** A price table entry: US dollars per million input and output tokens. */
export interface ModelPrice {
  readonly inputPerMTok: number;
  readonly outputPerMTok: number;
}

/** The cost in US dollars of the given tokens at `price`, rounded to a billionth of a dollar. Pure. */
export function costOf(
  tokens: { readonly input: number; readonly output: number },
  price: ModelPrice,
): number {
  const usd = (tokens.input * price.inputPerMTok + tokens.output * price.outputPerMTok) / 1_000_000;
  return Math.round(usd * 1e9) / 1e9;
}
