/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and capital letters without I, O, S, V, Z); the 18th is a check
 * character computed from the other 17 with the standard's weights, modulo 31.
 */
export const usccAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Weight of position i is 3^i mod 31 (GB 32100-2015, §5).
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** What is wrong with a candidate code, for `InvalidUscc` messages. */
export type UsccProblem =
  | { readonly kind: 'length'; readonly length: number }
  | { readonly kind: 'character'; readonly position: number; readonly character: string }
  | { readonly kind: 'check'; readonly expected: string; readonly actual: string };

/**
 * The check character of the first 17 characters of a code.
 * @throws RangeError when `body` is not 17 characters of the code alphabet.
 */
export function usccCheckCharacter(body: string): string {
  if (body.length !== 17) throw new RangeError(`a USCC body has 17 characters, got ${body.length}`);
  let sum = 0;
  for (let index = 0; index < 17; index++) {
    const value = usccAlphabet.indexOf(body[index]!);
    if (value < 0) {
      throw new RangeError(`"${body[index]}" at position ${index + 1} is not a USCC character`);
    }
    sum += value * weights[index]!;
  }
  return usccAlphabet[(31 - (sum % 31)) % 31]!;
}

/** Why `code` is not a valid USCC (wrong length, a foreign character, a wrong check character), or `undefined`. */
export function usccProblem(code: string): UsccProblem | undefined {
  if (code.length !== 18) return { kind: 'length', length: code.length };
  for (let index = 0; index < 18; index++) {
    if (!usccAlphabet.includes(code[index]!)) {
      return { kind: 'character', position: index + 1, character: code[index]! };
    }
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  return expected === code[17] ? undefined : { kind: 'check', expected, actual: code[17]! };
}

/** True when `code` is an 18-character USCC with the right check character. */
export function isValidUscc(code: string): boolean {
  return usccProblem(code) === undefined;
}
