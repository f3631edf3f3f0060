import { z } from 'zod';

/**
 * A phone number as a customer or caller gives it: digits with spaces, brackets, dashes, an optional leading +.
 * Only its shape: whether it is a number of its country is callablePhone.ts (kept apart so the numbering-plan
 * metadata goes only to the apps that check customers' phones, not to every app that reads an order).
 */
export const PHONE_PATTERN = /^\+?[0-9 ()-]{6,20}$/;

/** A trimmed phone number; `message` is what the person typing it reads when it is not one. */
export const phoneSchema = (message = 'Enter a phone number.') => z.string().trim().regex(PHONE_PATTERN, message);

/**
 * A delivery agent's phone, as the legacy `POST /delivery` API has always taken it: it starts with a
 * digit and may be up to 31 characters. Kept apart so systems that call that API are not refused now.
 */
export const AGENT_PHONE_PATTERN = /^\+?[0-9][0-9 ()-]{5,30}$/;
export const agentPhoneSchema = z.string().trim().regex(AGENT_PHONE_PATTERN, 'must be a phone number');
