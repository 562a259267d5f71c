import { test as setup } from "./support/test";
import { clientIpHeader, signIn } from "./support/accounts";
import { SEEDED, SESSIONS } from "./support/sessions";

/**
 * Setup project (playwright.config.ts): signs in once as each seeded account through the sign-in
 * form and saves the browser state the specs start from (e2e/support/sessions.ts).
 */

setup.use({ extraHTTPHeaders: async ({}, provide) => provide(clientIpHeader()) });

for (const name of Object.keys(SEEDED) as (keyof typeof SEEDED)[]) {
  setup(`sign in as the seeded ${name} account`, async ({ page }) => {
    await signIn(page, SEEDED[name].email, SEEDED[name].password);
    await page.context().storageState({ path: SESSIONS[name] });
  });
}
