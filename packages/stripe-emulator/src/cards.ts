/**
 * The test cards the hosted pages accept, with Stripe's test-mode numbers and messages
 * (https://docs.stripe.com/testing#cards):
 *
 * - 4242 4242 4242 4242: succeeds, and so do its renewals;
 * - 4000 0000 0000 0341: succeeds now, every later charge (renewal, dunning retry) fails;
 * - 4000 0000 0000 0002: declined ("Your card was declined.", HTTP 402), nothing is stored;
 * - anything else: "Your card number is invalid."
 */
import { createHash } from "node:crypto";
import type Stripe from "stripe";

/** What the card form posted (strings as typed). */
export interface CardInput {
  number: string;
  expiry: string;
  cvc: string;
  name: string;
}

/** A card that may be stored as a payment method. `expYear` has four digits. */
export interface AcceptedCard {
  last4: string;
  brand: string;
  expMonth: number;
  expYear: number;
  name: string;
  fingerprint: string;
}

/** The outcome of the card form: the card, or the message to show (`status` 400 or 402). */
export type CardCheck =
  | { ok: true; card: AcceptedCard }
  | { ok: false; status: 400 | 402; message: string; field: keyof CardInput };

const SUCCEEDS = "4242424242424242";
const FAILS_LATER = "4000000000000341";
const DECLINED = "4000000000000002";

/** The last four digits of the card whose later charges fail. */
const FAILS_LATER_LAST4 = FAILS_LATER.slice(-4);

/**
 * Checks the card form at `now` (unix seconds, the emulator clock, for the expiry). Field errors
 * come first (400), then the decline (402).
 */
export function checkCard(input: CardInput, now: number): CardCheck {
  const number = input.number.replace(/[\s-]/g, "");
  if (number === "") {
    return { ok: false, status: 400, message: "Your card number is incomplete.", field: "number" };
  }
  if (![SUCCEEDS, FAILS_LATER, DECLINED].includes(number)) {
    return { ok: false, status: 400, message: "Your card number is invalid.", field: "number" };
  }
  const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(input.expiry);
  if (!expiry) {
    return {
      ok: false,
      status: 400,
      message: "Your card's expiration date is incomplete.",
      field: "expiry",
    };
  }
  const expMonth = Number(expiry[1]);
  const expYear = expiry[2]!.length === 2 ? 2000 + Number(expiry[2]) : Number(expiry[2]);
  if (expMonth < 1 || expMonth > 12) {
    return {
      ok: false,
      status: 400,
      message: "Your card's expiration month is invalid.",
      field: "expiry",
    };
  }
  const today = new Date(now * 1000);
  const currentMonth = today.getUTCFullYear() * 12 + today.getUTCMonth() + 1;
  if (expYear * 12 + expMonth < currentMonth) {
    return {
      ok: false,
      status: 400,
      message: "Your card's expiration date is in the past.",
      field: "expiry",
    };
  }
  if (!/^\d{3,4}$/.test(input.cvc.trim())) {
    return {
      ok: false,
      status: 400,
      message: "Your card's security code is incomplete.",
      field: "cvc",
    };
  }
  const name = input.name.trim();
  if (name === "") {
    return { ok: false, status: 400, message: "Enter the name on your card.", field: "name" };
  }
  if (number === DECLINED) {
    return { ok: false, status: 402, message: "Your card was declined.", field: "number" };
  }
  return {
    ok: true,
    card: {
      last4: number.slice(-4),
      brand: "visa",
      expMonth,
      expYear,
      name,
      fingerprint: createHash("sha256").update(number).digest("base64url").slice(0, 16),
    },
  };
}

/** Whether a later charge (renewal, retry) on this payment method succeeds. */
export function chargeSucceeds(paymentMethod: Stripe.PaymentMethod | undefined): boolean {
  return paymentMethod?.card !== undefined && paymentMethod.card.last4 !== FAILS_LATER_LAST4;
}
