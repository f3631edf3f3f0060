import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { PHONE_PATTERN } from './phone';

/**
 * Whether `raw` is a number a phone could ring, by the numbering plan of its country: `+` numbers by their
 * own, others read as numbers of `defaultCountry` (the outlet's). Undefined country: only `+` numbers pass.
 * The `min` metadata checks lengths and leading digits per country, enough to refuse "0000000" or twenty
 * nines, at a fraction of the full metadata's size in the customer's bundle.
 */
export function isCallablePhone(raw: string, defaultCountry: string | undefined): boolean {
  if (!PHONE_PATTERN.test(raw.trim())) return false;
  const country = defaultCountry !== undefined && isSupportedCountry(defaultCountry) ? defaultCountry : undefined;
  return parsePhoneNumberFromString(raw.trim(), country)?.isValid() === true;
}

/** What the customer reads beside a phone that is not one. */
export const PHONE_MESSAGE = 'Enter a phone number the restaurant can call, e.g. +91 98450 12345.';
