// JSON that keeps numbers as the digits they were written with.
//
// Amounts are exact decimals in 万元 and the engine prints them with the decimals written (51.10 stays 51.10).
// A JavaScript number is a binary float that would turn 51.10 into 51.1, so this page never lets a number pass
// through one: parsing keeps each number's source text (JSON.parse's reviver context, in Chromium 114+ and
// Firefox 135+) and writing emits those digits verbatim. The standard JSON.stringify cannot emit chosen digits
// in every browser, hence the small writer below.

/** A JSON number as written, e.g. "180.97212"; never converted to a float. */
export class Decimal {
  constructor(digits) {
    this.digits = digits;
  }

  toString() {
    return this.digits;
  }
}

/** A plain decimal as the contract accepts it (not negative, no exponent): what a typed cell must look like to be sent as a number. */
const PLAIN_DECIMAL = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** The typed text as a Decimal if it is a plain decimal (full-width digits from a Chinese input method accepted), else null. */
export function decimalOf(text) {
  const ascii = text.trim()
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xFEE0))
    .replace(/．/g, '.');
  return PLAIN_DECIMAL.test(ascii) ? new Decimal(ascii) : null;
}

/** Parses JSON text; every number becomes a Decimal holding its source digits. Throws SyntaxError like JSON.parse. */
export function parseExact(text) {
  return JSON.parse(text, (key, value, context) => {
    if (typeof value !== 'number') {
      return value;
    }
    // Without source access (an older browser) the shortest float form is the best there is.
    return new Decimal(context && typeof context.source === 'string' ? context.source : String(value));
  });
}

/** Writes a value as JSON, Decimals as their digits, indented by `indent` spaces (0: one line). */
export function stringifyExact(value, indent = 2) {
  const step = ' '.repeat(indent);
  const newline = indent > 0 ? '\n' : '';
  const colon = indent > 0 ? ': ' : ':';

  function write(node, padding) {
    if (node instanceof Decimal) {
      return node.digits;
    }
    if (node === null || typeof node !== 'object') {
      return JSON.stringify(node) ?? 'null';
    }
    const inner = padding + step;
    if (Array.isArray(node)) {
      if (node.length === 0) {
        return '[]';
      }
      const items = node.map((item) => newline + inner + write(item, inner));
      return '[' + items.join(',') + newline + padding + ']';
    }
    const keys = Object.keys(node).filter((key) => node[key] !== undefined);
    if (keys.length === 0) {
      return '{}';
    }
    const members = keys.map((key) => newline + inner + JSON.stringify(key) + colon + write(node[key], inner));
    return '{' + members.join(',') + newline + padding + '}';
  }

  return write(value, '');
}

/**
 * The exact sum of the values that are numbers (text such as 无 is not counted), written as BigDecimal.add
 * writes it: with as many decimals as the most precise term (10 + 15.5 = 25.5, 10.0 + 15 = 25.0).
 */
export function sumOfNumbers(values) {
  const decimals = values.filter((value) => value instanceof Decimal && /^[0-9]+(\.[0-9]+)?$/.test(value.digits));
  const scale = Math.max(0, ...decimals.map((d) => (d.digits.split('.')[1] ?? '').length));
  const total = decimals.reduce((sum, d) => {
    const [whole, fraction = ''] = d.digits.split('.');
    return sum + BigInt(whole + fraction.padEnd(scale, '0'));
  }, 0n);
  const digits = total.toString().padStart(scale + 1, '0');
  return scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/**
 * 执行率 as the engine computes it where none is given: executed × 100 ÷ budget, rounded half up to two decimals and
 * written with a % (180.97212 of 207.6892 → 87.14%); '' when either is not a number or the budget is 0.
 */
export function percentOf(executed, budget) {
  const plain = (value) => value instanceof Decimal && /^[0-9]+(\.[0-9]+)?$/.test(value.digits);
  if (!plain(executed) || !plain(budget)) {
    return '';
  }
  const scaled = (d) => {
    const [whole, fraction = ''] = d.digits.split('.');
    return { units: BigInt(whole + fraction), scale: fraction.length };
  };
  const e = scaled(executed);
  const b = scaled(budget);
  if (b.units === 0n) {
    return '';
  }
  // hundredths of a percent: e × 100 × 100 ÷ b, with both scales brought to the same power of ten
  const numerator = e.units * 10000n * 10n ** BigInt(b.scale);
  const denominator = b.units * 10n ** BigInt(e.scale);
  const hundredths = (2n * numerator + denominator) / (2n * denominator);
  const digits = hundredths.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}%`;
}
