import { DEFAULT_LETTER_TEMPLATE, renderLetterTemplate, type LetterFacts } from './letter-template.ts';

/** The register number as it is written on letters: 12/TTPVHCC-TTGS. */
export function letterNumber(number: number | null): string {
  return number === null ? '…/TTPVHCC-TTGS' : `${number}/TTPVHCC-TTGS`;
}

/**
 * The forwarding letter's body from the built-in template. The server renders the admin's stored template
 * instead (`renderLetterTemplate`); this is for the seed and for tests.
 */
export function forwardingLetterBody(facts: LetterFacts): string {
  return renderLetterTemplate(DEFAULT_LETTER_TEMPLATE, facts);
}
