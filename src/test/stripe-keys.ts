/** The Stripe key and webhook secret of the test run's emulator (src/test/global-setup.ts). */
export const TEST_SECRET_KEY = "sk_test_vitest";
export const TEST_WEBHOOK_SECRET = "whsec_vitest";
